package io.github.camelgb28181.media.mansrtsp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A playback control request, the body of an INFO with {@code Content-Type: Application/MANSRTSP} (GB/T 28181-2016
 * and 2022 Annex B):
 *
 * <pre>
 * PLAY RTSP/1.0        PAUSE RTSP/1.0       PLAY RTSP/1.0        TEARDOWN RTSP/1.0
 * CSeq: 3              CSeq: 4              CSeq: 5              CSeq: 6
 * Scale: 2.0           PauseTime: now       Range: npt=120-
 * </pre>
 *
 * @param cseq      increases with every control request of one playback session
 * @param scale     the speed, 0.25 to 8 (1 = real time), or {@code null}
 * @param range     where to play from, or {@code null}
 * @param pauseTime where to pause, or {@code null}
 */
public record MansrtspRequest(MansrtspMethod method, Version version, long cseq, Double scale, NptRange range,
                              NptTime pauseTime) {

    /** The protocol token of the start line. */
    public enum Version {
        /** What 2016 and 2022 write, and what current devices expect. */
        RTSP_1_0("RTSP/1.0"),
        /** What GB/T 28181-2011 wrote; read for older peers, written when a device needs it. */
        MANSRTSP_1_0("MANSRTSP/1.0");

        private final String token;

        Version(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    /** Slowest and fastest speeds the standard's playback control names (1/4 to 8 times real time). */
    public static final double MIN_SCALE = 0.25;
    public static final double MAX_SCALE = 8.0;

    public MansrtspRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(version, "version");
        if (cseq < 0 || cseq > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("CSeq must fit 32 bits: " + cseq);
        }
        if (scale != null && !(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("Scale must be " + MIN_SCALE + " to " + MAX_SCALE + ": " + scale);
        }
    }

    /** Resume a paused playback where it stopped: {@code PLAY} with {@code Range: npt=now-}. */
    public static MansrtspRequest resume(long cseq) {
        return builder(MansrtspMethod.PLAY, cseq).range(NptRange.fromNow()).build();
    }

    /** Change the speed: {@code PLAY} with {@code Scale}. */
    public static MansrtspRequest speed(long cseq, double scale) {
        return builder(MansrtspMethod.PLAY, cseq).scale(scale).build();
    }

    /** Jump to {@code seconds} from the start of the requested interval: {@code PLAY} with {@code Range: npt=N-}. */
    public static MansrtspRequest seek(long cseq, double seconds) {
        return builder(MansrtspMethod.PLAY, cseq).range(NptRange.from(seconds)).build();
    }

    /** Pause: {@code PAUSE} with {@code PauseTime: now}. */
    public static MansrtspRequest pause(long cseq) {
        return builder(MansrtspMethod.PAUSE, cseq).pauseTime(NptTime.NOW).build();
    }

    public static MansrtspRequest teardown(long cseq) {
        return builder(MansrtspMethod.TEARDOWN, cseq).build();
    }

    public static Builder builder(MansrtspMethod method, long cseq) {
        return new Builder(method, cseq);
    }

    /**
     * The body text. Header lines end in CRLF and no empty line follows: the INFO's Content-Length delimits the
     * body, and this is the form devices are known to accept.
     */
    public String encode() {
        StringBuilder sb = new StringBuilder(64).append(method.name()).append(' ').append(version.token())
                .append("\r\nCSeq: ").append(cseq).append("\r\n");
        if (scale != null) {
            // Double.toString keeps one decimal for whole numbers ("2.0"), as the standard's example writes it
            sb.append("Scale: ").append(scale).append("\r\n");
        }
        if (range != null) {
            sb.append("Range: ").append(range).append("\r\n");
        }
        if (pauseTime != null) {
            sb.append("PauseTime: ").append(pauseTime).append("\r\n");
        }
        return sb.toString();
    }

    public byte[] toBytes() {
        return encode().getBytes(StandardCharsets.US_ASCII);
    }

    /** Collects the optional headers of one request. */
    public static final class Builder {
        private final MansrtspMethod method;
        private final long cseq;
        private Version version = Version.RTSP_1_0;
        private Double scale;
        private NptRange range;
        private NptTime pauseTime;

        private Builder(MansrtspMethod method, long cseq) {
            this.method = method;
            this.cseq = cseq;
        }

        public Builder version(Version v) {
            this.version = v;
            return this;
        }

        public Builder scale(double s) {
            this.scale = s;
            return this;
        }

        public Builder range(NptRange r) {
            this.range = r;
            return this;
        }

        public Builder pauseTime(NptTime t) {
            this.pauseTime = t;
            return this;
        }

        public MansrtspRequest build() {
            return new MansrtspRequest(method, version, cseq, scale, range, pauseTime);
        }
    }
}
