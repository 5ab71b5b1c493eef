package io.github.camelgb28181.sip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile and broken input: every rejection must be a {@link SipParseException} with the right status, a message that
 * says what is wrong, and {@code canRespond()} only when a 400 can actually be addressed.
 */
class SipMalformedInputTest {

    static final SipMessageParser PARSER = new SipMessageParser(SipMessageParser.DEFAULT_MAX_MESSAGE_SIZE);

    static final String START = "MESSAGE sip:34020000002000000001@3402000000 SIP/2.0";
    static final String VIA = "Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK2672759896";
    static final String FROM = "From: <sip:34020000001320000001@3402000000>;tag=308835751";
    static final String TO = "To: <sip:34020000002000000001@3402000000>";
    static final String CALL_ID = "Call-ID: 63810466";
    static final String CSEQ = "CSeq: 20 MESSAGE";

    static final String XML = "<?xml version=\"1.0\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>2749</SN>\r\n"
            + "<DeviceID>34020000001320000001</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n";

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    /** Start line and the five transaction headers, plus Content-Type and Max-Forwards; mutable. */
    static List<String> base() {
        return new ArrayList<>(List.of(START, VIA, FROM, TO, CALL_ID, CSEQ, "Content-Type: Application/MANSCDP+xml",
                "Max-Forwards: 70"));
    }

    static List<String> baseWith(String... extra) {
        List<String> lines = base();
        lines.addAll(Arrays.asList(extra));
        return lines;
    }

    /** Lines joined by CRLF, the empty line, then the body. */
    static byte[] msg(List<String> lines, String body) {
        return (String.join("\r\n", lines) + "\r\n\r\n" + body).getBytes(UTF_8);
    }

    static byte[] msg(List<String> lines) {
        return msg(lines, "");
    }

    static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    static String hex(byte[] data, int length) {
        return HexFormat.of().formatHex(data, 0, length);
    }

    static SipParseException rejected(SipMessageParser parser, byte[] data) {
        return assertThrows(SipParseException.class, () -> parser.parseDatagram(data, 0, data.length),
                () -> "accepted: " + new String(data, UTF_8));
    }

    /** Asserts the rejection: status, a message naming the problem, and whether a response can be addressed. */
    static SipParseException assertRejected(SipMessageParser parser, byte[] data, int status, String messagePart,
            boolean canRespond) {
        SipParseException e = rejected(parser, data);
        String msg = e.getMessage();
        assertEquals(status, e.status(), () -> "status for: " + msg);
        assertNotNull(msg);
        assertTrue(msg.toLowerCase(Locale.ROOT).contains(messagePart.toLowerCase(Locale.ROOT)),
                () -> "message '" + msg + "' should mention '" + messagePart + "'");
        assertEquals(canRespond, e.canRespond(), () -> "canRespond for: " + msg);
        if (canRespond) {
            // what a 400 is addressed with: the top Via (branch) and CSeq (RFC 3261 §17.1.3), plus whatever else of
            // §8.2.6.2 was read
            SipRequest partial = e.partialRequest();
            assertNotNull(partial);
            assertEquals("MESSAGE", partial.method());
            assertEquals("sip:34020000002000000001@3402000000", partial.requestUri());
            assertEquals("z9hG4bK2672759896", partial.topVia().branch());
            assertEquals(new CSeq(20, "MESSAGE"), partial.cseq());
            String callId = partial.headers().first(SipHeaderNames.CALL_ID);
            assertTrue(callId == null || callId.isBlank() || callId.equals("63810466"), callId);
            String from = partial.headers().first(SipHeaderNames.FROM);
            assertTrue(from == null || from.isBlank() || from.equals(FROM.substring(6)), from);
        }
        return e;
    }

    static SipParseException assertRejected(byte[] data, int status, String messagePart, boolean canRespond) {
        return assertRejected(PARSER, data, status, messagePart, canRespond);
    }

