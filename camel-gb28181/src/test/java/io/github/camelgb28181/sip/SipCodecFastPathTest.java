package io.github.camelgb28181.sip;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte-level header reading and the sized encoder that replaced String splitting and a growing buffer: same
 * results as the straightforward way, including for text that is not ASCII.
 */
class SipCodecFastPathTest {

    private static final SipMessageParser PARSER = new SipMessageParser(SipMessageParser.DEFAULT_MAX_MESSAGE_SIZE);

    private static SipMessage parse(String... lines) throws SipParseException {
        byte[] b = (String.join("\r\n", lines) + "\r\n\r\n").getBytes(UTF_8);
        return PARSER.parseDatagram(b, 0, b.length);
    }

    private static String[] request(String... extra) {
        List<String> lines = new java.util.ArrayList<>(List.of("MESSAGE sip:34020000002000000001@3402000000 SIP/2.0",
                "Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK1", "From: <sip:a@b>;tag=1", "To: <sip:c@d>",
                "Call-ID: x", "CSeq: 1 MESSAGE"));
        lines.addAll(List.of(extra));
        return lines.toArray(new String[0]);
    }

    @Test
    void nonAsciiValuesAreDecodedAndTrimmedLikeStrings() throws Exception {
        SipMessage m = parse(request("User-Agent: \t 海康威视 IPC  \t", "Subject:摄像机:0,平台:1 "));
        assertEquals("海康威视 IPC", m.header("User-Agent"));
        assertEquals("摄像机:0,平台:1", m.header("Subject"), "only the first colon separates name and value");
    }

    @Test
    void foldedNonAsciiValueJoinsWithOneSpace() throws Exception {
        SipMessage m = parse(request("Subject: 第一行  ", "   第二行 ", "\t第三行"));
        assertEquals("第一行   第二行 第三行", m.header("Subject"),
                "the first line keeps its inner blanks, each continuation is trimmed and joined by one space");
    }

    @Test
    void invalidUtf8InANameIsAnInvalidName() {
        byte[] head = String.join("\r\n", request()).getBytes(UTF_8);
        byte[] bad = { '\r', '\n', 'X', (byte) 0xC3, '-', 'A', ':', ' ', '1', '\r', '\n', '\r', '\n' };
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        SipParseException e = assertThrows(SipParseException.class, () -> PARSER.parseDatagram(all, 0, all.length));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("invalid header name"), e.getMessage());
    }

    @Test
    void unknownHeaderNamesKeepTheirSpelling() throws Exception {
        SipMessage m = parse(request("x-vendor-Thing : 1"));
        assertEquals("x-vendor-Thing", m.headers().fields().get(5).name());
        assertEquals("1", m.header("X-VENDOR-THING"));
    }

    @Test
    void parsedTransactionHeadersAreRememberedAndEqualAFreshParse() throws Exception {
        SipMessage m = parse(request());
        assertSame(m.topVia(), m.topVia());
        assertSame(m.cseq(), m.cseq());
        assertSame(m.from(), m.from());
        assertSame(m.to(), m.to());
        assertEquals(Via.parse(m.header("Via")), m.topVia());
        assertEquals(CSeq.parse(m.header("CSeq")), m.cseq());
        assertEquals(SipAddress.parse(m.header("From")), m.from());
        assertEquals(SipAddress.parse(m.header("To")), m.to());
    }

    @Test
    void aCopyWithNewHeadersDoesNotKeepTheOldParsedVia() throws Exception {
        SipRequest m = (SipRequest) parse(request());
        SipRequest copy = m.withHeaders(m.headers().toBuilder()
                .setFirst(SipHeaderNames.VIA, "SIP/2.0/TCP 10.0.0.1:5070;branch=z9hG4bK2").build());
        assertEquals("TCP", copy.topVia().transport());
        assertEquals("z9hG4bK2", copy.topVia().branch());
    }

    /** The encoder as it was: a growing buffer and one getBytes per string. */
    private static byte[] reference(SipMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((m.startLine() + "\r\n").getBytes(UTF_8));
        for (SipHeaders.SipHeader h : m.headers().fields()) {
            if (!h.name().equalsIgnoreCase("Content-Length")) {
                out.writeBytes((h.name() + ": " + h.value() + "\r\n").getBytes(UTF_8));
            }
        }
        out.writeBytes(("Content-Length: " + m.body().length + "\r\n\r\n").getBytes(UTF_8));
        out.writeBytes(m.body());
        return out.toByteArray();
    }

    @Test
    void encoderMatchesTheStraightforwardEncodingForAsciiAndOtherText() throws Exception {
        byte[] body = "<Notify><Name>前门 \uD83D\uDCF7</Name></Notify>".getBytes(UTF_8);
        SipHeaders h = SipHeaders.builder()
                .add("Via", "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK3")
                .add("From", "\"张三 \uD83D\uDE00\" <sip:a@b>;tag=9")
                .add("To", "<sip:c@d>")
                .add("Call-ID", "é@host")
                .add("CSeq", "7 MESSAGE")
                .add("Content-Length", 999) // replaced by the body's real length
                .add("Subject", "")
                .build();
        for (SipMessage m : List.of(new SipRequest("MESSAGE", "sip:c@d", h, body),
                new SipRequest("MESSAGE", "sip:c@d", h, null), new SipResponse(200, "成功", h, body))) {
            byte[] encoded = SipMessageEncoder.encode(m);
            assertArrayEquals(reference(m), encoded, m.startLine());
            SipMessage back = PARSER.parseDatagram(encoded, 0, encoded.length);
            assertEquals(m.header("From"), back.header("From"));
            assertArrayEquals(m.body(), back.body());
        }
    }

    @Test
    void encoderStillRefusesInjectedLineBreaksInNonAsciiValues() {
        SipHeaders h = SipHeaders.builder().add("Subject", "名\r\nVia: evil").build();
        assertThrows(IllegalArgumentException.class,
                () -> SipMessageEncoder.encode(new SipRequest("MESSAGE", "sip:c@d", h, null)));
    }
}
