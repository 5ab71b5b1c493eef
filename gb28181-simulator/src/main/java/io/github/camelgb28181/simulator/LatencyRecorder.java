package io.github.camelgb28181.simulator;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Round-trip times in microseconds: an HdrHistogram {@link Recorder} written by any thread without locks, read as
 * interval histograms (for status lines) that also add up to the whole run (for the summary).
 */
public final class LatencyRecorder {

    /** Longest time recorded exactly: 64 × T1 at the default T1 is 32 s; longer values are clamped. */
    private static final long MAX_MICROS = 120_000_000L;

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Histogram total = new Histogram(MAX_MICROS, 3);
    private Histogram interval;

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
    }

    /** Percentiles since the previous call, in milliseconds. */
    public synchronized Percentiles interval() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return Percentiles.of(interval);
    }

    /** Forgets everything recorded so far: measurement starts over (after a warm-up or a registration storm). */
    public synchronized void reset() {
        interval = recorder.getIntervalHistogram(interval);
        total.reset();
    }

    /** Percentiles of everything recorded so far, in milliseconds. */
    public synchronized Percentiles total() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return Percentiles.of(total);
    }

    /** Count and percentiles of one histogram, in milliseconds. */
    public record Percentiles(long count, double p50, double p99, double p999, double max) {

        static Percentiles of(Histogram h) {
            return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "n=%d p50=%.2fms p99=%.2fms p999=%.2fms max=%.2fms", count,
                    p50, p99, p999, max);
        }
    }
}
