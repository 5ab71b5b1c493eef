package io.github.camelgb28181.manscdp.command;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.ManscdpParser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static io.github.camelgb28181.manscdp.command.Xml.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Escaping, the charset declaration, and Chinese text through GB2312 bytes. */
class ManscdpXmlWriterTest {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final String CH = "34020000001320000001";

    private static ManscdpCommand nameConfig(String name) {
        return Controls.DeviceConfig.basicParam(name, null, null, null, null, null, null);
    }

    @Test
    void escapesMarkupInFreeText() throws Exception {
        String name = "A<B & C>D \"q\" 'a' ]]>";
        String xml = nameConfig(name).toXml(1, CH);
        assertTrue(xml.contains("<Name>A&lt;B &amp; C&gt;D \"q\" 'a' ]]&gt;</Name>"), xml);
        assertEquals(name, text(Xml.parse(xml), "BasicParam/Name"));
    }

    @Test
    void escapesEntityLookalikesAndKeepsWhitespace() throws Exception {
        String name = "&amp; &#x41; &lt;\ttab\nline\r\nend";
        String xml = nameConfig(name).toXml(1, CH);
        assertTrue(xml.contains("&amp;amp; &amp;#x41; &amp;lt;"), xml);
        assertTrue(xml.contains("&#13;"), "CR kept as a reference so the parser does not normalise it");
        assertEquals(name, text(Xml.parse(xml), "BasicParam/Name"));
    }

    @Test
    void deviceIdIsEscapedAndTrimmed() throws Exception {
        String xml = Queries.catalog().toXml(1, " 3402&0000 ");
        assertEquals("3402&0000", text(Xml.parse(xml), "DeviceID"));
    }

    @Test
    void refusesCharactersXmlCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> nameConfig("bad\u0000nul").toXml(1, CH));
        assertThrows(IllegalArgumentException.class, () -> nameConfig("bell\u0007").toXml(1, CH));
        assertThrows(IllegalArgumentException.class, () -> nameConfig("lone\uD800").toXml(1, CH));
        assertThrows(IllegalArgumentException.class, () -> nameConfig("\uFFFE").toXml(1, CH));
    }

    @Test
    void envelopeValidation() {
        assertThrows(IllegalArgumentException.class, () -> Queries.catalog().toXml(-1, CH));
        assertThrows(IllegalArgumentException.class, () -> Queries.catalog().toXml(1, " "));
        assertThrows(IllegalArgumentException.class, () -> Queries.catalog().toXml(1, null));
        assertThrows(IllegalArgumentException.class, () -> Queries.catalog().toXml(1, CH, "no-such-charset"));
        assertThrows(IllegalArgumentException.class, () -> Queries.catalog().toXml(1, CH, "GB2312\"?><x"));
        assertThrows(IllegalArgumentException.class, () -> Queries.catalog().toXml(1, CH, null));
        assertEquals("2147483647", text(parseQuiet(Queries.catalog().toXml(Integer.MAX_VALUE, CH)), "SN"));
    }

    private static Element parseQuiet(String xml) {
        try {
            return Xml.parse(xml);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void declaresTheCharsetAskedFor() throws Exception {
        assertTrue(Queries.catalog().toXml(1, CH).startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n"));
        String utf8 = Queries.catalog().toXml(1, CH, "UTF-8");
        assertTrue(utf8.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"), utf8);
        assertTrue(Queries.catalog().toXml(1, CH, "GB18030").startsWith("<?xml version=\"1.0\" encoding=\"GB18030\"?>"));
        assertEquals(ManscdpCommand.DEFAULT_CHARSET, "GB2312");
    }

    @Test
    void chineseSurvivesGb2312BytesAndBack() throws Exception {
        String name = "北京市朝阳区 一号门 <东>";
        String xml = nameConfig(name).toXml(42, CH);
        assertFalse(xml.contains("&#x"), "GB2312 encodes these characters directly");
        byte[] bytes = xml.getBytes(GB2312);
        assertTrue(GB2312.newEncoder().canEncode(xml));
        // the bytes are GB2312 (2 bytes per Chinese character), not UTF-8
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("北京"));
        // a DOM parser reading the bytes by their declaration
        assertEquals(name, text(Xml.parse(bytes), "BasicParam/Name"));
        // and the component's own MANSCDP parser (GB18030 decoding)
        ManscdpMessage m = new ManscdpParser().parse(bytes);
        assertEquals("Control", m.root());
        assertEquals("DeviceConfig", m.cmdType());
        assertEquals("42", m.sn());
        assertEquals(CH, m.deviceId());
    }

    @Test
    void charactersOutsideTheCharsetBecomeReferences() throws Exception {
        // 𠮷 (U+20BB7) and the GBK-only 镕 (U+9555) are not in GB2312; € is not either
        String name = "\uD842\uDFB7-镕-€-中";
        String xml = nameConfig(name).toXml(1, CH);
        assertTrue(xml.contains("&#x20BB7;"), xml);
        assertTrue(xml.contains("&#x9555;"), xml);
        assertTrue(xml.contains("&#x20AC;"), xml);
        assertTrue(xml.contains("-中</Name>"), xml);
        byte[] bytes = xml.getBytes(GB2312);
        assertTrue(GB2312.newEncoder().canEncode(xml), "nothing lost to '?' when encoding");
        assertEquals(name, text(Xml.parse(bytes), "BasicParam/Name"));

        // declared UTF-8: everything is written directly
        String utf8 = nameConfig(name).toXml(1, CH, "UTF-8");
        assertFalse(utf8.contains("&#x"), utf8);
        assertEquals(name, text(Xml.parse(utf8.getBytes(StandardCharsets.UTF_8)), "BasicParam/Name"));
    }

    @Test
    void customCommandsUseTheSameWriter() throws Exception {
        ManscdpCommand vendor = new ManscdpCommand() {
            @Override
            public String commandName() {
                return "VendorThing";
            }

            @Override
            public Root root() {
                return Root.QUERY;
            }

            @Override
            public String cmdType() {
                return "VendorThing";
            }

            @Override
            public boolean expectsResponse() {
                return true;
            }

            @Override
            public void writeFields(ManscdpXmlWriter out) {
                out.start("Outer").element("Num", 7).element("Dec", 0.5).element("Opt", (String) null).end();
            }
        };
        Element e = Xml.checkEnvelope(vendor.toXml(3, CH), "Query", "VendorThing", 3, CH, "Outer");
        assertEquals("7", text(e, "Outer/Num"));
        assertEquals("0.5", text(e, "Outer/Dec"));
        assertEquals(null, Xml.at(e, "Outer/Opt"));

        ManscdpCommand unbalanced = new ManscdpCommand() {
            @Override
            public String commandName() {
                return "Broken";
            }

            @Override
            public Root root() {
                return Root.CONTROL;
            }

            @Override
            public String cmdType() {
                return "Broken";
            }

            @Override
            public boolean expectsResponse() {
                return false;
            }

            @Override
            public void writeFields(ManscdpXmlWriter out) {
                out.start("Open");
            }
        };
        assertThrows(IllegalStateException.class, () -> unbalanced.toXml(1, CH));
    }
}
