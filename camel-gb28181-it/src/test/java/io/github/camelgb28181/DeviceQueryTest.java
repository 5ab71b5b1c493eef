package io.github.camelgb28181;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.platform.DeviceOfflineException;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.QueryResult;
import io.github.camelgb28181.platform.QueryTimeoutException;
import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queries to a registered device over real sockets: SN correlation, multi-message aggregation, timeouts. */
class DeviceQueryTest extends DeviceTestSupport {

    private static final String NVR = "34020000001180000001";

    private static String query(String cmdType, int sn) {
        return "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Query>\r\n<CmdType>" + cmdType + "</CmdType>\r\n<SN>"
               + sn + "</SN>\r\n<DeviceID>" + NVR + "</DeviceID>\r\n</Query>\r\n";
    }

    private Gb28181Platform platform(CamelContext ctx) {
        return ctx.getComponent("gb28181", Gb28181Component.class).getPlatform();
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void deviceInfoIsCorrelatedBySn(SipTransport transport) throws Exception {
        CamelContext server = startServer(c -> { });
        ScriptedDevice nvr = device(NVR, transport, server);
        assertEquals(200, nvr.register(3600).status());
        QueryResult r = platform(server).query(NVR, "DeviceInfo", sn -> query("DeviceInfo", sn), false, 5000, 1000)
                .get(10, TimeUnit.SECONDS);
        assertTrue(r.complete());
        ManscdpMessage info = r.first();
        assertEquals("大门口", info.field("DeviceName"));
        assertEquals("Hikvision", info.field("Manufacturer"));
    }

    @Test
    void thousandChannelCatalogInGb2312OverManyMessagesArrivesComplete() throws Exception {
        CamelContext server = startServer(c -> { });
        ScriptedDevice nvr = device(NVR, SipTransport.UDP, server);
        nvr.catalogChannels = 1000;
        nvr.itemsPerMessage = 20;
        assertEquals(200, nvr.register(3600).status());
        QueryResult r = platform(server).query(NVR, "Catalog", sn -> query("Catalog", sn), true, 10_000, 3000)
                .get(60, TimeUnit.SECONDS);
        assertTrue(r.complete());
        assertEquals(1000, r.expected());
        assertEquals(1000, r.received());
        assertEquals(50, r.messages().size());
        String all = String.join("", r.messages().stream().map(ManscdpMessage::xml).toList());
        for (int i = 0; i < 1000; i++) {
            assertTrue(all.contains("<Name>" + ScriptedDevice.channelName(i) + "</Name>"), "channel " + i);
        }
    }

    @Test
    void freshSnFromTheDeviceIsStillMatched() throws Exception {
        CamelContext server = startServer(c -> { });
        ScriptedDevice nvr = device(NVR, SipTransport.UDP, server);
        nvr.freshSn = true;
        nvr.catalogChannels = 6;
        assertEquals(200, nvr.register(3600).status());
        QueryResult r = platform(server).query(NVR, "Catalog", sn -> query("Catalog", sn), true, 5000, 1000)
                .get(10, TimeUnit.SECONDS);
        assertTrue(r.complete());
        assertEquals(6, r.received());
    }

    @Test
    void missingMessagesGiveAPartialResultWhenTheGapTimerFires() throws Exception {
        CamelContext server = startServer(c -> { });
        ScriptedDevice nvr = device(NVR, SipTransport.UDP, server);
        nvr.catalogChannels = 10;
        nvr.sendOnlyItems = 4;
        assertEquals(200, nvr.register(3600).status());
        long t0 = System.currentTimeMillis();
        QueryResult r = platform(server).query(NVR, "Catalog", sn -> query("Catalog", sn), true, 5000, 500)
                .get(10, TimeUnit.SECONDS);
        assertFalse(r.complete());
        assertEquals(10, r.expected());
        assertEquals(4, r.received());
        assertTrue(System.currentTimeMillis() - t0 >= 500);
    }

    @Test
    void silentDeviceTimesOutAndUnknownDeviceIsRefused() throws Exception {
        CamelContext server = startServer(c -> { });
        ScriptedDevice nvr = device(NVR, SipTransport.UDP, server);
        nvr.answerQueries = false;
        assertEquals(200, nvr.register(3600).status());
        ExecutionException timeout = assertThrows(ExecutionException.class, () -> platform(server)
                .query(NVR, "DeviceInfo", sn -> query("DeviceInfo", sn), false, 400, 400).get(10, TimeUnit.SECONDS));
        assertInstanceOf(QueryTimeoutException.class, timeout.getCause());

        ExecutionException offline = assertThrows(ExecutionException.class, () -> platform(server)
                .query("34020000001320000999", "DeviceInfo", sn -> query("DeviceInfo", sn), false, 400, 400)
                .get(10, TimeUnit.SECONDS));
        assertInstanceOf(DeviceOfflineException.class, offline.getCause());
    }
}
