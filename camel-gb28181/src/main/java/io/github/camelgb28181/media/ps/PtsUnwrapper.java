package io.github.camelgb28181.media.ps;

/**
 * Turns 33-bit PES timestamps (ISO/IEC 13818-1 §2.4.3.7) into a long that keeps counting across the wrap every
 * 2^33 / 90 kHz ≈ 26.5 hours: each value is placed as the nearest one to the previous, so small steps backwards
 * (B-frames, a DTS before its PTS) stay small and a wrap forwards adds 2^33.
 */
final class PtsUnwrapper {

    static final long WRAP = 1L << 33;
    private static final long HALF = WRAP / 2;

    private long last = -1;

    long unwrap(long raw) {
        long value = raw & (WRAP - 1);
        if (last < 0) {
            last = value;
            return value;
        }
        long delta = ((value - last) % WRAP + WRAP + HALF) % WRAP - HALF;
        last += delta;
        return last;
    }

    void reset() {
        last = -1;
    }
}
