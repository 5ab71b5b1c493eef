package io.github.camelgb28181.manscdp.command;

import java.time.LocalDateTime;
import java.util.List;

import io.github.camelgb28181.manscdp.command.ManscdpCommand.Root;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static io.github.camelgb28181.manscdp.command.Xml.checkEnvelope;
import static io.github.camelgb28181.manscdp.command.Xml.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Query bodies: envelope, element order and values as in GB/T 28181 Annex A.2.4. */
class QueriesTest {

    private static final String DEV = "34020000001320000001";
    private static final LocalDateTime T1 = LocalDateTime.of(2024, 5, 1, 8, 30, 0);
    private static final LocalDateTime T2 = LocalDateTime.of(2024, 5, 1, 9, 45, 30, 999_000_000);

    @Test
    void basicQueriesAreTheEnvelopeOnly() throws Exception {
        List<Queries.Basic> basics = List.of(Queries.deviceInfo(), Queries.deviceStatus(), Queries.catalog(),
                Queries.presetQuery(), Queries.homePositionQuery(), Queries.cruiseTrackListQuery(),
                Queries.ptzPosition(), Queries.sdCardStatus());
        List<String> cmdTypes = List.of("DeviceInfo", "DeviceStatus", "Catalog", "PresetQuery", "HomePositionQuery",
                "CruiseTrackListQuery", "PTZPosition", "SDCardStatus");
        for (int i = 0; i < basics.size(); i++) {
            Queries.Basic q = basics.get(i);
            assertEquals(cmdTypes.get(i), q.cmdType());
            assertEquals(cmdTypes.get(i), q.commandName());
            assertEquals(cmdTypes.get(i), q.responseCmdType());
            assertEquals(Root.QUERY, q.root());
            assertTrue(q.expectsResponse());
            checkEnvelope(q.toXml(17430 + i, DEV), "Query", cmdTypes.get(i), 17430 + i, DEV);
        }
    }

    @Test
    void catalogBodyIsExactlyTheAnnexShape() {
        assertEquals("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Query>\r\n<CmdType>Catalog</CmdType>\r\n"
                + "<SN>248</SN>\r\n<DeviceID>" + DEV + "</DeviceID>\r\n</Query>\r\n", Queries.catalog().toXml(248, DEV));
    }

    @Test
    void basicRejectsNonNames() {
        assertThrows(IllegalArgumentException.class, () -> new Queries.Basic("Bad<Name"));
        assertThrows(IllegalArgumentException.class, () -> new Queries.Basic(""));
        assertThrows(IllegalArgumentException.class, () -> new Queries.Basic(null));
    }

    @Test
    void recordInfoWithEverything() throws Exception {
        Queries.RecordInfo q = new Queries.RecordInfo(T1, T2, "path/a&b", "Gate <1>", 0, Queries.RecordType.ALARM,
                "34020000001180000002", 0);
        Element e = checkEnvelope(q.toXml(5, DEV), "Query", "RecordInfo", 5, DEV, "StartTime", "EndTime",
                "FilePath", "Address", "Secrecy", "Type", "RecorderID", "IndistinctQuery");
        assertEquals("2024-05-01T08:30:00", text(e, "StartTime"));
        assertEquals("2024-05-01T09:45:30", text(e, "EndTime"), "written to the second");
        assertEquals("path/a&b", text(e, "FilePath"));
        assertEquals("Gate <1>", text(e, "Address"));
        assertEquals("0", text(e, "Secrecy"));
        assertEquals("alarm", text(e, "Type"));
        assertEquals("34020000001180000002", text(e, "RecorderID"));
        assertEquals("0", text(e, "IndistinctQuery"));
        assertTrue(q.expectsResponse());
        assertEquals("RecordInfo", q.commandName());
    }

    @Test
    void recordInfoDefaultsLeaveOptionalFieldsOut() throws Exception {
        Element e = checkEnvelope(Queries.RecordInfo.between(T1, T2).toXml(6, DEV), "Query", "RecordInfo", 6, DEV,
                "StartTime", "EndTime", "Secrecy", "Type", "IndistinctQuery");
        assertEquals("all", text(e, "Type"));
        Element e2 = Xml.parse(Queries.RecordInfo.between(T1, T2).withType(Queries.RecordType.MANUAL).toXml(6, DEV));
        assertEquals("manual", text(e2, "Type"));
        assertEquals(Queries.RecordType.TIME, Queries.RecordType.of(" Time "));
    }

