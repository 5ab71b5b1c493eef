package io.github.camelgb28181;

import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipAddress;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipTransport;
import io.github.camelgb28181.sip.SipUri;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Registration redirect (GB/T 28181-2022 §9.1.2.3): two platforms on two ports; the first answers 302 after
 * authentication and the device registers at the target.
 */
class RedirectTest extends DeviceTestSupport {

    private CamelContext startTarget() throws Exception {
        return startServer(c -> { });
    }

    private static boolean registeredAt(CamelContext ctx, String id) {
        var d = ctx.getComponent("gb28181", Gb28181Component.class).getPlatform().registry().get(id);
        return d != null && d.online();
    }

    @Test
    void staticPolicySendsEveryDeviceToTheTarget() throws Exception {
        CamelContext b = startTarget();
        CamelContext a = startServer(c -> {
            c.setRedirectPolicy("static");
            c.setRedirectTargets("127.0.0.1:" + sipPort(b));
            c.setRedirectExpires(1800);
        });
        String id = "34020000001320000011";
        ScriptedDevice ipc = device(id, SipTransport.UDP, a);
        ScriptedDevice.RegisterResult r = ipc.register(3600);
        assertEquals(200, r.status());
        assertEquals(1, r.redirects());
        assertEquals(sipPort(b), r.registeredAt().port());
        var moved = r.history().stream().filter(x -> x.status() == 302).findFirst().orElseThrow();
        SipUri contact = SipAddress.parse(moved.header(SipHeaderNames.CONTACT)).uri();
        assertEquals(id, contact.user());
        assertEquals("127.0.0.1", contact.host());
        assertEquals(sipPort(b), contact.port());
        assertEquals("1800", moved.header(SipHeaderNames.EXPIRES));
        assertEquals(true, registeredAt(b, id));
        assertEquals(false, registeredAt(a, id));
        Exchange redirected = awaitEvent("REDIRECTED", id);
        assertEquals("127.0.0.1:" + sipPort(b), redirected.getIn().getHeader(Gb28181Constants.EVENT_DETAIL));
    }

    @Test
    void redirectAnswerCarriesContactOfTargetAndExpires() throws Exception {
        CamelContext b = startTarget();
        CamelContext a = startServer(c -> {
            c.setRedirectPolicy("static");
            c.setRedirectTargets("127.0.0.1:" + sipPort(b));
            c.setRedirectExpires(1800);
        });
        String id = "34020000001320000012";
        ScriptedDevice ipc = device(id, SipTransport.UDP, a);
        // first REGISTER: challenge; only an authenticated device learns the target
        var challenge = ipc.send(ipc.registerRequest(3600, null));
        assertEquals(401, challenge.status());
        assertNull(challenge.header(SipHeaderNames.CONTACT));
        ScriptedDevice.RegisterResult r = ipc.register(3600);
        assertEquals(200, r.status());
        assertEquals(1, r.redirects());
    }

    @Test
    void wrongPasswordIsNotRedirected() throws Exception {
        CamelContext b = startTarget();
        CamelContext a = startServer(c -> {
            c.setRedirectPolicy("static");
            c.setRedirectTargets("127.0.0.1:" + sipPort(b));
        });
        ScriptedDevice.RegisterResult r = device("34020000001320000013", SipTransport.UDP, a, "bad").register(3600);
        assertEquals(403, r.status());
        assertEquals(0, r.redirects());
    }

    @Test
    void hashPolicySpreadsDevicesStablyOverTargetsIncludingThisNode() throws Exception {
        CamelContext b = startTarget();
        CamelContext a = startServer(c -> {
            c.setRedirectPolicy("hash");
            c.setRedirectTargets("127.0.0.1:" + sipPort(b) + ",local");
        });
        int onA = 0;
        int onB = 0;
        for (int i = 0; i < 8; i++) {
            String id = String.format("340200000013200001%02d", i);
            CRC32 crc = new CRC32();
            crc.update(id.getBytes());
            boolean expectB = crc.getValue() % 2 == 0;
            ScriptedDevice.RegisterResult r = device(id, SipTransport.UDP, a).register(3600);
            assertEquals(200, r.status());
            assertEquals(expectB ? 1 : 0, r.redirects(), id);
            assertEquals(expectB, registeredAt(b, id), id);
            assertEquals(!expectB, registeredAt(a, id), id);
            if (expectB) {
                onB++;
            } else {
                onA++;
            }
        }
        assertEquals(8, onA + onB);
    }

