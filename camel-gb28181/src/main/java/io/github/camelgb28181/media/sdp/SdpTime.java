package io.github.camelgb28181.media.sdp;

import java.time.Instant;
import java.util.List;

/**
 * {@code t=<start> <stop>}. For Playback and Download GB/T 28181 writes both as Unix seconds, not the NTP seconds of
 * RFC 4566 §5.9; live sessions use {@code t=0 0}.
 */
public record SdpTime(long start, long stop) {

    /** {@code t=0 0}: an unbounded (live) session. */
    public static final SdpTime UNBOUNDED = new SdpTime(0, 0);

    public SdpTime {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("negative time: " + start + " " + stop);
        }
    }

    /** The recording interval of a Playback or Download, as GB Unix seconds. */
    public static SdpTime between(Instant start, Instant stop) {
        if (stop.isBefore(start)) {
            throw new IllegalArgumentException("stop " + stop + " is before start " + start);
        }
        return new SdpTime(start.getEpochSecond(), stop.getEpochSecond());
    }

    public static SdpTime parse(String value) {
        List<String> f = SdpText.fields(value);
        if (f.size() != 2) {
            throw new IllegalArgumentException("expected '<start> <stop>': " + SdpText.printable(value));
        }
        // 18 digits keep the value inside a long; larger numbers are not times
        long start = SdpText.parseUnsigned(f.get(0), 18);
        long stop = SdpText.parseUnsigned(f.get(1), 18);
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("times are not non-negative numbers: " + SdpText.printable(value));
        }
        return new SdpTime(start, stop);
    }

    public boolean isUnbounded() {
        return start == 0 && stop == 0;
    }

    public Instant startInstant() {
        return Instant.ofEpochSecond(start);
    }

    public Instant stopInstant() {
        return Instant.ofEpochSecond(stop);
    }

    @Override
    public String toString() {
        return start + " " + stop;
    }
}
