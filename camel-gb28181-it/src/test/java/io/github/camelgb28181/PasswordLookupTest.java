package io.github.camelgb28181;

import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Per-device passwords from a bean or from a route; the global password for the rest. */
class PasswordLookupTest extends DeviceTestSupport {

    @Test
    void routeSuppliesPerDevicePasswords() throws Exception {
        CamelContext server = startServer(c -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:passwordLookup")
                        .choice()
                        .when(e -> "34020000001320000007".equals(e.getIn().getBody(String.class))).setBody(constant("special-7"))
                        .otherwise().setBody(constant(null));
            }
        });
        assertEquals(200, device("34020000001320000007", SipTransport.UDP, server, "special-7").register(3600)
                .status());
        assertEquals(403, device("34020000001320000007", SipTransport.UDP, server, PASSWORD).register(3600)
                .status());
        assertEquals(200, device("34020000001320000008", SipTransport.UDP, server, PASSWORD).register(3600)
                .status());
    }

    @Test
    void beanSuppliesPerDevicePasswords() throws Exception {
        CamelContext withBean = startServerWithBean();
        assertEquals(200, device("34020000001320000009", SipTransport.TCP, withBean, "nine").register(3600)
                .status());
        assertEquals(403, device("34020000001320000009", SipTransport.TCP, withBean, PASSWORD).register(3600)
                .status());
    }

    private CamelContext startServerWithBean() throws Exception {
        org.apache.camel.impl.DefaultCamelContext ctx = new org.apache.camel.impl.DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(0);
        component.getConfiguration().setPassword(PASSWORD);
        component.getConfiguration().setUseEpoll(false);
        component.setPasswordLookup(id -> CompletableFuture.completedFuture(
                id.equals("34020000001320000009") ? "nine" : null));
        ctx.addComponent("gb28181", component);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:register").process(events::add);
            }
        });
        ctx.start();
        track(ctx);
        return ctx;
    }
}
