package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.simulator.SimulatorMain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signalling load scenarios with the platform ({@link BenchServerMain}) and the simulator ({@link SimulatorMain}) in
 * JVMs of their own, so that CPU time and memory are measured per side from {@code /proc}:
 * <ul>
 *   <li>{@code storm}: N devices register with digest at a given rate; registrations/s, REGISTER round trips, CPU of
 *       both sides; then sipp registers other devices against the same platform for comparison</li>
 *   <li>{@code steady}: N devices registered, keep-alives every K s for a window; message rate, keep-alive round
 *       trips, live heap per device, CPU; sipp registers during the window to measure REGISTER under that load</li>
 *   <li>{@code catalog}: N registered devices, then the platform asks each for its catalog</li>
 * </ul>
 * Run with {@code java -cp benchmarks/target/benchmarks.jar io.github.camelgb28181.benchmarks.LoadScenarios
 * --scenario storm --devices 10000 --rate 2000}. The last line, {@code SCENARIO name key=value ...}, holds the figures.
 */
public final class LoadScenarios {

    /** Settings of a run; see {@link #parse(String...)} for the option names. */
    public record Options(String scenario, int devices, double rate, String transport, int keepaliveSeconds,
                          int holdSeconds, int channels, int itemsPerMessage, int concurrency, int sippCalls,
                          double sippRate, String serverHeap, String simulatorHeap, boolean jfr, Path out,
                          int simulatorSockets, int simulatorThreads, int warmupDevices) {

        public static Options defaults(String scenario) {
            return new Options(scenario, 1000, 1000, "udp", 60, 60, 4, 4, 200, 0, 500, "2g", "2g", false,
                    Path.of("target", "bench-results"), 2, 2, 0);
        }
    }

