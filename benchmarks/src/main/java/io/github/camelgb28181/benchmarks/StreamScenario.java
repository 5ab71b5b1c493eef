package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.simulator.SimulatorMain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code streams} load scenario: the platform ({@link BenchServerMain}) plays N live streams from N simulated
 * devices ({@link SimulatorMain}, each streaming the 2 Mbit/s 720p clip of {@link BenchmarkMedia} looped at 25 fps),
 * both in JVMs of their own, over UDP or TCP; after a warm-up it measures a window and reports packets/s and
 * frames/s received, loss (RTP sequence gaps, frames dropped, datagrams the kernel dropped), CPU of each JVM, the
 * platform's live heap and RSS, and the time from INVITE to first key frame.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.camelgb28181.benchmarks.StreamScenario \
 *      --streams 200 --transport udp --hold 30
 * </pre>
 * Options: {@code --streams N} (64), {@code --transport udp|tcp-passive|tcp-active} (udp), {@code --codec
 * H264|H265} (H264), {@code --audio}, {@code --warmup S} (5), {@code --hold S} (30), {@code --server-heap} (2g),
 * {@code --sim-heap} (1g), {@code --sim-threads N} media event loops of the simulator (2), {@code --jfr} (a flight
 * recording of the platform), {@code --remux} (each stream also remuxed to FLV for one in-memory HTTP-FLV viewer
 * through the component's {@code MediaBridge}), {@code --out DIR}. The last line, {@code SCENARIO streams key=value ...}, holds the
 * figures.
 */
public final class StreamScenario {

    record Options(int streams, String transport, MediaCodec codec, boolean audio, int warmupSeconds,
                   int holdSeconds, String serverHeap, String simHeap, int simThreads, boolean jfr, boolean remux,
                   Path out) {
    }

    private StreamScenario() {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Map<String, String> r = run(o);
        StringBuilder line = new StringBuilder("SCENARIO streams");
        r.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
        System.exit("true".equals(r.get("passed")) ? 0 : 1);
    }

    static Options parse(String... args) {
        int streams = 64;
        String transport = "udp";
        MediaCodec codec = MediaCodec.H264;
        boolean audio = false;
        int warmup = 5;
        int hold = 30;
        String serverHeap = "2g";
        String simHeap = "1g";
        int simThreads = 2;
        boolean jfr = false;
        boolean remux = false;
        Path out = Path.of("target", "bench-results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--audio" -> audio = true;
                case "--jfr" -> jfr = true;
                case "--remux" -> remux = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value");
                    }
                    String v = args[++i];
                    switch (args[i - 1]) {
                        case "--streams" -> streams = Integer.parseInt(v);
                        case "--transport" -> transport = v;
                        case "--codec" -> codec = MediaCodec.valueOf(v.toUpperCase(Locale.ROOT));
                        case "--warmup" -> warmup = Integer.parseInt(v);
                        case "--hold" -> hold = Integer.parseInt(v);
                        case "--server-heap" -> serverHeap = v;
                        case "--sim-heap" -> simHeap = v;
                        case "--sim-threads" -> simThreads = Integer.parseInt(v);
                        case "--out" -> out = Path.of(v);
                        default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
                    }
                }
            }
        }
        if (!List.of("udp", "tcp-passive", "tcp-active").contains(transport)) {
            throw new IllegalArgumentException("--transport must be udp, tcp-passive or tcp-active");
        }
        return new Options(streams, transport, codec, audio, warmup, hold, serverHeap, simHeap, simThreads, jfr, remux, out);
    }

    /** One measurement point of both sides. */
    private record Sample(long nanos, KeyValues media, KeyValues sim, long serverCpuMs, long simCpuMs, long udpDrops) {
    }

    static Map<String, String> run(Options o) throws Exception {
        Map<String, String> r = new LinkedHashMap<>();
        Path dir = o.out().resolve("streams-" + o.transport() + "-" + o.streams() + (o.remux() ? "-flv" : ""));
        Path clip = BenchmarkMedia.file(o.codec(), dir);
        List<String> serverJvm = new ArrayList<>(List.of("-Xmx" + o.serverHeap(), "-Xms" + o.serverHeap(),
                "-XX:+UseG1GC"));
        if (o.jfr()) {
            serverJvm.add("-XX:StartFlightRecording=filename=" + dir.toAbsolutePath().resolve("server.jfr")
                          + ",settings=profile,dumponexit=true");
        }
        String sipTransport = o.transport().equals("udp") ? "udp" : "tcp";
        try (ChildProcess server = ChildProcess.java("server", serverJvm, BenchServerMain.class.getName(),
                List.of("0", "60000", sipTransport), dir)) {
            int port = (int) KeyValues.parse(server.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(90)))
                    .whole("port");
            List<String> simArgs = new ArrayList<>(List.of("--server", "127.0.0.1:" + port, "--server-id",
                    BenchServerMain.SERVER_ID, "--domain", BenchServerMain.DOMAIN, "--password",
                    BenchServerMain.PASSWORD, "--devices", Integer.toString(o.streams()), "--rate", "1000",
                    "--transport", sipTransport, "--keepalive", "60", "--channels", "1", "--stream", clip.toString(),
                    "--fps", "25", "--media-threads", Integer.toString(o.simThreads()), "--status-interval", "1"));
            if (o.audio()) {
                simArgs.add("--audio");
            }
            long simStart = System.nanoTime();
            try (ChildProcess sim = ChildProcess.java("simulator", List.of("-Xmx" + o.simHeap(), "-XX:+UseG1GC"),
                    SimulatorMain.class.getName(), simArgs, dir)) {
                sim.awaitLine(l -> l.startsWith("all "), Duration.ofSeconds(120));
                server.send("play " + o.streams() + " " + o.transport() + " 32" + (o.remux() ? " remux" : ""));
                KeyValues played = KeyValues.parse(server.awaitLine(l -> l.startsWith("PLAYED"),
                        Duration.ofSeconds(o.streams() / 5L + 120)));
                Thread.sleep(o.warmupSeconds() * 1000L);
                Sample a = sample(server, sim, simStart);
                Thread.sleep(o.holdSeconds() * 1000L);
                Sample b = sample(server, sim, simStart);
                server.send("stats gc");
                KeyValues stats = KeyValues.parse(server.awaitLine(l -> l.startsWith("STATS"),
                        Duration.ofSeconds(60)));
                report(o, r, played, a, b, stats, server.rssMb(), sim.rssMb());
                server.send("stopstreams");
                server.awaitLine(l -> l.startsWith("STOPPED"), Duration.ofSeconds(120));
            }
            server.send("quit");
            server.waitFor(Duration.ofSeconds(30));
        }
        return r;
    }

    private static Sample sample(ChildProcess server, ChildProcess sim, long simStart) throws InterruptedException {
        long udpDrops = LoadScenarios.udpReceiveBufferErrors();
        long serverCpu = server.cpuMillis();
        long simCpu = sim.cpuMillis();
        long now = System.nanoTime();
        server.send("media");
        KeyValues media = KeyValues.parse(server.awaitLine(l -> l.startsWith("MEDIA"), Duration.ofSeconds(30)));
        // the simulator's status lines ("[  12s] ...", one per second) carry its media counters; older ones still
        // wait in the queue, so take the first one printed from now on
        long elapsed = (now - simStart) / 1_000_000_000L;
        String status = sim.awaitLine(l -> l.contains(" media ") && statusSecond(l) >= elapsed,
                Duration.ofSeconds(10));
        KeyValues simMedia = KeyValues.parse(status.substring(status.indexOf(" media ")));
        return new Sample(now, media, simMedia, serverCpu, simCpu, udpDrops);
    }

    private static long statusSecond(String line) {
        int end = line.indexOf("s]");
        return line.startsWith("[") && end > 1 ? Long.parseLong(line.substring(1, end).trim()) : -1;
    }

    private static void report(Options o, Map<String, String> r, KeyValues played, Sample a, Sample b,
                               KeyValues stats, long serverRss, long simRss) {
        double s = (b.nanos() - a.nanos()) / 1e9;
        double ms = s * 1000;
        put(r, "streams", o.streams());
        r.put("transport", o.transport());
        r.put("codec", o.codec().name());
        r.put("audio", Boolean.toString(o.audio()));
        r.put("remux", Boolean.toString(o.remux()));
        put(r, "started", played.whole("started"));
        put(r, "failed", played.whole("failed"));
        put(r, "streaming", b.media().whole("streaming"));
        put(r, "seconds", s);
        put(r, "packetsPerSec", (b.media().number("packets") - a.media().number("packets")) / s);
        put(r, "mbitPerSec", (b.media().number("bytes") - a.media().number("bytes")) * 8 / s / 1e6);
        put(r, "framesPerSec", (b.media().number("frames") - a.media().number("frames")) / s);
        put(r, "simPacketsPerSec", (b.sim().number("packets") - a.sim().number("packets")) / s);
        long lost = b.media().whole("lost") - a.media().whole("lost");
        long dropped = b.media().whole("droppedFrames") - a.media().whole("droppedFrames");
        long udpDrops = b.udpDrops() - a.udpDrops();
        put(r, "lost", lost);
        put(r, "droppedFrames", dropped);
        put(r, "udpDrops", udpDrops);
        put(r, "lostTotal", b.media().whole("lost"));
        put(r, "simStalls", b.sim().whole("stalls"));
        put(r, "firstKeyFrames", b.media().whole("firstKeyFrames"));
        put(r, "kfP50", b.media().number("kfP50"));
        put(r, "kfP99", b.media().number("kfP99"));
        put(r, "kfMax", b.media().number("kfMax"));
        put(r, "kfAfterRtpP50", b.media().number("kfAfterRtpP50"));
        put(r, "kfAfterRtpP99", b.media().number("kfAfterRtpP99"));
        put(r, "serverCores", (b.serverCpuMs() - a.serverCpuMs()) / ms);
        put(r, "simCores", (b.simCpuMs() - a.simCpuMs()) / ms);
        put(r, "serverCorePctPerStream", (b.serverCpuMs() - a.serverCpuMs()) / ms * 100 / o.streams());
        put(r, "serverLiveHeapMB", stats.whole("heapMB"));
        put(r, "serverRssMB", serverRss);
        put(r, "simRssMB", simRss);
        put(r, "liveHeapMBPerStream", stats.number("heapMB") / o.streams());
        if (o.remux()) {
            put(r, "bridges", b.media().whole("bridges"));
            put(r, "flvMbitPerSec", (b.media().number("flvBytes") - a.media().number("flvBytes")) * 8 / s / 1e6);
            put(r, "flvDrops", b.media().whole("flvDrops") - a.media().whole("flvDrops"));
            put(r, "flvFailed", b.media().whole("flvFailed"));
            r.put("flvError", b.media().values().get("flvError"));
        }
        r.put("passed", Boolean.toString(played.whole("started") == o.streams()
                && b.media().whole("streaming") == o.streams() && lost == 0 && dropped == 0
                && (!o.remux() || b.media().whole("bridges") == o.streams())));
    }

    private static void put(Map<String, String> r, String key, double value) {
        r.put(key, value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value));
    }
}