    @Test
    void recordInfoValidates() {
        assertThrows(IllegalArgumentException.class, () -> Queries.RecordInfo.between(T2, T1));
        assertThrows(IllegalArgumentException.class, () -> Queries.RecordInfo.between(null, T1));
        assertThrows(IllegalArgumentException.class,
                () -> new Queries.RecordInfo(T1, T2, null, null, 2, null, null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Queries.RecordInfo(T1, T2, null, null, 0, null, null, -1));
        assertThrows(IllegalArgumentException.class, () -> Queries.RecordType.of("everything"));
    }

    @Test
    void configDownload() throws Exception {
        Element e = checkEnvelope(Queries.ConfigDownload.of(Queries.BASIC_PARAM, Queries.VIDEO_PARAM_OPT,
                Queries.SNAP_SHOT_CONFIG).toXml(7, DEV), "Query", "ConfigDownload", 7, DEV, "ConfigType");
        assertEquals("BasicParam/VideoParamOpt/SnapShotConfig", text(e, "ConfigType"));
        assertEquals("BasicParam/OSDConfig", new Queries.ConfigDownload(" BasicParam / OSDConfig ").configType());
        assertThrows(IllegalArgumentException.class, () -> new Queries.ConfigDownload(""));
        assertThrows(IllegalArgumentException.class, () -> new Queries.ConfigDownload("BasicParam//OSDConfig"));
        assertThrows(IllegalArgumentException.class, () -> new Queries.ConfigDownload("Basic<Param"));
    }

    @Test
    void alarmQuery() throws Exception {
        Queries.AlarmQuery q = new Queries.AlarmQuery(1, 4, "2", "5", T1, T2);
        assertEquals("Alarm", q.cmdType());
        assertEquals("AlarmQuery", q.commandName());
        Element e = checkEnvelope(q.toXml(8, DEV), "Query", "Alarm", 8, DEV, "StartAlarmPriority", "EndAlarmPriority",
                "AlarmMethod", "AlarmType", "StartAlarmTime", "EndAlarmTime");
        assertEquals("1", text(e, "StartAlarmPriority"));
        assertEquals("4", text(e, "EndAlarmPriority"));
        assertEquals("2", text(e, "AlarmMethod"));
        assertEquals("5", text(e, "AlarmType"));
        assertEquals("2024-05-01T08:30:00", text(e, "StartAlarmTime"));
        assertEquals("2024-05-01T09:45:30", text(e, "EndAlarmTime"));
        checkEnvelope(Queries.AlarmQuery.all().toXml(9, DEV), "Query", "Alarm", 9, DEV);
        assertThrows(IllegalArgumentException.class, () -> new Queries.AlarmQuery(5, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Queries.AlarmQuery(null, -1, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Queries.AlarmQuery(null, null, null, null, T2, T1));
    }

    @Test
    void mobilePositionAndCruiseTrack() throws Exception {
        Queries.MobilePositionQuery m = new Queries.MobilePositionQuery(5);
        assertEquals("MobilePosition", m.cmdType());
        assertEquals("MobilePositionQuery", m.commandName());
        assertEquals("5", text(checkEnvelope(m.toXml(10, DEV), "Query", "MobilePosition", 10, DEV, "Interval"),
                "Interval"));
        checkEnvelope(new Queries.MobilePositionQuery(null).toXml(10, DEV), "Query", "MobilePosition", 10, DEV);
        assertThrows(IllegalArgumentException.class, () -> new Queries.MobilePositionQuery(0));

        Element e = checkEnvelope(new Queries.CruiseTrackQuery(2).toXml(11, DEV), "Query", "CruiseTrackQuery", 11, DEV,
                "Number");
        assertEquals("2", text(e, "Number"));
        assertThrows(IllegalArgumentException.class, () -> new Queries.CruiseTrackQuery(-1));
    }
}
