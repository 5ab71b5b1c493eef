package io.github.camelgb28181.media.ssrc;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decimal SSRC of y= and Subject against the 32-bit value in RTP headers. */
class SsrcTest {

    /** The 12-byte RTP header of a PS packet (PT 96, marker) whose SSRC bytes are 47 86 8C 02. */
    static final byte[] RTP_HEADER = { (byte) 0x80, (byte) 0xE0, 0x00, 0x01, 0x00, 0x00, 0x0E, 0x10,
            0x47, (byte) 0x86, (byte) 0x8C, 0x02 };

    @Test
    void decimalIsTheNumberInTheRtpHeader() {
        int inHeader = ByteBuffer.wrap(RTP_HEADER).getInt(8);
        Ssrc fromSdp = Ssrc.parse("1200000002"); // 0x47868C02
        assertEquals(inHeader, fromSdp.value());
        assertEquals(fromSdp, Ssrc.ofRtp(inHeader));
        assertEquals("1200000002", Ssrc.ofRtp(inHeader).decimal());
    }

    @Test
    void leadingZerosAreKeptInTheDecimalForm() {
        Ssrc s = Ssrc.parse("0200000001");
        assertEquals(0x0BEBC201, s.value());
        assertEquals("0200000001", s.decimal());
        assertEquals("0200000001", s.toString());
        assertEquals("0000000007", Ssrc.ofRtp(7).decimal());
        assertEquals("0000000000", Ssrc.ofRtp(0).decimal());
    }

    @Test
    void valuesAboveTheSignedRangeRoundTrip() {
        Ssrc max = Ssrc.parse("4294967295");
        assertEquals(0xFFFFFFFF, max.value());
        assertEquals(4_294_967_295L, max.unsignedValue());
        assertEquals("4294967295", Ssrc.ofRtp(0xFFFFFFFF).decimal());
        assertEquals("2147483648", Ssrc.ofRtp(Integer.MIN_VALUE).decimal());
        assertFalse(max.isGbLayout());
        assertFalse(max.isHistory());
    }

    @Test
    void fewerDigitsMeanTheSameNumber() {
        assertEquals(Ssrc.parse("0200000001"), Ssrc.parse("200000001"));
        assertEquals(Ssrc.parse("0000000007"), Ssrc.parse("7"));
        assertEquals(Ssrc.parse("0200000001"), Ssrc.parse(" 0200000001 "));
    }

    @Test
    void gbLayoutParts() {
        Ssrc live = Ssrc.parse("0100000025");
        assertFalse(live.isHistory());
        assertTrue(live.isGbLayout());
        assertEquals("10000", live.domainPart());
        assertEquals(25, live.sequence());
        Ssrc history = Ssrc.parse("1100009999");
        assertTrue(history.isHistory());
        assertEquals("10000", history.domainPart());
        assertEquals(9999, history.sequence());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "01000000011", "4294967296", "9999999999", "-1", "+1", "0x1234", "12a4",
            "１２３", "0200 00001", "99999999999999999999999" })
    void notAThirtyTwoBitDecimal(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ssrc.parse(text));
        assertTrue(e.getMessage().startsWith("SSRC"), e.getMessage());
    }
}
