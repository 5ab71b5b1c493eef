package io.github.camelgb28181.media.rtp;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 3550 §5.1 header parsing, valid and hostile. */
class RtpPacketTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void plainPacketAtAnOffsetInALargerArray() throws Exception {
        byte[] data = hex("ffff" + "80e0fffe" + "0001d4c0" + "41924c01" + "000001ba44" + "eeee");
        RtpPacket p = RtpPacket.parse(data, 2, data.length - 4);
        assertTrue(p.marker());
        assertEquals(96, p.payloadType());
        assertEquals(65534, p.sequenceNumber());
        assertEquals(120_000, p.timestamp());
        assertEquals(0x41924c01L, p.ssrc());
        assertEquals(14, p.payloadOffset());
        assertEquals(5, p.payloadLength());
        assertSame(data, p.data(), "a view, not a copy");
    }

    @Test
    void unsignedFieldsStayPositive() throws Exception {
        RtpPacket p = RtpPacket.parse(hex("8060ffff ffffffff fffffffe"), 0, 12);
        assertEquals(0xFFFFFFFFL, p.timestamp());
        assertEquals(0xFFFFFFFEL, p.ssrc());
        assertEquals(65535, p.sequenceNumber());
        assertFalse(p.marker());
        assertEquals(0, p.payloadLength());
    }

    @Test
    void csrcExtensionAndPaddingAreSkipped() throws Exception {
        // V=2 P=1 X=1 CC=2; two CSRCs; extension profile 0xBEDE with 1 word; payload "abcd"; 3 bytes of padding
        byte[] data = hex("b2 60 0001 00000000 00000007" + "11111111 22222222" + "bede0001 01020304" + "abcd"
                + "000003");
        RtpPacket p = RtpPacket.parse(data, 0, data.length);
        assertEquals(2, p.csrcCount());
        assertTrue(p.extension());
        assertEquals(12 + 8 + 8, p.payloadOffset());
        assertEquals(2, p.payloadLength());
        assertEquals((byte) 0xab, data[p.payloadOffset()]);
    }

    @Test
    void everyDefectIsNamed() {
        assertDefect(RtpDefect.TRUNCATED_HEADER, "80600001 00000000 000000");
        assertDefect(RtpDefect.BAD_VERSION, "40600001 00000000 00000007");
        assertDefect(RtpDefect.BAD_VERSION, "00000000 00000000 00000000");
        assertDefect(RtpDefect.TRUNCATED_CSRC, "83600001 00000000 00000007 11111111");
        assertDefect(RtpDefect.TRUNCATED_EXTENSION, "90600001 00000000 00000007 bede");
        assertDefect(RtpDefect.TRUNCATED_EXTENSION, "90600001 00000000 00000007 bedeffff 00000000");
        assertDefect(RtpDefect.BAD_PADDING, "a0600001 00000000 00000007 abcd00");
        assertDefect(RtpDefect.BAD_PADDING, "a0600001 00000000 00000007 abcd05");
        assertDefect(RtpDefect.RTCP, "80c80006 00000007 00000000 00000000");
        assertNull(RtpPacket.check(hex("a0600001 00000000 00000007 abcd02"), 0, 15));
    }

    static void assertDefect(RtpDefect expected, String bytes) {
        byte[] data = hex(bytes);
        assertEquals(expected, RtpPacket.check(data, 0, data.length));
        RtpParseException e = assertThrows(RtpParseException.class, () -> RtpPacket.parse(data, 0, data.length));
        assertEquals(expected, e.defect());
    }
}