    @Test
    void baseMessageIsValid() throws Exception {
        // guards every test below: each breaks exactly one thing of this message
        byte[] data = msg(baseWith("Content-Length: " + bytes(XML).length), XML);
        SipMessage m = PARSER.parseDatagram(data, 0, data.length);
        assertEquals("63810466", m.callId());
        assertEquals(XML, new String(m.body(), UTF_8));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // start line

    @Test
    void truncatedStartLine() {
        assertRejected(bytes("MESSAGE sip:3402"), 400, "malformed start line", false);
        assertRejected(bytes("MESSAGE"), 400, "malformed start line", false);
        assertRejected(bytes("MESSAGE sip:34020000002000000001@3402000000 SIP/2."), 400, "unsupported version",
                false);
        assertRejected(bytes("SIP/2.0 20"), 400, "bad status code", false);
    }

    @Test
    void datagramCutInsideTheHeaders() {
        byte[] full = msg(base());
        String text = new String(full, UTF_8);
        byte[] cut = Arrays.copyOf(full, text.indexOf("From:") + 10); // ends in "From: <sip"
        assertRejected(cut, 400, "missing To", false);
        byte[] cutEarlier = Arrays.copyOf(full, text.indexOf("From:") - 2);
        assertRejected(cutEarlier, 400, "missing From", false);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MESSAGE sip:34020000002000000001@3402000000 SIP/3.0",
            "MESSAGE sip:34020000002000000001@3402000000 SIP/2.1",
            "MESSAGE sip:34020000002000000001@3402000000 HTTP/1.1",
            "MESSAGE sip:34020000002000000001@3402000000 SIP/2.0x" })
    void badSipVersion(String startLine) {
        List<String> lines = base();
        lines.set(0, startLine);
        assertRejected(msg(lines), 400, "unsupported version", false);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MESSAGE  sip:34020000002000000001@3402000000 SIP/2.0",   // two spaces
            "MESSAGE sip:34020000002000000001@3402000000 SIP/2.0 ",   // trailing space
            " MESSAGE sip:34020000002000000001@3402000000 SIP/2.0",   // leading space
            "MESSAGE\tsip:34020000002000000001@3402000000\tSIP/2.0",  // tabs
            "MESSAGE sip:a@b SIP/2.0 extra" })
    void malformedRequestLine(String startLine) {
        List<String> lines = base();
        lines.set(0, startLine);
        assertRejected(msg(lines), 400, "start line", false);
    }

    @Test
    void invalidMethodAndRequestUri() {
        List<String> lines = base();
        lines.set(0, "MESS@GE sip:34020000002000000001@3402000000 SIP/2.0");
        assertRejected(msg(lines), 400, "invalid method", false);
        lines.set(0, "MESSAGE 34020000002000000001 SIP/2.0");
        assertRejected(msg(lines), 400, "malformed Request-URI", false);
    }

    @ParameterizedTest
    @ValueSource(strings = { "SIP/2.0 099 Too Low", "SIP/2.0 700 Too High", "SIP/2.0 000 Zero" })
    void statusCodeOutOfRange(String statusLine) {
        List<String> lines = base();
        lines.set(0, statusLine);
        SipParseException e = assertRejected(msg(lines), 400, "status code out of range", false);
        assertNull(e.partialRequest(), "a broken response is never answered");
    }

    @ParameterizedTest
    @ValueSource(strings = { "SIP/2.0 2OO OK", "SIP/2.0 OK", "SIP/2.0 2000 OK", "SIP/2.0 20 OK", "SIP/2.0  200 OK",
            "SIP/2.0 -20 OK", "SIP/2.0 +20 OK", "SIP/2.0 " })
    void statusCodeNotThreeDigits(String statusLine) {
        List<String> lines = base();
        lines.set(0, statusLine);
        assertRejected(msg(lines), 400, "bad status code", false);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // size

    @Test
    void oversizedDatagramIs413() {
        SipMessageParser small = new SipMessageParser(1024);
        String body = "x".repeat(2000);
        byte[] data = msg(baseWith("Content-Length: " + body.length()), body);
        SipParseException e = assertRejected(small, data, 413, "exceeds the limit of 1024", false);
        assertTrue(e.getMessage().contains(String.valueOf(data.length)), e.getMessage());
    }

    @Test
    void oneByteOverTheLimitIs413() throws Exception {
        SipMessageParser small = new SipMessageParser(1024);
        int headLength = msg(baseWith("Content-Length: 0000")).length;
        int bodyLength = 1024 - headLength;
        byte[] atLimit = msg(baseWith("Content-Length: " + String.format("%04d", bodyLength)), "y".repeat(bodyLength));
        assertEquals(1024, atLimit.length);
        assertEquals(bodyLength, small.parseDatagram(atLimit, 0, atLimit.length).body().length);

        byte[] overLimit = msg(baseWith("Content-Length: " + String.format("%04d", bodyLength + 1)),
                "y".repeat(bodyLength + 1));
        assertEquals(1025, overLimit.length);
        assertRejected(small, overLimit, 413, "message of 1025 bytes exceeds the limit of 1024", false);
    }

    @Test
    void streamHeaderSectionWithoutEndOverTheLimitIs413() throws Exception {
        SipMessageParser small = new SipMessageParser(1024);
        StringBuilder sb = new StringBuilder(String.join("\r\n", base()));
        while (sb.length() <= 1100) {
            sb.append("\r\nX-Filler: ").append("f".repeat(40));
        }
        byte[] data = bytes(sb.toString());
        assertEquals(-1, small.frameLength(data, 0, 1000), "under the limit: wait for more");
        SipParseException e = assertThrows(SipParseException.class, () -> small.frameLength(data, 0, data.length));
        assertEquals(413, e.status());
        assertTrue(e.getMessage().contains("header section exceeds the limit of 1024"), e.getMessage());
        assertFalse(e.canRespond());
    }

    @Test
    void parserRefusesTinyLimit() {
        assertThrows(IllegalArgumentException.class, () -> new SipMessageParser(511));
        assertEquals(512, new SipMessageParser(512).maxMessageSize());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // garbage and empty input

    @Test
    void garbageBytes() {
        assertRejected(bytes("hello world"), 400, "malformed start line", false);
        assertRejected(bytes("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"), 400, "unsupported version", false);
        assertRejected(bytes("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003"), 400, "NUL", false);
        assertRejected(bytes("{\"jsonrpc\":\"2.0\"}"), 400, "malformed start line", false);
        assertRejected(bytes("   \t   "), 400, "start line", false);
    }

    @Test
    void randomBinary() {
        Random random = new Random(28181);
        for (int i = 0; i < 50; i++) {
            byte[] data = new byte[1 + random.nextInt(1400)];
            random.nextBytes(data);
            SipParseException e = assertThrows(SipParseException.class,
                    () -> PARSER.parseDatagram(data, 0, data.length), () -> "accepted " + hex(data, data.length));
            assertEquals(400, e.status());
            assertFalse(e.getMessage().isBlank());
            assertFalse(e.canRespond());
        }
    }

    @Test
    void emptyDatagram() {
        assertRejected(new byte[0], 400, "empty message", false);
        byte[] buffer = bytes("MESSAGE sip:a@b SIP/2.0\r\n");
        SipParseException e = assertThrows(SipParseException.class, () -> PARSER.parseDatagram(buffer, 5, 0));
        assertEquals(400, e.status());
    }

    @ParameterizedTest
    @ValueSource(strings = { "\r\n", "\r\n\r\n", "\n", "\n\n\n\n", "\r\n\r\n\r\n\r\n\r\n\r\n\r", "\r" })
    void onlyLineBreaks(String pings) {
        assertRejected(bytes(pings), 400, "empty message", false);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Content-Length

    @Test
    void truncatedBody() {
        String body = XML.substring(0, 40);
        SipParseException e = assertRejected(msg(baseWith("Content-Length: " + bytes(XML).length), body), 400,
                "Content-Length " + bytes(XML).length + " exceeds the 40 body bytes received", true);
        assertEquals("MESSAGE", e.partialRequest().method());
    }

    @Test
    void contentLengthWithoutAnyBody() {
        assertRejected(msg(baseWith("Content-Length: 1")), 400, "exceeds the 0 body bytes", true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "-0", "+5", "abc", "5a", "0x10", "1e3", "5 5", "5,5", "1.0", "", "   ", "٣" })
    void badContentLengthValue(String value) {
        assertRejected(msg(baseWith("Content-Length: " + value), "12345"), 400, "Content-Length", true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "99999999999", "2147483648", "9999999999999999999999999", "1000000000" })
    void hugeContentLength(String value) {
        assertRejected(msg(baseWith("Content-Length: " + value), XML), 400, "Content-Length", true);
    }

    @Test
    void largeButParsableContentLengthBeyondDatagram() {
        assertRejected(msg(baseWith("Content-Length: 999999999"), XML), 400, "exceeds the", true);
    }

    @Test
    void twoConflictingContentLengthHeadersAreRequestSmuggling() {
        assertRejected(msg(baseWith("Content-Length: 5", "Content-Length: 10"), "0123456789"), 400,
                "more than one Content-Length", true);
        assertRejected(msg(baseWith("Content-Length: 10", "l: 5"), "0123456789"), 400,
                "more than one Content-Length", true);
    }

    @Test
    void duplicateIdenticalContentLengthIsAlsoRejected() {
        assertRejected(msg(baseWith("Content-Length: 5", "content-length: 5"), "01234"), 400,
                "more than one Content-Length", true);
    }

    @Test
    void commaSeparatedContentLengthIsNotAList() {
        assertRejected(msg(baseWith("Content-Length: 5, 10"), "0123456789"), 400, "bad Content-Length", true);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // duplicate single-valued headers

    @Test
    void duplicateCallId() {
        assertRejected(msg(baseWith("Call-ID: 99999999")), 400, "more than one Call-ID", true);
        assertRejected(msg(baseWith("i: 63810466")), 400, "more than one Call-ID", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "From: <sip:evil@3402000000>;tag=1", "To: <sip:evil@3402000000>", "CSeq: 21 MESSAGE",
            "Max-Forwards: 69" })
    void duplicateSingleValuedHeaders(String second) {
        String name = second.substring(0, second.indexOf(':'));
        assertRejected(msg(baseWith(second)), 400, "more than one " + name, true);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // header section syntax

    @Test
    void bareCrInsideHeaderIsHeaderInjection() {
        // a bare CR may be a line end to one parser and data to another: the whole head is refused unread
        assertRejected(msg(baseWith("Subject: 1\rVia: SIP/2.0/UDP 6.6.6.6:5060;branch=z9hG4bKevil")), 400,
                "bare CR", false);
        assertRejected(msg(baseWith("Subject: ends with CR\r")), 400, "bare CR", false);
        List<String> lines = base();
        lines.set(4, "Call-ID: 6381\r0466");
        assertRejected(msg(lines), 400, "bare CR", false);
    }

    @Test
    void nulInsideHeaderSection() {
        assertRejected(msg(baseWith("Subject: a\0b")), 400, "NUL byte in the header section", false);
        List<String> lines = base();
        lines.set(0, "MESSAGE sip:34020000002000000001@3402000000\0 SIP/2.0");
        assertRejected(msg(lines), 400, "NUL", false);
    }

    @Test
    void headerLineWithoutColon() {
        SipParseException e = assertRejected(msg(baseWith("ThisLineHasNoColon")), 400,
                "header line without a name and colon: 'ThisLineHasNoColon'", true);
        assertEquals(8 - 1, e.partialRequest().headers().size(), "the headers read before the bad line");

        // before the transaction headers were read, no response can be addressed
        List<String> early = base();
        early.add(1, "ThisLineHasNoColon");
        assertRejected(msg(early), 400, "without a name and colon", false);
    }

    @Test
    void headerLineStartingWithColon() {
        assertRejected(msg(baseWith(": value without a name")), 400, "without a name and colon", true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bad Name: x", "X(y): z", "X<y>: z", "Über: x", "X,Y: z", "X@Y: z", "X/Y: z",
            "X\"Y: z", "X\u0001Y: z", "\u000bContent-Length: 0", "Content-Length\u000b: 0", "\u0001X: y",
            "X-Evil\u007f: y", "X-Evil\u000c: y" })
    void invalidHeaderNameCharacters(String line) {
        assertRejected(msg(baseWith(line)), 400, "invalid header name", true);
    }

    @Test
    void continuationLineBeforeAnyHeader() {
        List<String> lines = base();
        lines.add(1, " folded-onto-the-start-line");
        assertRejected(msg(lines), 400, "continuation line before any header", false);
        lines.set(1, "\tfolded");
        assertRejected(msg(lines), 400, "continuation line before any header", false);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // CSeq

    @Test
    void cseqMethodMismatch() {
        List<String> lines = base();
        lines.set(5, "CSeq: 20 REGISTER");
        SipParseException e = rejected(PARSER, msg(lines));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("CSeq method REGISTER does not match MESSAGE"), e.getMessage());
        assertTrue(e.canRespond());
        lines.set(5, "CSeq: 20 message");
        assertTrue(rejected(PARSER, msg(lines)).getMessage().contains("does not match"), "methods are case-sensitive");
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc MESSAGE", "2O MESSAGE", "-1 MESSAGE", "4294967296 MESSAGE",
            "99999999999999999999999 MESSAGE", "20", "MESSAGE", "1.5 MESSAGE" })
    void badCseqNumber(String value) {
        List<String> lines = base();
        lines.set(5, "CSeq: " + value);
        SipParseException e = rejected(PARSER, msg(lines));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("CSeq"), e.getMessage());
        assertNotNull(e.partialRequest());
        assertFalse(e.canRespond(), "a client matches a response by its CSeq: an unreadable one cannot be answered");
    }

    @Test
    void largestCseqIsAccepted() throws Exception {
        List<String> lines = base();
        lines.set(5, "CSeq: 4294967295 MESSAGE");
        byte[] data = msg(lines);
        assertEquals(4294967295L, PARSER.parseDatagram(data, 0, data.length).cseq().number());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // required headers

    /** Without a readable top Via and CSeq a response cannot be matched to its transaction (RFC 3261 §17.1.3). */

    @ParameterizedTest
    @ValueSource(strings = { "Via", "From", "To", "Call-ID", "CSeq" })
    void missingRequiredHeader(String name) {
        List<String> lines = base();
        lines.removeIf(l -> l.startsWith(name + ":"));
        assertEquals(7, lines.size());
        SipParseException e = assertRejected(msg(lines), 400, "missing " + name + " header", false /* a 400 needs every header of RFC 3261 §8.2.6.2 */);
        assertNotNull(e.partialRequest(), "the request line was read");
        assertNull(e.partialRequest().headers().first(name));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Via", "From", "To", "Call-ID", "CSeq" })
    void blankRequiredHeader(String name) {
        List<String> lines = base();
        lines.replaceAll(l -> l.startsWith(name + ":") ? name + ":   " : l);
        assertRejected(msg(lines), 400, "missing " + name + " header", false /* a 400 needs every header of RFC 3261 §8.2.6.2 */);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Via", "Call-ID", "CSeq" })
    void responseMissingRequiredHeader(String name) {
        List<String> lines = base();
        lines.set(0, "SIP/2.0 200 OK");
        lines.removeIf(l -> l.startsWith(name + ":"));
        SipParseException e = rejected(PARSER, msg(lines));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("missing " + name), e.getMessage());
        assertFalse(e.canRespond(), "responses are never answered");
    }

    @Test
    void ackIsNeverAnswered() {
        List<String> lines = base();
        lines.set(0, "ACK sip:34020000002000000001@3402000000 SIP/2.0");
        lines.set(5, "CSeq: 20 MESSAGE"); // mismatch
        SipParseException e = rejected(PARSER, msg(lines));
        assertEquals(400, e.status());
        assertNotNull(e.partialRequest());
        assertFalse(e.canRespond(), "RFC 3261 §17: an ACK gets no response");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // unparsable header values

    @ParameterizedTest
    @ValueSource(strings = { "SIP/2.0 192.168.1.64:5060", "SIP/2.0/UDP", "SIP/2.0/UDP 192.168.1.64:port;branch=x",
            "SIP/2.0/UDP 192.168.1.64:99999", "SIP/2.0/UDP [::1;branch=x", "HTTP/1.1 192.168.1.64", "garbage" })
    void unparsableVia(String value) {
        List<String> lines = base();
        lines.set(1, "Via: " + value);
        // the response could not be matched by the client without a readable branch
        SipParseException e = assertRejected(msg(lines), 400, "", false);
        assertNotNull(e.partialRequest());
        assertEquals("Via: " + value, "Via: " + e.partialRequest().headers().first("Via"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "<http://34020000001320000001@3402000000>;tag=1", "<sip:34020000001320000001@3402000000",
            "34020000001320000001", "<sip:>;tag=1", "<sip:a@b:70000>;tag=1" })
    void unparsableFromUri(String value) {
        List<String> lines = base();
        lines.set(2, "From: " + value);
        SipParseException e = rejected(PARSER, msg(lines));
        assertEquals(400, e.status());
        assertFalse(e.getMessage().isBlank());
        assertTrue(e.canRespond(), "From is copied verbatim into the response");
        assertEquals(value, e.partialRequest().headers().first("From"));
    }

    @Test
    void unparsableToUri() {
        List<String> lines = base();
        lines.set(3, "To: <tel:+8613800000000>");
        SipParseException e = rejected(PARSER, msg(lines));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("not a SIP URI"), e.getMessage());
        assertTrue(e.canRespond());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // encoder: header injection

    static SipHeaders.Builder validHeaders() {
        return SipHeaders.builder()
                .add("Via", "SIP/2.0/UDP 192.168.1.10:5060;rport;branch=z9hG4bK1")
                .add("From", "<sip:34020000002000000001@3402000000>;tag=1")
                .add("To", "<sip:34020000001320000001@3402000000>")
                .add("Call-ID", "1")
                .add("CSeq", "1 MESSAGE");
    }

    static SipRequest request(SipHeaders headers) {
        return new SipRequest("MESSAGE", "sip:34020000001320000001@3402000000", headers, null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc\r\nVia: SIP/2.0/UDP 6.6.6.6;branch=z9hG4bKevil", "abc\nX: y", "abc\rX: y",
            "abc\0", "\r\n\r\nINVITE sip:victim@x SIP/2.0", "trailing\r\n" })
    void encoderRejectsHeaderValueInjection(String value) {
        SipRequest r = request(validHeaders().add("Subject", value).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SipMessageEncoder.encode(r));
        assertTrue(e.getMessage().contains("Subject"), e.getMessage());
    }

    @Test
    void encoderRejectsInjectionThroughADeviceSuppliedId() {
        // an ID taken from a device and put into a To header
        String deviceId = "34020000001320000001>\r\nContact: <sip:evil@6.6.6.6";
        SipRequest r = request(validHeaders()
                .set("To", SipAddress.of(SipUri.of(deviceId, "3402000000", -1)).toString()).build());
        assertThrows(IllegalArgumentException.class, () -> SipMessageEncoder.encode(r));
        assertThrows(IllegalArgumentException.class, r::toText);
    }

    @ParameterizedTest
    @ValueSource(strings = { "X-Evil\r\nVia", "X-Evil\nVia", "Bad Name", "X:Y", "X\0", "" })
    void encoderRejectsHeaderNameInjection(String name) {
        SipRequest r = request(validHeaders().add(name, "value").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SipMessageEncoder.encode(r));
        assertTrue(e.getMessage().startsWith("header name is not a token"), e.getMessage());
    }

    @Test
    void encoderRejectsStartLineInjection() {
        SipRequest uri = new SipRequest("MESSAGE",
                "sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 6.6.6.6;branch=z9hG4bKevil\r\n\r\nINVITE sip:c@d", validHeaders()
                        .build(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SipMessageEncoder.encode(uri));
        assertEquals("start line contains a CR, LF or NUL character", e.getMessage());
        SipRequest method = new SipRequest("MESSAGE\r\nX: y\r\n", "sip:a@b", validHeaders().build(), null);
        assertThrows(IllegalArgumentException.class, () -> SipMessageEncoder.encode(method));
        SipResponse reason = new SipResponse(200, "OK\r\nContact: <sip:evil@6.6.6.6>", validHeaders().build(),
                null);
        assertThrows(IllegalArgumentException.class, () -> SipMessageEncoder.encode(reason));
    }

    @Test
    void staleContentLengthHeaderIsNeverWritten() throws Exception {
        // whatever the message carries as Content-Length, the encoder writes the real one only
        SipRequest r = new SipRequest("MESSAGE", "sip:34020000001320000001@3402000000",
                validHeaders().add("Content-Length", "5\r\nX-Injected: yes").build(), bytes("<a/>"));
        byte[] encoded = SipMessageEncoder.encode(r);
        String text = new String(encoded, UTF_8);
        assertFalse(text.contains("X-Injected"), text);
        SipMessage back = PARSER.parseDatagram(encoded, 0, encoded.length);
        assertEquals(List.of("4"), back.headers().all("Content-Length"));
        assertArrayEquals(bytes("<a/>"), back.body());
    }

    @Test
    void encoderAcceptsOrdinaryValues() throws Exception {
        SipRequest r = request(validHeaders().add("Subject", "34020000001320000001:0,34020000002000000001:0")
                .add("User-Agent", "前端 \t tabs and \"quotes\"").build());
        byte[] encoded = SipMessageEncoder.encode(r);
        assertEquals("前端 \t tabs and \"quotes\"",
                PARSER.parseDatagram(encoded, 0, encoded.length).header("User-Agent"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // fuzz

    static final byte[] SPECIAL = bytes("\r\n\0:;,\"<>@[]/ \t=0123456789");

    static byte[][] fuzzSeeds() {
        String keepaliveHead = String.join("\r\n", base()) + "\r\nContent-Length: " + bytes(XML).length;
        return new byte[][] {
                bytes(keepaliveHead + "\r\n\r\n" + XML),
                bytes(String.join("\r\n", "REGISTER sip:34020000002000000001@3402000000 SIP/2.0",
                        "Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK1432658107",
                        "From: <sip:34020000001320000001@3402000000>;tag=1391418553",
                        "To: <sip:34020000001320000001@3402000000>", "Call-ID: 1616531416", "CSeq: 2 REGISTER",
                        "Contact: \"Cam, 1\" <sip:34020000001320000001@192.168.1.64:5060>, <sip:x@[::1]:5060>",
                        "Authorization: Digest username=\"34020000001320000001\", realm=\"3402000000\", "
                                + "nonce=\"44010b73623249f6\", uri=\"sip:34020000002000000001@3402000000\", "
                                + "response=\"e4ca3fdc5869fa1c544ea7af60014444\", algorithm=MD5",
                        "Max-Forwards: 70", "Expires: 3600", "l: 0", "", "")),
                bytes(String.join("\r\n", "SIP/2.0 200 OK",
                        "Via: SIP/2.0/UDP 192.168.1.64:5060;rport=5060;received=192.168.1.64;branch=z9hG4bK1",
                        "Via: SIP/2.0/TCP 10.0.0.1:5060;branch=z9hG4bK2, SIP/2.0/UDP [2001:db8::1];branch=z9hG4bK3",
                        "From: <sip:34020000001320000001@3402000000>;tag=1391418553",
                        "To: \"前端\" <sip:34020000001320000001@3402000000>;tag=883271650", "Call-ID: 1616531416",
                        "CSeq: 2 REGISTER", "Date: 2024-05-17T10:22:31.123", "Content-Length: 0", "", "")),
                bytes("\r\n\r\n" + String.join("\n", "MESSAGE sip:a@b SIP/2.0", "v: SIP/2.0/UDP 1.2.3.4:5060;",
                        " branch=z9hG4bK1", "f: <sip:x@b>;tag=1", "t: <sip:a@b>", "i: c", "CSeq: 1 MESSAGE",
                        "c: Application/MANSCDP+xml", "", "<Notify/>\0\0\0")),
                bytes(keepaliveHead.replace("Content-Length: " + bytes(XML).length, "Content-Length: 0")
                        + "\r\n\r\n" + XML) };
    }

    static byte[] mutate(byte[] seed, Random r) {
        byte[] d = seed;
        int mutations = 1 + r.nextInt(4);
        for (int k = 0; k < mutations; k++) {
            int n = d.length;
            switch (r.nextInt(7)) {
                case 0 -> { // bit flip
                    if (n > 0) {
                        d = d.clone();
                        d[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> d = Arrays.copyOf(d, n == 0 ? 0 : r.nextInt(n)); // truncation
                case 2 -> { // insert a byte, often a syntactically meaningful one
                    int at = r.nextInt(n + 1);
                    byte b = r.nextBoolean() ? SPECIAL[r.nextInt(SPECIAL.length)] : (byte) r.nextInt(256);
                    d = splice(d, at, at, new byte[] { b });
                }
                case 3 -> { // duplicate a slice somewhere
                    if (n > 0) {
                        int from = r.nextInt(n);
                        int len = 1 + r.nextInt(Math.min(80, n - from));
                        int at = r.nextInt(n + 1);
                        d = splice(d, at, at, Arrays.copyOfRange(d, from, from + len));
                    }
                }
                case 4 -> { // delete a slice
                    if (n > 0) {
                        int from = r.nextInt(n);
                        int len = 1 + r.nextInt(Math.min(40, n - from));
                        d = splice(d, from, from + len, new byte[0]);
                    }
                }
                case 5 -> { // overwrite with a special byte
                    if (n > 0) {
                        d = d.clone();
                        d[r.nextInt(n)] = SPECIAL[r.nextInt(SPECIAL.length)];
                    }
                }
                default -> { // replace a digit run (Content-Length, CSeq, ports) with another number
                    if (n > 0) {
                        int at = r.nextInt(n);
                        while (at < n && (d[at] < '0' || d[at] > '9')) {
                            at++;
                        }
                        int end = at;
                        while (end < n && d[end] >= '0' && d[end] <= '9') {
                            end++;
                        }
                        String number = switch (r.nextInt(5)) {
                            case 0 -> "0";
                            case 1 -> "-1";
                            case 2 -> "99999999999";
                            case 3 -> String.valueOf(r.nextInt(100000));
                            default -> "4294967296";
                        };
                        d = splice(d, at, end, bytes(number));
                    }
                }
            }
        }
        return d;
    }

    static byte[] splice(byte[] d, int from, int to, byte[] insert) {
        byte[] out = new byte[d.length - (to - from) + insert.length];
        System.arraycopy(d, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(d, to, out, from + insert.length, d.length - to);
        return out;
    }

    @Test
    void fuzzOnlySipParseExceptionEscapes() {
        SipMessageParser parser = new SipMessageParser(2048);
        Random random = new Random(0x28181L);
        byte[][] seeds = fuzzSeeds();
        for (byte[] seed : seeds) {
            assertDoesNotThrow(() -> parser.parseDatagram(seed, 0, seed.length), () -> "seed must be valid: "
                    + new String(seed, UTF_8));
        }
        int parsed = 0;
        int rejected = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 6000; i++) {
            byte[] seed = seeds[random.nextInt(seeds.length)];
            byte[] data = i % 50 == 49 ? randomBytes(random) : mutate(seed, random);
            // place the datagram at an offset in a larger buffer to exercise offset handling
            byte[] buffer = new byte[data.length + 7];
            System.arraycopy(data, 0, buffer, 3, data.length);
            try {
                SipMessage m = parser.parseDatagram(buffer, 3, data.length);
                assertNotNull(m);
                checkRoundTrip(parser, m, data);
                parsed++;
            } catch (SipParseException e) {
                checkException(e, data);
                rejected++;
            } catch (Throwable t) {
                fail("parseDatagram threw " + t + " for input " + hex(data, data.length), t);
            }
            checkFraming(parser, data);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(parsed > 200, "the mutations should leave many messages parsable: " + parsed);
        assertTrue(rejected > 200, "and break many: " + rejected);
        assertTrue(millis < 10_000, "fuzzing took " + millis + " ms");
    }

    static byte[] randomBytes(Random random) {
        byte[] data = new byte[random.nextInt(600)];
        random.nextBytes(data);
        return data;
    }

    static void checkException(SipParseException e, byte[] data) {
        try {
            assertTrue(e.status() == 400 || e.status() == 413, "status " + e.status());
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
            if (e.canRespond()) {
                SipRequest partial = e.partialRequest();
                assertNotNull(partial);
                assertFalse(partial.isMethod("ACK"));
                assertNotNull(partial.topVia());
                assertNotNull(partial.cseq());
            }
        } catch (Throwable t) {
            fail("bad SipParseException (" + e.getMessage() + ") for input " + hex(data, data.length), t);
        }
    }

    /** Whatever the parser accepted can be written and read back to the same message. */
    static void checkRoundTrip(SipMessageParser parser, SipMessage m, byte[] data) {
        try {
            byte[] encoded = SipMessageEncoder.encode(m);
            SipMessage again = new SipMessageParser(8192).parseDatagram(encoded, 0, encoded.length);
            assertEquals(m.startLine(), again.startLine());
            assertEquals(m.headers().toBuilder().remove("Content-Length").build(),
                    again.headers().toBuilder().remove("Content-Length").build());
            assertArrayEquals(m.body(), again.body());
            // the accessors a stack uses right away must work on anything the parser accepted
            assertNotNull(m.callId());
            assertNotNull(m.cseq());
            assertNotNull(m.topVia());
            if (m instanceof SipRequest) {
                assertNotNull(m.from());
                assertNotNull(m.to());
            }
        } catch (Throwable t) {
            fail("accepted message does not round-trip (" + t + ") for input " + hex(data, data.length), t);
        }
    }

    /** The stream framer agrees with itself: a frame it cuts either parses or is rejected, never anything else. */
    static void checkFraming(SipMessageParser parser, byte[] data) {
        int frame;
        try {
            frame = parser.frameLength(data, 0, data.length);
        } catch (SipParseException e) {
            checkException(e, data);
            return;
        } catch (Throwable t) {
            fail("frameLength threw " + t + " for input " + hex(data, data.length), t);
            return;
        }
        try {
            assertTrue(frame == -1 || (frame > 0 && frame <= data.length), "frame length " + frame);
        } catch (Throwable t) {
            fail("bad frame length for input " + hex(data, data.length), t);
        }
        if (frame <= 0) {
            return;
        }
        try {
            SipMessage m = parser.parseFrame(data, 0, frame);
            String cl = m.header("Content-Length");
            if (cl != null) {
                assertEquals(Integer.parseInt(cl), m.body().length,
                        "a frame's body must be exactly the declared Content-Length");
            } else {
                assertEquals(0, m.body().length, "no Content-Length on a stream means no body");
            }
        } catch (SipParseException e) {
            checkException(e, data);
        } catch (Throwable t) {
            fail("parseFrame threw " + t + " for frame of " + frame + " bytes of input " + hex(data, data.length),
                    t);
        }
    }
}
