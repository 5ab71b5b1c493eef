package io.github.camelgb28181.simulator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What this JVM costs: CPU time, heap in use and resident set size (from {@code /proc/self/status}, the figure the
 * operating system charges, heap and off-heap buffers included). Used by the simulator's status lines and by the
 * benchmark server, so that both sides of a load test report the same way.
 */
public final class ProcessMetrics {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean o ? o : null;

    /** One reading; {@code cpuNanos} is the process's CPU time since start, -1 when unknown. */
    public record Sample(long atNanos, long cpuNanos, long heapUsedBytes, long rssBytes) {

        /** Cores used on average between two samples (1.0 = one core busy). */
        public double coresSince(Sample earlier) {
            long wall = atNanos - earlier.atNanos;
            return wall <= 0 || cpuNanos < 0 ? 0 : (double) (cpuNanos - earlier.cpuNanos) / wall;
        }

        public String memory() {
            return String.format(Locale.ROOT, "heap=%dMB rss=%dMB", heapUsedBytes >> 20, rssBytes >> 20);
        }
    }

    public Sample sample() {
        return new Sample(System.nanoTime(), os != null ? os.getProcessCpuTime() : -1,
                memory.getHeapMemoryUsage().getUsed(), rssBytes());
    }

    /** VmRSS of this process in bytes, or -1 where /proc is not available. */
    public static long rssBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim();
                    int space = kb.indexOf(' ');
                    return Long.parseLong(space < 0 ? kb : kb.substring(0, space)) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
