package io.github.camelgb28181;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.platform.DeviceOfflineException;
import io.github.camelgb28181.manscdp.model.CatalogItem;
import io.github.camelgb28181.manscdp.model.DeviceInfoResponse;
import io.github.camelgb28181.platform.QueryResult;
import java.util.List;
import io.github.camelgb28181.platform.QueryTimeoutException;
import io.github.camelgb28181.platform.Subscription;
import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gb28181:command and gb28181:subscribe from routes, against a simulated NVR over real sockets. */
class CommandProducerTest extends DeviceTestSupport {

    private static final String NVR = "34020000001180000001";

    @Test
    void queriesWaitForTheirResponseAndControlsForThe200() throws Exception {
        CamelContext server = startServer(c -> { });
        ScriptedDevice nvr = device(NVR, SipTransport.TCP, server);
        nvr.catalogChannels = 30;
        nvr.itemsPerMessage = 7;
        assertEquals(200, nvr.register(3600).status());
        ProducerTemplate template = server.createProducerTemplate();

        DeviceInfoResponse info = template.requestBodyAndHeaders("gb28181:command?command=DeviceInfo", null,
                Map.of(Gb28181Constants.DEVICE_ID, NVR), DeviceInfoResponse.class);
        assertEquals("Hikvision", info.getManufacturer());
        assertEquals("大门口", info.getDeviceName());

        Exchange catalog = template.request("gb28181:command", e -> {
            e.getIn().setHeader(Gb28181Constants.DEVICE_ID, NVR);
            e.getIn().setHeader(Gb28181Constants.COMMAND, "Catalog");
        });
        List<?> items = catalog.getMessage().getBody(List.class);
        assertEquals(30, items.size());
        for (int i = 0; i < 30; i++) {
            CatalogItem item = (CatalogItem) items.get(i);
            assertEquals(nvr.channelId(i), item.getDeviceId());
            assertEquals(ScriptedDevice.channelName(i), item.getName());
        }
        QueryResult whole = catalog.getMessage().getHeader(Gb28181Constants.QUERY_RESULT, QueryResult.class);
        assertEquals(5, whole.messages().size());
        assertEquals(30, catalog.getMessage().getHeader(Gb28181Constants.SUM_NUM));
        assertEquals(Boolean.TRUE, catalog.getMessage().getHeader(Gb28181Constants.COMPLETE));

        // a control without Response: completes on the 200; the device got the exact Annex A.3 PTZCmd
        String channel = nvr.channelId(3);
        Object status = template.requestBodyAndHeaders("gb28181:command?command=PTZ",
                Map.of("action", "left", "speed", 255), Map.of(Gb28181Constants.DEVICE_ID, NVR,
                        Gb28181Constants.CHANNEL_ID, channel));
        assertEquals(200, status);
        ManscdpMessage ptz = nvr.received.get(nvr.received.size() - 1);
        assertEquals("Control", ptz.root());
        assertEquals("DeviceControl", ptz.cmdType());
        assertEquals(channel, ptz.deviceId());
        // A5 0F 01 02 FF FF 00: checksum (0xA5+0x0F+0x01+0x02+0xFF+0xFF+0x00) % 256 = 0xB5
        assertEquals("A50F0102FFFF00B5", ptz.field("PTZCmd"));
    }

    @Test
    void errorsAreTyped() throws Exception {
        CamelContext server = startServer(c -> { });
        ScriptedDevice nvr = device(NVR, SipTransport.UDP, server);
        nvr.answerQueries = false;
        assertEquals(200, nvr.register(3600).status());
        ProducerTemplate template = server.createProducerTemplate();
        CamelExecutionException timeout = assertThrows(CamelExecutionException.class, () -> template
                .requestBodyAndHeaders("gb28181:command?command=DeviceStatus&responseTimeout=300", null,
                        Map.of(Gb28181Constants.DEVICE_ID, NVR)));
        assertInstanceOf(QueryTimeoutException.class, timeout.getCause());
        CamelExecutionException offline = assertThrows(CamelExecutionException.class, () -> template
                .requestBodyAndHeaders("gb28181:command?command=DeviceInfo", null,
                        Map.of(Gb28181Constants.DEVICE_ID, "34020000001320000404")));
        assertInstanceOf(DeviceOfflineException.class, offline.getCause());
        CamelExecutionException unknown = assertThrows(CamelExecutionException.class, () -> template
                .requestBodyAndHeaders("gb28181:command?command=Teleport", null, Map.of(Gb28181Constants.DEVICE_ID,
                        NVR)));
        assertInstanceOf(IllegalArgumentException.class, unknown.getCause());
    }

    @Test
    void anUnreadableResponseFailsItsQueryAtOnceWithTheParseError() throws Exception {
        CamelContext server = startServer(c -> { });
        ScriptedDevice nvr = device(NVR, SipTransport.UDP, server);
        nvr.malformedAnswers = true;
        assertEquals(200, nvr.register(3600).status());
        long started = System.nanoTime();
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> server
                .createProducerTemplate().requestBodyAndHeaders("gb28181:command?command=DeviceInfo"
                        + "&responseTimeout=20000", null, Map.of(Gb28181Constants.DEVICE_ID, NVR)));
        assertInstanceOf(io.github.camelgb28181.manscdp.ManscdpParseException.class, e.getCause());
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "failed on the answer, not the 20 s timeout");
    }

    @Test
    void subscribeAndUnsubscribeFromARoute() throws Exception {
        CamelContext server = startServer(c -> { });
        ScriptedDevice nvr = device(NVR, SipTransport.UDP, server);
        assertEquals(200, nvr.register(3600).status());
        ProducerTemplate template = server.createProducerTemplate();
        Subscription s = template.requestBodyAndHeader("gb28181:subscribe?event=alarm&expires=600", null,
                Gb28181Constants.DEVICE_ID, NVR, Subscription.class);
        assertEquals(NVR, s.deviceId());
        assertEquals("600", nvr.subscriptions.get(0).expires());
        assertNull(template.requestBodyAndHeaders("gb28181:subscribe?event=alarm", null,
                Map.of(Gb28181Constants.DEVICE_ID, NVR, Gb28181Constants.EXPIRES, 0)));
        assertEquals("0", nvr.subscriptions.get(1).expires());
        assertTrue(server.getComponent("gb28181", Gb28181Component.class).getPlatform().subscriptions().isEmpty());
    }
}
