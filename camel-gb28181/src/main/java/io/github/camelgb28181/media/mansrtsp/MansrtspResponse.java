package io.github.camelgb28181.media.mansrtsp;

import java.util.Objects;

/**
 * The reply some devices put in the body of their 200 OK to a MANSRTSP INFO: {@code RTSP/1.0 200 OK} with
 * {@code CSeq}. The SIP status already says whether the INFO arrived; this says whether the control was carried out.
 *
 * @param cseq the CSeq it answers, or -1 when the device left it out
 */
public record MansrtspResponse(MansrtspRequest.Version version, int status, String reason, long cseq) {

    public MansrtspResponse {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must have three digits: " + status);
        }
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
