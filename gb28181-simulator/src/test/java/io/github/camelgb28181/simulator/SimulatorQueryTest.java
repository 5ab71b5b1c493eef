package io.github.camelgb28181.simulator;

import io.github.camelgb28181.Gb28181Constants;
import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.ManscdpReader;
import io.github.camelgb28181.manscdp.model.CatalogItem;
import io.github.camelgb28181.manscdp.model.CatalogNotify;
import io.github.camelgb28181.manscdp.model.CatalogResponse;
import io.github.camelgb28181.manscdp.model.ConfigDownloadResponse;
import io.github.camelgb28181.manscdp.model.DeviceStatusResponse;
import io.github.camelgb28181.manscdp.model.PresetItem;
import io.github.camelgb28181.manscdp.model.PresetQueryResponse;
import io.github.camelgb28181.manscdp.model.RecordInfoResponse;
import io.github.camelgb28181.manscdp.model.RecordItem;
import io.github.camelgb28181.platform.QueryResult;
import io.github.camelgb28181.platform.QueryTimeoutException;
import io.github.camelgb28181.platform.SubscriptionType;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queries sent through the component's {@code gb28181:command} producer to simulated devices, answers read back with
 * the component's typed MANSCDP reader: what an application route would get.
 */
class SimulatorQueryTest {

    private static final int CHANNELS = 23;

    private PlatformUnderTest platform;
    private Simulator sim;
    private ProducerTemplate template;
    private final ManscdpReader reader = new ManscdpReader();

    @BeforeEach
    void start() throws Exception {
        platform = new PlatformUnderTest(c -> { });
        sim = new Simulator(platform.simulatorFor().devices(5).registrationsPerSecond(0).channels(CHANNELS)
                .itemsPerMessage(5).presets(4).recordMinutes(30).keepaliveSeconds(60).build());
        sim.start();
        assertTrue(sim.awaitRegistered(5, Duration.ofSeconds(10)));
        Await.until(() -> platform.onlineCount() == 5, Duration.ofSeconds(5), () -> "online at the platform");
        template = platform.context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        sim.close();
        platform.close();
    }

    private Exchange command(String command, int device, Object body, long timeoutMs) {
        return template.request("gb28181:command?command=" + command + "&responseTimeout=" + timeoutMs, e -> {
            e.getIn().setHeader(Gb28181Constants.DEVICE_ID, sim.deviceId(device));
            e.getIn().setBody(body);
        });
    }

    private QueryResult query(String command, int device, Object body) {
        Exchange e = command(command, device, body, 5000);
        assertFalse(e.isFailed(), () -> String.valueOf(e.getException()));
        // the body is the typed answer; the whole answer, every message raw, is in this header
        return e.getMessage().getHeader(Gb28181Constants.QUERY_RESULT, QueryResult.class);
    }

    private <T extends io.github.camelgb28181.manscdp.model.Envelope> List<T> typed(QueryResult r, Class<T> type)
            throws Exception {
        List<T> out = new ArrayList<>();
        for (ManscdpMessage m : r.messages()) {
            out.add(reader.read(m.xml().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, type));
        }
        return out;
    }

    @Test
    void catalogArrivesOverSeveralMessagesWithExactChineseNames() throws Exception {
        QueryResult r = query("Catalog", 2, null);
        assertTrue(r.complete());
        assertEquals(CHANNELS, r.expected());
        assertEquals(CHANNELS, r.received());
        assertEquals(5, r.messages().size()); // 23 items at 5 per MESSAGE
        List<CatalogItem> items = new ArrayList<>();
        for (CatalogResponse page : typed(r, CatalogResponse.class)) {
            items.addAll(page.getItems());
        }
        assertEquals(CHANNELS, items.size());
        // written out by hand: the first channel's name has the GBK-only 喆 that a GB2312 decoder would lose
        assertEquals("喆通道1号摄像机", items.get(0).getName());
        assertEquals("通道2号摄像机", items.get(1).getName());
        for (int c = 0; c < CHANNELS; c++) {
            assertEquals(Simulator.channelName(c), items.get(c).getName());
            assertEquals(sim.channelId(2, c), items.get(c).getDeviceId());
            assertEquals(sim.deviceId(2), items.get(c).getParentId());
        }
        assertEquals("34020000001310000047", items.get(0).getDeviceId()); // device 2 × 23 channels + 1
    }