    private LoadScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Map<String, String> r = run(o);
        StringBuilder line = new StringBuilder("SCENARIO ").append(o.scenario());
        r.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
        System.exit("true".equals(r.get("passed")) ? 0 : 1);
    }

    public static Options parse(String... args) {
        Options d = Options.defaults("storm");
        String scenario = d.scenario();
        int devices = d.devices();
        double rate = d.rate();
        String transport = d.transport();
        int keepalive = d.keepaliveSeconds();
        int hold = d.holdSeconds();
        int channels = d.channels();
        int perMessage = d.itemsPerMessage();
        int concurrency = d.concurrency();
        int sippCalls = d.sippCalls();
        double sippRate = d.sippRate();
        String serverHeap = d.serverHeap();
        String simHeap = d.simulatorHeap();
        boolean jfr = false;
        Path out = d.out();
        int sockets = d.simulatorSockets();
        int threads = d.simulatorThreads();
        int warmup = d.warmupDevices();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--jfr")) {
                jfr = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String v = args[++i];
            switch (name) {
                case "--scenario" -> scenario = v;
                case "--devices" -> devices = Integer.parseInt(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--transport" -> transport = v;
                case "--keepalive" -> keepalive = Integer.parseInt(v);
                case "--hold" -> hold = Integer.parseInt(v);
                case "--channels" -> channels = Integer.parseInt(v);
                case "--items-per-message" -> perMessage = Integer.parseInt(v);
                case "--concurrency" -> concurrency = Integer.parseInt(v);
                case "--sipp-calls" -> sippCalls = Integer.parseInt(v);
                case "--sipp-rate" -> sippRate = Double.parseDouble(v);
                case "--server-heap" -> serverHeap = v;
                case "--sim-heap" -> simHeap = v;
                case "--out" -> out = Path.of(v);
                case "--sim-sockets" -> sockets = Integer.parseInt(v);
                case "--sim-threads" -> threads = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new Options(scenario, devices, rate, transport, keepalive, hold, channels, perMessage, concurrency,
                sippCalls, sippRate, serverHeap, simHeap, jfr, out, sockets, threads, warmup);
    }

    /** Runs one scenario; the map holds its figures and {@code passed}. */
    public static Map<String, String> run(Options o) throws Exception {
        return switch (o.scenario()) {
            case "storm" -> storm(o);
            case "steady" -> steady(o);
            case "catalog" -> catalog(o);
            default -> throw new IllegalArgumentException("unknown scenario " + o.scenario()
                                                          + " (storm, steady, catalog)");
        };
    }

    // ------------------------------------------------------------------------------------------------- scenarios

    static Map<String, String> storm(Options o) throws Exception {
        Map<String, String> r = new LinkedHashMap<>();
        Path dir = o.out().resolve("storm-" + o.devices());
        try (ChildProcess server = startServer(o, dir, 60_000)) {
            int port = serverPort(server);
            warmUp(o, port, dir);
            List<String> args = simulatorArgs(o, port);
            args.addAll(List.of("--keepalive", "0", "--exit-when-registered"));
            try (ChildProcess sim = startSimulator(o, dir, args)) {
                sim.awaitLine(l -> l.startsWith("simulating"), Duration.ofSeconds(60));
                Window w = new Window(server, sim);
                sim.awaitLine(l -> l.startsWith("all ") || l.startsWith("RESULT"), stormTimeout(o));
                w.close();
                KeyValues result = KeyValues.parse(sim.awaitLine(l -> l.startsWith("RESULT"), Duration.ofMinutes(2)));
                sim.waitFor(Duration.ofMinutes(1));
                KeyValues stats = serverStats(server, false);
                put(r, "devices", o.devices());
                put(r, "registered", stats.whole("online"));
                put(r, "failures", result.whole("failures"));
                put(r, "seconds", w.seconds());
                put(r, "registrationsPerSec", result.number("registrationsPerSec"));
                copy(result, r, "regP50", "regP99", "regP999", "regMax", "regTimeP50", "regTimeP99", "regTimeP999");
                w.report(r);
                r.put("serverRssMB", Long.toString(server.rssMb()));
                r.put("serverHeapMB", Long.toString(stats.whole("heapMB")));
                sippComparison(o, port, dir, r, result.number("registrationsPerSec"));
                r.put("passed", Boolean.toString(stats.whole("online") >= o.devices() + o.warmupDevices()
                        && result.whole("failures") == 0 && !"false".equals(r.get("sippPassed"))));
            }
            quit(server);
        }
        return r;
    }

    /**
     * Registers other devices first (IDs with network flag 8), so that the measured storm meets a platform whose hot
     * paths are compiled: the first seconds of a cold JVM would otherwise dominate p99.
     */
    private static void warmUp(Options o, int port, Path dir) throws IOException, InterruptedException {
        if (o.warmupDevices() <= 0) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("--server", "127.0.0.1:" + port, "--server-id",
                BenchServerMain.SERVER_ID, "--domain", BenchServerMain.DOMAIN, "--password", BenchServerMain.PASSWORD,
                "--devices", Integer.toString(o.warmupDevices()), "--rate", "1000", "--id-prefix", "34020000001328",
                "--keepalive", "0", "--exit-when-registered", "--transport", o.transport()));
        try (ChildProcess warm = ChildProcess.java("warmup", List.of("-Xmx512m"), SimulatorMain.class.getName(), args,
                dir)) {
            warm.awaitLine(l -> l.startsWith("RESULT"), Duration.ofSeconds(o.warmupDevices() / 100 + 120L));
            warm.waitFor(Duration.ofMinutes(1));
        }
    }

    static Map<String, String> steady(Options o) throws Exception {
        Map<String, String> r = new LinkedHashMap<>();
        Path dir = o.out().resolve("steady-" + o.devices());
        try (ChildProcess server = startServer(o, dir, o.keepaliveSeconds() * 1000L)) {
            int port = serverPort(server);
            List<String> args = simulatorArgs(o, port);
            args.addAll(List.of("--keepalive", Integer.toString(o.keepaliveSeconds()), "--steady-state", "--hold",
                    Integer.toString(o.holdSeconds())));
            try (ChildProcess sim = startSimulator(o, dir, args)) {
                sim.awaitLine(l -> l.startsWith("steady state"), stormTimeout(o));
                Window w = new Window(server, sim);
                // sipp registers while the keep-alives run: REGISTER round trips under the steady load
                if (o.sippCalls() > 0 && SippStorm.installed()) {
                    SippStorm.Result sipp = SippStorm.run(port, o.sippCalls(), o.sippRate(), dir);
                    r.put("sipp", sipp.line().replace(' ', ','));
                    put(r, "registerUnderLoadP50", sipp.rtt().p50());
                    put(r, "registerUnderLoadP99", sipp.rtt().p99());
                    put(r, "registerUnderLoadP999", sipp.rtt().p999());
                    r.put("sippPassed", Boolean.toString(sipp.exitCode() == 0));
                }
                KeyValues result = KeyValues.parse(sim.awaitLine(l -> l.startsWith("RESULT"),
                        Duration.ofSeconds(o.holdSeconds() + 120L)));
                w.close();
                sim.waitFor(Duration.ofMinutes(1));
                KeyValues stats = serverStats(server, true);
                put(r, "devices", o.devices());
                put(r, "online", stats.whole("online"));
                put(r, "seconds", w.seconds());
                put(r, "msgsPerSec", result.number("msgsPerSec"));
                copy(result, r, "keepalives", "keepaliveFailures", "kaP50", "kaP99", "kaP999");
                w.report(r);
                r.put("serverRssMB", Long.toString(server.rssMb()));
                r.put("serverLiveHeapMB", Long.toString(stats.whole("heapMB")));
                put(r, "liveHeapKBPerDevice", stats.number("heapMB") * 1024 / Math.max(1, stats.whole("devices")));
                r.put("passed", Boolean.toString(stats.whole("online") >= o.devices()
                        && result.whole("keepaliveFailures") == 0 && !"false".equals(r.get("sippPassed"))));
            }
            quit(server);
        }
        return r;
    }

    static Map<String, String> catalog(Options o) throws Exception {
        Map<String, String> r = new LinkedHashMap<>();
        Path dir = o.out().resolve("catalog-" + o.devices());
        try (ChildProcess server = startServer(o, dir, 60_000)) {
            int port = serverPort(server);
            List<String> args = simulatorArgs(o, port);
            args.addAll(List.of("--keepalive", "60", "--channels", Integer.toString(o.channels()),
                    "--items-per-message", Integer.toString(o.itemsPerMessage())));
            try (ChildProcess sim = startSimulator(o, dir, args)) {
                sim.awaitLine(l -> l.startsWith("all "), stormTimeout(o));
                Window w = new Window(server, sim);
                server.send("catalog " + o.concurrency() + " 30000");
                KeyValues cat = KeyValues.parse(server.awaitLine(l -> l.startsWith("CATALOG"),
                        Duration.ofMinutes(30)));
                w.close();
                put(r, "devices", o.devices());
                put(r, "channels", o.channels());
                copy(cat, r, "queries", "complete", "failed", "items", "seconds", "qps", "p50", "p99", "p999", "max");
                put(r, "itemsPerSec", cat.number("items") / cat.number("seconds"));
                w.report(r);
                r.put("serverRssMB", Long.toString(server.rssMb()));
                r.put("passed", Boolean.toString(cat.whole("failed") == 0
                        && cat.whole("items") == (long) o.devices() * o.channels()));
            }
            quit(server);
        }
        return r;
    }

    // ------------------------------------------------------------------------------------------------- plumbing

    /** CPU and wall time of both processes over a measurement window. */
    private static final class Window {
        private final ChildProcess server;
        private final ChildProcess sim;
        private final long start = System.nanoTime();
        private final long serverCpu0;
        private final long simCpu0;
        private final long udpDrops0 = udpReceiveBufferErrors();
        private long udpDrops1;
        private long end;
        private long serverCpu1;
        private long simCpu1;

        Window(ChildProcess server, ChildProcess sim) {
            this.server = server;
            this.sim = sim;
            this.serverCpu0 = server.cpuMillis();
            this.simCpu0 = sim.cpuMillis();
        }

        void close() {
            end = System.nanoTime();
            serverCpu1 = server.cpuMillis();
            simCpu1 = sim.cpuMillis();
            udpDrops1 = udpReceiveBufferErrors();
        }

        double seconds() {
            return (end - start) / 1e9;
        }

        void report(Map<String, String> r) {
            double ms = (end - start) / 1e6;
            put(r, "serverCores", (serverCpu1 - serverCpu0) / ms);
            put(r, "simulatorCores", (simCpu1 - simCpu0) / ms);
            put(r, "serverCpuSeconds", (serverCpu1 - serverCpu0) / 1000.0);
            // datagrams the kernel dropped because a socket's receive buffer was full: a reader that fell behind
            put(r, "udpDrops", udpDrops1 - udpDrops0);
        }
    }

    /** RcvbufErrors of /proc/net/snmp (the whole host), -1 when unreadable. */
    static long udpReceiveBufferErrors() {
        try {
            List<String> udp = java.nio.file.Files.readAllLines(Path.of("/proc/net/snmp")).stream()
                    .filter(l -> l.startsWith("Udp:")).toList();
            List<String> names = List.of(udp.get(0).split("\\s+"));
            return Long.parseLong(udp.get(1).split("\\s+")[names.indexOf("RcvbufErrors")]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static ChildProcess startServer(Options o, Path dir, long keepaliveMs) throws IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + o.serverHeap(), "-Xms" + o.serverHeap(),
                "-XX:+UseG1GC", "-D" + BenchServerMain.AUTO_SYNC + "=" + BenchServerMain.autoSync()));
        // options for the platform's JVM only, for GC experiments: -Dgb28181.bench.serverJvm="-XX:MaxGCPauseMillis=10"
        for (String option : System.getProperty("gb28181.bench.serverJvm", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                jvm.add(option);
            }
        }
        if (o.jfr()) {
            jvm.add("-XX:StartFlightRecording=filename=" + dir.toAbsolutePath().resolve("server.jfr")
                    + ",settings=profile,dumponexit=true");
        }
        return ChildProcess.java("server", jvm, BenchServerMain.class.getName(),
                List.of("0", Long.toString(keepaliveMs), o.transport()), dir);
    }

    private static int serverPort(ChildProcess server) throws InterruptedException {
        String ready = server.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(90));
        return (int) KeyValues.parse(ready).whole("port");
    }

    private static List<String> simulatorArgs(Options o, int port) {
        return new ArrayList<>(List.of("--server", "127.0.0.1:" + port, "--server-id", BenchServerMain.SERVER_ID,
                "--domain", BenchServerMain.DOMAIN, "--password", BenchServerMain.PASSWORD, "--devices",
                Integer.toString(o.devices()), "--rate", Double.toString(o.rate()), "--transport", o.transport(),
                "--sockets", Integer.toString(o.simulatorSockets()), "--device-threads",
                Integer.toString(o.simulatorThreads()), "--status-interval", "5"));
    }

    private static ChildProcess startSimulator(Options o, Path dir, List<String> args) throws IOException {
        return ChildProcess.java("simulator", List.of("-Xmx" + o.simulatorHeap(), "-XX:+UseG1GC"),
                SimulatorMain.class.getName(), args, dir);
    }

    private static Duration stormTimeout(Options o) {
        double seconds = o.rate() > 0 ? o.devices() / o.rate() : o.devices() / 1000.0;
        return Duration.ofSeconds((long) (seconds * 4) + 120);
    }

    private static KeyValues serverStats(ChildProcess server, boolean gc) throws InterruptedException {
        server.send(gc ? "stats gc" : "stats");
        return KeyValues.parse(server.awaitLine(l -> l.startsWith("STATS"), Duration.ofSeconds(60)));
    }

    private static void quit(ChildProcess server) throws InterruptedException {
        server.send("quit");
        server.waitFor(Duration.ofSeconds(30));
    }

    private static void sippComparison(Options o, int port, Path dir, Map<String, String> r, double ours)
            throws IOException, InterruptedException {
        if (o.sippCalls() <= 0 || !SippStorm.installed()) {
            return;
        }
        SippStorm.Result sipp = SippStorm.run(port, o.sippCalls(), o.sippRate(), dir);
        r.put("sipp", sipp.line().replace(' ', ','));
        put(r, "sippRegistrationsPerSec", sipp.callsPerSecond());
        put(r, "sippRegP50", sipp.rtt().p50());
        put(r, "sippRegP99", sipp.rtt().p99());
        put(r, "simulatorToSippRate", ours / sipp.callsPerSecond());
        r.put("sippCalls", Integer.toString(sipp.calls()));
        r.put("sippPassed", Boolean.toString(sipp.exitCode() == 0));
    }

    private static void copy(KeyValues from, Map<String, String> to, String... keys) {
        for (String k : keys) {
            to.put(k, from.values().get(k));
        }
    }

    private static void put(Map<String, String> r, String key, double value) {
        r.put(key, value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value));
    }
}
