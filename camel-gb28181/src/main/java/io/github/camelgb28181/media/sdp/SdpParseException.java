package io.github.camelgb28181.media.sdp;

/**
 * A session description that cannot be used, with a {@link Reason} the caller can act on: a device whose answer has
 * port 0 rejected the stream (RFC 3264 §6) and should not be retried the same way, an answer without {@code c=} may
 * still be usable with the packet source address, a bad {@code y=} may be replaced by the SSRC of the first RTP packet.
 */
public final class SdpParseException extends Exception {

    /** Why the text was refused. */
    public enum Reason {
        /** More bytes than the parser's limit. */
        TOO_LARGE,
        /** More lines than the parser's limit. */
        TOO_MANY_LINES,
        /** A line that is not {@code <letter>=<value>} or holds control characters. */
        MALFORMED_LINE,
        /** {@code v=} other than 0. */
        BAD_VERSION,
        /** {@code o=} without its six fields. */
        BAD_ORIGIN,
        /** {@code c=} that is not {@code IN IP4|IP6 <address>}. */
        BAD_CONNECTION,
        /** {@code t=} that is not two non-negative numbers. */
        BAD_TIME,
        /** {@code m=} without media, port (0–65535), protocol and at least one format. */
        BAD_MEDIA,
        /** The same single-valued line twice at one level with different values. */
        DUPLICATE_FIELD,
        /** An answer without any {@code m=} line. */
        NO_MEDIA,
        /** An answer whose media lines all have port 0: the device refused the stream. */
        MEDIA_REJECTED,
        /** An answer without {@code c=} at media or session level. */
        NO_CONNECTION,
        /** An answer whose {@code y=} is not a decimal number that fits a 32-bit RTP SSRC. */
        BAD_SSRC
    }

    private final Reason reason;
    private final transient SessionDescription description;

    public SdpParseException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SdpParseException(Reason reason, String message, SessionDescription description) {
        super(message, null, false, false);
        this.reason = reason;
        this.description = description;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The description as parsed when the text was readable but unusable as an answer ({@link Reason#MEDIA_REJECTED},
     * {@link Reason#NO_CONNECTION}, {@link Reason#BAD_SSRC}, {@link Reason#NO_MEDIA}), else {@code null}.
     */
    public SessionDescription description() {
        return description;
    }
}
