package io.github.camelgb28181.media.mansrtsp;

import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The playback controls the platform sends, as bytes, and reading them back. */
class MansrtspRequestTest {

    static final MansrtspParser PARSER = new MansrtspParser();

    @Test
    void speed() {
        assertEquals("PLAY RTSP/1.0\r\nCSeq: 3\r\nScale: 2.0\r\n", MansrtspRequest.speed(3, 2).encode());
        assertEquals("PLAY RTSP/1.0\r\nCSeq: 4\r\nScale: 0.25\r\n", MansrtspRequest.speed(4, 0.25).encode());
        assertEquals("PLAY RTSP/1.0\r\nCSeq: 5\r\nScale: 8.0\r\n", MansrtspRequest.speed(5, 8).encode());
        assertEquals("PLAY RTSP/1.0\r\nCSeq: 6\r\nScale: 0.5\r\n", MansrtspRequest.speed(6, 0.5).encode());
    }

    @Test
    void pauseResumeSeekTeardown() {
        assertEquals("PAUSE RTSP/1.0\r\nCSeq: 7\r\nPauseTime: now\r\n", MansrtspRequest.pause(7).encode());
        assertEquals("PLAY RTSP/1.0\r\nCSeq: 8\r\nRange: npt=now-\r\n", MansrtspRequest.resume(8).encode());
        assertEquals("PLAY RTSP/1.0\r\nCSeq: 9\r\nRange: npt=120-\r\n", MansrtspRequest.seek(9, 120).encode());
        assertEquals("PLAY RTSP/1.0\r\nCSeq: 10\r\nRange: npt=12.5-\r\n", MansrtspRequest.seek(10, 12.5).encode());
        assertEquals("TEARDOWN RTSP/1.0\r\nCSeq: 11\r\n", MansrtspRequest.teardown(11).encode());
    }

    @Test
    void allHeadersInOrderAndTheOlderVersionToken() {
        MansrtspRequest r = MansrtspRequest.builder(MansrtspMethod.PLAY, 12)
                .version(MansrtspRequest.Version.MANSRTSP_1_0).scale(4).range(new NptRange(NptTime.ofSeconds(60),
                        NptTime.ofSeconds(90))).build();
        assertEquals("PLAY MANSRTSP/1.0\r\nCSeq: 12\r\nScale: 4.0\r\nRange: npt=60-90\r\n", r.encode());
        assertEquals("PLAY MANSRTSP/1.0\r\nCSeq: 12\r\nScale: 4.0\r\nRange: npt=60-90\r\n",
                new String(r.toBytes(), US_ASCII));
    }

    @Test
    void everyEncodedRequestReadsBackEqual() throws MansrtspParseException {
        MansrtspRequest[] requests = { MansrtspRequest.speed(1, 0.25), MansrtspRequest.speed(2, 8),
                MansrtspRequest.pause(3), MansrtspRequest.resume(4), MansrtspRequest.seek(5, 3599.75),
                MansrtspRequest.teardown(4_294_967_295L),
                MansrtspRequest.builder(MansrtspMethod.PLAY, 6).scale(1).range(NptRange.from(0)).build() };
        for (MansrtspRequest r : requests) {
            assertEquals(r, PARSER.parseRequest(r.toBytes()), r.encode());
        }
    }

    @Test
    void scaleOutsideTheStandardRangeIsRefused() {
        for (double bad : new double[] { 0, 0.2, 8.5, 16, -1, -2, Double.NaN, Double.POSITIVE_INFINITY }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MansrtspRequest.speed(1, bad), Double.toString(bad));
            assertTrue(e.getMessage().contains("Scale"), e.getMessage());
        }
    }

    @Test
    void otherValuesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> MansrtspRequest.pause(-1));
        assertThrows(IllegalArgumentException.class, () -> MansrtspRequest.pause(4_294_967_296L));
        assertThrows(IllegalArgumentException.class, () -> MansrtspRequest.seek(1, -5));
        assertThrows(IllegalArgumentException.class, () -> MansrtspRequest.seek(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new NptRange(NptTime.ofSeconds(90),
                NptTime.ofSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> new NptRange(NptTime.ofSeconds(90), NptTime.NOW));
        assertThrows(IllegalArgumentException.class, () -> new NptTime(true, 5));
    }

    @Test
    void nptTimes() {
        assertEquals("now", NptTime.NOW.toString());
        assertEquals(NptTime.ofSeconds(120), NptTime.parse("120"));
        assertEquals(NptTime.ofSeconds(120.5), NptTime.parse("0:02:00.5"));
        assertEquals(NptTime.ofSeconds(3723), NptTime.parse("1:02:03"));
        assertEquals(NptTime.NOW, NptTime.parse("NOW"));
        assertEquals("0.125", NptTime.ofSeconds(0.125).toString());
        assertEquals("0", NptTime.ofSeconds(0).toString());
        assertNull(NptRange.fromNow().end());
        for (String bad : new String[] { "", "-1", "1e3", "NaN", "Infinity", "0x10", "1.", ".5", "1..2", "1:2",
                "1:60:00", "1:00:60", "1.5:00:00", "99999999999999", "１２" }) {
            assertThrows(IllegalArgumentException.class, () -> NptTime.parse(bad), bad);
        }
    }
}
