package io.github.camelgb28181.manscdp;

import io.github.camelgb28181.manscdp.model.AlarmNotify;
import io.github.camelgb28181.manscdp.model.CatalogResponse;
import io.github.camelgb28181.manscdp.model.DeviceInfoResponse;
import io.github.camelgb28181.manscdp.model.Envelope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ManscdpReader#readMessage}: the envelope noted while Jackson binds the document must be the one the
 * streaming envelope parser reads from the same body, for every charset and every repaired vendor quirk.
 */
class ManscdpSinglePassTest {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final Charset GBK = Charset.forName("GBK");
    private static final String DECL_GB = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n";

    private final ManscdpParser envelopes = new ManscdpParser();
    private final ManscdpReader reader = new ManscdpReader();

    private static String catalog(String name, String address) {
        return DECL_GB + "<Response>\r\n<CmdType>Catalog</CmdType>\r\n<SN> 17430 </SN>\r\n"
                + "<DeviceID>34020000001320000001</DeviceID>\r\n<SumNum>2</SumNum>\r\n<DeviceList Num=\"2\">\r\n"
                + "<Item><DeviceID>34020000001310000001</DeviceID><Name>" + name + "</Name><Address>" + address
                + "</Address><Status>ON</Status></Item>\r\n"
                + "<Item><DeviceID>34020000001310000002</DeviceID><Name>二号</Name><Status>OFF</Status></Item>\r\n"
                + "</DeviceList>\r\n</Response>\r\n";
    }

    private static byte[] withNul(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(body);
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("GB2312 catalog", catalog("测试摄像机", "一楼").getBytes(GB2312), CatalogResponse.class),
                Arguments.of("GBK-only characters declared GB2312", catalog("瑀喆", "x").getBytes(GBK),
                        CatalogResponse.class),
                Arguments.of("UTF-8 bytes declared GB2312", catalog("测试", "x").getBytes(StandardCharsets.UTF_8),
                        CatalogResponse.class),
                Arguments.of("NUL padding", withNul(catalog("测试", "x").getBytes(GB2312)), CatalogResponse.class),
                Arguments.of("stray & and < repaired", catalog("A&B", "<3>").getBytes(GB2312),
                        CatalogResponse.class),
                Arguments.of("root attributes repaired",
                        ("<Response CmdType=\"DeviceInfo\" SN=\"3\"><DeviceID>34020000001320000001</DeviceID>"
                                + "<Result>OK</Result><DeviceName>门口</DeviceName></Response>")
                                .getBytes(StandardCharsets.UTF_8), DeviceInfoResponse.class),
                Arguments.of("control characters repaired", ManscdpRepairTest.bytes(
                        "<Notify><CmdType>Alarm</CmdType><SN>1</SN><DeviceID>34020000001320000001</DeviceID>",
                        "<AlarmDescription>x", 0x01, 0x1F, "y</AlarmDescription></Notify>"), AlarmNotify.class),
                Arguments.of("nested text does not leak, first duplicate wins, CDATA and references",
                        ("<Response><CmdType>DeviceInfo</CmdType><SN>1</SN><SN>2</SN><Info><Inner>no</Inner>"
                                + "</Info><DeviceName><![CDATA[a<b]]> &#x6D4B;</DeviceName></Response>")
                                .getBytes(StandardCharsets.UTF_8), DeviceInfoResponse.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void envelopeEqualsTheStreamingParsersAndDocumentTheReaders(String name, byte[] body,
                                                               Class<? extends Envelope> type) throws Exception {
        ManscdpMessage expected = envelopes.parse(body, null);
        ManscdpMessage single = reader.readMessage(body, null);
        assertEquals(expected.root(), single.root());
        assertEquals(expected.cmdType(), single.cmdType());
        assertEquals(expected.sn(), single.sn());
        assertEquals(expected.deviceId(), single.deviceId());
        assertEquals(expected.fields(), single.fields());
        assertFalse(single.xml().startsWith("<?xml"), "the declaration names bytes the text no longer has");
        Envelope document = single.document();
        assertInstanceOf(type, document);
        Envelope separately = reader.read(body, null);
        assertEquals(separately.toString(), document.toString());
        assertEquals(separately.getExtra(), document.getExtra());
        assertEquals(expected.root(), document.getRoot());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void aDeviceCharsetOverrideAppliesToBoth(String name, byte[] body, Class<? extends Envelope> type)
            throws Exception {
        ManscdpMessage expected = envelopes.parse(body, GBK);
        ManscdpMessage single = reader.readMessage(body, GBK);
        assertEquals(expected.fields(), single.fields());
    }

    @org.junit.jupiter.api.Test
    void catalogItemsAreReadInTheSamePass() throws Exception {
        ManscdpMessage m = reader.readMessage(catalog("测试摄像机", "一楼").getBytes(GB2312), null);
        CatalogResponse c = m.document(CatalogResponse.class);
        assertNotNull(c);
        assertEquals(2, c.getItems().size());
        assertEquals("测试摄像机", c.getItems().get(0).getName());
        assertEquals("17430", m.sn(), "trimmed");
        assertEquals("2", m.field("SumNum"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not xml at all",
            "<Notify><CmdType>Keepalive</CmdType><SN>1",
            "<Notify><SN>1</SN></Notify>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><Notify><CmdType>&a;</CmdType></Notify>",
            "<Notify><CmdType></CmdType></Notify>" })
    void unreadableBodiesAreParseExceptions(String xml) {
        ManscdpParseException e = assertThrows(ManscdpParseException.class,
                () -> reader.readMessage(xml.getBytes(StandardCharsets.UTF_8), null));
        assertTrue(e.getMessage().contains("MANSCDP body"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void oversizedBodiesAreRefusedBeforeParsing() {
        byte[] big = new byte[ManscdpReader.MAX_BODY_BYTES + 1];
        ManscdpParseException e = assertThrows(ManscdpParseException.class, () -> reader.readMessage(big, null));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }
}
