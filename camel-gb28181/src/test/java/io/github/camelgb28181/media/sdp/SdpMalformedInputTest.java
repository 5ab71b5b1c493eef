package io.github.camelgb28181.media.sdp;

import java.util.Arrays;
import java.util.Random;

import io.github.camelgb28181.media.sdp.SdpParseException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Broken and hostile SDP: every refusal is an {@link SdpParseException} with the reason that names the problem, never
 * another exception, and input beyond the limits is refused before it is decoded.
 */
class SdpMalformedInputTest {

    static final SdpParser PARSER = new SdpParser();

    static SdpParseException rejected(String text) {
        return rejected(PARSER, text.getBytes(UTF_8));
    }

    static SdpParseException rejected(SdpParser parser, byte[] data) {
        return assertThrows(SdpParseException.class, () -> parser.parse(data),
                () -> "accepted: " + new String(data, UTF_8));
    }

    static void assertRejected(Reason reason, String text) {
        SdpParseException e = rejected(text);
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    static String body(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    @Test
    void oversizedBodyIsRefusedBeforeDecoding() {
        SdpParser small = new SdpParser(1024, 64);
        byte[] atLimit = ("v=0\r\ni=" + "x".repeat(1024 - 9) + "\r\n").getBytes(UTF_8);
        assertEquals(1024, atLimit.length);
        assertDoesNotThrow(() -> small.parse(atLimit));
        byte[] over = Arrays.copyOf(atLimit, 1025);
        assertEquals(Reason.TOO_LARGE, rejected(small, over).reason());
        assertEquals(Reason.TOO_LARGE, assertThrows(SdpParseException.class,
                () -> small.parse("v=0\r\n" + "a=x\r\n".repeat(300))).reason());
    }

    @Test
    void tooManyLinesAreRefused() {
        SdpParser parser = new SdpParser(16 * 1024, 10);
        assertDoesNotThrow(() -> parser.parse(("v=0\r\n" + "a=x\r\n".repeat(9)).getBytes(UTF_8)));
        assertEquals(Reason.TOO_MANY_LINES,
                rejected(parser, ("v=0\r\n" + "a=x\r\n".repeat(10)).getBytes(UTF_8)).reason());
        // empty lines are free; they cannot be used to pass the limit, and they do not count towards it
        assertDoesNotThrow(() -> parser.parse(("v=0\r\n" + "\r\n".repeat(500)).getBytes(UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "hello", "=0", "1=0", "v", "v 0", "==", "vv=0", "<?xml version=\"1.0\"?>",
            "INVITE sip:x SIP/2.0", "v=0\u0001", "s=Pl\u0007ay", "a=x\u001by", "s=\u007F" })
    void linesThatAreNotSdp(String line) {
        assertRejected(Reason.MALFORMED_LINE, body("v=0", line, "t=0 0"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "v=1", "v=00", "v=", "v=zero" })
    void versionOtherThanZero(String line) {
        assertRejected(Reason.BAD_VERSION, body(line, "s=Play"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "o=", "o=34020000001320000001 0 0 IN IP4", "o=a b c d e f g",
            "o=34020000001320000001 0 0 IN IP9 1.2.3.4", "o=34020000001320000001 0 0 XX IP4 1.2.3.4" })
    void originWithoutItsSixFields(String line) {
        assertRejected(Reason.BAD_ORIGIN, body("v=0", line));
    }

    @ParameterizedTest
    @ValueSource(strings = { "c=", "c=IN IP4", "c=IN IP5 1.2.3.4", "c=ATM IP4 1.2.3.4", "c=IN IP4 1.2.3.4 x",
            "c=IN IP4 /24" })
    void connectionThatIsNotAnAddress(String line) {
        assertRejected(Reason.BAD_CONNECTION, body("v=0", line, "t=0 0"));
        assertRejected(Reason.BAD_CONNECTION, body("v=0", "t=0 0", "m=video 9000 RTP/AVP 96", line));
    }

    @ParameterizedTest
    @ValueSource(strings = { "t=", "t=0", "t=0 0 0", "t=-1 0", "t=a b", "t=0x10 0", "t=1234567890123456789 0",
            "t=1.5 2" })
    void timeThatIsNotTwoNumbers(String line) {
        assertRejected(Reason.BAD_TIME, body("v=0", "s=Playback", line));
    }

    @ParameterizedTest
    @ValueSource(strings = { "m=", "m=video", "m=video 9000 RTP/AVP", "m=video 70000 RTP/AVP 96",
            "m=video -1 RTP/AVP 96", "m=video x RTP/AVP 96", "m=video 9000/0 RTP/AVP 96", "m=video 9000/ RTP/AVP 96",
            "m=video 123456 RTP/AVP 96" })
    void mediaLineWithoutPortProtocolOrFormat(String line) {
        assertRejected(Reason.BAD_MEDIA, body("v=0", "t=0 0", line));
    }

    @Test
    void conflictingSingleValuedLines() {
        assertRejected(Reason.DUPLICATE_FIELD, body("v=0", "c=IN IP4 1.1.1.1", "c=IN IP4 2.2.2.2", "t=0 0"));
        assertRejected(Reason.DUPLICATE_FIELD, body("v=0", "s=Play", "s=Playback"));
        assertRejected(Reason.DUPLICATE_FIELD, body("v=0", "t=0 0", "m=video 1 RTP/AVP 96", "y=0100000001",
                "y=0100000002"));
        assertRejected(Reason.DUPLICATE_FIELD, body("v=0", "u=a:0", "m=video 1 RTP/AVP 96", "u=b:0"));
    }

    /** Every prefix of a real answer, as a body cut short by a broken UDP fragment or TCP stream would be. */
    @Test
    void truncatedAtEveryByte() {
        byte[] full = SdpParserTest.CAMERA_ANSWER.getBytes(UTF_8);
        for (int n = 0; n <= full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            try {
                PARSER.parse(cut);
            } catch (SdpParseException e) {
                assertTrue(e.reason() != null, "no reason for cut at " + n);
            } catch (RuntimeException e) {
                fail("cut at " + n + " threw " + e, e);
            }
        }
    }

    /** Random bytes and random mutations of a real answer end in a parse or a typed refusal, nothing else. */
    @Test
    void randomAndMutatedInput() {
        Random random = new Random(28181);
        byte[] real = SdpParserTest.CAMERA_ANSWER.getBytes(UTF_8);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] data;
            if (i % 2 == 0) {
                data = new byte[random.nextInt(300)];
                random.nextBytes(data);
            } else {
                data = real.clone();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                SessionDescription sd = PARSER.parse(data);
                // whatever was accepted must also be writable and read back the same
                assertEquals(sd, PARSER.parse(SdpWriter.toBytes(sd)));
            } catch (SdpParseException e) {
                refused++;
            } catch (RuntimeException e) {
                fail("input " + Arrays.toString(data) + " threw " + e, e);
            }
        }
        assertTrue(refused > 10_000, "random bytes should mostly be refused, refused " + refused);
    }

    @Test
    void invalidUtf8IsReadNotThrown() throws SdpParseException {
        byte[] data = body("v=0", "s=XX", "t=0 0").getBytes(UTF_8);
        data[7] = (byte) 0xC3; // a lead byte followed by an ASCII byte: malformed UTF-8
        data[8] = (byte) 0xFF;
        SessionDescription sd = PARSER.parse(data);
        assertEquals(2, sd.sessionName().length());
    }

    @Test
    void rangeChecksOnTheArguments() {
        byte[] data = new byte[10];
        assertThrows(IndexOutOfBoundsException.class, () -> PARSER.parse(data, 5, 10));
        assertThrows(IllegalArgumentException.class, () -> new SdpParser(10, 100));
    }
}
