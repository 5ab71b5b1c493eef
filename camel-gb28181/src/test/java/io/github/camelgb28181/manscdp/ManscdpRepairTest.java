package io.github.camelgb28181.manscdp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import io.github.camelgb28181.manscdp.ManscdpRepair.Fix;
import io.github.camelgb28181.manscdp.model.CatalogItem;
import io.github.camelgb28181.manscdp.model.CatalogResponse;
import io.github.camelgb28181.manscdp.model.Envelope;
import io.github.camelgb28181.manscdp.model.KeepaliveNotify;
import io.github.camelgb28181.manscdp.model.ResultResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each repair of {@link ManscdpRepair}, with the bad bytes devices send, through the repair alone and the reader. */
class ManscdpRepairTest {

    private static final String DECL = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n";
    private static final Charset GB2312 = Charset.forName("GB2312");

    private final ManscdpReader reader = new ManscdpReader();

    /** Concatenates strings (as UTF-8) and single bytes given as ints. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else if (p instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes((byte[]) p);
            }
        }
        return out.toByteArray();
    }

    private static ManscdpRepair.Result repair(String s) {
        return ManscdpRepair.repair(s);
    }

    // --- NUL bytes -------------------------------------------------------------------------------------------------

    @Test
    void nulBytesAnywhere() throws Exception {
        byte[] body = bytes(0, 0, "<?xml version=\"1.0\" encoding=\"GB2312\"?>", 0, "\r\n<Not", 0, "ify>\r\n<CmdType>Keep",
                0, "alive</CmdType>", 0, 0, "<SN>4", 0, "3</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n<Status"
                        + " ", 0, ">OK</Status>\r\n</Notify>\r\n", 0, 0, 0, 0);
        ManscdpReader.Document d = reader.readDocument(body, null);
        KeepaliveNotify k = assertInstanceOf(KeepaliveNotify.class, d.message());
        assertEquals("Keepalive", k.getCmdType());
        assertEquals("43", k.getSn());
        assertEquals("OK", k.getStatus());
        assertTrue(d.repairs().contains(Fix.NUL_BYTES), d.repairs().toString());
        assertFalse(d.xml().contains("\0"));
    }

    @Test
    void nulCharactersInDecodedText() {
        ManscdpRepair.Result r = repair("<Notify>\0<CmdType>Keep\0alive</CmdType></Not\0ify>\0\0");
        assertEquals(DECL + "<Notify><CmdType>Keepalive</CmdType></Notify>", r.xml());
        assertEquals(EnumSet.of(Fix.NUL_BYTES, Fix.MISSING_DECLARATION), r.fixes());
        assertEquals("Keepalive", r.cmdType());
    }

    @Test
    void stripNulReturnsTheSameArrayWhenClean() {
        byte[] clean = bytes("<Notify/>");
        assertSame(clean, ManscdpRepair.stripNul(clean));
        assertEquals("<a/>", new String(ManscdpRepair.stripNul(bytes(0, "<a", 0, "/>", 0)), StandardCharsets.US_ASCII));
    }

    // --- garbage around the root -----------------------------------------------------------------------------------

    @Test
    void trailingGarbageAfterRootEndTag() throws Exception {
        byte[] body = bytes("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>DeviceControl</CmdType>"
                + "\r\n<SN>7</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n<Result>OK</Result>\r\n</Response>\r\n",
                0xFF, 0xFE, 0x03, "GARBAGE<x>junk</y>&", 0x80);
        ManscdpReader.Document d = reader.readDocument(body, null);
        ResultResponse r = assertInstanceOf(ResultResponse.class, d.message());
        assertTrue(r.isOk());
        assertEquals("7", r.getSn());
        assertTrue(d.repairs().contains(Fix.TRAILING_GARBAGE), d.repairs().toString());
        assertTrue(d.xml().endsWith("</Response>"), d.xml());
    }

    @Test
    void secondMessageAfterTheRootIsDropped() {
        ManscdpRepair.Result r = repair("<Notify><CmdType>Keepalive</CmdType><SN>1</SN></Notify>\r\n"
                + "<?xml version=\"1.0\"?><Notify><CmdType>Keepalive</CmdType><SN>2</SN></Notify>");
        assertEquals(DECL + "<Notify><CmdType>Keepalive</CmdType><SN>1</SN></Notify>", r.xml());
        assertTrue(r.fixes().contains(Fix.TRAILING_GARBAGE));
    }

    @Test
    void onlyWhitespaceAfterTheRootIsNotGarbage() {
        ManscdpRepair.Result r = repair(DECL + "<Notify><CmdType>Keepalive</CmdType></Notify>\r\n\r\n  ");
        assertEquals(DECL + "<Notify><CmdType>Keepalive</CmdType></Notify>", r.xml());
        assertEquals(Set.of(), r.fixes());
    }

    @Test
    void garbageBetweenDeclarationAndRoot() throws Exception {
        byte[] body = bytes("<?xml version=\"1.0\" encoding=\"GB2312\"?>", "\r\nxx", 0x01, 0x02, " ?> ]]> &",
                "<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>5</SN>\r\n</Notify>");
        ManscdpReader.Document d = reader.readDocument(body, null);
        assertEquals("5", d.message().getSn());
        assertTrue(d.repairs().containsAll(Set.of(Fix.GARBAGE_BEFORE_ROOT, Fix.CONTROL_CHARACTERS)), d.repairs().toString());
        assertTrue(d.xml().startsWith(DECL + "<Notify>"), d.xml());
    }

    @Test
    void garbageBeforeRootWithoutDeclaration() {
        ManscdpRepair.Result r = repair("\uFEFF0\r\n<Notify><CmdType>Keepalive</CmdType></Notify>");
        assertEquals(DECL + "<Notify><CmdType>Keepalive</CmdType></Notify>", r.xml());
        assertEquals(EnumSet.of(Fix.MISSING_DECLARATION, Fix.GARBAGE_BEFORE_ROOT), r.fixes());
    }

    @Test
    void doctypeBeforeRootIsDroppedByTheRepair() {
        ManscdpRepair.Result r = repair("<?xml version=\"1.0\"?><!DOCTYPE Notify [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Notify><CmdType>Keepalive</CmdType><Status>&x;</Status></Notify>");
        assertEquals(DECL + "<Notify><CmdType>Keepalive</CmdType><Status>&amp;x;</Status></Notify>", r.xml());
        assertTrue(ManscdpRepair.containsDoctype("a<!doctype b"));
        assertTrue(ManscdpRepair.containsDoctype("<!ENTITY"));
        assertFalse(ManscdpRepair.containsDoctype(r.xml()));
    }

    @Test
    void malformedTagBeforeTheRootIsGarbage() {
        ManscdpRepair.Result r = repair("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Re sponse>&<Notify>"
                + "<CmdType>Keepalive</CmdType></Notify>");
        assertEquals(DECL + "<Notify><CmdType>Keepalive</CmdType></Notify>", r.xml());
        assertEquals(EnumSet.of(Fix.GARBAGE_BEFORE_ROOT), r.fixes());
        assertEquals("Notify", r.root());
    }

    @Test
    void declarationInsideTheRootIsDropped() throws Exception {
        byte[] body = bytes("<Notify><CmdType>Keepalive</CmdType><?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n",
                "<SN>6</SN><?other keep?></Notify>");
        ManscdpReader.Document d = reader.readDocument(body, null);
        assertEquals("6", d.message().getSn());
        assertTrue(d.repairs().contains(Fix.MISPLACED_DECLARATION), d.repairs().toString());
        assertEquals(DECL + "<Notify><CmdType>Keepalive</CmdType>\r\n<SN>6</SN><?other keep?></Notify>", d.xml());
    }

    @Test
    void noRootElement() {
        ManscdpRepair.Result r = repair("this is not xml < 3 &");
        assertNull(r.root());
        assertNull(r.cmdType());
    }

    // --- declaration -----------------------------------------------------------------------------------------------

    @Test
    void missingDeclaration() throws Exception {
        ManscdpRepair.Result r = repair("<Notify><CmdType>Keepalive</CmdType><SN>9</SN></Notify>");
        assertEquals(DECL + "<Notify><CmdType>Keepalive</CmdType><SN>9</SN></Notify>", r.xml());
        assertEquals(EnumSet.of(Fix.MISSING_DECLARATION), r.fixes());
        assertEquals("Notify", r.root());
        assertEquals("Keepalive", r.cmdType());
        Envelope m = reader.read(bytes("<Notify><CmdType>Keepalive</CmdType><SN>9</SN></Notify>"), null);
        assertEquals("9", m.getSn());
    }

    @Test
    void lowerCaseGb2312Declaration() throws Exception {
        String name = "西湖区文三路口";
        String xml = "<?xml version=\"1.0\" encoding=\"gb2312\"?>\r\n<Response>\r\n<CmdType>Catalog</CmdType>\r\n<SN>1</SN>\r\n"
                + "<DeviceID>34020000001320000001</DeviceID>\r\n<SumNum>1</SumNum>\r\n<DeviceList Num=\"1\">\r\n<Item>\r\n"
                + "<DeviceID>34020000001310000001</DeviceID>\r\n<Name>" + name + "</Name>\r\n</Item>\r\n</DeviceList>\r\n"
                + "</Response>\r\n";
        for (Charset cs : new Charset[] { GB2312, StandardCharsets.UTF_8 }) {
            ManscdpReader.Document d = reader.readDocument(xml.getBytes(cs), null);
            CatalogResponse c = assertInstanceOf(CatalogResponse.class, d.message());
            assertEquals(name, c.getItems().get(0).getName(), cs.name());
            assertEquals(Set.of(Fix.DECLARATION_ENCODING), d.repairs());
            assertTrue(d.xml().startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>"), d.xml());
        }
        ManscdpRepair.Result single = repair("<?xml version='1.0' encoding='gb2312'?><Notify><CmdType>A</CmdType></Notify>");
        assertEquals(DECL + "<Notify><CmdType>A</CmdType></Notify>", single.xml());
        assertEquals(EnumSet.of(Fix.DECLARATION_ENCODING), single.fixes());
    }

    @Test
    void otherEncodingsAreNormalisedToo() {
        assertEquals("UTF-8", ManscdpRepair.normaliseEncoding("utf8"));
        assertEquals("UTF-8", ManscdpRepair.normaliseEncoding("UTF-8"));
        assertEquals("GBK", ManscdpRepair.normaliseEncoding("gbk"));
        assertEquals("GB2312", ManscdpRepair.normaliseEncoding("\"><evil"));
        assertEquals("GB2312", ManscdpRepair.normaliseEncoding(null));
    }

    // --- stray ampersands ------------------------------------------------------------------------------------------

    @Test
    void strayAmpersandEscapedEntitiesKept() throws Exception {
        String text = "A&B & C &amp; &lt; &gt; &quot; &apos; &#123; &#x1F; &nbsp &xxe; &#0; &#xD800; &#; &#x; &";
        ManscdpRepair.Result r = repair("<Notify><CmdType>Alarm</CmdType><AlarmDescription>" + text
                + "</AlarmDescription></Notify>");
        assertEquals(DECL + "<Notify><CmdType>Alarm</CmdType><AlarmDescription>"
                + "A&amp;B &amp; C &amp; &lt; &gt; &quot; &apos; &#123; &#x1F; &amp;nbsp &amp;xxe; &amp;#0; &amp;#xD800; "
                + "&amp;#; &amp;#x; &amp;</AlarmDescription></Notify>", r.xml());
        assertTrue(r.fixes().contains(Fix.STRAY_AMPERSAND));
        var alarm = assertInstanceOf(io.github.camelgb28181.manscdp.model.AlarmNotify.class, reader.read(bytes(
                "<Notify><CmdType>Alarm</CmdType><AlarmDescription>", text, "</AlarmDescription></Notify>"), null));
        assertEquals("A&B & C & < > \" ' { \u001F &nbsp &xxe; &#0; &#xD800; &#; &#x; &", alarm.getAlarmDescription());
    }

    @Test
    void wellFormedEntitiesAloneNeedNoRepair() {
        String xml = DECL + "<Notify><CmdType>Alarm</CmdType><X a=\"&amp;&quot;&#34;\">&amp;&lt;&gt;&quot;&apos;&#123;&#x1F;"
                + "</X></Notify>";
        ManscdpRepair.Result r = repair(xml);
        assertEquals(xml, r.xml());
        assertEquals(Set.of(), r.fixes());
    }

    @Test
    void strayAmpersandInAttribute() {
        ManscdpRepair.Result r = repair("<Response><CmdType>Catalog</CmdType><DeviceList Num=\"1\" Vendor='A&B'>"
                + "</DeviceList></Response>");
        assertTrue(r.xml().contains("<DeviceList Num=\"1\" Vendor='A&amp;B'>"), r.xml());
        assertTrue(r.fixes().contains(Fix.STRAY_AMPERSAND));
    }

    // --- < > and control bytes inside leaf text --------------------------------------------------------------------

    @Test
    void angleBracketsAndControlBytesInLeafText() throws Exception {
        byte[] body = bytes("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>Catalog</CmdType>\r\n",
                "<SN>3</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n<SumNum>1</SumNum>\r\n<DeviceList Num=\"1\">\r\n",
                "<Item>\r\n<DeviceID>34020000001310000001</DeviceID>\r\n<Name>Gate <3> ", 0x01, "& <B", 0x1B, "</Name>\r\n",
                "<Address>No.5 <Building A>", 0x07, 0x08, " > lobby <", 0x1F, "</Address>\r\n",
                "<Description><<x>>\t&", 0x0B, 0x0C, "</description>\r\n",
                "<Status>ON</Status>\r\n</Item>\r\n</DeviceList>\r\n</Response>\r\n");
        ManscdpReader.Document d = reader.readDocument(body, null);
        CatalogResponse c = assertInstanceOf(CatalogResponse.class, d.message());
        CatalogItem item = c.getItems().get(0);
        assertEquals("Gate <3> & <B", item.getName());
        assertEquals("No.5 <Building A> > lobby <", item.getAddress());
        assertEquals("<<x>>\t&", item.extraText("Description"));
        assertEquals("ON", item.getStatus());
        assertEquals("34020000001310000001", item.getDeviceId());
        assertTrue(d.repairs().containsAll(EnumSet.of(Fix.STRAY_ANGLE_BRACKET, Fix.CONTROL_CHARACTERS,
                Fix.STRAY_AMPERSAND, Fix.END_TAG_CASE)), d.repairs().toString());
    }

    @Test
    void leafTextExactOutput() {
        ManscdpRepair.Result r = repair("<Notify><CmdType>Alarm</CmdType><Name>a<b>c</b></Name><SN>1</SN></Notify>");
        assertEquals(DECL + "<Notify><CmdType>Alarm</CmdType><Name>a&lt;b&gt;c&lt;/b&gt;</Name><SN>1</SN></Notify>",
                r.xml());
        assertEquals(EnumSet.of(Fix.MISSING_DECLARATION, Fix.STRAY_ANGLE_BRACKET), r.fixes());
    }

    @Test
    void lessThanThatCannotStartATagOutsideLeaves() {
        ManscdpRepair.Result r = repair("<Notify><CmdType>Alarm</CmdType><X>1 < 2 <= 3 <a b</X><Y><3></Y></Notify>");
        assertEquals(DECL + "<Notify><CmdType>Alarm</CmdType><X>1 &lt; 2 &lt;= 3 &lt;a b</X><Y>&lt;3&gt;</Y></Notify>",
                r.xml());
        assertTrue(r.fixes().contains(Fix.STRAY_ANGLE_BRACKET));
    }

    @Test
    void cdataAndCommentsKept() throws Exception {
        String xml = DECL + "<Notify><!-- c < & --><CmdType>Alarm</CmdType><Name><![CDATA[a<b&c]]></Name>"
                + "<X><![CDATA[<y>]]></X></Notify>";
        ManscdpRepair.Result r = repair(xml);
        assertEquals(xml, r.xml());
        assertEquals(Set.of(), r.fixes());
        Envelope m = reader.read(xml.getBytes(StandardCharsets.UTF_8), null);
        assertEquals("a<b&c", m.extraText("Name"));
        assertEquals("<y>", m.extraText("X"));
    }

    // --- root attributes -------------------------------------------------------------------------------------------

    @Test
    void rootAttributesBecomeElements() throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response CmdType=\"Catalog\" SN=\"3\" "
                + "DeviceID=\"34020000001320000001\">\r\n<SumNum>1</SumNum>\r\n<DeviceList Num=\"1\">\r\n<Item>\r\n"
                + "<DeviceID>34020000001310000001</DeviceID>\r\n</Item>\r\n</DeviceList>\r\n</Response>";
        ManscdpRepair.Result r = repair(body);
        assertTrue(r.xml().startsWith(DECL + "<Response><CmdType>Catalog</CmdType><SN>3</SN>"
                + "<DeviceID>34020000001320000001</DeviceID>\r\n<SumNum>"), r.xml());
        assertEquals(EnumSet.of(Fix.ROOT_ATTRIBUTES), r.fixes());
        assertEquals("Catalog", r.cmdType());
        CatalogResponse c = assertInstanceOf(CatalogResponse.class, reader.read(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Catalog", c.getCmdType());
        assertEquals("3", c.getSn());
        assertEquals("34020000001320000001", c.getDeviceId());
        assertEquals(1, c.getItems().size());
    }

    @Test
    void rootAttributesOnSelfClosingRootAnyCase() throws Exception {
        ManscdpRepair.Result r = repair("<Response cmdtype='DeviceControl' sn=\"12\" xmlns:v=\"urn:x\" Result=\"OK\"/>");
        assertEquals(DECL + "<Response xmlns:v=\"urn:x\" Result=\"OK\"><CmdType>DeviceControl</CmdType><SN>12</SN>"
                + "</Response>", r.xml());
        ResultResponse m = assertInstanceOf(ResultResponse.class,
                reader.read(bytes("<Response cmdtype='DeviceControl' sn=\"12\" Result=\"OK\"/>"), null));
        assertEquals("DeviceControl", m.getCmdType());
        assertEquals("12", m.getSn());
        assertTrue(m.isOk());
    }

    // --- end tags --------------------------------------------------------------------------------------------------

    @Test
    void endTagCase() throws Exception {
        ManscdpRepair.Result r = repair("<Notify><CmdType>Alarm</CmdType><Name>x</NAME></notify>");
        assertEquals(DECL + "<Notify><CmdType>Alarm</CmdType><Name>x</Name></Notify>", r.xml());
        assertTrue(r.fixes().contains(Fix.END_TAG_CASE));
    }

    @Test
    void endTagThatWouldCloseTheRootEarly() throws Exception {
        ManscdpRepair.Result r = repair("<Response><CmdType>DeviceControl</CmdType></Item><SN>4</SN></Response>");
        assertEquals(DECL + "<Response><CmdType>DeviceControl</CmdType><SN>4</SN></Response>", r.xml());
        assertTrue(r.fixes().contains(Fix.UNBALANCED_END_TAG));
        assertEquals("4", reader.read(bytes("<Response><CmdType>DeviceControl</CmdType></Item><SN>4</SN></Response>"))
                .getSn());
    }

    // --- cost ------------------------------------------------------------------------------------------------------

    private static void finishesFast(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            ManscdpRepair.Result r = ManscdpRepair.repair(body);
            assertTrue(r.xml().length() >= 0);
        });
    }

    private static String repeat(String unit, int totalChars) {
        return unit.repeat(Math.max(1, totalChars / unit.length()));
    }

    @Test
    void oneMebibyteOfAmpersandsIsLinear() {
        finishesFast(repeat("&", 1 << 20));
        finishesFast("<Notify><CmdType>A</CmdType><X>" + repeat("&", 1 << 20) + "</X></Notify>");
        finishesFast("<Notify><CmdType>A</CmdType><X>" + repeat("&#", 1 << 20) + "</X></Notify>");
    }

    @Test
    void oneMebibyteOfLessThansIsLinear() {
        finishesFast(repeat("<", 1 << 20));
        finishesFast("<Notify><CmdType>A</CmdType><X>" + repeat("<", 1 << 20) + "</X></Notify>");
        finishesFast("<Notify><CmdType>A</CmdType><Name>" + repeat("<", 1 << 20) + "</Name></Notify>");
    }

    @Test
    void pathologicalMarkupIsLinear() {
        finishesFast("<Notify>" + repeat("<a b=\"", 1 << 20));
        finishesFast("<Notify>" + repeat("<a<a", 1 << 20));
        finishesFast("<Notify>" + repeat("<!--", 1 << 20));
        finishesFast("<Notify>" + repeat("<![CDATA[", 1 << 20));
        finishesFast("<Notify>" + repeat("<?a", 1 << 20));
        finishesFast("<Notify>" + repeat("</", 1 << 20));
        finishesFast("<Notify><Name>" + repeat("</Nam", 1 << 20));
        finishesFast("<Notify>" + repeat("<Name>", 1 << 20));
        finishesFast(repeat("<?xml ", 1 << 20));
        finishesFast("<Response " + repeat("CmdType=\"x\" ", 1 << 20) + ">");
        finishesFast(repeat("\u0001\0", 1 << 20));
    }
}
