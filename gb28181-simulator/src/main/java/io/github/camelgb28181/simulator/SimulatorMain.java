package io.github.camelgb28181.simulator;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's command line: starts the devices, prints a status line every few seconds and a summary at the end.
 * The last line, {@code RESULT key=value ...}, is meant for scripts (the benchmark harness reads it).
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorCommandLine cli;
        try {
            cli = SimulatorCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            if (!"usage".equals(e.getMessage())) {
                System.err.println(e.getMessage());
            }
            System.err.print(SimulatorCommandLine.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(cli, System.out));
    }

    /** Runs to the end of the duration (or until all registered); returns the process exit code. */
    static int run(SimulatorCommandLine cli, PrintStream out) throws InterruptedException {
        SimulatorConfig c = cli.config();
        ProcessMetrics metrics = new ProcessMetrics();
        try (Simulator sim = new Simulator(c)) {
            Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "sim-shutdown"));
            out.printf(Locale.ROOT, "simulating %d devices (%s ... %s) against %s:%d over %s, %s/s, keep-alive %ds%n",
                    c.devices(), sim.deviceId(0), sim.deviceId(c.devices() - 1), c.serverHost(), c.serverPort(),
                    c.transport(), c.registrationsPerSecond() == 0 ? "unlimited" : fmt(c.registrationsPerSecond()),
                    c.keepaliveSeconds());
            ProcessMetrics.Sample firstSample = metrics.sample();
            SimulatorStats.Snapshot first = sim.stats().snapshot(firstSample.atNanos());
            sim.start();
            long start = System.nanoTime();
            long allRegisteredNanos = -1;
            SimulatorStats.Snapshot previous = first;
            ProcessMetrics.Sample previousSample = firstSample;
            long statusNanos = TimeUnit.SECONDS.toNanos(cli.statusSeconds());
            long nextStatus = start + statusNanos;
            long end = cli.durationSeconds() > 0 ? start + TimeUnit.SECONDS.toNanos(cli.durationSeconds()) : Long.MAX_VALUE;
            while (true) {
                Thread.sleep(20);
                long now = System.nanoTime();
                if (allRegisteredNanos < 0 && sim.stats().registered() >= c.devices()) {
                    allRegisteredNanos = now - start;
                    out.printf(Locale.ROOT, "all %d devices registered after %.2fs%n", c.devices(), allRegisteredNanos / 1e9);
                    if (cli.measureSteadyState()) {
                        firstSample = metrics.sample();
                        first = sim.stats().snapshot(firstSample.atNanos());
                        sim.stats().registerLatency().reset();
                        sim.stats().keepaliveLatency().reset();
                        out.println("steady state: measuring from here");
                    }
                }
                boolean done = now - end >= 0 || (cli.holdSeconds() >= 0 && allRegisteredNanos >= 0
                        && now - start - allRegisteredNanos >= TimeUnit.SECONDS.toNanos(cli.holdSeconds()));
                if (now - nextStatus >= 0 || done) {
                    ProcessMetrics.Sample sample = metrics.sample();
                    SimulatorStats.Snapshot snap = sim.stats().snapshot(sample.atNanos());
                    out.printf(Locale.ROOT, "[%5.0fs] registered=%d/%d failures=%d msgs/s=%.0f register %s keepalive p99=%.2fms"
                                            + " cpu=%.2f %s%s%n", (now - start) / 1e9, snap.registered(), c.devices(),
                            snap.registerFailures(), snap.messagesPerSecondSince(previous),
                            sim.stats().registerLatency().interval(), sim.stats().keepaliveLatency().interval().p99(),
                            sample.coresSince(previousSample), sample.memory(),
                            sim.mediaStats().invites() > 0 ? " media " + sim.mediaStats() : "");
                    previous = snap;
                    previousSample = sample;
                    nextStatus = now + statusNanos;
                }
                if (done) {
                    break;
                }
            }
            if (cli.unregisterAtExit()) {
                sim.unregisterAll().get(60, TimeUnit.SECONDS);
            }
            ProcessMetrics.Sample last = metrics.sample();
            SimulatorStats.Snapshot total = sim.stats().snapshot(last.atNanos());
            printSummary(out, sim, first, total, firstSample, last, allRegisteredNanos);
            return total.registered() >= c.devices() || cli.unregisterAtExit() ? 0 : 1;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            out.println("unregistering failed: " + e);
            return 1;
        }
    }

    private static void printSummary(PrintStream out, Simulator sim, SimulatorStats.Snapshot first,
                                     SimulatorStats.Snapshot total, ProcessMetrics.Sample firstSample,
                                     ProcessMetrics.Sample last, long allRegisteredNanos) {
        SimulatorStats s = sim.stats();
        LatencyRecorder.Percentiles reg = s.registerLatency().total();
        LatencyRecorder.Percentiles regTime = s.registrationTime().total();
        LatencyRecorder.Percentiles ka = s.keepaliveLatency().total();
        double seconds = (total.atNanos() - first.atNanos()) / 1e9;
        out.println("summary: " + total.counters());
        out.println("  REGISTER round trip   " + reg);
        out.println("  registration (first REGISTER to 200) " + regTime);
        out.println("  keep-alive round trip " + ka);
        out.printf(Locale.ROOT, "  %.1f s, %.0f msgs/s, %.2f cores, %s%n", seconds, total.messagesPerSecondSince(first),
                last.coresSince(firstSample), last.memory());
        double storm = allRegisteredNanos > 0 ? sim.size() / (allRegisteredNanos / 1e9) : 0;
        out.printf(Locale.ROOT, "RESULT devices=%d registered=%d registrations=%d failures=%d allRegisteredMs=%d "
                                + "registrationsPerSec=%.1f msgsPerSec=%.1f regP50=%.3f regP99=%.3f regP999=%.3f "
                                + "regMax=%.3f regTimeP50=%.3f regTimeP99=%.3f regTimeP999=%.3f keepalives=%d "
                                + "keepaliveFailures=%d kaP50=%.3f kaP99=%.3f kaP999=%.3f cores=%.3f heapMB=%d rssMB=%d "
                                + "streams=%d frames=%d rtpPackets=%d rtpWithheld=%d mediaStalls=%d%n",
                sim.size(), total.registered(), total.registrations(), total.registerFailures(),
                allRegisteredNanos < 0 ? -1 : allRegisteredNanos / 1_000_000, storm,
                total.messagesPerSecondSince(first), reg.p50(), reg.p99(), reg.p999(), reg.max(), regTime.p50(),
                regTime.p99(), regTime.p999(), total.keepalives(), total.keepaliveFailures(), ka.p50(), ka.p99(),
                ka.p999(), last.coresSince(firstSample), last.heapUsedBytes() >> 20, last.rssBytes() >> 20,
                sim.mediaStats().streamsStarted(), sim.mediaStats().frames(), sim.mediaStats().packets(),
                sim.mediaStats().packetsWithheld(), sim.mediaStats().stalls());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
