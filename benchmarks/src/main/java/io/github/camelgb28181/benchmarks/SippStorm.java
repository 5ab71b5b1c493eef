package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.simulator.LatencyRecorder;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * sipp as an independent load generator: {@code calls} digest registrations of distinct device IDs at
 * {@code rate}/s against the same platform, so the simulator's figures can be checked against a tool that owes
 * nothing to this project. REGISTER round trips come from sipp's own response-time trace ({@code -trace_rtt}).
 */
final class SippStorm {

    /** Device IDs of the sipp run: type 132 with network flag 9, away from the simulator's serials. */
    static final String ID_PREFIX = "34020000001329";

    /** What one sipp run measured; latencies in milliseconds. */
    record Result(int calls, int exitCode, double seconds, double callsPerSecond, LatencyRecorder.Percentiles rtt) {

        String line() {
            return String.format(Locale.ROOT, "sipp calls=%d exit=%d seconds=%.2f registrationsPerSec=%.1f "
                                              + "regP50=%.3f regP99=%.3f regP999=%.3f", calls, exitCode, seconds,
                    callsPerSecond, rtt.p50(), rtt.p99(), rtt.p999());
        }
    }

    private SippStorm() {
    }

    static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "sipp"))) {
                return true;
            }
        }
        return false;
    }

    static Result run(int serverPort, int calls, double rate, Path dir) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve("sipp")).toAbsolutePath();
        Path scenario = work.resolve("register-storm.xml");
        try (InputStream in = SippStorm.class.getResourceAsStream("/sipp/register-storm.xml")) {
            Files.write(scenario, in.readAllBytes());
        }
        Path devices = work.resolve("devices.csv");
        List<String> lines = new ArrayList<>(calls + 1);
        lines.add("SEQUENTIAL");
        for (int i = 1; i <= calls; i++) {
            String id = ID_PREFIX + String.format("%06d", i);
            lines.add(id + ";[authentication username=" + id + " password=" + BenchServerMain.PASSWORD + "]");
        }
        Files.write(devices, lines);
        try (Stream<Path> old = Files.list(work)) {
            for (Path p : old.filter(p -> p.getFileName().toString().endsWith("_rtt.csv")).toList()) {
                Files.delete(p);
            }
        }
        List<String> cmd = List.of("sipp", "127.0.0.1:" + serverPort, "-sf", scenario.toString(), "-inf",
                devices.toString(), "-m", Integer.toString(calls), "-r", Long.toString(Math.round(rate)), "-rp",
                "1000", "-l", "2000", "-i", "127.0.0.1", "-p", Integer.toString(freeUdpPort()), "-trace_rtt",
                "-rtt_freq", "1", "-nostdin", "-timeout", "300s", "-timeout_error", "-trace_err", "-error_file",
                work.resolve("errors.log").toString());
        long start = System.nanoTime();
        int exit;
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("sipp.out").toFile());
        Process p = pb.start();
        if (!p.waitFor(Duration.ofMinutes(6).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sipp did not finish");
        }
        exit = p.exitValue();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(calls, exit, seconds, calls / seconds, responseTimes(work));
    }

    /** Every response time of the trace ({@code date_ms;response_time_ms;rtd_no}), both REGISTERs of each call. */
    private static LatencyRecorder.Percentiles responseTimes(Path work) throws IOException {
        LatencyRecorder all = new LatencyRecorder();
        try (Stream<Path> files = Files.list(work)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("_rtt.csv")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] cols = line.split(";");
                    if (cols.length >= 2 && !cols[1].isBlank() && Character.isDigit(cols[1].trim().charAt(0))) {
                        all.recordNanos((long) (Double.parseDouble(cols[1].trim()) * 1_000_000));
                    }
                }
            }
        }
        return all.total();
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
