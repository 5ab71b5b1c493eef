package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.Gb28181Component;
import io.github.camelgb28181.Gb28181Configuration;
import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.manscdp.command.Queries;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.QueryResult;
import io.github.camelgb28181.simulator.LatencyRecorder;
import io.github.camelgb28181.simulator.ProcessMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The platform under test in a JVM of its own: a Camel application with the gb28181 component and routes consuming
 * register, status and keep-alive events (each a Camel exchange, as in a real application). Driven by one-line
 * commands on stdin so that the scenario runner can measure it from outside:
 * <ul>
 *   <li>{@code stats} → {@code STATS online=… registerEvents=… keepaliveEvents=… cpuMs=… heapMB=… rssMB=…};
 *       {@code stats gc} collects garbage first, so that heapMB is the live heap</li>
 *   <li>{@code catalog <concurrency> <timeoutMs>} → a Catalog query to every online device, at most
 *       {@code concurrency} in flight → {@code CATALOG queries=… complete=… failed=… items=… seconds=… qps=… p50=…}</li>
 *   <li>{@code play <count> <transport> <concurrency>}, {@code media}, {@code stopstreams}: live video load, see
 *       {@link StreamLoad}</li>
 *   <li>{@code quit}</li>
 * </ul>
 * Arguments: {@code port keepaliveIntervalMs [transports]}. The system property {@value #AUTO_SYNC} (default true, as
 * the component's own defaults) turns the queries the platform sends to every device coming online (DeviceInfo,
 * ConfigDownload, Catalog) on or off; the scenario runner passes its own value on.
 */
public final class BenchServerMain {

    static final String SERVER_ID = "34020000002000000001";
    static final String DOMAIN = "3402000000";
    static final String PASSWORD = "12345678";
    static final String AUTO_SYNC = "gb28181.bench.autoSync";

    private final LongAdder registerEvents = new LongAdder();
    private final LongAdder statusEvents = new LongAdder();
    private final LongAdder keepaliveEvents = new LongAdder();
    private final ProcessMetrics metrics = new ProcessMetrics();
    private final CamelContext context = new DefaultCamelContext();

    private BenchServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long keepaliveMs = Long.parseLong(args[1]);
        String transports = args.length > 2 ? args[2] : "udp,tcp";
        new BenchServerMain().run(port, keepaliveMs, transports);
    }

    private void run(int port, long keepaliveMs, String transports) throws Exception {
        Gb28181Component component = new Gb28181Component();
        Gb28181Configuration c = component.getConfiguration();
        c.setSipId(SERVER_ID);
        c.setDomain(DOMAIN);
        c.setHost("127.0.0.1");
        c.setAdvertisedHost("127.0.0.1");
        c.setPort(port);
        c.setTransports(transports);
        c.setPassword(PASSWORD);
        c.setKeepaliveInterval(keepaliveMs);
        c.setAutoDeviceInfo(autoSync());
        c.setAutoConfigDownload(autoSync());
        c.setAutoCatalog(autoSync());
        // media ports of the benchmark's own, away from the ranges the test suites of parallel builds use
        c.setMediaPortMin(Integer.getInteger("bench.mediaPortMin", 40000));
        c.setMediaPortMax(c.getMediaPortMin() + 1999);
        context.addComponent("gb28181", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:register").process(e -> registerEvents.increment());
                from("gb28181:status").process(e -> statusEvents.increment());
                from("gb28181:keepalive").process(e -> keepaliveEvents.increment());
            }
        });
        context.start();
        Gb28181Platform platform = component.getPlatform();
        StreamLoad streams = new StreamLoad(platform);
        System.out.println("READY port=" + platform.sip().boundPort());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] cmd = line.trim().split("\\s+");
            switch (cmd[0]) {
                case "stats" -> {
                    if (cmd.length > 1 && cmd[1].equals("gc")) {
                        System.gc();
                    }
                    System.out.println(stats(platform));
                }
                case "catalog" -> System.out.println(catalogStorm(platform, Integer.parseInt(cmd[1]),
                        Long.parseLong(cmd[2])));
                case "play" -> System.out.println(streams.play(Integer.parseInt(cmd[1]), cmd[2],
                        Integer.parseInt(cmd[3]), cmd.length > 4 && cmd[4].equals("remux")));
                case "media" -> System.out.println(streams.media());
                case "stopstreams" -> System.out.println(streams.stopAll());
                case "quit" -> {
                    context.stop();
                    System.out.println("BYE");
                    return;
                }
                default -> System.out.println("ERROR unknown command " + cmd[0]);
            }
        }
        context.stop();
    }

    static boolean autoSync() {
        return Boolean.parseBoolean(System.getProperty(AUTO_SYNC, "true"));
    }

    private String stats(Gb28181Platform platform) {
        long online = platform.registry().all().stream().filter(Device::online).count();
        ProcessMetrics.Sample s = metrics.sample();
        return String.format(Locale.ROOT, "STATS online=%d devices=%d registerEvents=%d statusEvents=%d "
                                          + "keepaliveEvents=%d cpuMs=%d heapMB=%d rssMB=%d", online,
                platform.registry().size(), registerEvents.sum(), statusEvents.sum(), keepaliveEvents.sum(),
                s.cpuNanos() / 1_000_000, s.heapUsedBytes() >> 20, s.rssBytes() >> 20);
    }

    /** Catalog of every online device, as an application refreshing its inventory would ask for it. */
    private String catalogStorm(Gb28181Platform platform, int concurrency, long timeoutMs) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (Device d : platform.registry().all()) {
            if (d.online()) {
                ids.add(d.deviceId());
            }
        }
        Semaphore inFlight = new Semaphore(concurrency);
        LatencyRecorder latency = new LatencyRecorder();
        LongAdder complete = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicLong items = new AtomicLong();
        long start = System.nanoTime();
        for (String id : ids) {
            inFlight.acquire();
            long t0 = System.nanoTime();
            platform.query(id, "Catalog", sn -> Queries.catalog().toXml(sn, id), true, timeoutMs, timeoutMs)
                    .whenComplete((QueryResult r, Throwable error) -> {
                        if (error == null && r.complete()) {
                            complete.increment();
                            items.addAndGet(r.received());
                            latency.recordNanos(System.nanoTime() - t0);
                        } else {
                            failed.increment();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        LatencyRecorder.Percentiles p = latency.total();
        return String.format(Locale.ROOT, "CATALOG queries=%d complete=%d failed=%d items=%d seconds=%.3f qps=%.1f "
                                          + "p50=%.3f p99=%.3f p999=%.3f max=%.3f", ids.size(), complete.sum(),
                failed.sum(), items.get(), seconds, ids.size() / seconds, p.p50(), p.p99(), p.p999(), p.max());
    }

    static {
        // the runner reads stdout line by line; never let a slow pipe buffer a result
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8));
    }
}
