package io.github.camelgb28181;

import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.device.DeviceCatalog;
import io.github.camelgb28181.device.DeviceChannel;
import io.github.camelgb28181.manscdp.model.AlarmNotify;
import io.github.camelgb28181.manscdp.model.DeviceInfoResponse;
import io.github.camelgb28181.manscdp.model.MediaStatusNotify;
import io.github.camelgb28181.manscdp.model.MobilePositionNotify;
import io.github.camelgb28181.manscdp.model.RecordItem;
import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the platform does on its own when devices come online and report changes, and the typed consumers that see
 * it: against simulated devices over real sockets.
 */
class DeviceSyncTest extends DeviceTestSupport {

    private static final String NVR = "34020000001180000001";

    /** Every typed consumer feeds the event queue, tagged by endpoint (and catalog event). */
    private CamelContext server(Consumer<Gb28181Configuration> configure) throws Exception {
        return startServer(c -> {
            c.setAutoDeviceInfo(true);
            c.setAutoConfigDownload(true);
            c.setAutoCatalog(true);
            c.setStatusChangeDebounce(300);
            configure.accept(c);
        }, new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:catalog").setHeader(Gb28181Constants.EVENT_TYPE,
                        simple("catalog-${header." + Gb28181Constants.CATALOG_EVENT + "}")).process(events::add);
                for (String type : List.of("alarm", "mobilePosition", "mediaStatus", "recordInfo", "deviceInfo",
                        "deviceStatus")) {
                    from("gb28181:" + type).setHeader(Gb28181Constants.EVENT_TYPE, constant(type))
                            .process(events::add);
                }
            }
        });
    }

    private ScriptedDevice onlineNvr(CamelContext server, int channels) throws Exception {
        ScriptedDevice nvr = device(NVR, SipTransport.UDP, server);
        nvr.catalogChannels = channels;
        nvr.itemsPerMessage = 4;
        assertEquals(200, nvr.register(3600).status());
        return nvr;
    }

    @Test
    void aDeviceThatComesOnlineIsIdentifiedAndItsCatalogStored() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice nvr = device(NVR, SipTransport.TCP, server);
        nvr.catalogChannels = 25;
        nvr.itemsPerMessage = 4;
        nvr.heartbeatInterval = 30;
        nvr.heartbeatCount = 5;
        assertEquals(200, nvr.register(3600).status());

        DeviceInfoResponse info = awaitEvent("deviceInfo", NVR).getIn().getBody(DeviceInfoResponse.class);
        assertEquals("大门口", info.getDeviceName());
        Exchange full = awaitEvent("catalog-FULL", NVR);
        DeviceCatalog catalog = full.getIn().getBody(DeviceCatalog.class);
        assertTrue(catalog.complete());
        assertEquals(25, catalog.sumNum());
        assertEquals(25, catalog.channels().size());
        for (int i = 0; i < 25; i++) {
            DeviceChannel ch = catalog.channels().get(i);
            assertEquals(nvr.channelId(i), ch.channelId());
            assertEquals(ScriptedDevice.channelName(i), ch.name(), "GB2312/GBK names round-trip exactly");
            assertEquals(NVR, ch.parentId());
            assertTrue(ch.online());
        }
        // the order matters: some devices answer the catalog only once they have been identified
        assertEquals(List.of("DeviceInfo", "ConfigDownload", "Catalog"),
                nvr.received.stream().map(m -> m.cmdType()).toList());

        ProducerTemplate template = server.createProducerTemplate();
        Device device = template.requestBodyAndHeader("gb28181:devices", null, Gb28181Constants.DEVICE_ID, NVR,
                Device.class);
        assertEquals("大门口", device.details().name());
        assertEquals("Hikvision", device.details().manufacturer());
        assertEquals("DS-2CD", device.details().model());
        assertEquals("V5.5.0", device.details().firmware());
        assertEquals(25, device.details().channelCount());
        assertTrue(device.details().catalogAt() != null);
        assertEquals(30, device.keepaliveInterval(), "keep-alive settings from ConfigDownload BasicParam");
        assertEquals(5, device.keepaliveCount());

        List<?> stored = template.requestBodyAndHeader("gb28181:channels", null, Gb28181Constants.DEVICE_ID, NVR,
                List.class);
        assertEquals(catalog.channels(), stored);
        DeviceChannel one = template.requestBodyAndHeaders("gb28181:channels", null, Map.of(
                Gb28181Constants.DEVICE_ID, NVR, Gb28181Constants.CHANNEL_ID, nvr.channelId(7)), DeviceChannel.class);
        assertEquals(ScriptedDevice.channelName(7), one.name());
    }

    @Test
    void catalogNotificationsChangeTheStoreAndStatusChangesAskForAFreshCatalogOnce() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice nvr = onlineNvr(server, 6);
        awaitEvent("catalog-FULL", NVR);
        String added = NVR.substring(0, 10) + "1310000099";
        nvr.notifyMessage("Catalog", "<SumNum>3</SumNum>\r\n<DeviceList Num=\"3\">\r\n"
                + "<Item>\r\n<DeviceID>" + added + "</DeviceID>\r\n<Event>ADD</Event>\r\n<Name>新增通道</Name>\r\n"
                + "<Status>ON</Status>\r\n</Item>\r\n"
                + "<Item>\r\n<DeviceID>" + nvr.channelId(1) + "</DeviceID>\r\n<Event>DEL</Event>\r\n</Item>\r\n"
                + "<Item>\r\n<DeviceID>" + nvr.channelId(2) + "</DeviceID>\r\n<Event>VLOST</Event>\r\n</Item>\r\n"
                + "</DeviceList>\r\n");

        Exchange add = awaitEvent("catalog-ADD", NVR);
        assertEquals("新增通道", add.getIn().getBody(DeviceChannel.class).name());
        assertEquals(added, add.getIn().getHeader(Gb28181Constants.CHANNEL_ID));
        assertEquals(ScriptedDevice.channelName(1), awaitEvent("catalog-DEL", NVR).getIn()
                .getBody(DeviceChannel.class).name(), "DEL carries the entry as it was");
        DeviceChannel lost = awaitEvent("catalog-VLOST", NVR).getIn().getBody(DeviceChannel.class);
        assertFalse(lost.online());
        assertEquals("VLOST", lost.status());
        assertEquals(ScriptedDevice.channelName(2), lost.name(), "a status event keeps what the catalog said");

        ProducerTemplate template = server.createProducerTemplate();
        io.github.camelgb28181.platform.Gb28181Platform platform = platform(server);
        // right after the NOTIFY (before the debounced query answers) the store shows the changes
        assertEquals("新增通道", platform.channels().get(NVR, added).name());
        assertNull(platform.channels().get(NVR, nvr.channelId(1)));

        // two more status events inside the debounce window: one catalog query for the burst
        nvr.notifyMessage("Catalog", "<SumNum>1</SumNum>\r\n<DeviceList Num=\"1\">\r\n<Item>\r\n<DeviceID>"
                + nvr.channelId(3) + "</DeviceID>\r\n<Event>OFF</Event>\r\n</Item>\r\n</DeviceList>\r\n");
        nvr.notifyMessage("Catalog", "<SumNum>1</SumNum>\r\n<DeviceList Num=\"1\">\r\n<Item>\r\n<DeviceID>"
                + nvr.channelId(3) + "</DeviceID>\r\n<Event>ON</Event>\r\n</Item>\r\n</DeviceList>\r\n");
        DeviceCatalog fresh = awaitEvent("catalog-FULL", NVR).getIn().getBody(DeviceCatalog.class);
        assertEquals(6, fresh.channels().size());
        Thread.sleep(800);
        assertEquals(2, nvr.receivedCount("Catalog"), "one query when online, one for the burst of changes");
        // the fresh complete catalog replaced the store: what the device lists now is the truth
        List<?> stored = template.requestBodyAndHeader("gb28181:channels", null, Gb28181Constants.DEVICE_ID, NVR,
                List.class);
        assertEquals(fresh.channels(), stored);
    }

    @Test
    void alarmsPositionsAndMediaStatusBecomeTypedExchanges() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice nvr = onlineNvr(server, 2);
        awaitEvent("catalog-FULL", NVR);
        String channel = nvr.channelId(0);
        assertEquals(200, nvr.message("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Alarm"
                + "</CmdType>\r\n<SN>77</SN>\r\n<DeviceID>" + channel + "</DeviceID>\r\n<AlarmPriority>1"
                + "</AlarmPriority>\r\n<AlarmMethod>5</AlarmMethod>\r\n<AlarmTime>2026-11-21T10:15:30</AlarmTime>\r\n"
                + "<AlarmDescription>视频丢失</AlarmDescription>\r\n<Longitude>116.397</Longitude>\r\n"
                + "<Latitude>39.908</Latitude>\r\n<Info>\r\n<AlarmType>2</AlarmType>\r\n</Info>\r\n</Notify>\r\n")
                .status());
        Exchange alarm = awaitEvent("alarm", NVR);
        AlarmNotify a = assertInstanceOf(AlarmNotify.class, alarm.getIn().getBody());
        assertEquals("视频丢失", a.getAlarmDescription());
        assertEquals(116.397, a.getLongitude());
        assertEquals(1, alarm.getIn().getHeader(Gb28181Constants.ALARM_PRIORITY));
        assertEquals("5", alarm.getIn().getHeader(Gb28181Constants.ALARM_METHOD));
        assertEquals(2, alarm.getIn().getHeader(Gb28181Constants.ALARM_TYPE));
        assertEquals("2026-11-21T10:15:30", alarm.getIn().getHeader(Gb28181Constants.DEVICE_TIME));
        assertEquals(channel, alarm.getIn().getHeader(Gb28181Constants.CHANNEL_ID));
        // a video-loss alarm changes channel status: the catalog is asked for again
        awaitEvent("catalog-FULL", NVR);

        nvr.notifyMessage("MobilePosition", "<Time>2026-11-21T10:16:00</Time>\r\n<Longitude>121.47</Longitude>\r\n"
                + "<Latitude>31.23</Latitude>\r\n<Speed>36.5</Speed>\r\n<Direction>90</Direction>\r\n"
                + "<Altitude>12</Altitude>\r\n");
        Exchange position = awaitEvent("mobilePosition", NVR);
        MobilePositionNotify p = position.getIn().getBody(MobilePositionNotify.class);
        assertEquals(121.47, p.getLongitude());
        assertEquals(36.5, p.getSpeed());
        assertEquals("2026-11-21T10:16:00", position.getIn().getHeader(Gb28181Constants.DEVICE_TIME));

        nvr.notifyMessage("MediaStatus", "<NotifyType>121</NotifyType>\r\n");
        Exchange media = awaitEvent("mediaStatus", NVR);
        assertTrue(media.getIn().getBody(MediaStatusNotify.class).isEndOfFile());
        assertEquals("121", media.getIn().getHeader(Gb28181Constants.NOTIFY_TYPE));
    }

    @Test
    void aKeepaliveListingFaultyChannelsAsksForTheCatalog() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice nvr = onlineNvr(server, 3);
        awaitEvent("catalog-FULL", NVR);
        assertEquals(200, nvr.keepalive().status());
        Thread.sleep(600);
        assertEquals(1, nvr.receivedCount("Catalog"), "a plain keep-alive changes nothing");
        assertEquals(200, nvr.notifyMessage("Keepalive", "<Status>OK</Status>\r\n<Info>\r\n<DeviceID>"
                + nvr.channelId(1) + "</DeviceID>\r\n</Info>\r\n").status());
        awaitEvent("catalog-FULL", NVR);
        assertEquals(2, nvr.receivedCount("Catalog"));
    }

    @Test
    void recordInfoOfHundredsOfItemsOverManyMessagesIsOneAnswer() throws Exception {
        CamelContext server = server(c -> {
            c.setAutoCatalog(false);
            c.setAutoConfigDownload(false);
        });
        ScriptedDevice nvr = onlineNvr(server, 2);
        awaitEvent("deviceInfo", NVR);
        nvr.recordCount = 320;
        nvr.itemsPerMessage = 7;
        String channel = nvr.channelId(1);
        Exchange answer = server.createProducerTemplate().request("gb28181:command?command=RecordInfo&gapTimeout=3000",
                e -> {
                    e.getIn().setHeader(Gb28181Constants.DEVICE_ID, NVR);
                    e.getIn().setHeader(Gb28181Constants.CHANNEL_ID, channel);
                    e.getIn().setBody(Map.of("startTime", "2026-11-20T00:00:00", "endTime", "2026-11-21T00:00:00"));
                });
        List<?> records = answer.getMessage().getBody(List.class);
        assertEquals(320, records.size());
        assertEquals(Boolean.TRUE, answer.getMessage().getHeader(Gb28181Constants.COMPLETE));
        for (int i = 0; i < records.size(); i++) {
            RecordItem r = (RecordItem) records.get(i);
            assertEquals("录像" + i, r.getName());
            assertEquals(channel, r.getDeviceId());
        }
        Exchange seen = awaitEvent("recordInfo", NVR);
        assertEquals(records, seen.getIn().getBody(List.class));
        assertEquals(channel, seen.getIn().getHeader(Gb28181Constants.CHANNEL_ID));
        assertEquals(320, seen.getIn().getHeader(Gb28181Constants.SUM_NUM));
    }

    @Test
    void catalogsAreRefreshedPeriodically() throws Exception {
        CamelContext server = server(c -> c.setCatalogRefreshInterval(1500));
        ScriptedDevice nvr = onlineNvr(server, 2);
        awaitEvent("catalog-FULL", NVR);
        awaitEvent("catalog-FULL", NVR, 6000);
        assertTrue(nvr.receivedCount("Catalog") >= 2);
    }

    @Test
    void aDeviceWithACharsetOverrideIsSpokenToInIt() throws Exception {
        CamelContext server = server(c -> {
            c.setAutoCatalog(false);
            c.setAutoConfigDownload(false);
            c.setDeviceCharsets("3402000000118=UTF-8");
        });
        ScriptedDevice nvr = onlineNvr(server, 2);
        awaitEvent("deviceInfo", NVR);
        String body = new String(nvr.receivedBodies.get(0), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), body);
        // and what it sends in UTF-8 while declaring GB2312 is read with its charset
        nvr.message(("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Alarm</CmdType>\r\n<SN>9</SN>"
                + "\r\n<DeviceID>" + NVR + "</DeviceID>\r\n<AlarmPriority>2</AlarmPriority>\r\n<AlarmMethod>2"
                + "</AlarmMethod>\r\n<AlarmDescription>门磁报警</AlarmDescription>\r\n</Notify>\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("门磁报警", awaitEvent("alarm", NVR).getIn().getBody(AlarmNotify.class).getAlarmDescription());
    }

    private static io.github.camelgb28181.platform.Gb28181Platform platform(CamelContext server) {
        return server.getComponent("gb28181", Gb28181Component.class).getPlatform();
    }
}
