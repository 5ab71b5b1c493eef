package io.github.camelgb28181;

import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Register, keep alive, refresh and unregister over real UDP and TCP sockets. */
class RegistrationTest extends DeviceTestSupport {

    private static final String IPC = "34020000001320000001";

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void registersWithDigestKeepsAliveAndUnregisters(SipTransport transport) throws Exception {
        CamelContext server = startServer(c -> { });
        ScriptedDevice ipc = device(IPC, transport, server);

        ScriptedDevice.RegisterResult result = ipc.register(3600);
        assertEquals(200, result.status());
        SipResponse ok = result.response();
        assertEquals("3600", ok.header(SipHeaderNames.EXPIRES));
        LocalDateTime date = LocalDateTime.parse(ok.header(SipHeaderNames.DATE));
        assertTrue(Math.abs(ChronoUnit.SECONDS.between(date, LocalDateTime.now())) < 5, "Date is the server's time");
        assertTrue(ok.header(SipHeaderNames.DATE).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"));

        Exchange registered = awaitEvent("REGISTERED", IPC);
        Device device = registered.getIn().getBody(Device.class);
        assertEquals(transport, device.transport());
        assertEquals("127.0.0.1", device.remoteHost());
        if (transport == SipTransport.UDP) {
            assertEquals(ipc.localPort(), device.remotePort()); // the packet source, not the Via
        } else {
            assertTrue(device.remotePort() > 0); // the device's side of the connection it opened
        }
        assertEquals(3600, device.expires());
        assertTrue(device.online());
        awaitEvent("ONLINE", IPC);

        assertEquals(200, ipc.keepalive().status());
        Exchange keepalive = awaitEvent("KEEPALIVE", IPC);
        assertNotNull(keepalive.getIn().getBody(Device.class).lastKeepaliveAt());

        // refresh on the same Call-ID: REFRESHED, registration time kept, no second ONLINE
        assertEquals(200, ipc.register(3600).status());
        Exchange refreshed = awaitEvent("REFRESHED", IPC);
        assertEquals(device.registeredAt(), refreshed.getIn().getBody(Device.class).registeredAt());

        SipResponse bye = ipc.unregister();
        assertEquals(200, bye.status());
        awaitEvent("UNREGISTERED", IPC);
        Exchange offline = awaitEvent("OFFLINE", IPC);
        assertEquals("UNREGISTERED", offline.getIn().getHeader(Gb28181Constants.OFFLINE_REASON));
        assertFalse(offline.getIn().getBody(Device.class).online());

        // after unregistering, keep-alives are refused so that the device registers again
        assertEquals(404, ipc.keepalive().status());
    }

    @Test
    void noPasswordMeansOpenRegistration() throws Exception {
        CamelContext server = startServer(c -> c.setPassword(null));
        ScriptedDevice ipc = device(IPC, SipTransport.UDP, server, null);
        ScriptedDevice.RegisterResult result = ipc.register(600);
        assertEquals(200, result.status());
        assertNull(result.response().header(SipHeaderNames.WWW_AUTHENTICATE));
        awaitEvent("REGISTERED", IPC);
    }

    @Test
    void wrongPasswordIsForbiddenAndRepeatedFailuresLockOut() throws Exception {
        CamelContext server = startServer(c -> c.setLockoutThreshold(3));
        ScriptedDevice ipc = device(IPC, SipTransport.UDP, server, "wrong");
        for (int i = 0; i < 3; i++) {
            assertEquals(403, ipc.register(3600).status());
        }
        // locked out: even the right password is refused now, without a challenge
        ScriptedDevice.RegisterResult locked = ipc.register(3600, PASSWORD);
        assertEquals(403, locked.status());
        Exchange rejected = awaitEvent("REJECTED", IPC);
        assertTrue(rejected.getIn().getHeader(Gb28181Constants.EVENT_DETAIL, String.class).startsWith("403"));
        assertNull(server.getComponent("gb28181", Gb28181Component.class).getPlatform().registry().get(IPC));
    }

    @Test
    void invalidDeviceIdIsRefusedUnlessValidationIsOff() throws Exception {
        CamelContext strict = startServer(c -> { });
        assertEquals(403, device("camera-1", SipTransport.UDP, strict).register(3600).status());

        CamelContext lenient = startServer(c -> c.setValidateDeviceId(false));
        assertEquals(200, device("camera-1", SipTransport.UDP, lenient).register(3600).status());
    }

    @Test
    void dateHeaderCanBeSwitchedOff() throws Exception {
        CamelContext server = startServer(c -> c.setSendDateHeader(false));
        SipResponse ok = device(IPC, SipTransport.UDP, server).register(3600).response();
        assertEquals(200, ok.status());
        assertNull(ok.header(SipHeaderNames.DATE));
    }

    @Test
    void expiresIsCappedAndMinimumEnforced() throws Exception {
        CamelContext server = startServer(c -> {
            c.setMaxExpires(7200);
            c.setMinExpires(60);
        });
        ScriptedDevice ipc = device(IPC, SipTransport.UDP, server);
        assertEquals("7200", ipc.register(100_000).response().header(SipHeaderNames.EXPIRES));
        SipResponse brief = ipc.register(10).response();
        assertEquals(423, brief.status());
        assertEquals("60", brief.header("Min-Expires"));
    }
}