    @Test
    void roundRobinAlternatesTargets() throws Exception {
        CamelContext b = startTarget();
        CamelContext a = startServer(c -> {
            c.setRedirectPolicy("roundRobin");
            c.setRedirectTargets("127.0.0.1:" + sipPort(b) + ",local");
        });
        for (int i = 0; i < 4; i++) {
            String id = String.format("340200000013200002%02d", i);
            ScriptedDevice.RegisterResult r = device(id, SipTransport.UDP, a).register(3600);
            assertEquals(200, r.status());
            boolean expectB = i % 2 == 0;
            assertEquals(expectB, registeredAt(b, id), id);
            assertEquals(!expectB, registeredAt(a, id), id);
        }
    }

    @Test
    void prefixPolicyRoutesByRegion() throws Exception {
        CamelContext b = startTarget();
        CamelContext a = startServer(c -> {
            c.setRedirectPolicy("prefix");
            c.setRedirectPrefixes("3401=127.0.0.1:" + sipPort(b) + ";3402=local");
        });
        String anhui = "34010000001320000001";
        String here = "34020000001320000001";
        assertEquals(1, device(anhui, SipTransport.UDP, a).register(3600).redirects());
        assertEquals(0, device(here, SipTransport.UDP, a).register(3600).redirects());
        assertEquals(true, registeredAt(b, anhui));
        assertEquals(true, registeredAt(a, here));
    }

    @Test
    void redirectOverTcp() throws Exception {
        CamelContext b = startTarget();
        CamelContext a = startServer(c -> {
            c.setRedirectPolicy("static");
            c.setRedirectTargets("127.0.0.1:" + sipPort(b));
        });
        String id = "34020000001320000031";
        ScriptedDevice.RegisterResult r = device(id, SipTransport.TCP, a).register(3600);
        assertEquals(200, r.status());
        assertEquals(1, r.redirects());
        assertEquals(true, registeredAt(b, id));
    }

    @Test
    void routeDecidesAcceptRejectOrRedirect() throws Exception {
        CamelContext b = startTarget();
        int bPort = sipPort(b);
        CamelContext a = startServer(c -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:registerDecision")
                        .choice()
                        .when(simple("${body} endsWith '1'"))
                        .setHeader(Gb28181Constants.REGISTER_DECISION, constant("reject"))
                        .setHeader(Gb28181Constants.REJECT_STATUS, constant(488))
                        .when(simple("${body} endsWith '2'"))
                        .setHeader(Gb28181Constants.REGISTER_DECISION, constant("redirect"))
                        .setHeader(Gb28181Constants.REDIRECT_TARGET, constant("127.0.0.1:" + bPort))
                        .otherwise()
                        .setHeader(Gb28181Constants.REGISTER_DECISION, constant("accept"));
            }
        });
        assertEquals(488, device("34020000001320000041", SipTransport.UDP, a).register(3600).status());
        ScriptedDevice.RegisterResult redirected = device("34020000001320000042", SipTransport.UDP, a)
                .register(3600);
        assertEquals(200, redirected.status());
        assertEquals(1, redirected.redirects());
        assertEquals(true, registeredAt(b, "34020000001320000042"));
        ScriptedDevice.RegisterResult accepted = device("34020000001320000043", SipTransport.UDP, a)
                .register(3600);
        assertEquals(0, accepted.redirects());
        assertEquals(true, registeredAt(a, "34020000001320000043"));
    }
}
