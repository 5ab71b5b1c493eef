package io.github.camelgb28181;

import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Component options bound from {@code camel.component.gb28181.*} by Camel Main, endpoint options from YAML
 * {@code parameters:}.
 */
class CamelMainBindingTest {

    @Test
    void camelMainPropertiesAndYamlParametersConfigureTheComponent() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:binding-test.camel.yaml");
        main.addInitialProperty("camel.component.gb28181.host", "127.0.0.1");
        main.addInitialProperty("camel.component.gb28181.advertised-host", "127.0.0.1");
        main.addInitialProperty("camel.component.gb28181.port", "0");
        main.addInitialProperty("camel.component.gb28181.password", "from-properties");
        main.addInitialProperty("camel.component.gb28181.max-expires", "1200");
        main.addInitialProperty("camel.component.gb28181.keepalive-interval", "200ms");
        main.addInitialProperty("camel.component.gb28181.keepalive-timeout-count", "1");
        main.addInitialProperty("camel.component.gb28181.use-epoll", "false");
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            Gb28181Component component = context.getComponent("gb28181", Gb28181Component.class);
            assertEquals(200, component.getConfiguration().getKeepaliveInterval(), "duration syntax bound");
            int port = component.getPlatform().sip().boundPort();
            MockEndpoint bound = context.getEndpoint("mock:bound", MockEndpoint.class);
            MockEndpoint status = context.getEndpoint("mock:status", MockEndpoint.class);
            bound.expectedMessageCount(1);
            bound.expectedHeaderReceived(Gb28181Constants.DEVICE_ID, "34020000001320000005");

            try (ScriptedDevice other = new ScriptedDevice("34020000001320000004", "3402000000",
                    "from-properties", SipTransport.UDP, SipPeer.of(SipTransport.UDP, "127.0.0.1", port),
                    "34020000002000000001");
                 ScriptedDevice wanted = new ScriptedDevice("34020000001320000005", "3402000000",
                         "from-properties", SipTransport.UDP, SipPeer.of(SipTransport.UDP, "127.0.0.1", port),
                         "34020000002000000001")) {
                ScriptedDevice.RegisterResult r = other.register(3600);
                assertEquals(200, r.status(), "password bound from properties");
                assertEquals("1200", r.response().header(SipHeaderNames.EXPIRES), "max-expires bound");
                assertEquals(200, wanted.register(3600).status());
                bound.assertIsSatisfied(5000);
                // keep-alive interval 200 ms × 1: both go offline quickly; status has no device filter
                status.expectedMinimumMessageCount(4);
                status.assertIsSatisfied(5000);
                assertTrue(status.getReceivedExchanges().stream().anyMatch(e -> "KEEPALIVE_TIMEOUT"
                        .equals(e.getIn().getHeader(Gb28181Constants.OFFLINE_REASON))));
            }
        } finally {
            main.stop();
        }
        assertTrue(main.getCamelContext() == null || main.getCamelContext().isStopped());
    }
}
