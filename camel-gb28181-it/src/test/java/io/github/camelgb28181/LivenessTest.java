package io.github.camelgb28181;

import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offline detection by missed keep-alives and by registration expiry, with short test intervals. */
class LivenessTest extends DeviceTestSupport {

    private static final String IPC = "34020000001320000001";

    @Test
    void missedKeepalivesMakeTheDeviceOffline() throws Exception {
        CamelContext server = startServer(c -> {
            c.setKeepaliveInterval(300);
            c.setKeepaliveTimeoutCount(2);
        });
        ScriptedDevice ipc = device(IPC, SipTransport.UDP, server);
        assertEquals(200, ipc.register(3600).status());
        awaitEvent("ONLINE", IPC);
        long start = System.currentTimeMillis();
        // keep-alives hold it online beyond interval × count
        for (int i = 0; i < 4; i++) {
            Thread.sleep(250);
            assertEquals(200, ipc.keepalive().status());
        }
        Device now = server.getComponent("gb28181", Gb28181Component.class).getPlatform().registry().get(IPC);
        assertTrue(now.online(), "keep-alives keep the device online");
        Exchange offline = awaitEvent("OFFLINE", IPC, 3000);
        long offlineAfterLastKeepalive = System.currentTimeMillis() - start - 1000;
        assertEquals("KEEPALIVE_TIMEOUT", offline.getIn().getHeader(Gb28181Constants.OFFLINE_REASON));
        assertTrue(offlineAfterLastKeepalive >= 500, "not before interval × count: " + offlineAfterLastKeepalive);
        assertFalse(offline.getIn().getBody(Device.class).online());
        // default: a keep-alive does not revive; 404 asks the device to register again
        assertEquals(404, ipc.keepalive().status());
        assertEquals(200, ipc.register(3600).status());
        awaitEvent("ONLINE", IPC);
    }

    @Test
    void registrationExpiryMakesTheDeviceOfflineFirst() throws Exception {
        CamelContext server = startServer(c -> c.setKeepaliveInterval(60_000));
        ScriptedDevice ipc = device(IPC, SipTransport.TCP, server);
        assertEquals(200, ipc.register(1).status());
        Exchange offline = awaitEvent("OFFLINE", IPC, 3000);
        assertEquals("EXPIRED", offline.getIn().getHeader(Gb28181Constants.OFFLINE_REASON));
    }

    @Test
    void keepaliveRevivesAnOfflineDeviceWhenConfigured() throws Exception {
        CamelContext server = startServer(c -> {
            c.setKeepaliveInterval(200);
            c.setKeepaliveTimeoutCount(1);
            c.setReviveOnKeepalive(true);
        });
        ScriptedDevice ipc = device(IPC, SipTransport.UDP, server);
        assertEquals(200, ipc.register(3600).status());
        awaitEvent("ONLINE", IPC); // the registration's own ONLINE, so that the next one is the revival
        awaitEvent("OFFLINE", IPC, 3000);
        assertEquals(200, ipc.keepalive().status());
        Exchange online = awaitEvent("ONLINE", IPC);
        assertTrue(online.getIn().getBody(Device.class).online());
    }

    @Test
    void keepaliveFromUnknownDeviceIsNotFound() throws Exception {
        CamelContext server = startServer(c -> c.setReviveOnKeepalive(true));
        assertEquals(404, device("34020000001320000099", SipTransport.UDP, server).keepalive().status());
    }
}
