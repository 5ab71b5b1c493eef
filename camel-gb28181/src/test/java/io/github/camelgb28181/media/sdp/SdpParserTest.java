package io.github.camelgb28181.media.sdp;

import java.util.List;

import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Well-formed and tolerably deviating SDP as GB devices send it. */
class SdpParserTest {

    static final SdpParser PARSER = new SdpParser();

    /** A camera's answer to a live UDP INVITE (CRLF, as most devices send it). */
    static final String CAMERA_ANSWER = crlf(
            "v=0",
            "o=34020000001320000001 0 0 IN IP4 192.168.1.64",
            "s=Play",
            "c=IN IP4 192.168.1.64",
            "t=0 0",
            "m=video 15060 RTP/AVP 96",
            "a=sendonly",
            "a=rtpmap:96 PS/90000",
            "y=0200000001",
            "f=");

    static String crlf(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static SessionDescription parse(String text) throws SdpParseException {
        return PARSER.parse(text.getBytes(UTF_8));
    }

    @Test
    void readsEveryFieldOfACameraAnswer() throws SdpParseException {
        SessionDescription sd = parse(CAMERA_ANSWER);
        assertEquals(0, sd.version());
        assertEquals(new SdpOrigin("34020000001320000001", "0", "0", SdpConnection.of("192.168.1.64")), sd.origin());
        assertEquals("Play", sd.sessionName());
        assertNull(sd.uri());
        assertEquals(new SdpConnection(SdpConnection.AddressType.IP4, "192.168.1.64"), sd.connection());
        assertEquals(SdpTime.UNBOUNDED, sd.time());
        assertEquals(1, sd.media().size());
        MediaDescription m = sd.media().get(0);
        assertEquals("video", m.media());
        assertEquals(15060, m.port());
        assertEquals(1, m.portCount());
        assertEquals("RTP/AVP", m.protocol());
        assertEquals(List.of("96"), m.formats());
        assertNull(m.connection());
        assertEquals(List.of(SdpAttribute.flag("sendonly"), SdpAttribute.of("rtpmap", "96 PS/90000")), m.attributes());
        assertEquals(MediaDirection.SENDONLY, m.direction());
        assertEquals(List.of(RtpMap.PS), m.rtpMaps());
        assertEquals("0200000001", m.ssrc());
        assertEquals("", m.format());
        assertNull(sd.ssrc());
    }

    @Test
    void lineEndsDoNotMatter() throws SdpParseException {
        SessionDescription expected = parse(CAMERA_ANSWER);
        assertEquals(expected, parse(CAMERA_ANSWER.replace("\r\n", "\n")));
        assertEquals(expected, parse(CAMERA_ANSWER.replace("\r\n", "\r")));
        assertEquals(expected, parse(CAMERA_ANSWER.replace("\r\n", "\r\n\r\n")));
        assertEquals(expected, parse(CAMERA_ANSWER.substring(0, CAMERA_ANSWER.length() - 2)));
    }

    /** SPEC §5: NUL bytes inside SDP, from C stacks that pad the body or terminate strings inside it. */
    @Test
    void nulBytesAreIgnored() throws SdpParseException {
        SessionDescription expected = parse(CAMERA_ANSWER);
        byte[] padded = new byte[CAMERA_ANSWER.length() + 16];
        System.arraycopy(CAMERA_ANSWER.getBytes(UTF_8), 0, padded, 0, CAMERA_ANSWER.length());
        assertEquals(expected, PARSER.parse(padded));
        assertEquals(expected, parse(CAMERA_ANSWER.replace("y=0200000001\r\n", "y=0200000001\0\r\n\0")));
        assertEquals(expected, parse(CAMERA_ANSWER.replace("s=Play", "s=Pl\0ay")));
    }

    @Test
    void blanksAroundLinesAndValuesAreIgnored() throws SdpParseException {
        SessionDescription expected = parse(CAMERA_ANSWER);
        assertEquals(expected, parse(CAMERA_ANSWER.replace("\r\n", " \t \r\n")));
        assertEquals(expected, parse(CAMERA_ANSWER.replace("y=0200000001", "y= 0200000001 ")));
        assertEquals(expected, parse(CAMERA_ANSWER.replace("m=video 15060 RTP/AVP 96", "m=video 15060  RTP/AVP\t96")));
    }

    @Test
    void unknownAndUninterpretedLinesAreKept() throws SdpParseException {
        String text = crlf(
                "v=0",
                "o=34020000001310000001 0 0 IN IP4 192.168.6.71",
                "s=Play",
                "i=VCam Live Video",
                "c=IN IP4 192.168.6.71",
                "b=AS:4096",
                "t=0 0",
                "x=vendor-specific",
                "m=video 9712 RTP/AVP 96",
                "b=AS:2048",
                "a=sendonly",
                "a=rtpmap:96 PS/90000",
                "a=streamprofile:0",
                "y=0000001002",
                "f=v/0/0/0/0/0a/0/0/0");
        SessionDescription sd = parse(text);
        assertEquals(List.of(new SdpLine('i', "VCam Live Video"), new SdpLine('b', "AS:4096"),
                new SdpLine('x', "vendor-specific")), sd.otherLines());
        assertEquals(List.of(new SdpLine('b', "AS:2048")), sd.media().get(0).otherLines());
        assertEquals("0", sd.media().get(0).attribute("streamprofile"));
        assertEquals(text, SdpWriter.write(sd));
    }

    /** Lines out of RFC order: session-only lines after m= still describe the session. */
    @Test
    void linesOutOfOrder() throws SdpParseException {
        SessionDescription sd = parse(crlf(
                "o=34020000001320000001 0 0 IN IP4 192.168.1.64",
                "v=0",
                "t=0 0",
                "c=IN IP4 192.168.1.64",
                "m=video 15060 RTP/AVP 96",
                "y=0200000001",
                "a=sendonly",
                "s=Play",
                "a=rtpmap:96 PS/90000"));
        SessionDescription expected = parse(CAMERA_ANSWER.replace("f=\r\n", ""));
        assertEquals(expected, sd);
    }

    @Test
    void furtherTimeLinesAreKept() throws SdpParseException {
        SessionDescription sd = parse(crlf("v=0", "s=Playback", "t=1498173736 1498174066", "t=0 0"));
        assertEquals(new SdpTime(1_498_173_736L, 1_498_174_066L), sd.time());
        assertEquals(List.of(new SdpLine('t', "0 0")), sd.otherLines());
    }

    @Test
    void identicalRepeatedLinesAreTolerated() throws SdpParseException {
        SessionDescription sd = parse(CAMERA_ANSWER.replace("c=IN IP4 192.168.1.64\r\n",
                "c=IN IP4 192.168.1.64\r\nc=IN IP4 192.168.1.64\r\n"));
        assertEquals(parse(CAMERA_ANSWER), sd);
    }

    @Test
    void mediaLevelConnectionAndPortCount() throws SdpParseException {
        SessionDescription sd = parse(crlf(
                "v=0",
                "o=- 0 0 IN IP6 ::1",
                "s=Play",
                "t=0 0",
                "m=video 6000/2 RTP/AVP 96 98",
                "c=IN IP6 ::1",
                "a=rtpmap:96 PS/90000",
                "a=rtpmap:98 H264/90000"));
        MediaDescription m = sd.media().get(0);
        assertEquals(2, m.portCount());
        assertEquals(new SdpConnection(SdpConnection.AddressType.IP6, "::1"), m.connection());
        assertNull(sd.connection());
        assertEquals(m.connection(), sd.connectionFor(m));
        assertEquals(List.of(RtpMap.PS, RtpMap.H264), m.rtpMaps());
        assertEquals("video 6000/2 RTP/AVP 96 98", m.mediaLine());
    }

    @Test
    void connectionSuffixAndCaseAreTolerated() throws SdpParseException {
        SessionDescription sd = parse(crlf("v=0", "c=in ip4 224.2.1.1/127/3", "t=0 0"));
        assertEquals(SdpConnection.of("224.2.1.1"), sd.connection());
    }

    @Test
    void attributeLookupIgnoresCase() throws SdpParseException {
        SessionDescription sd = parse(crlf("v=0", "t=0 0", "m=video 1 RTP/AVP 96", "a=StreamMode:MAIN",
                "a=SENDONLY"));
        MediaDescription m = sd.media().get(0);
        assertEquals("MAIN", m.attribute("streammode"));
        assertEquals(MediaDirection.SENDONLY, m.direction());
    }

    @Test
    void brokenAttributeLinesAreKeptAsLines() throws SdpParseException {
        SessionDescription sd = parse(crlf("v=0", "t=0 0", "m=video 1 RTP/AVP 96", "a=", "a=:x",
                "a=rtpmap:96 broken", "a=rtpmap:98 H264/90000"));
        MediaDescription m = sd.media().get(0);
        assertEquals(List.of(new SdpLine('a', ""), new SdpLine('a', ":x")), m.otherLines());
        assertEquals(List.of(RtpMap.H264), m.rtpMaps());
    }

    @Test
    void utf8TextIsKept() throws SdpParseException {
        SessionDescription sd = parse(crlf("v=0", "s=Play", "i=大门口摄像机", "t=0 0"));
        assertEquals(List.of(new SdpLine('i', "大门口摄像机")), sd.otherLines());
    }

    @Test
    void emptyBodyIsAnEmptyDescription() throws SdpParseException {
        SessionDescription sd = PARSER.parse(new byte[0]);
        assertNull(sd.origin());
        assertEquals(List.of(), sd.media());
    }

    @Test
    void offsetAndLengthSelectTheBody() throws SdpParseException {
        byte[] body = CAMERA_ANSWER.getBytes(UTF_8);
        byte[] framed = new byte[body.length + 20];
        System.arraycopy(body, 0, framed, 10, body.length);
        framed[5] = 'X';
        framed[framed.length - 3] = 'Y';
        assertEquals(parse(CAMERA_ANSWER), PARSER.parse(framed, 10, body.length));
    }

    @Test
    void writtenTextReadsBackEqual() throws SdpParseException {
        SessionDescription sd = parse(CAMERA_ANSWER);
        assertEquals(CAMERA_ANSWER, SdpWriter.write(sd));
        assertEquals(sd, PARSER.parse(SdpWriter.toBytes(sd)));
        assertEquals(CAMERA_ANSWER, sd.toString());
    }
}
