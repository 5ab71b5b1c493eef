package io.github.camelgb28181.media.mansrtsp;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** MANSRTSP bodies as peers send them, and hostile ones. */
class MansrtspParserTest {

    static final MansrtspParser PARSER = new MansrtspParser();

    static MansrtspRequest request(String text) throws MansrtspParseException {
        return PARSER.parseRequest(text.getBytes(ISO_8859_1));
    }

    static MansrtspParseException refused(String text) {
        return assertThrows(MansrtspParseException.class, () -> request(text), () -> "accepted: " + text);
    }

    @Test
    void standardForms() throws MansrtspParseException {
        assertEquals(MansrtspRequest.speed(2, 2), request("PLAY RTSP/1.0\r\nCSeq: 2\r\nScale: 2.0\r\n"));
        assertEquals(MansrtspRequest.pause(3), request("PAUSE RTSP/1.0\r\nCSeq: 3\r\nPauseTime: now\r\n\r\n"));
        assertEquals(MansrtspRequest.resume(4), request("PLAY RTSP/1.0\r\nCSeq: 4\r\nRange: npt=now-\r\n"));
        assertEquals(MansrtspRequest.seek(5, 120), request("PLAY RTSP/1.0\r\nCSeq: 5\r\nRange: npt=120-\r\n"));
        assertEquals(MansrtspRequest.teardown(6), request("TEARDOWN RTSP/1.0\r\nCSeq: 6\r\n"));
    }

    /** Bodies written by 2011-era peers and plain RTSP stacks. */
    @Test
    void olderAndLooserForms() throws MansrtspParseException {
        MansrtspRequest r = request("PLAY MANSRTSP/1.0\r\nCSeq: 2\r\nScale: 2\r\nRange: npt=0.000-\r\n");
        assertEquals(MansrtspRequest.Version.MANSRTSP_1_0, r.version());
        assertEquals(2.0, r.scale());
        assertEquals(NptRange.from(0), r.range());
        assertEquals(MansrtspRequest.speed(7, 1),
                request("\r\nplay  rtsp://192.168.1.64/x  rtsp/1.0\ncseq: 7\nSCALE: 1.0\n"));
        assertEquals(MansrtspRequest.pause(8), request("PAUSE RTSP/1.0\nCSeq:8\nPauseTime:now\n\0\0\0\0"));
        // a body the peer did not end with a line break
        assertEquals(MansrtspRequest.teardown(9), request("TEARDOWN RTSP/1.0\r\nCSeq: 9"));
    }

