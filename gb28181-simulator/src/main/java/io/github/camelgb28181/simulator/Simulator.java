package io.github.camelgb28181.simulator;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipServerTransaction;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many simulated GB28181 devices in one process. Devices share a few SIP sockets ({@link SimulatorConfig#sockets()})
 * and a few event loops ({@link SimulatorConfig#deviceThreads()}): no thread per device, so 100,000 devices fit in
 * one JVM. They start at a paced rate and then live on their own timers until {@link #close()}.
 *
 * <pre>{@code
 * try (Simulator sim = new Simulator(SimulatorConfig.builder().serverPort(5060).devices(1000).build())) {
 *     sim.start();
 *     sim.awaitRegistered(1000, Duration.ofSeconds(30));
 *     System.out.println(sim.stats().registerLatency().total());
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {

    /** How often the paced start releases devices. */
    private static final long PACER_TICK_MS = 10;

    private final SimulatorConfig config;
    private final SimulatorStats stats = new SimulatorStats();
    private final MediaStats mediaStats = new MediaStats();
    private final StreamingMedia streaming;
    private final EventLoopGroup deviceLoops;
    private final DeviceSockets sockets;
    private final VirtualDevice[] devices;
    private final DeviceContext context;
    private volatile FaultProfile faults;
    private volatile ScheduledFuture<?> pacer;
    private int started;
    private long pacerStartNanos;
    private boolean running;
    private boolean closed;

    /** Devices that stream {@link SimulatorConfig#media()} when INVITEd (or refuse with 488 when it is off). */
    public Simulator(SimulatorConfig config) {
        this(config, null);
    }

    /** A simulator whose devices answer INVITEs through {@code media}; {@code null} for the configured media. */
    public Simulator(SimulatorConfig config, MediaResponder media) {
        this.config = config;
        this.faults = config.faults();
        this.streaming = media == null && config.media().enabled()
                ? new StreamingMedia(config, mediaStats, () -> faults) : null;
        if (media == null) {
            media = streaming != null ? streaming : MediaResponder.NONE;
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "sim-devices-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.deviceLoops = new DefaultEventLoopGroup(config.deviceThreads(), threads);
        this.sockets = new DeviceSockets(config, this::dispatch);
        DeviceContext ctx = new DeviceContext(config, stats, sockets, media, () -> faults);
        this.context = ctx;
        this.devices = new VirtualDevice[config.devices()];
        for (int i = 0; i < devices.length; i++) {
            devices[i] = new VirtualDevice(ctx, i, sockets.stackFor(i), deviceLoops.next());
        }
    }

    /** Binds the sockets and starts registering devices at the configured rate. */
    public synchronized void start() throws InterruptedException {
        if (running) {
            return;
        }
        sockets.start();
        running = true;
        EventExecutor pacerLoop = deviceLoops.next();
        pacerStartNanos = System.nanoTime();
        pacer = pacerLoop.scheduleAtFixedRate(this::releaseDevices, 0, PACER_TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts as many devices as the rate allows by now (a token bucket without burst). */
    private void releaseDevices() {
        double rate = config.registrationsPerSecond();
        long due = rate == 0 ? devices.length
                : (long) Math.min(devices.length, Math.floor((System.nanoTime() - pacerStartNanos) / 1e9 * rate) + 1);
        while (started < due) {
            devices[started++].start();
        }
        ScheduledFuture<?> self = pacer;
        if (started >= devices.length && self != null) {
            self.cancel(false);
        }
    }

    /** Hands a request to the device named in its Request-URI (a device ID, or a channel ID for INVITE). */
    private void dispatch(SipServerTransaction tx) {
        VirtualDevice d = deviceFor(VirtualDevice.requestUriUser(tx.request().requestUri()));
        if (d != null) {
            d.receive(tx);
        } else if (!tx.request().isMethod("ACK")) {
            tx.respond(404);
        }
    }

    private VirtualDevice deviceFor(String user) {
        if (user == null) {
            return null;
        }
        DeviceIdPlan plan = config.idPlan();
        int i = plan.deviceIndex(user);
        if (i >= 0 && i < devices.length) {
            return devices[i];
        }
        int owner = plan.deviceIndexOfChannel(user, config.channels());
        if (owner >= 0 && owner < devices.length) {
            int channel = (int) ((Long.parseLong(user.substring(13)) - 1) % config.channels());
            if (plan.channelId(owner, channel, config.channels()).equals(user)) {
                return devices[owner];
            }
        }
        return null;
    }

    /** Waits until at least {@code count} devices are registered; false on timeout. */
    public boolean awaitRegistered(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stats.registered() < count) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimulatorStats stats() {
        return stats;
    }

    /** What a device was sent: a MANSCDP MESSAGE the platform addressed to it (a query, a control). */
    @FunctionalInterface
    public interface MessageListener {

        /** Called on the device's event loop before the MESSAGE is answered; must not block. */
        void onMessage(String deviceId, ManscdpMessage message);
    }

    /** Tells {@code l} about every MANSCDP MESSAGE the devices receive (for tests that check what a platform sent). */
    public void addMessageListener(MessageListener l) {
        context.messageListeners.add(Objects.requireNonNull(l, "listener"));
    }

    /** Counters of the devices' own media (zero when another {@link MediaResponder} answers INVITEs). */
    public MediaStats mediaStats() {
        return mediaStats;
    }

    /** The clip the devices stream, or {@code null} when they do not stream their own media. */
    public MediaClip clip() {
        return streaming == null ? null : streaming.clip();
    }

    public FaultProfile faults() {
        return faults;
    }

    /** Changes fault injection while running; devices see it on their next answer or keep-alive. */
    public void setFaults(FaultProfile f) {
        this.faults = Objects.requireNonNull(f, "faults");
    }

    public int size() {
        return devices.length;
    }

    public String deviceId(int index) {
        return devices[index].deviceId();
    }

    /** Channel {@code channel}'s ID on device {@code deviceIndex}, as reported in its catalog. */
    public String channelId(int deviceIndex, int channel) {
        return config.idPlan().channelId(deviceIndex, channel, config.channels());
    }

    /** Channel {@code channel}'s name as every device reports it (Chinese, sent in GB2312/GBK). */
    public static String channelName(int channel) {
        return ManscdpBodies.channelName(channel);
    }

    public boolean isRegistered(int index) {
        return devices[index].isRegistered();
    }

    /** Where device {@code index} registers now (after redirects, the server it was sent to). */
    public SipPeer serverOf(int index) {
        return devices[index].server();
    }

    /** The local ports of the simulator's SIP sockets. */
    public List<Integer> localPorts() {
        return sockets.ports();
    }

    /** Unregisters every registered device (REGISTER with Expires 0) and stops its timers. */
    public CompletableFuture<Void> unregisterAll() {
        CompletableFuture<?>[] all = new CompletableFuture<?>[devices.length];
        for (int i = 0; i < devices.length; i++) {
            all[i] = devices[i].stop(true);
        }
        return CompletableFuture.allOf(all);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pacer != null) {
            pacer.cancel(false);
        }
        for (VirtualDevice d : devices) {
            d.stop(false);
        }
        deviceLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (streaming != null) {
            streaming.close();
        }
        sockets.close();
        running = false;
    }
}
