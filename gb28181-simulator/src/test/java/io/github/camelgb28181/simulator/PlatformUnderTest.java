package io.github.camelgb28181.simulator;

import io.github.camelgb28181.Gb28181Component;
import io.github.camelgb28181.Gb28181Configuration;
import io.github.camelgb28181.Gb28181Constants;
import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.platform.Gb28181Platform;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The real component on loopback: a Camel context whose gb28181 server listens on a free port and whose consumers
 * record every status event and MANSCDP message, as an application's routes would see them.
 */
final class PlatformUnderTest implements AutoCloseable {

    static final String SERVER_ID = "34020000002000000001";
    static final String DOMAIN = "3402000000";
    static final String PASSWORD = "12345678";

    final CamelContext context = new DefaultCamelContext();
    final List<Exchange> statusEvents = new CopyOnWriteArrayList<>();
    final List<Exchange> messages = new CopyOnWriteArrayList<>();

    PlatformUnderTest(Consumer<Gb28181Configuration> configure) throws Exception {
        this(configure, null);
    }

    /** With the test's own routes besides the recording ones ({@code gb28181:frames} for the media tests). */
    PlatformUnderTest(Consumer<Gb28181Configuration> configure, RouteBuilder extraRoutes) throws Exception {
        Gb28181Component component = new Gb28181Component();
        Gb28181Configuration c = component.getConfiguration();
        c.setSipId(SERVER_ID);
        c.setDomain(DOMAIN);
        c.setHost("127.0.0.1");
        c.setAdvertisedHost("127.0.0.1");
        c.setPort(0);
        c.setPassword(PASSWORD);
        c.setIoThreads(1);
        c.setLivenessCheckInterval(100);
        // the tests count and match the queries they send themselves; the platform's own ones would interleave
        c.setAutoDeviceInfo(false);
        c.setAutoConfigDownload(false);
        c.setAutoCatalog(false);
        configure.accept(c);
        context.addComponent("gb28181", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:status").process(statusEvents::add);
                from("gb28181:message").process(messages::add);
            }
        });
        if (extraRoutes != null) {
            context.addRoutes(extraRoutes);
        }
        context.start();
    }

    int port() {
        return platform().sip().boundPort();
    }

    Gb28181Platform platform() {
        return context.getComponent("gb28181", Gb28181Component.class).getPlatform();
    }

    long onlineCount() {
        return platform().registry().all().stream().filter(Device::online).count();
    }

    boolean isOnline(String deviceId) {
        Device d = platform().registry().get(deviceId);
        return d != null && d.online();
    }

    long statusEvents(String type, String deviceId) {
        return statusEvents.stream().filter(e -> type.equals(e.getIn().getHeader(Gb28181Constants.EVENT_TYPE))
                && deviceId.equals(e.getIn().getHeader(Gb28181Constants.DEVICE_ID))).count();
    }

    SimulatorConfig.Builder simulatorFor() {
        return SimulatorConfig.builder().serverHost("127.0.0.1").serverPort(port()).serverId(SERVER_ID)
                .domain(DOMAIN).password(PASSWORD).t1Ms(200);
    }

    @Override
    public void close() {
        context.stop();
    }
}