    @Test
    void unknownHeadersAreIgnoredAndWhatFollowsTheEmptyLineToo() throws MansrtspParseException {
        assertEquals(MansrtspRequest.speed(2, 4), request(
                "PLAY RTSP/1.0\r\nCSeq: 2\r\nUser-Agent: NVR\r\nSession: 12345678\r\nScale: 4.0\r\n\r\ngarbage"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "\r\n\r\n", "PLAY", "PLAY RTSP/2.0\r\nCSeq: 1\r\n", "PLAY HTTP/1.1\r\nCSeq: 1\r\n",
            "GET_PARAMETER RTSP/1.0\r\nCSeq: 1\r\n", "PLAY a b RTSP/1.0\r\nCSeq: 1\r\n", "PLAY RTSP/1.0\r\n",
            "PLAY RTSP/1.0\r\nScale: 2.0\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\r\nCSeq: 2\r\n",
            "PLAY RTSP/1.0\r\nCSeq: x\r\n", "PLAY RTSP/1.0\r\nCSeq: -1\r\n", "PLAY RTSP/1.0\r\nCSeq: 4294967296\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 99999999999\r\n", "PLAY RTSP/1.0\r\nCSeq:\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: 16\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: 0.1\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: -2.0\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: NaN\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: 2e0\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: 0x1p1\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 1\r\nScale:\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: 1\r\nScale: 2\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: clock=20240101T000000Z-\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: npt=120\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: npt=-120\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: npt=90-60\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: npt=now-now\r\n",
            "PAUSE RTSP/1.0\r\nCSeq: 1\r\nPauseTime: later\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\r\n: value\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 1\r\nno colon\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\r\n Scale: 2.0\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 1\r\nSc ale: 2.0\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\u0007\r\n",
            "PLAY RTSP/1.0\r\nCSeq: 1\r\nX: \u00e9\r\n", "PLAY RTSP/1.0\r\nCSeq: 1\0\r\n" })
    void malformed(String text) {
        MansrtspParseException e = refused(text);
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void limits() {
        MansrtspParser small = new MansrtspParser(64, 3);
        byte[] longBody = ("PLAY RTSP/1.0\r\nCSeq: 1\r\nX: " + "a".repeat(40) + "\r\n").getBytes(ISO_8859_1);
        assertTrue(longBody.length > 64);
        MansrtspParseException e = assertThrows(MansrtspParseException.class, () -> small.parseRequest(longBody));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        assertDoesNotThrow(() -> small.parseRequest("PLAY RTSP/1.0\nCSeq: 1\nA: 1\nB: 2\n".getBytes(ISO_8859_1)));
        e = assertThrows(MansrtspParseException.class,
                () -> small.parseRequest("PLAY RTSP/1.0\nCSeq: 1\nA: 1\nB: 2\nC: 3\n".getBytes(ISO_8859_1)));
        assertTrue(e.getMessage().contains("headers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MansrtspParser(8, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> PARSER.parseRequest(new byte[4], 2, 4));
    }

    @Test
    void offsetAndLengthSelectTheBody() throws MansrtspParseException {
        byte[] framed = "xxPAUSE RTSP/1.0\r\nCSeq: 3\r\nPauseTime: now\r\nyy".getBytes(ISO_8859_1);
        assertEquals(MansrtspRequest.pause(3), PARSER.parseRequest(framed, 2, framed.length - 4));
    }

    @Test
    void truncatedAtEveryByte() {
        byte[] full = "PLAY RTSP/1.0\r\nCSeq: 12\r\nScale: 0.5\r\nRange: npt=0:01:30.5-\r\n".getBytes(ISO_8859_1);
        int accepted = 0;
        for (int n = 0; n <= full.length; n++) {
            try {
                PARSER.parseRequest(Arrays.copyOf(full, n));
                accepted++;
            } catch (MansrtspParseException e) {
                assertFalse(e.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("cut at " + n + " threw " + e, e);
            }
        }
        assertTrue(accepted > 0 && accepted < full.length, "accepted " + accepted);
    }

    @Test
    void randomAndMutatedInput() {
        Random random = new Random(28181);
        byte[] real = MansrtspRequest.builder(MansrtspMethod.PLAY, 5).scale(2).range(NptRange.from(30)).build()
                .toBytes();
        for (int i = 0; i < 20_000; i++) {
            byte[] data;
            if (i % 2 == 0) {
                data = new byte[random.nextInt(200)];
                random.nextBytes(data);
            } else {
                data = real.clone();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                MansrtspRequest r = PARSER.parseRequest(data);
                assertEquals(r, PARSER.parseRequest(r.toBytes()));
                PARSER.parseResponse(data);
            } catch (MansrtspParseException e) {
                assertFalse(e.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("input " + Arrays.toString(data) + " threw " + e, e);
            }
        }
    }

    @Test
    void deviceResponses() throws MansrtspParseException {
        MansrtspResponse ok = PARSER.parseResponse("RTSP/1.0 200 OK\r\nCSeq: 3\r\n\r\n".getBytes(UTF_8));
        assertEquals(new MansrtspResponse(MansrtspRequest.Version.RTSP_1_0, 200, "OK", 3), ok);
        assertTrue(ok.isSuccess());
        MansrtspResponse bad = PARSER.parseResponse("MANSRTSP/1.0 457 Invalid Range\n".getBytes(UTF_8));
        assertEquals(457, bad.status());
        assertEquals("Invalid Range", bad.reason());
        assertEquals(-1, bad.cseq());
        assertFalse(bad.isSuccess());
        MansrtspResponse bare = PARSER.parseResponse("rtsp/1.0 200\r\nCSeq: 9\r\n\0\0".getBytes(UTF_8));
        assertEquals("", bare.reason());
        assertEquals(9, bare.cseq());
        for (String badText : new String[] { "", "RTSP/1.0", "RTSP/1.0 20 OK", "RTSP/1.0 2000 OK", "RTSP/1.0 OK 200",
                "HTTP/1.1 200 OK", "RTSP/1.0 099 Low", "RTSP/1.0 200 OK\r\nCSeq: 1\r\nCSeq: 2",
                "RTSP/1.0 200 OK\r\nCSeq: one", "PLAY RTSP/1.0\r\nCSeq: 1" }) {
            assertThrows(MansrtspParseException.class, () -> PARSER.parseResponse(badText.getBytes(UTF_8)), badText);
        }
    }
}
