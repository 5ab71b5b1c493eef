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
 * to its first FLV bytes; then the same for FLV files with the G.711 passed through and re-encoded as AAC. Needs
 * Debian's ffmpeg for the input. Run from camel-gb28181 with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.github.camelgb28181.bridge.BridgeMeasurement
 * [streams] [seconds]}.
 */
public final class BridgeMeasurement {

    private BridgeMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        // the logging framework starts with the first logger; a cold start of it is no cost of the first stream's
        org.slf4j.LoggerFactory.getLogger(BridgeMeasurement.class).info("measuring");
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
        long[] cpuAndWall = feedInRealTime(clip, bridges);
        long wallNanos = cpuAndWall[1];
        long cpuNanos = cpuAndWall[0];
        long start = cpuAndWall[2];
        for (MediaBridge bridge : bridges) {
            bridge.closeAsync().get(30, TimeUnit.SECONDS);
        }
        double passThrough = fileOutputCpu(clip, pool, streams, dir, AudioMode.AUTO);
        double aac = fileOutputCpu(clip, pool, streams, dir, AudioMode.AAC);
        System.out.printf("FLV files, %d streams: G.711 passed through %.2f %%, re-encoded as AAC %.2f %% of one core "
                + "per stream (%.2fx)%n", streams, passThrough, aac, aac / passThrough);
        snapshotLatency(clip, pool);
        pool.shutdown();
        double firstMillis = firstBytes.stream().mapToLong(f -> f[0] - start).average().orElse(0) / 1e6;
        System.out.printf("%d streams, %d s: %.2f %% of one core per stream (whole process, feeding included); "
                        + "first FLV bytes %.1f ms after the first access unit (mean)%n", streams, seconds,
                100.0 * cpuNanos / wallNanos / streams, firstMillis);
    }

    /** Feeds the clip to every bridge at its own pace; returns {process CPU ns, wall ns, start ns}. */
    static long[] feedInRealTime(TestClip clip, List<MediaBridge> bridges) throws InterruptedException {
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
        return new long[] {processCpuNanos() - cpuBefore, System.nanoTime() - start, start};
    }

    /** Percent of one core per stream for N bridges each writing an FLV file with this audio mode. */
    private static double fileOutputCpu(TestClip clip, ExecutorService pool, int streams, Path dir, AudioMode audio)
            throws Exception {
        List<MediaBridge> bridges = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            MediaBridge bridge = new MediaBridge("file-" + audio + "-" + i, pool, BridgeConfig.defaults());
            bridge.addOutput(OutputSpec.flvFile(dir.resolve(audio + "-" + i + ".flv")).withAudio(audio));
            bridge.onParameterSets(clip.sets());
            bridges.add(bridge);
        }
        long[] cpuAndWall = feedInRealTime(clip, bridges);
        for (MediaBridge bridge : bridges) {
            bridge.closeAsync().get(30, TimeUnit.SECONDS);
        }
        return 100.0 * cpuAndWall[0] / cpuAndWall[1] / streams;
    }

    /**
     * Snapshot latency. Cold: a new bridge is asked for a picture before its stream's first key frame arrives; timed
     * from that key frame to the JPEG (the decoder is made for it). Warm: a bridge holding a key frame is asked;
     * timed from the call to the JPEG. Twenty of each after five of each to warm up the JIT.
     */
    private static void snapshotLatency(TestClip clip, ExecutorService pool) throws Exception {
        AccessUnit key = clip.units().stream().filter(u -> u.isVideo() && u.keyFrame()).findFirst().orElseThrow();
        double[] cold = new double[20];
        double[] warm = new double[20];
        for (int round = -5; round < 20; round++) {
            MediaBridge bridge = new MediaBridge("snapshot-" + round, pool, BridgeConfig.defaults());
            bridge.onParameterSets(clip.sets());
            java.util.concurrent.CompletableFuture<Snapshot> first = bridge.snapshot();
            long t0 = System.nanoTime();
            bridge.onAccessUnit(key);
            first.get(30, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            bridge.snapshot().get(30, TimeUnit.SECONDS);
            long t2 = System.nanoTime();
            if (round >= 0) {
                cold[round] = (t1 - t0) / 1e6;
                warm[round] = (t2 - t1) / 1e6;
            }
            bridge.closeAsync().get(30, TimeUnit.SECONDS);
        }
        java.util.Arrays.sort(cold);
        java.util.Arrays.sort(warm);
        System.out.printf("snapshot %dx%d: cold median %.1f ms (max %.1f), warm median %.1f ms (max %.1f)%n",
                TestClip.WIDTH, TestClip.HEIGHT, cold[10], cold[19], warm[10], warm[19]);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
