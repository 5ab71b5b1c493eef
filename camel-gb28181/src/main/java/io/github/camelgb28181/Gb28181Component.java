package io.github.camelgb28181;

import io.github.camelgb28181.bridge.HttpFlvServer;
import io.github.camelgb28181.device.ChannelRegistry;
import io.github.camelgb28181.device.DeviceRegistry;
import io.github.camelgb28181.device.InMemoryChannelRegistry;
import io.github.camelgb28181.device.InMemoryDeviceRegistry;
import io.github.camelgb28181.device.PasswordLookup;
import io.github.camelgb28181.device.RedirectPolicies;
import io.github.camelgb28181.device.RedirectPolicy;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.StreamBridges;
import io.github.camelgb28181.sip.NettyTransports;
import io.netty.channel.EventLoopGroup;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.concurrent.CamelThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The GB28181 component. All endpoints of one component share one platform (one SIP server, one device registry),
 * started by the first consumer or producer that needs it and stopped with the last one.
 */
@Component("gb28181")
public class Gb28181Component extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(Gb28181Component.class);
    private static final int BRIDGE_CLOSE_WAIT_SECONDS = 10;

    @Metadata
    private Gb28181Configuration configuration = new Gb28181Configuration();
    @Metadata(label = "advanced", autowired = true)
    private DeviceRegistry deviceRegistry;
    @Metadata(label = "security")
    private PasswordLookup passwordLookup;
    @Metadata(label = "redirect")
    private RedirectPolicy customRedirectPolicy;
    @Metadata(label = "advanced")
    private ChannelRegistry channelRegistry;

    private Gb28181Platform platform;
    private ExecutorService workers;
    private ScheduledExecutorService scheduler;
    private ExecutorService bridgePool;
    private HttpFlvServer httpFlv;
    private EventLoopGroup httpFlvLoop;
    /** Readers of streamed broadcast audio: each may block in its InputStream for the whole broadcast. */
    private ExecutorService audioReaders;
    private StreamBridges bridges;
    private int users;

    public Gb28181Component() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Gb28181Endpoint endpoint = new Gb28181Endpoint(uri, this);
        endpoint.setType(Gb28181Type.parse(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The shared platform, started on first use. Every call must be paired with {@link #releasePlatform()}. */
    synchronized Gb28181Platform acquirePlatform() throws Exception {
        if (platform == null) {
            DeviceRegistry registry = deviceRegistry != null ? deviceRegistry : new InMemoryDeviceRegistry();
            workers = getCamelContext().getExecutorServiceManager().newThreadPool(this, "Gb28181Worker", 2,
                    configuration.getWorkerPoolSize());
            scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    "Gb28181Liveness");
            CamelThreadFactory ioThreads = new CamelThreadFactory(
                    getCamelContext().getExecutorServiceManager().getThreadNamePattern(), "Gb28181SipIO", true);
            Gb28181Platform p = new Gb28181Platform(configuration.toPlatformConfig(), registry,
                    channelRegistry != null ? channelRegistry : new InMemoryChannelRegistry(), passwordLookup, workers,
                    scheduler, ioThreads);
            p.setRedirectPolicy(customRedirectPolicy != null ? customRedirectPolicy
                    : RedirectPolicies.create(configuration.getRedirectPolicy(), configuration.getRedirectTargets(),
                            configuration.getRedirectPrefixes()));
            try {
                p.start();
            } catch (Exception e) {
                shutdownPools();
                throw e;
            }
            try {
                startBridges(p);
            } catch (Exception e) {
                // the HTTP-FLV port was taken, say: nothing of this platform stays running
                platform = p;
                stopPlatform();
                throw e;
            }
            platform = p;
        }
        users++;
        return platform;
    }

    synchronized void releasePlatform() {
        if (users > 0 && --users == 0) {
            stopPlatform();
        }
    }

    /**
     * The media bridges of the running platform (outputs, viewers, snapshots). Call between
     * {@link #acquirePlatform()} and {@link #releasePlatform()}.
     */
    public synchronized StreamBridges getStreamBridges() {
        if (bridges == null) {
            throw new IllegalStateException("the gb28181 platform is not running");
        }
        return bridges;
    }

    /**
     * Made with the platform so that it sees every stream from its start (a bridge asked for later still needs the
     * stream's parameter sets); FFmpeg is loaded only when the first bridge is.
     */
    private void startBridges(Gb28181Platform p) throws InterruptedException {
        // blocking writes (sockets, files) hold a thread each: run up to the limit at once, queue the rest
        ThreadPoolProfile profile = new ThreadPoolProfile("Gb28181Bridge");
        profile.setPoolSize(configuration.getBridgeThreads());
        profile.setMaxPoolSize(configuration.getBridgeThreads());
        profile.setMaxQueueSize(-1);
        profile.setAllowCoreThreadTimeOut(true);
        profile.setKeepAliveTime(60L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        bridgePool = getCamelContext().getExecutorServiceManager().newThreadPool(this, "Gb28181Bridge", profile);
        bridges = new StreamBridges(p, bridgePool, configuration.toBridgeConfig());
        if (configuration.getHttpFlvPort() >= 0) {
            startHttpFlv(p);
        }
    }

    private void startHttpFlv(Gb28181Platform p) throws InterruptedException {
        httpFlvLoop = NettyTransports.newEventLoopGroup(1, new CamelThreadFactory(
                getCamelContext().getExecutorServiceManager().getThreadNamePattern(), "Gb28181HttpFlv", true),
                configuration.isUseEpoll());
        StreamBridges b = bridges;
        httpFlv = new HttpFlvServer(streamId -> {
            try {
                return b.bridge(p.runningStream(streamId).streamId()).flvStream();
            } catch (IllegalArgumentException e) {
                return null; // not a running stream
            }
        }, bridgePool, httpFlvLoop);
        String host = configuration.getHttpFlvHost() != null ? configuration.getHttpFlvHost()
                : configuration.getHost();
        httpFlv.start(host, configuration.getHttpFlvPort());
        LOG.info("HTTP-FLV on {}:{}", host, httpFlv.port());
    }

    /** The port the HTTP-FLV server listens on, or -1 when it is off or the platform is not running. */
    public synchronized int getHttpFlvBoundPort() {
        return httpFlv == null ? -1 : httpFlv.port();
    }

    /** Runs the readers of broadcast audio given as an InputStream; made on first use, shut down with the platform. */
    synchronized ExecutorService audioReaders() {
        if (platform == null) {
            throw new IllegalStateException("the gb28181 platform is not running");
        }
        if (audioReaders == null) {
            audioReaders = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this,
                    "Gb28181AudioReader");
        }
        return audioReaders;
    }

    /** Times what the producers schedule (snapshot series); the work itself runs elsewhere. */
    synchronized ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The running platform, or null when no endpoint is using it. */
    public synchronized Gb28181Platform getPlatform() {
        return platform;
    }

    private void stopPlatform() {
        if (httpFlv != null) {
            httpFlv.close();
            httpFlv = null;
        }
        if (httpFlvLoop != null) {
            httpFlvLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            httpFlvLoop = null;
        }
        if (bridges != null) {
            try {
                // outputs finish their files and free native memory on the bridge pool: let them, within bounds
                bridges.closeAsync().get(BRIDGE_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Media bridges did not close cleanly: {}", e.toString());
            }
            bridges = null;
        }
        if (platform != null) {
            platform.stop();
            platform = null;
        }
        shutdownPools();
    }

    private void shutdownPools() {
        if (audioReaders != null) {
            // broadcasts were ended (their streams closed) with the platform; interrupt a reader still blocked
            getCamelContext().getExecutorServiceManager().shutdownNow(audioReaders);
            audioReaders = null;
        }
        if (bridgePool != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(bridgePool);
            bridgePool = null;
        }
        if (workers != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        users = 0;
        stopPlatform();
        super.doStop();
    }

    public Gb28181Configuration getConfiguration() {
        return configuration;
    }

    /** The settings of the shared server; individual options can also be set on the component directly. */
    public void setConfiguration(Gb28181Configuration configuration) {
        this.configuration = configuration;
    }

    public DeviceRegistry getDeviceRegistry() {
        return deviceRegistry;
    }

    /** Where devices are kept; in memory by default. Supply a shared implementation for a cluster. */
    public void setDeviceRegistry(DeviceRegistry deviceRegistry) {
        this.deviceRegistry = deviceRegistry;
    }

    public ChannelRegistry getChannelRegistry() {
        return channelRegistry;
    }

    /** Where device catalogs (channels) are kept; in memory by default. Supply a shared implementation for a cluster. */
    public void setChannelRegistry(ChannelRegistry channelRegistry) {
        this.channelRegistry = channelRegistry;
    }

    public PasswordLookup getPasswordLookup() {
        return passwordLookup;
    }

    /**
     * Per-device registration passwords (a bean). A gb28181:passwordLookup route does the same from a route. Devices
     * it returns no password for use the global password.
     */
    public void setPasswordLookup(PasswordLookup passwordLookup) {
        this.passwordLookup = passwordLookup;
    }

    public RedirectPolicy getCustomRedirectPolicy() {
        return customRedirectPolicy;
    }

    /** A custom registration redirect policy (a bean), used instead of the redirectPolicy option. */
    public void setCustomRedirectPolicy(RedirectPolicy customRedirectPolicy) {
        this.customRedirectPolicy = customRedirectPolicy;
    }
}
