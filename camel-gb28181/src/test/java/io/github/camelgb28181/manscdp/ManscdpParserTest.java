package io.github.camelgb28181.manscdp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MANSCDP envelope parser: fields, charsets, device quirks and hostile input. */
class ManscdpParserTest {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final Charset GBK = Charset.forName("GBK");
    private static final String CHINESE = "测试摄像机一号";

    private final ManscdpParser parser = new ManscdpParser();

    private static String catalogResponse(String declaredEncoding, String name) {
        String decl = declaredEncoding == null ? "" : "<?xml version=\"1.0\" encoding=\"" + declaredEncoding + "\"?>\r\n";
        return decl + "<Response>\r\n<CmdType>Catalog</CmdType>\r\n<SN>17430</SN>\r\n"
                + "<DeviceID>34020000001320000001</DeviceID>\r\n<Name>" + name + "</Name>\r\n</Response>\r\n";
    }

    /** Every message in the throwable chain, to check a secret never leaks through an error. */
    private static String allMessages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }

    @Test
    void keepaliveNotify() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n"
                + "<SN>43</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n";
        ManscdpMessage m = parser.parse(xml.getBytes(StandardCharsets.US_ASCII));
        assertEquals("Notify", m.root());
        assertEquals("Keepalive", m.cmdType());
        assertEquals("43", m.sn());
        assertEquals("34020000001320000001", m.deviceId());
        assertEquals("OK", m.field("Status"));
        assertEquals(Map.of("CmdType", "Keepalive", "SN", "43", "DeviceID", "34020000001320000001", "Status", "OK"),
                m.fields());
        assertTrue(m.is("notify", "KEEPALIVE"));
        assertFalse(m.is("Query", "Keepalive"));
        assertFalse(m.xml().startsWith("<?xml"), "the declaration is stripped from the decoded text");
        assertTrue(m.xml().startsWith("<Notify>"), m.xml());
    }

    @Test
    void fieldValuesAreTrimmed() throws Exception {
        ManscdpMessage m = parser.parse(("<Query><CmdType>  DeviceInfo \n</CmdType><SN>\t7 </SN>"
                + "<DeviceID> 34020000001320000001</DeviceID></Query>").getBytes(StandardCharsets.US_ASCII));
        assertEquals("DeviceInfo", m.cmdType());
        assertEquals("7", m.sn());
        assertEquals("34020000001320000001", m.deviceId());
    }

    @Test
    void missingSnAndDeviceIdAreNull() throws Exception {
        ManscdpMessage m = parser.parse("<Control><CmdType>DeviceControl</CmdType></Control>"
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals("Control", m.root());
        assertNull(m.sn());
        assertNull(m.deviceId());
        assertNull(m.field("Status"));
    }

    @Test
    void gb2312DeclaredAndEncoded() throws Exception {
        byte[] body = catalogResponse("GB2312", CHINESE).getBytes(GB2312);
        assertFalse(ManscdpCharsets.isValidUtf8(body), "precondition: the GB2312 bytes are not UTF-8");
        ManscdpMessage m = parser.parse(body);
        assertEquals(CHINESE, m.field("Name"));
        assertEquals("Catalog", m.cmdType());
        assertEquals("17430", m.sn());
        assertTrue(m.xml().contains("<Name>" + CHINESE + "</Name>"));
    }

    @Test
    void utf8BytesDeclaredGb2312() throws Exception {
        byte[] body = catalogResponse("GB2312", CHINESE).getBytes(StandardCharsets.UTF_8);
        assertEquals(CHINESE, parser.parse(body).field("Name"));
    }

    @Test
    void lowerCaseAndSingleQuotedDeclaration() throws Exception {
        String xml = "<?xml version='1.0' encoding='gb2312'?><Response><CmdType>Catalog</CmdType>"
                + "<Name>" + CHINESE + "</Name></Response>";
        assertEquals(CHINESE, parser.parse(xml.getBytes(GB2312)).field("Name"));
        assertEquals(CHINESE, parser.parse(xml.getBytes(StandardCharsets.UTF_8)).field("Name"));
    }

    @Test
    void utf8Declared() throws Exception {
        byte[] body = catalogResponse("UTF-8", CHINESE).getBytes(StandardCharsets.UTF_8);
        ManscdpMessage m = parser.parse(body);
        assertEquals(CHINESE, m.field("Name"));
        assertEquals("34020000001320000001", m.deviceId());
    }

    @Test
    void noDeclarationAscii() throws Exception {
        ManscdpMessage m = parser.parse(catalogResponse(null, "Camera 1").getBytes(StandardCharsets.US_ASCII));
        assertEquals("Response", m.root());
        assertEquals("Camera 1", m.field("Name"));
    }

    @Test
    void noDeclarationUtf8() throws Exception {
        assertEquals(CHINESE,
                parser.parse(catalogResponse(null, CHINESE).getBytes(StandardCharsets.UTF_8)).field("Name"));
    }

    @Test
    void noDeclarationGb2312() throws Exception {
        assertEquals(CHINESE, parser.parse(catalogResponse(null, CHINESE).getBytes(GB2312)).field("Name"));
    }

    @Test
    void gbkOnlyCharactersDeclaredGb2312() throws Exception {
        String name = "瑀喆摄像机";
        assertFalse(GB2312.newEncoder().canEncode("瑀"), "precondition: 瑀 is not in GB2312");
        assertFalse(GB2312.newEncoder().canEncode("喆"), "precondition: 喆 is not in GB2312");
        byte[] body = catalogResponse("GB2312", name).getBytes(GBK);
        assertFalse(ManscdpCharsets.isValidUtf8(body));
        assertEquals(name, parser.parse(body).field("Name"));
    }

    @Test
    void gbkDeclaredGbk() throws Exception {
        String name = "喆";
        assertEquals(name, parser.parse(catalogResponse("GBK", name).getBytes(GBK)).field("Name"));
    }

    @Test
    void nulBytesAreTolerated() throws Exception {
        byte[] xml = ("<Notify>\0<CmdType>Keep\0alive</CmdType>\0\0<SN>1</SN><DeviceID>34020000001320000001</DeviceID>"
                + "</Notify>").getBytes(StandardCharsets.US_ASCII);
        byte[] padded = Arrays.copyOf(xml, xml.length + 64); // trailing NUL padding
        ManscdpMessage m = parser.parse(padded);
        assertEquals("Keepalive", m.cmdType());
        assertEquals("1", m.sn());
        assertEquals("34020000001320000001", m.deviceId());
        assertFalse(m.xml().contains("\0"));
    }

    @Test
    void nulBytesBeforeDeclarationAndInGbBody() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[3]);
        out.write(catalogResponse("GB2312", CHINESE).getBytes(GB2312));
        out.write(new byte[16]);
        ManscdpMessage m = parser.parse(out.toByteArray());
        assertEquals(CHINESE, m.field("Name"));
        assertEquals("Catalog", m.cmdType());
    }

    @Test
    void nestedElementsDoNotLeakIntoTopLevelFields() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<Response>\n<CmdType>Catalog</CmdType>\n"
                + "<SN>17430</SN>\n"
                + "<DeviceList Num=\"2\">\n"
                + "<Item><DeviceID>34020000001320000011</DeviceID><Name>Child A</Name><SN>999</SN></Item>\n"
                + "<Item><DeviceID>34020000001320000012</DeviceID><Name>Child B</Name>"
                + "<Info><CmdType>Nested</CmdType></Info></Item>\n"
                + "</DeviceList>\n"
                + "<DeviceID>34020000001110000001</DeviceID>\n<SumNum>2</SumNum>\n</Response>";
        ManscdpMessage m = parser.parse(xml.getBytes(StandardCharsets.US_ASCII));
        assertEquals("Catalog", m.cmdType());
        assertEquals("17430", m.sn());
        assertEquals("34020000001110000001", m.deviceId(), "the top-level DeviceID, not a child's");
        assertEquals("2", m.field("SumNum"));
        assertNull(m.field("Name"));
        assertNull(m.field("Item"));
        assertNull(m.field("Info"));
        assertEquals("", m.field("DeviceList"), "a container's children's text is not its own");
        assertEquals(5, m.fields().size(), m.fields().toString());
    }

    @Test
    void firstOccurrenceOfADuplicatedFieldWins() throws Exception {
        ManscdpMessage m = parser.parse("<Notify><CmdType>Alarm</CmdType><SN>1</SN><SN>2</SN></Notify>"
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals("1", m.sn());
    }

    @Test
    void fieldsAreImmutable() throws Exception {
        ManscdpMessage m = parser.parse("<Notify><CmdType>Alarm</CmdType></Notify>".getBytes(StandardCharsets.US_ASCII));
        assertThrows(UnsupportedOperationException.class, () -> m.fields().put("x", "y"));
    }

    @Test
    void characterReferencesAndCdata() throws Exception {
        ManscdpMessage m = parser.parse(("<Notify><CmdType>Alarm</CmdType><Desc>a&amp;b &#x6D4B;<![CDATA[<x>]]></Desc>"
                + "</Notify>").getBytes(StandardCharsets.US_ASCII));
        assertEquals("a&b 测<x>", m.field("Desc"));
    }

    @Test
    void emptyBody() {
        ManscdpParseException e = assertThrows(ManscdpParseException.class, () -> parser.parse(new byte[0]));
        assertEquals("empty MANSCDP body", e.getMessage());
    }

    @Test
    void whitespaceOrNulOnlyBody() {
        for (byte[] body : new byte[][] { "   \r\n".getBytes(StandardCharsets.US_ASCII), new byte[32] }) {
            ManscdpParseException e = assertThrows(ManscdpParseException.class, () -> parser.parse(body));
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void notXml() {
        ManscdpParseException e = assertThrows(ManscdpParseException.class,
                () -> parser.parse("this is not xml".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().startsWith("unreadable MANSCDP body: "), e.getMessage());
        assertNotNull(e.getCause());
    }

    @Test
    void truncatedXml() {
        ManscdpParseException e = assertThrows(ManscdpParseException.class,
                () -> parser.parse("<Notify><CmdType>Keepalive</CmdType><SN>1".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().startsWith("unreadable MANSCDP body: "), e.getMessage());
    }

    @Test
    void noCmdType() {
        ManscdpParseException e = assertThrows(ManscdpParseException.class,
                () -> parser.parse("<Notify><SN>1</SN><DeviceID>34020000001320000001</DeviceID></Notify>"
                        .getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("no CmdType in <Notify>"), e.getMessage());
    }

    @Test
    void cmdTypeOnlyNestedOrEmpty() {
        ManscdpParseException nested = assertThrows(ManscdpParseException.class,
                () -> parser.parse("<Notify><Info><CmdType>Keepalive</CmdType></Info></Notify>"
                        .getBytes(StandardCharsets.US_ASCII)));
        assertTrue(nested.getMessage().contains("no CmdType"), nested.getMessage());
        ManscdpParseException empty = assertThrows(ManscdpParseException.class,
                () -> parser.parse("<Notify><CmdType>  </CmdType></Notify>".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(empty.getMessage().contains("no CmdType"), empty.getMessage());
    }

    @Test
    void externalEntityIsNotRead(@TempDir Path dir) throws Exception {
        String marker = "TOP-SECRET-" + System.nanoTime();
        Path secret = dir.resolve("passwd.txt");
        Files.writeString(secret, marker + "\n");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE Notify [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<Notify><CmdType>Keepalive</CmdType><SN>1</SN><DeviceID>&xxe;</DeviceID><Status>OK</Status>"
                + "</Notify>";
        assertFalse(xml.contains(marker));
        ManscdpParseException e = assertThrows(ManscdpParseException.class,
                () -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)));
        assertFalse(allMessages(e).contains(marker), allMessages(e));
        assertTrue(e.getMessage().startsWith("unreadable MANSCDP body: "), e.getMessage());
    }

    @Test
    void externalEntityInCmdTypeIsNotRead(@TempDir Path dir) throws Exception {
        String marker = "TOP-SECRET-" + System.nanoTime();
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, marker);
        String xml = "<!DOCTYPE Notify [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>"
                + "<Notify><CmdType>&xxe;</CmdType></Notify>";
        ManscdpParseException e = assertThrows(ManscdpParseException.class,
                () -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)));
        assertFalse(allMessages(e).contains(marker), allMessages(e));
    }

    @Test
    void externalDtdIsNotLoaded(@TempDir Path dir) throws Exception {
        String marker = "TOP-SECRET-" + System.nanoTime();
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak \"" + marker + "\">");
        String xml = "<!DOCTYPE Notify SYSTEM \"" + dtd.toUri() + "\">"
                + "<Notify><CmdType>Keepalive</CmdType><Status>&leak;</Status></Notify>";
        try {
            ManscdpMessage m = parser.parse(xml.getBytes(StandardCharsets.UTF_8));
            assertFalse(m.fields().toString().contains(marker), m.fields().toString());
            assertFalse(m.xml().contains(marker));
        } catch (ManscdpParseException e) {
            assertFalse(allMessages(e).contains(marker), allMessages(e));
        }
    }

    @Test
    void billionLaughsFailsFast() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Notify [\n<!ENTITY lol \"lol\">\n");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n");
        String xml = dtd + "<Notify><CmdType>Keepalive</CmdType><Status>&lol9;</Status></Notify>";
        ManscdpParseException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ManscdpParseException.class, () -> parser.parse(xml.getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().startsWith("unreadable MANSCDP body: "), e.getMessage());
    }

    @Test
    void bodyOverOneMebibyte() {
        byte[] body = new byte[1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        byte[] head = "<Notify><CmdType>Keepalive</CmdType></Notify>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        ManscdpParseException e = assertThrows(ManscdpParseException.class, () -> parser.parse(body));
        assertEquals("MANSCDP body of 1048577 bytes is too large", e.getMessage());
    }

    @Test
    void bodyOfExactlyOneMebibyteIsAccepted() throws Exception {
        byte[] body = new byte[1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        byte[] head = "<Notify><CmdType>Keepalive</CmdType><SN>5</SN></Notify>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        ManscdpMessage m = parser.parse(body);
        assertEquals("Keepalive", m.cmdType());
        assertEquals("5", m.sn());
    }

    @Test
    void declaredEncodingHelper() {
        assertEquals("GB2312",
                ManscdpCharsets.declaredEncoding("<?xml version=\"1.0\" encoding=\"GB2312\"?><a/>".getBytes()));
        assertEquals("utf-8", ManscdpCharsets.declaredEncoding("<?xml version='1.0' encoding='utf-8'?>".getBytes()));
        assertNull(ManscdpCharsets.declaredEncoding("<?xml version=\"1.0\"?><a/>".getBytes()));
        assertNull(ManscdpCharsets.declaredEncoding("<a encoding=\"GBK\"/>".getBytes()));
    }
}
