package io.github.camelgb28181.media.rtp;

/** Bytes that are not a valid RTP packet. Carries no stack trace: hostile traffic must stay cheap to reject. */
public final class RtpParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RtpDefect defect;

    public RtpParseException(RtpDefect defect) {
        super(defect.name(), null, false, false);
        this.defect = defect;
    }

    public RtpDefect defect() {
        return defect;
    }
}
