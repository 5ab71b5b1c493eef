package io.github.camelgb28181.media.mansrtsp;

import java.util.Objects;

/**
 * {@code Range: npt=<start>-[<end>]} (RFC 2326 §12.29). GB seeks with an open end: {@code npt=120-}, and resumes
 * with {@code npt=now-}.
 *
 * @param end {@code null} for an open range
 */
public record NptRange(NptTime start, NptTime end) {

    public NptRange {
        Objects.requireNonNull(start, "start");
        if (end != null && (end.now() || (!start.now() && end.seconds() < start.seconds()))) {
            throw new IllegalArgumentException("range end must be a time after the start: " + start + "-" + end);
        }
    }

    /** {@code npt=now-}: play on from where the stream is. */
    public static NptRange fromNow() {
        return new NptRange(NptTime.NOW, null);
    }

    /** {@code npt=<seconds>-}: jump to an offset into the recording. */
    public static NptRange from(double seconds) {
        return new NptRange(NptTime.ofSeconds(seconds), null);
    }

    /** Reads the header value; only the {@code npt} unit is accepted, as GB uses no other. */
    public static NptRange parse(String value) {
        String v = value.trim();
        if (!v.regionMatches(true, 0, "npt=", 0, 4)) {
            throw new IllegalArgumentException("range is not npt=: '" + MansrtspText.printable(v) + "'");
        }
        int dash = v.indexOf('-', 4);
        if (dash < 0) {
            throw new IllegalArgumentException("npt range without '-': '" + MansrtspText.printable(v) + "'");
        }
        NptTime start = NptTime.parse(v.substring(4, dash));
        String rest = v.substring(dash + 1).trim();
        return new NptRange(start, rest.isEmpty() ? null : NptTime.parse(rest));
    }

    @Override
    public String toString() {
        return "npt=" + start + "-" + (end == null ? "" : end.toString());
    }
}
