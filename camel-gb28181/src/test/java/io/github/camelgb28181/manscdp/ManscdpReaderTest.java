package io.github.camelgb28181.manscdp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelgb28181.manscdp.model.AlarmNotify;
import io.github.camelgb28181.manscdp.model.AlarmStatusItem;
import io.github.camelgb28181.manscdp.model.BasicParam;
import io.github.camelgb28181.manscdp.model.CatalogItem;
import io.github.camelgb28181.manscdp.model.CatalogItemKind;
import io.github.camelgb28181.manscdp.model.CatalogNotify;
import io.github.camelgb28181.manscdp.model.CatalogResponse;
import io.github.camelgb28181.manscdp.model.ConfigDownloadResponse;
import io.github.camelgb28181.manscdp.model.DeviceInfoResponse;
import io.github.camelgb28181.manscdp.model.DeviceStatusResponse;
import io.github.camelgb28181.manscdp.model.Envelope;
import io.github.camelgb28181.manscdp.model.GenericMessage;
import io.github.camelgb28181.manscdp.model.KeepaliveNotify;
import io.github.camelgb28181.manscdp.model.MediaStatusNotify;
import io.github.camelgb28181.manscdp.model.MobilePositionNotify;
import io.github.camelgb28181.manscdp.model.PresetItem;
import io.github.camelgb28181.manscdp.model.PresetQueryResponse;
import io.github.camelgb28181.manscdp.model.RecordInfoResponse;
import io.github.camelgb28181.manscdp.model.RecordItem;
import io.github.camelgb28181.manscdp.model.ResultResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ManscdpReader} on messages as real devices send them. */
class ManscdpReaderTest {

    static final Charset GB2312 = Charset.forName("GB2312");
    private static final String[] DISTRICTS = { "西湖区", "上城区", "拱墅区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区" };
    private static final String[] PLACES = { "文三路口", "火车东站北广场", "体育场路与中山北路交叉口", "地铁一号线出口",
            "医院门诊楼大厅", "学校南门", "菜市场东侧", "停车场入口（西）" };

    private final ManscdpReader reader = new ManscdpReader();

    static String channelName(int i) {
        return DISTRICTS[i % DISTRICTS.length] + PLACES[(i / 3) % PLACES.length] + "摄像机" + (i + 1) + "号";
    }

    static String channelId(int i) {
        return String.format("3402000000131%07d", i + 1);
    }

