package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.sip.NettyTransports;
import io.netty.channel.EventLoopGroup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rough numbers for BENCHMARKS.md (not a test): the cost of HTTP-FLV viewers on {@link HttpFlvServer}. One bridge is
 * fed a 25 fps H.264 + G.711A clip in real time; N viewers on loopback (one NIO reader thread of this harness) read
 * it; the CPU time of the server's threads (its event loop and the bridge pool) is taken from the JVM per thread, so
 * the viewers' own reading is not counted. Run like {@link BridgeMeasurement}, with {@code [viewers] [seconds]}.
 */
public final class HttpFlvMeasurement {

    private HttpFlvMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        org.slf4j.LoggerFactory.getLogger(HttpFlvMeasurement.class).info("measuring");
        int viewers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("http-flv-measurement");
        TestClip clip = TestClip.generate(dir, MediaCodec.H264, MediaCodec.G711A, seconds);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "bridge-" + n.incrementAndGet()));
        EventLoopGroup loop = NettyTransports.newEventLoopGroup(1, r -> new Thread(r, "flv-loop"), false);
        MediaBridge bridge = new MediaBridge("fanout", pool, BridgeConfig.defaults());
        FlvStream flv = bridge.flvStream();
        try (HttpFlvServer server = new HttpFlvServer(id -> flv, pool, loop)) {
            server.start("127.0.0.1", 0);
            bridge.onParameterSets(clip.sets());
            long[] received = new long[viewers];
            Thread reader = reader(server.port(), viewers, received);
            reader.start();
            Thread.sleep(500); // every viewer subscribed: they all see the stream from its start
            long serverCpuBefore = serverCpuNanos();
            long[] cpuAndWall = BridgeMeasurement.feedInRealTime(clip, List.of(bridge));
            long serverCpu = serverCpuNanos() - serverCpuBefore;
            bridge.closeAsync().get(30, TimeUnit.SECONDS);
            reader.join(10_000);
            long[] sorted = received.clone();
            Arrays.sort(sorted);
            double wallSeconds = cpuAndWall[1] / 1e9;
            double core = 100.0 * serverCpu / cpuAndWall[1];
            System.out.printf("%d viewers, %.1f s: server threads %.2f %% of one core (%.4f %% per viewer); "
                            + "delivered %.1f Mbit/s; bytes per viewer min %d / median %d / max %d%n",
                    viewers, wallSeconds, core, core / viewers,
                    Arrays.stream(received).sum() * 8 / wallSeconds / 1e6, sorted[0], sorted[viewers / 2],
                    sorted[viewers - 1]);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            pool.shutdown();
        }
    }

    /** One thread reading every viewer's socket until all are closed by the server. */
    private static Thread reader(int port, int viewers, long[] received) throws Exception {
        Selector selector = Selector.open();
        byte[] request = ("GET /live/s.flv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        List<SocketChannel> channels = new ArrayList<>();
        for (int i = 0; i < viewers; i++) {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            ch.write(ByteBuffer.wrap(request));
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, i);
            channels.add(ch);
        }
        return new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            int open = viewers;
            try {
                while (open > 0 && selector.select(5000) >= 0) {
                    for (SelectionKey key : selector.selectedKeys()) {
                        buffer.clear();
                        int got = ((SocketChannel) key.channel()).read(buffer);
                        if (got < 0) {
                            key.cancel();
                            key.channel().close();
                            open--;
                        } else {
                            received[(Integer) key.attachment()] += got;
                        }
                    }
                    selector.selectedKeys().clear();
                    if (selector.keys().isEmpty()) {
                        break;
                    }
                }
                selector.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "viewers");
    }

    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("flv-loop")
                    || info.getThreadName().startsWith("bridge-"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
