package io.github.camelgb28181.manscdp;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The envelope parser's second chance through {@link ManscdpRepair} for bodies the strict parse refuses. */
class ManscdpParserRepairTest {

    private final ManscdpParser parser = new ManscdpParser();

    private ManscdpMessage parse(String xml) throws ManscdpParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void strayAmpersandAndLessThanInAddress() throws Exception {
        ManscdpMessage m = parse("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>Catalog</CmdType>"
                + "\r\n<SN>5</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n<SumNum>1</SumNum>\r\n<DeviceList Num=\"1\">"
                + "<Item><DeviceID>34020000001310000001</DeviceID><Address>A&B <3></Address></Item></DeviceList>"
                + "\r\n</Response>");
        assertEquals("Catalog", m.cmdType());
        assertEquals("5", m.sn());
        assertEquals("34020000001320000001", m.deviceId());
        assertEquals("1", m.field("SumNum"));
        assertTrue(m.xml().startsWith("<Response>"), m.xml());
        assertTrue(m.xml().contains("<Address>A&amp;B &lt;3&gt;</Address>"), m.xml());
    }

    @Test
    void rootAttributes() throws Exception {
        ManscdpMessage m = parse("<Response CmdType=\"Catalog\" SN=\"3\"><SumNum>0</SumNum></Response>");
        assertEquals("Catalog", m.cmdType());
        assertEquals("3", m.sn());
        assertEquals("0", m.field("SumNum"));
    }

    @Test
    void controlBytes() throws Exception {
        ManscdpMessage m = parser.parse(ManscdpRepairTest.bytes("<Notify><CmdType>Alarm</CmdType><SN>1</SN>",
                "<AlarmDescription>x", 0x01, 0x1F, "y</AlarmDescription></Notify>"));
        assertEquals("xy", m.field("AlarmDescription"));
    }

    @Test
    void wellFormedBodiesAreUntouched() throws Exception {
        ManscdpMessage m = parse("<Notify><CmdType>Keepalive</CmdType><Desc>a&amp;b</Desc></Notify>");
        assertEquals("<Notify><CmdType>Keepalive</CmdType><Desc>a&amp;b</Desc></Notify>", m.xml());
    }

    @Test
    void stillUnreadableBodiesKeepTheOriginalError() {
        ManscdpParseException truncated = assertThrows(ManscdpParseException.class,
                () -> parse("<Notify><CmdType>Keepalive & co</CmdType><SN>1"));
        assertTrue(truncated.getMessage().startsWith("unreadable MANSCDP body: "), truncated.getMessage());
        ManscdpParseException noCmd = assertThrows(ManscdpParseException.class,
                () -> parse("<Notify><SN>1 & 2</SN></Notify>"));
        assertTrue(noCmd.getMessage().contains("no CmdType in <Notify>"), noCmd.getMessage());
    }

    @Test
    void dtdBodiesGetNoSecondChance() {
        ManscdpParseException e = assertThrows(ManscdpParseException.class,
                () -> parse("<!DOCTYPE Notify [<!ENTITY x \"y\">]><Notify><CmdType>Keepalive</CmdType><S>&x;</S></Notify>"));
        assertFalse(e.getMessage().isBlank());
    }
}
