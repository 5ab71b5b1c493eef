package io.github.camelgb28181.platform;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.ManscdpParseException;
import io.github.camelgb28181.manscdp.ManscdpReader;
import io.github.camelgb28181.manscdp.model.CatalogResponse;
import io.github.camelgb28181.manscdp.model.KeepaliveNotify;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which read a MESSAGE body gets, and that each gives the envelope and, where wanted, the document. */
class ManscdpBodyReaderTest {

    private final ManscdpBodyReader reader = new ManscdpBodyReader();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPlainKeepaliveIsReadAsEnvelopeOnly() throws Exception {
        ManscdpMessage m = reader.read(utf8("<Notify><CmdType>Keepalive</CmdType><SN>9</SN>"
                + "<DeviceID>34020000001320000001</DeviceID><Status>OK</Status></Notify>"), null);
        assertTrue(m.is("Notify", "Keepalive"));
        assertEquals("9", m.sn());
        assertNull(m.document(), "keep-alives skip the model");
    }

    @Test
    void aKeepaliveListingFaultyChannelsGetsItsDocument() throws Exception {
        ManscdpMessage m = reader.read(utf8("<Notify><CmdType>keepalive</CmdType><SN>9</SN>"
                + "<DeviceID>34020000001320000001</DeviceID><Status>OK</Status>"
                + "<Info><DeviceID>34020000001310000003</DeviceID></Info></Notify>"), null);
        KeepaliveNotify k = m.document(KeepaliveNotify.class);
        assertEquals(1, k.getFaultyChannels().size());
    }

    @Test
    void otherBodiesComeWithEnvelopeAndDocument() throws Exception {
        Charset gb = Charset.forName("GB2312");
        ManscdpMessage m = reader.read(("<?xml version=\"1.0\" encoding=\"GB2312\"?><Response><CmdType>Catalog"
                + "</CmdType><SN>4</SN><DeviceID>34020000001320000001</DeviceID><SumNum>1</SumNum>"
                + "<DeviceList Num=\"1\"><Item><DeviceID>34020000001310000001</DeviceID><Name>大门</Name></Item>"
                + "</DeviceList></Response>").getBytes(gb), null);
        assertEquals("4", m.sn());
        assertEquals("1", m.field("SumNum"));
        assertEquals("大门", assertInstanceOf(CatalogResponse.class, m.document()).getItems().get(0).getName());
    }

    @Test
    void aBodyTheModelRefusesStillHasItsEnvelope() throws Exception {
        // nesting beyond the model reader's depth limit, which the envelope parser does not need to descend into
        String deep = "<X>".repeat(ManscdpReader.MAX_DEPTH + 10) + "</X>".repeat(ManscdpReader.MAX_DEPTH + 10);
        ManscdpMessage m = reader.read(utf8("<Response><CmdType>Catalog</CmdType><SN>4</SN>"
                + "<SumNum>1</SumNum>" + deep + "</Response>"), null);
        assertEquals("Catalog", m.cmdType());
        assertEquals("1", m.field("SumNum"));
        assertNull(m.document(), "the model could not read it");
    }

    @Test
    void aBodyWithoutEvenAnEnvelopeIsAnError() {
        assertThrows(ManscdpParseException.class, () -> reader.read(utf8("<Response><SN>4</SN></Response>"), null));
        assertThrows(ManscdpParseException.class, () -> reader.read(utf8("garbage"), null));
    }

    @Test
    void keepaliveIsSpottedInAnyCaseAndOnlyAsAWhole() {
        assertTrue(ManscdpBodyReader.mayBeKeepalive(utf8("<CmdType>Keepalive</CmdType>")));
        assertTrue(ManscdpBodyReader.mayBeKeepalive(utf8("<CmdType>KEEPALIVE</CmdType>")));
        assertTrue(ManscdpBodyReader.mayBeKeepalive(utf8("keepalive")));
        assertFalse(ManscdpBodyReader.mayBeKeepalive(utf8("keepaliv")));
        assertFalse(ManscdpBodyReader.mayBeKeepalive(utf8("<CmdType>Catalog</CmdType><Name>keep alive</Name>")));
        assertFalse(ManscdpBodyReader.mayBeKeepalive(new byte[0]));
        byte[] brokenByANonAsciiByte = { 'k', 'E', 'e', 'p', (byte) 0xC1, 'l', 'i', 'v', 'e' };
        assertFalse(ManscdpBodyReader.mayBeKeepalive(brokenByANonAsciiByte));
    }
}