    /** A Catalog response as a Hikvision/Dahua NVR sends it, {@code n} channels. */
    static String catalogResponse(String encoding, int n) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\r\n<Response>\r\n"
                + "<CmdType>Catalog</CmdType>\r\n<SN>17430</SN>\r\n<DeviceID>34020000001180000001</DeviceID>\r\n"
                + "<SumNum>" + n + "</SumNum>\r\n<DeviceList Num=\"" + n + "\">\r\n");
        for (int i = 0; i < n; i++) {
            sb.append("<Item>\r\n<DeviceID>").append(channelId(i)).append("</DeviceID>\r\n<Name>").append(channelName(i))
                    .append("</Name>\r\n<Manufacturer>Hikvision</Manufacturer>\r\n<Model>IP Camera</Model>\r\n")
                    .append("<Owner>Owner</Owner>\r\n<CivilCode>3402000000</CivilCode>\r\n<Address>")
                    .append(PLACES[i % PLACES.length]).append("</Address>\r\n<Parental>0</Parental>\r\n")
                    .append("<ParentID>34020000001180000001</ParentID>\r\n<SafetyWay>0</SafetyWay>\r\n")
                    .append("<RegisterWay>1</RegisterWay>\r\n<Secrecy>0</Secrecy>\r\n<Status>")
                    .append(i % 7 == 0 ? "OFF" : "ON").append("</Status>\r\n<Longitude>120.")
                    .append(100000 + i).append("</Longitude>\r\n<Latitude>30.2</Latitude>\r\n<Info>\r\n<PTZType>")
                    .append(1 + i % 4).append("</PTZType>\r\n<Resolution>6/4/3</Resolution>\r\n")
                    .append("<DownloadSpeed>1/2/4/8</DownloadSpeed>\r\n</Info>\r\n</Item>\r\n");
        }
        return sb.append("</DeviceList>\r\n</Response>\r\n").toString();
    }

    private static void assertCatalogOfHundred(CatalogResponse c) {
        assertEquals("Response", c.getRoot());
        assertEquals("Catalog", c.getCmdType());
        assertEquals("17430", c.getSn());
        assertEquals(17430L, c.getSnNumber());
        assertEquals("34020000001180000001", c.getDeviceId());
        assertEquals(100, c.getSumNum());
        assertEquals(100, c.getDeviceList().getNum());
        List<CatalogItem> items = c.getItems();
        assertEquals(100, items.size());
        for (int i = 0; i < 100; i++) {
            CatalogItem item = items.get(i);
            assertEquals(channelName(i), item.getName(), "item " + i);
            assertEquals(channelId(i), item.getDeviceId());
            assertEquals(PLACES[i % PLACES.length], item.getAddress());
            assertEquals(CatalogItemKind.CAMERA, item.getKind());
            assertEquals(i % 7 != 0, item.isOnline());
            assertEquals(1 + i % 4, item.getInfo().getPtzType());
            assertEquals(120.0 + (100000 + i) / 1_000_000.0, item.getLongitude(), 1e-9);
        }
        CatalogItem first = items.get(0);
        assertEquals("Hikvision", first.getManufacturer());
        assertEquals("IP Camera", first.getModel());
        assertEquals("Owner", first.getOwner());
        assertEquals("3402000000", first.getCivilCode());
        assertEquals(0, first.getParental());
        assertEquals("34020000001180000001", first.getParentId());
        assertEquals(List.of("34020000001180000001"), first.getParentIds());
        assertEquals(0, first.getSafetyWay());
        assertEquals(1, first.getRegisterWay());
        assertEquals(0, first.getSecrecy());
        assertEquals("OFF", first.getStatus());
        assertEquals(30.2, first.getLatitude());
        assertEquals("6/4/3", first.getInfo().getResolution());
        assertEquals("1/2/4/8", first.getInfo().getDownloadSpeed());
        assertEquals(Map.of(), first.getExtra());
    }

    @Test
    void catalogOfHundredGb2312EncodedDeclaringGb2312() throws Exception {
        byte[] body = catalogResponse("GB2312", 100).getBytes(GB2312);
        assertFalse(ManscdpCharsets.isValidUtf8(body), "precondition: real GB2312 bytes");
        ManscdpReader.Document d = reader.readDocument(body, null);
        assertCatalogOfHundred(assertInstanceOf(CatalogResponse.class, d.message()));
        assertEquals(Set.of(), d.repairs());
    }

    @Test
    void catalogOfHundredUtf8EncodedDeclaringGb2312() throws Exception {
        byte[] body = catalogResponse("GB2312", 100).getBytes(StandardCharsets.UTF_8);
        assertCatalogOfHundred(assertInstanceOf(CatalogResponse.class, reader.read(body, null)));
    }

    @Test
    void catalogThroughTheTypedRead() throws Exception {
        CatalogResponse c = reader.read(catalogResponse("GB2312", 100).getBytes(GB2312), null, CatalogResponse.class);
        assertCatalogOfHundred(c);
        ManscdpParseException e = assertThrows(ManscdpParseException.class,
                () -> reader.read(catalogResponse("GB2312", 1).getBytes(GB2312), null, RecordInfoResponse.class));
        assertTrue(e.getMessage().contains("expected RecordInfoResponse"), e.getMessage());
    }

    @Test
    void perDeviceCharsetOverride() throws Exception {
        // "摹" in GB2312 is C4 A1, which is also valid UTF-8 (U+0121): auto-detection cannot tell, the override can
        String name = "摹";
        byte[] body = ("<?xml version=\"1.0\" encoding=\"GB2312\"?><Response><CmdType>DeviceInfo</CmdType><SN>1</SN>"
                + "<DeviceName>" + name + "</DeviceName></Response>").getBytes(GB2312);
        assertTrue(ManscdpCharsets.isValidUtf8(body));
        assertEquals("\u0121", ((DeviceInfoResponse) reader.read(body, null)).getDeviceName());
        assertEquals(name, ((DeviceInfoResponse) reader.read(body, Charset.forName("GB18030"))).getDeviceName());
        byte[] utf8 = ("<?xml version=\"1.0\" encoding=\"GB2312\"?><Response><CmdType>DeviceInfo</CmdType>"
                + "<DeviceName>摄像机</DeviceName></Response>").getBytes(StandardCharsets.UTF_8);
        assertEquals("摄像机", ((DeviceInfoResponse) reader.read(utf8, StandardCharsets.UTF_8)).getDeviceName());
        assertEquals(name, ManscdpCharsets.decode(new byte[] { (byte) 0xC4, (byte) 0xA1 }, GB2312));
    }

    @Test
    void hikvisionDeviceInfo() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>DeviceInfo</CmdType>\r\n"
                + "<SN>17431</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n<Result>OK</Result>\r\n"
                + "<DeviceName>IP CAMERA</DeviceName>\r\n<Manufacturer>Hikvision</Manufacturer>\r\n"
                + "<Model>DS-2CD2T47G2-L</Model>\r\n<Firmware>V5.7.3 build 220112</Firmware>\r\n<Channel>1</Channel>\r\n"
                + "</Response>\r\n";
        DeviceInfoResponse m = assertInstanceOf(DeviceInfoResponse.class, reader.read(xml.getBytes(GB2312), null));
        assertEquals("Response", m.getRoot());
        assertTrue(m.is("response", "DEVICEINFO"));
        assertEquals("17431", m.getSn());
        assertEquals("34020000001320000001", m.getDeviceId());
        assertEquals("OK", m.getResult());
        assertTrue(m.isResultOk());
        assertEquals("IP CAMERA", m.getDeviceName());
        assertEquals("Hikvision", m.getManufacturer());
        assertEquals("DS-2CD2T47G2-L", m.getModel());
        assertEquals("V5.7.3 build 220112", m.getFirmware());
        assertEquals(1, m.getChannel());
        assertEquals(Map.of(), m.getExtra());
    }

    @Test
    void dahuaDeviceInfoWithExtensions() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\" standalone=\"yes\"?>\n<Response>\n"
                + "    <CmdType>DeviceInfo</CmdType>\n    <SN>5</SN>\n    <DeviceID>34020000001180000002</DeviceID>\n"
                + "    <DeviceName>NVR</DeviceName>\n    <Result>OK</Result>\n    <Manufacturer>Dahua</Manufacturer>\n"
                + "    <Model>DHI-NVR4416-16P-HDS2</Model>\n    <Firmware>4.001.0000000.5</Firmware>\n"
                + "    <Channel>16</Channel>\n    <MaxCamera>16</MaxCamera>\n    <MaxAlarm>4</MaxAlarm>\n</Response>\n";
        DeviceInfoResponse m = assertInstanceOf(DeviceInfoResponse.class,
                reader.read(xml.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(16, m.getChannel());
        assertEquals("Dahua", m.getManufacturer());
        assertEquals(Map.of("MaxCamera", "16", "MaxAlarm", "4"), m.getExtra());
    }

    @Test
    void nvrRecordInfoWithThreeItems() throws Exception {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n"
                + "<CmdType>RecordInfo</CmdType>\r\n<SN>2201</SN>\r\n<DeviceID>34020000001310000003</DeviceID>\r\n"
                + "<Name>大门口</Name>\r\n<SumNum>3</SumNum>\r\n<RecordList Num=\"3\">\r\n");
        String[] types = { "time", "alarm", "manual" };
        for (int i = 0; i < 3; i++) {
            sb.append("<Item>\r\n<DeviceID>34020000001310000003</DeviceID>\r\n<Name>大门口</Name>\r\n<FilePath>ch03_")
                    .append(i).append(".mp4</FilePath>\r\n<Address>Address 1</Address>\r\n<StartTime>2024-05-01T0")
                    .append(i).append(":00:00</StartTime>\r\n<EndTime>2024-05-01T0").append(i)
                    .append(":59:59</EndTime>\r\n<Secrecy>0</Secrecy>\r\n<Type>").append(types[i])
                    .append("</Type>\r\n<RecorderID>34020000001180000001</RecorderID>\r\n<FileSize>")
                    .append(1073741824L * (i + 1)).append("</FileSize>\r\n</Item>\r\n");
        }
        sb.append("</RecordList>\r\n</Response>\r\n");
        RecordInfoResponse r = assertInstanceOf(RecordInfoResponse.class,
                reader.read(sb.toString().getBytes(GB2312), null));
        assertEquals("大门口", r.getName());
        assertEquals(3, r.getSumNum());
        assertEquals(3, r.getRecordList().getNum());
        List<RecordItem> items = r.getItems();
        assertEquals(3, items.size());
        for (int i = 0; i < 3; i++) {
            RecordItem it = items.get(i);
            assertEquals("34020000001310000003", it.getDeviceId());
            assertEquals("大门口", it.getName());
            assertEquals("ch03_" + i + ".mp4", it.getFilePath());
            assertEquals("Address 1", it.getAddress());
            assertEquals(LocalDateTime.of(2024, 5, 1, i, 0, 0), it.getStartDateTime());
            assertEquals(LocalDateTime.of(2024, 5, 1, i, 59, 59), it.getEndDateTime());
            assertEquals("2024-05-01T0" + i + ":00:00", it.getStartTime());
            assertEquals(0, it.getSecrecy());
            assertEquals(types[i], it.getType());
            assertEquals("34020000001180000001", it.getRecorderId());
            assertEquals(1073741824L * (i + 1), it.getFileSize());
        }
    }

    @Test
    void alarmNotify() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Alarm</CmdType>\r\n<SN>88</SN>\r\n"
                + "<DeviceID>34020000001340000001</DeviceID>\r\n<AlarmPriority>1</AlarmPriority>\r\n"
                + "<AlarmMethod>5</AlarmMethod>\r\n<AlarmTime>2024-05-01T12:30:45</AlarmTime>\r\n"
                + "<AlarmDescription>区域入侵报警</AlarmDescription>\r\n<Longitude>120.15</Longitude>\r\n"
                + "<Latitude>30.28</Latitude>\r\n<Info>\r\n<AlarmType>5</AlarmType>\r\n<AlarmTypeParam>\r\n"
                + "<EventType>1</EventType>\r\n</AlarmTypeParam>\r\n</Info>\r\n</Notify>\r\n";
        AlarmNotify a = assertInstanceOf(AlarmNotify.class, reader.read(xml.getBytes(GB2312), null));
        assertEquals("Notify", a.getRoot());
        assertEquals("88", a.getSn());
        assertEquals("34020000001340000001", a.getDeviceId());
        assertEquals(1, a.getAlarmPriority());
        assertEquals("5", a.getAlarmMethod());
        assertEquals(5, a.getAlarmMethodNumber());
        assertEquals("2024-05-01T12:30:45", a.getAlarmTime());
        assertEquals(LocalDateTime.of(2024, 5, 1, 12, 30, 45), a.getAlarmDateTime());
        assertEquals("区域入侵报警", a.getAlarmDescription());
        assertEquals(120.15, a.getLongitude());
        assertEquals(30.28, a.getLatitude());
        assertEquals(5, a.getAlarmType());
        assertEquals(1, a.getEventType());
        assertEquals(5, a.getInfo().getAlarmType());
        assertEquals(1, a.getInfo().getAlarmTypeParam().getEventType());
    }

    @Test
    void alarmNotifyMinimalAndLenient() throws Exception {
        String xml = "<Notify><CmdType>Alarm</CmdType><SN>1</SN><DeviceID>34020000001340000001</DeviceID>"
                + "<AlarmPriority>high</AlarmPriority><AlarmMethod>2/5</AlarmMethod><AlarmTime>2024-05-01 12:30:45.123"
                + "</AlarmTime><Longitude></Longitude><Latitude>NaN</Latitude></Notify>";
        AlarmNotify a = assertInstanceOf(AlarmNotify.class, reader.read(xml.getBytes(StandardCharsets.US_ASCII)));
        assertNull(a.getAlarmPriority());
        assertEquals("2/5", a.getAlarmMethod());
        assertNull(a.getAlarmMethodNumber());
        assertEquals(LocalDateTime.of(2024, 5, 1, 12, 30, 45, 123_000_000), a.getAlarmDateTime());
        assertNull(a.getLongitude());
        assertNull(a.getLatitude());
        assertNull(a.getInfo());
        assertNull(a.getAlarmType());
        assertNull(a.getEventType());
    }

    @Test
    void mobilePosition() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>MobilePosition</CmdType>\r\n"
                + "<SN>3</SN>\r\n<DeviceID>34020000001380000001</DeviceID>\r\n<Time>2024-05-01T08:00:01</Time>\r\n"
                + "<Longitude>116.397128</Longitude>\r\n<Latitude>39.916527</Latitude>\r\n<Speed>42.5</Speed>\r\n"
                + "<Direction>270</Direction>\r\n<Altitude>50</Altitude>\r\n</Notify>\r\n";
        MobilePositionNotify p = assertInstanceOf(MobilePositionNotify.class,
                reader.read(xml.getBytes(GB2312), null));
        assertEquals("2024-05-01T08:00:01", p.getTime());
        assertEquals(LocalDateTime.of(2024, 5, 1, 8, 0, 1), p.getDateTime());
        assertEquals(116.397128, p.getLongitude());
        assertEquals(39.916527, p.getLatitude());
        assertEquals(42.5, p.getSpeed());
        assertEquals(270.0, p.getDirection());
        assertEquals(50.0, p.getAltitude());
    }

    @Test
    void catalogNotifyWithEvents() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Catalog</CmdType>\r\n"
                + "<SN>51</SN>\r\n<DeviceID>34020000001180000001</DeviceID>\r\n<SumNum>3</SumNum>\r\n"
                + "<DeviceList Num=\"3\">\r\n"
                + "<Item>\r\n<DeviceID>34020000001310000001</DeviceID>\r\n<Event>OFF</Event>\r\n</Item>\r\n"
                + "<Item>\r\n<DeviceID>34020000001310000002</DeviceID>\r\n<Event>ADD</Event>\r\n<Name>新增通道</Name>\r\n"
                + "<Status>ON</Status>\r\n</Item>\r\n"
                + "<Item>\r\n<DeviceID>34020000001310000003</DeviceID>\r\n<Event>VLOST</Event>\r\n</Item>\r\n"
                + "</DeviceList>\r\n</Notify>\r\n";
        CatalogNotify n = assertInstanceOf(CatalogNotify.class, reader.read(xml.getBytes(GB2312), null));
        assertEquals("Notify", n.getRoot());
        assertEquals(3, n.getSumNum());
        assertEquals(List.of("OFF", "ADD", "VLOST"), n.getItems().stream().map(CatalogItem::getEvent).toList());
        assertEquals("新增通道", n.getItems().get(1).getName());
        assertTrue(n.getItems().get(1).isOnline());
    }

    @Test
    void singleItemList() throws Exception {
        String xml = "<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>34020000001320000001</DeviceID>"
                + "<SumNum>1</SumNum><DeviceList Num=\"1\"><Item><DeviceID>34020000001320000001</DeviceID>"
                + "<Name>Camera 01</Name></Item></DeviceList></Response>";
        CatalogResponse c = assertInstanceOf(CatalogResponse.class, reader.read(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, c.getItems().size());
        assertEquals("Camera 01", c.getItems().get(0).getName());
        assertEquals(1, c.getDeviceList().getNum());
    }

    @Test
    void emptyListsInEveryShape() throws Exception {
        String[] lists = { "<DeviceList Num=\"0\"></DeviceList>", "<DeviceList Num=\"0\"/>", "<DeviceList/>",
                "<DeviceList></DeviceList>", "<DeviceList Num=\"0\">\r\n  \r\n</DeviceList>", "" };
        for (String list : lists) {
            String xml = "<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>34020000001320000001</DeviceID>"
                    + "<SumNum>0</SumNum>" + list + "</Response>";
            CatalogResponse c = assertInstanceOf(CatalogResponse.class,
                    reader.read(xml.getBytes(StandardCharsets.UTF_8)), list);
            assertNotNull(c.getItems(), list);
            assertTrue(c.getItems().isEmpty(), list);
            assertTrue(c.getDeviceList().isEmpty(), list);
            assertEquals(0, c.getSumNum());
        }
    }

    @Test
    void listsAreUnmodifiable() throws Exception {
        CatalogResponse c = (CatalogResponse) reader.read(catalogResponse("GB2312", 2).getBytes(GB2312), null);
        assertThrows(UnsupportedOperationException.class, () -> c.getItems().clear());
        assertThrows(UnsupportedOperationException.class, () -> c.getExtra().put("x", "y"));
    }

    @Test
    void unknownElementsPreservedInExtra() throws Exception {
        String xml = "<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>34020000001320000001</DeviceID>"
                + "<SumNum>1</SumNum><VendorTag> v </VendorTag><Repeated>1</Repeated><Repeated>2</Repeated>"
                + "<Nested a=\"x\"><Inner>i</Inner><Inner>j</Inner></Nested>"
                + "<DeviceList Num=\"1\"><Item><DeviceID>34020000001320000001</DeviceID><StreamNumberList>0/1/2"
                + "</StreamNumberList><Info><PTZType>2</PTZType><PTZPositionSupport>1</PTZPositionSupport></Info>"
                + "</Item></DeviceList></Response>";
        CatalogResponse c = assertInstanceOf(CatalogResponse.class, reader.read(xml.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> extra = c.getExtra();
        assertEquals("v", extra.get("VendorTag"));
        assertEquals("v", c.extraText("VendorTag"));
        assertEquals(List.of("1", "2"), extra.get("Repeated"));
        assertEquals("1", c.extraText("Repeated"));
        assertEquals(Map.of("a", "x", "Inner", List.of("i", "j")), extra.get("Nested"));
        assertEquals(List.of("VendorTag", "Repeated", "Nested"), List.copyOf(extra.keySet()));
        CatalogItem item = c.getItems().get(0);
        assertEquals(Map.of("StreamNumberList", "0/1/2"), item.getExtra());
        assertEquals(2, item.getInfo().getPtzType());
        assertEquals("1", item.getInfo().extraText("PTZPositionSupport"));
    }

    @Test
    void caseVariantsOfElementNames() throws Exception {
        String xml = "<Response><cmdtype>Catalog</cmdtype><Sn>8</Sn><DeviceId>34020000001320000001</DeviceId>"
                + "<sumnum>1</sumnum><deviceList num=\"1\"><item><DeviceId>34020000001310000009</DeviceId>"
                + "<NAME>n</NAME><ParentId>a/b</ParentId><IpAddress>10.0.0.9</IpAddress><port>8000</port></item>"
                + "</deviceList></Response>";
        CatalogResponse c = assertInstanceOf(CatalogResponse.class, reader.read(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Catalog", c.getCmdType());
        assertEquals("8", c.getSn());
        assertEquals("34020000001320000001", c.getDeviceId());
        assertEquals(1, c.getSumNum());
        assertEquals(1, c.getDeviceList().getNum());
        CatalogItem item = c.getItems().get(0);
        assertEquals("34020000001310000009", item.getDeviceId());
        assertEquals("n", item.getName());
        assertEquals(List.of("a", "b"), item.getParentIds());
        assertEquals("10.0.0.9", item.getIpAddress());
        assertEquals(8000, item.getPort());
        assertEquals(Map.of(), c.getExtra());
        assertTrue(c.is("RESPONSE", "catalog"));
    }

    @Test
    void deviceStatus() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>DeviceStatus</CmdType>\r\n"
                + "<SN>9</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n<Result>OK</Result>\r\n"
                + "<Online>ONLINE</Online>\r\n<Status>OK</Status>\r\n<Encode>ON</Encode>\r\n<Record>OFF</Record>\r\n"
                + "<DeviceTime>2024-05-01T10:00:00</DeviceTime>\r\n<Alarmstatus Num=\"2\">\r\n<Item>\r\n"
                + "<DeviceID>34020000001340000001</DeviceID>\r\n<DutyStatus>ONDUTY</DutyStatus>\r\n</Item>\r\n<Item>\r\n"
                + "<DeviceID>34020000001340000002</DeviceID>\r\n<DutyStatus>ALARM</DutyStatus>\r\n</Item>\r\n"
                + "</Alarmstatus>\r\n</Response>\r\n";
        DeviceStatusResponse s = assertInstanceOf(DeviceStatusResponse.class, reader.read(xml.getBytes(GB2312), null));
        assertEquals("ONLINE", s.getOnline());
        assertTrue(s.isOnline());
        assertEquals("OK", s.getStatus());
        assertEquals("ON", s.getEncode());
        assertEquals("OFF", s.getRecord());
        assertEquals(LocalDateTime.of(2024, 5, 1, 10, 0), s.getDeviceDateTime());
        List<AlarmStatusItem> alarms = s.getAlarmStatus();
        assertEquals(2, alarms.size());
        assertEquals("34020000001340000002", alarms.get(1).getDeviceId());
        assertEquals("ALARM", alarms.get(1).getDutyStatus());
        assertEquals(2, s.getAlarmStatusList().getNum());
    }

    @Test
    void presetQuery() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>PresetQuery</CmdType>\r\n"
                + "<SN>10</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n<PresetList Num=\"2\">\r\n<Item>\r\n"
                + "<PresetID>1</PresetID>\r\n<PresetName>大门</PresetName>\r\n</Item>\r\n<Item>\r\n<PresetID>2</PresetID>\r\n"
                + "<PresetName>停车场</PresetName>\r\n</Item>\r\n</PresetList>\r\n</Response>\r\n";
        PresetQueryResponse p = assertInstanceOf(PresetQueryResponse.class, reader.read(xml.getBytes(GB2312), null));
        List<PresetItem> items = p.getItems();
        assertEquals(2, items.size());
        assertEquals("1", items.get(0).getPresetId());
        assertEquals(1, items.get(0).getPresetNumber());
        assertEquals("大门", items.get(0).getPresetName());
        assertEquals("停车场", items.get(1).getPresetName());
        assertEquals(2, p.getPresetList().getNum());
    }

    @Test
    void configDownloadBasicParam() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>ConfigDownload</CmdType>\r\n"
                + "<SN>11</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n<Result>OK</Result>\r\n<BasicParam>\r\n"
                + "<Name>IPC</Name>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n"
                + "<SIPServerID>34020000002000000001</SIPServerID>\r\n<SIPServerIP>192.168.1.10</SIPServerIP>\r\n"
                + "<SIPServerPort>5060</SIPServerPort>\r\n<DomainName>3402000000</DomainName>\r\n"
                + "<Expiration>3600</Expiration>\r\n<Password>12345678</Password>\r\n"
                + "<HeartBeatInterval>30</HeartBeatInterval>\r\n<HeartBeatCount>5</HeartBeatCount>\r\n</BasicParam>\r\n"
                + "<VideoParamOpt><DownloadSpeed>1/2/4</DownloadSpeed></VideoParamOpt>\r\n</Response>\r\n";
        ConfigDownloadResponse r = assertInstanceOf(ConfigDownloadResponse.class,
                reader.read(xml.getBytes(GB2312), null));
        BasicParam b = r.getBasicParam();
        assertEquals("IPC", b.getName());
        assertEquals("34020000001320000001", b.getDeviceId());
        assertEquals("34020000002000000001", b.getSipServerId());
        assertEquals("192.168.1.10", b.getSipServerIp());
        assertEquals(5060, b.getSipServerPort());
        assertEquals("3402000000", b.getDomainName());
        assertEquals(3600, b.getExpiration());
        assertEquals("12345678", b.getPassword());
        assertEquals(30, b.getHeartBeatInterval());
        assertEquals(5, b.getHeartBeatCount());
        assertEquals(Map.of("DownloadSpeed", "1/2/4"), r.extra("VideoParamOpt"));
    }

    @Test
    void plainResultResponses() throws Exception {
        ResultResponse ok = assertInstanceOf(ResultResponse.class, reader.read(("<?xml version=\"1.0\"?>\r\n<Response>\r\n"
                + "<CmdType>DeviceControl</CmdType>\r\n<SN>12</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n"
                + "<Result>OK</Result>\r\n</Response>\r\n").getBytes(StandardCharsets.US_ASCII)));
        assertTrue(ok.isOk());
        assertFalse(ok.isError());
        assertEquals("DeviceControl", ok.getCmdType());
        ResultResponse error = assertInstanceOf(ResultResponse.class, reader.read(("<Response><CmdType>DeviceConfig"
                + "</CmdType><SN>13</SN><DeviceID>34020000001320000001</DeviceID><Result>ERROR</Result></Response>")
                .getBytes(StandardCharsets.US_ASCII)));
        assertFalse(error.isOk());
        assertTrue(error.isError());
        assertEquals("ERROR", error.getResult());
    }

    @Test
    void mediaStatus() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>MediaStatus</CmdType>\r\n"
                + "<SN>14</SN>\r\n<DeviceID>34020000001310000001</DeviceID>\r\n<NotifyType>121</NotifyType>\r\n</Notify>";
        MediaStatusNotify m = assertInstanceOf(MediaStatusNotify.class, reader.read(xml.getBytes(GB2312), null));
        assertEquals("121", m.getNotifyType());
        assertTrue(m.isEndOfFile());
    }

    @Test
    void keepaliveWithFaultyChannels() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n"
                + "<SN>15</SN>\r\n<DeviceID>34020000001180000001</DeviceID>\r\n<Status>OK</Status>\r\n<Info>\r\n"
                + "<DeviceID>34020000001310000001</DeviceID>\r\n<DeviceID>34020000001310000002</DeviceID>\r\n</Info>\r\n"
                + "</Notify>\r\n";
        KeepaliveNotify k = assertInstanceOf(KeepaliveNotify.class, reader.read(xml.getBytes(GB2312), null));
        assertEquals("OK", k.getStatus());
        assertTrue(k.isStatusOk());
        assertEquals("34020000001180000001", k.getDeviceId());
        assertEquals(List.of("34020000001310000001", "34020000001310000002"), k.getFaultyChannels());
        KeepaliveNotify single = (KeepaliveNotify) reader.read(("<Notify><CmdType>Keepalive</CmdType><SN>1</SN>"
                + "<DeviceID>d</DeviceID><Status>OK</Status><Info><DeviceID>x</DeviceID></Info></Notify>").getBytes());
        assertEquals(List.of("x"), single.getFaultyChannels());
        KeepaliveNotify plain = (KeepaliveNotify) reader.read(("<Notify><CmdType>Keepalive</CmdType><SN>1</SN>"
                + "<DeviceID>d</DeviceID><Status>OK</Status></Notify>").getBytes());
        assertEquals(List.of(), plain.getFaultyChannels());
    }

    @Test
    void queriesAndUnknownNotifiesAreGeneric() throws Exception {
        GenericMessage q = assertInstanceOf(GenericMessage.class, reader.read(("<?xml version=\"1.0\"?><Query><CmdType>"
                + "Catalog</CmdType><SN>1</SN><DeviceID>34020000002000000001</DeviceID></Query>").getBytes()));
        assertEquals("Query", q.getRoot());
        assertEquals("Catalog", q.getCmdType());
        GenericMessage b = assertInstanceOf(GenericMessage.class, reader.read(("<Notify><CmdType>Broadcast</CmdType>"
                + "<SN>2</SN><SourceID>34020000002000000001</SourceID><TargetID>34020000001370000001</TargetID></Notify>")
                .getBytes()));
        assertEquals("Notify", b.getRoot());
        assertEquals("34020000001370000001", b.extraText("TargetID"));
        GenericMessage c = assertInstanceOf(GenericMessage.class, reader.read(("<Control><CmdType>DeviceControl</CmdType>"
                + "<SN>3</SN><DeviceID>34020000001320000001</DeviceID><PTZCmd>A50F010800FA00B7</PTZCmd></Control>")
                .getBytes()));
        assertEquals("A50F010800FA00B7", c.extraText("PTZCmd"));
    }

    @Test
    void itemKinds() throws Exception {
        String xml = "<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>34020000002000000001</DeviceID>"
                + "<SumNum>6</SumNum><DeviceList Num=\"6\">"
                + "<Item><DeviceID>3402</DeviceID><Name>合肥市</Name></Item>"
                + "<Item><DeviceID>34020000002000000001</DeviceID></Item>"
                + "<Item><DeviceID>34020000002150000001</DeviceID><Name>业务分组</Name></Item>"
                + "<Item><DeviceID>34020000002160000001</DeviceID><BusinessGroupID>34020000002150000001</BusinessGroupID>"
                + "<ParentID>34020000002150000001</ParentID></Item>"
                + "<Item><DeviceID>34020000001320000001</DeviceID></Item>"
                + "<Item><DeviceID>34020000001180000001</DeviceID></Item></DeviceList></Response>";
        CatalogResponse c = assertInstanceOf(CatalogResponse.class, reader.read(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(CatalogItemKind.CIVIL_CODE, CatalogItemKind.PLATFORM, CatalogItemKind.BUSINESS_GROUP,
                CatalogItemKind.VIRTUAL_ORGANISATION, CatalogItemKind.CAMERA, CatalogItemKind.DEVICE),
                c.getItems().stream().map(CatalogItem::getKind).toList());
        assertEquals("34020000002150000001", c.getItems().get(3).getBusinessGroupId());
    }

    @Test
    void readTextOfDecodedBody() throws Exception {
        ManscdpReader.Document d = reader.readText("<Notify><CmdType>Keepalive</CmdType><SN>1</SN></Notify>");
        assertInstanceOf(KeepaliveNotify.class, d.message());
        assertEquals(Set.of(ManscdpRepair.Fix.MISSING_DECLARATION), d.repairs());
    }

    @Test
    void readerAgreesWithTheEnvelopeParser() throws Exception {
        ManscdpParser parser = new ManscdpParser();
        byte[] body = catalogResponse("GB2312", 3).getBytes(GB2312);
        ManscdpMessage envelope = parser.parse(body);
        Envelope typed = reader.read(body, null);
        assertEquals(envelope.root(), typed.getRoot());
        assertEquals(envelope.cmdType(), typed.getCmdType());
        assertEquals(envelope.sn(), typed.getSn());
        assertEquals(envelope.deviceId(), typed.getDeviceId());
    }
}