    @Test
    void recordInfoListsTheFilesOfTheAskedRangePaged() throws Exception {
        QueryResult r = query("RecordInfo", 0, Map.of("startTime", "2024-05-01T10:10:00",
                "endTime", "2024-05-01T13:00:00"));
        assertTrue(r.complete());
        assertEquals(6, r.expected());
        List<RecordItem> files = new ArrayList<>();
        for (RecordInfoResponse page : typed(r, RecordInfoResponse.class)) {
            files.addAll(page.getItems());
        }
        assertEquals(6, files.size());
        assertEquals("2024-05-01T10:10:00", files.get(0).getStartTime());
        assertEquals("2024-05-01T10:30:00", files.get(0).getEndTime());
        assertEquals("2024-05-01T12:30:00", files.get(5).getStartTime());
        assertEquals("2024-05-01T13:00:00", files.get(5).getEndTime());
    }

    @Test
    void presetsStatusAndConfigAreAnswered() throws Exception {
        List<PresetItem> presets = new ArrayList<>();
        for (PresetQueryResponse page : typed(query("PresetQuery", 1, null), PresetQueryResponse.class)) {
            presets.addAll(page.getItems());
        }
        assertEquals(4, presets.size());
        assertEquals("预置位4", presets.get(3).getPresetName());

        DeviceStatusResponse status = typed(query("DeviceStatus", 1, null), DeviceStatusResponse.class).get(0);
        assertEquals("ONLINE", status.getOnline());

        ConfigDownloadResponse config = typed(query("ConfigDownload", 1, Map.of("configType", "BasicParam")),
                ConfigDownloadResponse.class).get(0);
        assertEquals(Integer.valueOf(60), config.getBasicParam().getHeartBeatInterval());
        assertEquals(Integer.valueOf(3), config.getBasicParam().getHeartBeatCount());
    }

    @Test
    void freshSnAnswersAreStillMatchedAndContentLengthZeroBodiesAreRead() {
        sim.setFaults(FaultProfile.NONE.withFreshSnRate(1)
                .withQuirks(Set.of(VendorQuirk.CONTENT_LENGTH_ZERO_WITH_BODY)));
        QueryResult r = query("Catalog", 3, null);
        assertTrue(r.complete());
        assertEquals(CHANNELS, r.received());
        assertTrue(Long.parseLong(r.first().sn()) >= 900_000, "fresh SN " + r.first().sn());
    }

    @Test
    void droppedAndLateAnswersTimeOutAndMalformedOnesFail() {
        sim.setFaults(FaultProfile.NONE.withDropRate(1));
        assertInstanceOf(QueryTimeoutException.class, command("DeviceInfo", 0, null, 500).getException());
        assertTrue(sim.stats().answersWithheld() >= 1);

        // a broken answer that still names its CmdType and SN fails the query with the parse error at once;
        // one broken beyond that leaves the query to its timeout
        sim.setFaults(FaultProfile.NONE.withMalformedRate(1));
        Exception broken = command("DeviceInfo", 0, null, 1000).getException();
        assertTrue(broken instanceof io.github.camelgb28181.manscdp.ManscdpParseException
                || broken instanceof QueryTimeoutException, String.valueOf(broken));
        assertTrue(platform.messages.stream().anyMatch(e ->
                e.getIn().getHeader(Gb28181Constants.PARSE_ERROR) != null), "the platform saw the broken body");

        sim.setFaults(FaultProfile.NONE.withAnswerDelayMs(1500));
        assertInstanceOf(QueryTimeoutException.class, command("DeviceInfo", 0, null, 500).getException());
        Exchange patient = command("DeviceInfo", 0, null, 5000);
        assertFalse(patient.isFailed(), () -> String.valueOf(patient.getException()));
    }

    @Test
    void catalogSubscriptionIsAcceptedAndNotified() throws Exception {
        platform.platform().subscribe(sim.deviceId(4), SubscriptionType.CATALOG, 600).get(5, TimeUnit.SECONDS);
        // 23 channels at 5 per NOTIFY
        Await.until(() -> platform.messages.stream().filter(e -> "Notify".equals(
                        e.getIn().getHeader(Gb28181Constants.MESSAGE_ROOT))
                        && "Catalog".equals(e.getIn().getHeader(Gb28181Constants.CMD_TYPE))).count() == 5,
                Duration.ofSeconds(5), () -> "catalog NOTIFYs among " + platform.messages.size() + " messages");
        assertTrue(sim.stats().notifies() >= 5);
        CatalogNotify first = reader.read(XmlLines.encode(new ManscdpBodies(sim.config())
                .catalogNotify(4, 1, 0, 5, "ON")), null, CatalogNotify.class);
        assertEquals("ON", first.getItems().get(0).getEvent());
    }
}
