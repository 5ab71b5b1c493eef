package io.github.camelgb28181;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Starts real Camel contexts with the gb28181 component on loopback (free port) and collects the events its
 * consumers produce. Tests with devices extend {@code DeviceTestSupport} in camel-gb28181-it, whose devices are the
 * simulator's, talking SIP over real sockets; those here talk raw SIP or run sipp.
 */
public abstract class Gb28181TestSupport {

    public static final String SERVER_ID = "34020000002000000001";
    public static final String DOMAIN = "3402000000";
    public static final String PASSWORD = "12345678";

    protected final BlockingQueue<Exchange> events = new LinkedBlockingQueue<>();
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<Exchange> seen = new ArrayList<>();

    /** A started context whose component "gb28181" listens on 127.0.0.1 with test-friendly defaults. */
    protected CamelContext startServer(Consumer<Gb28181Configuration> configure) throws Exception {
        return startServer(configure, null);
    }

    protected CamelContext startServer(Consumer<Gb28181Configuration> configure, RouteBuilder extraRoutes)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        Gb28181Configuration c = component.getConfiguration();
        c.setHost("127.0.0.1");
        c.setAdvertisedHost("127.0.0.1");
        c.setPort(0);
        c.setPassword(PASSWORD);
        c.setUseEpoll(false);
        c.setIoThreads(2);
        c.setLivenessCheckInterval(100);
        // tests that exercise the automatic queries switch them on; the others count the device's messages exactly
        c.setAutoDeviceInfo(false);
        c.setAutoConfigDownload(false);
        c.setAutoCatalog(false);
        configure.accept(c);
        context.addComponent("gb28181", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:register").process(events::add);
                from("gb28181:status").process(events::add);
                from("gb28181:keepalive").process(events::add);
            }
        });
        if (extraRoutes != null) {
            context.addRoutes(extraRoutes);
        }
        context.start();
        contexts.add(context);
        return context;
    }

    /** Stops this context after the test. */
    protected void track(CamelContext context) {
        contexts.add(context);
    }

    protected static int sipPort(CamelContext context) {
        return context.getComponent("gb28181", Gb28181Component.class).getPlatform().sip().boundPort();
    }

    /**
     * The first not yet claimed event of this type for this device. Events of different devices and consumers may
     * arrive in any order (a keep-alive can overtake the REGISTERED of the REGISTER whose 200 it followed), so
     * nothing is discarded: other events stay available to later calls.
     */
    protected Exchange awaitEvent(String type, String deviceId) throws InterruptedException {
        return awaitEvent(type, deviceId, 5000);
    }

    protected Exchange awaitEvent(String type, String deviceId, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            for (java.util.Iterator<Exchange> it = seen.iterator(); it.hasNext(); ) {
                Exchange e = it.next();
                if (type.equals(e.getIn().getHeader(Gb28181Constants.EVENT_TYPE))
                    && deviceId.equals(e.getIn().getHeader(Gb28181Constants.DEVICE_ID))) {
                    it.remove();
                    return e;
                }
            }
            long left = deadline - System.currentTimeMillis();
            Exchange e = left > 0 ? events.poll(left, TimeUnit.MILLISECONDS) : null;
            if (e == null) {
                fail("no " + type + " event for " + deviceId + " within " + timeoutMs + " ms");
            }
            seen.add(e);
        }
    }

    @AfterEach
    void stopAll() {
        contexts.forEach(CamelContext::stop);
    }
}
