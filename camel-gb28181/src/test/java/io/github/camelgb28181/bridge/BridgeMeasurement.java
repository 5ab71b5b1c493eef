package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Rough numbers for BENCHMARKS.md (not a test): CPU per remuxed stream (N bridges, each remuxing a 25 fps H.264 +
 * G.711A stream in real time into the in-memory FLV with one viewer) and the time from a stream's first access unit
 * to its first FLV bytes. Needs Debian's ffmpeg for the input. Run from camel-gb28181 with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.github.camelgb28181.bridge.BridgeMeasurement
 * [streams] [seconds]}.
 */
public final class BridgeMeasurement {

    private BridgeMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("bridge-measurement");
        TestClip clip = TestClip.generate(dir, MediaCodec.H264, MediaCodec.G711A, seconds);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<MediaBridge> bridges = new ArrayList<>();
        List<long[]> firstBytes = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            MediaBridge bridge = new MediaBridge("measure-" + i, pool, BridgeConfig.defaults());
            long[] first = {0};
            firstBytes.add(first);
            bridge.flvStream().subscribe(chunk -> {
                if (first[0] == 0) {
                    first[0] = System.nanoTime();
                }
            });
            bridge.onParameterSets(clip.sets());
            bridges.add(bridge);
        }
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        List<AccessUnit> units = clip.units();
        long origin = units.get(0).pts();
        for (AccessUnit unit : units) {
            long due = start + (unit.pts() - origin) * 100_000 / 9;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            bridges.forEach(b -> b.onAccessUnit(unit));
        }
        long wallNanos = System.nanoTime() - start;
        long cpuNanos = processCpuNanos() - cpuBefore;
        for (MediaBridge bridge : bridges) {
            bridge.closeAsync().get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        double firstMillis = firstBytes.stream().mapToLong(f -> f[0] - start).average().orElse(0) / 1e6;
        System.out.printf("%d streams, %d s: %.2f %% of one core per stream (whole process, feeding included); "
                        + "first FLV bytes %.1f ms after the first access unit (mean)%n", streams, seconds,
                100.0 * cpuNanos / wallNanos / streams, firstMillis);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
