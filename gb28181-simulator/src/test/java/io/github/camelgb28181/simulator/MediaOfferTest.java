package io.github.camelgb28181.simulator;

import io.github.camelgb28181.media.sdp.GbOffer;
import io.github.camelgb28181.media.sdp.GbSessionType;
import io.github.camelgb28181.media.sdp.MediaTransport;
import io.github.camelgb28181.media.sdp.SdpAnswer;
import io.github.camelgb28181.media.sdp.SdpParser;
import io.github.camelgb28181.media.sdp.SdpWriter;
import io.github.camelgb28181.media.ssrc.Ssrc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device's reading of a platform offer and its answer, checked with the component's own offer writer and answer
 * reader (the platform's view of what the simulator says).
 */
class MediaOfferTest {

    private static final String PLATFORM = "34020000002000000001";
    private static final String CHANNEL = "34020000001310000001";
    private final SdpParser parser = new SdpParser();

    private MediaOffer read(GbOffer.Builder offer) throws Exception {
        return MediaOffer.read(parser, SdpWriter.toBytes(offer.build()));
    }

    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void theAnswerTakesTheOtherTcpRoleAndEchoesTheSsrc(MediaTransport transport) throws Exception {
        MediaOffer offer = read(GbOffer.play(PLATFORM, "127.0.0.1", 30000).transport(transport)
                .ssrc(Ssrc.parse("0340200001")));
        assertEquals(transport, offer.transport());
        assertEquals(GbSessionType.PLAY, offer.type());
        assertEquals(30000, offer.platform().getPort());
        assertEquals("127.0.0.1", offer.platform().getHostString());
        byte[] answer = offer.answer(CHANNEL, "127.0.0.1", 40000);
        SdpAnswer a = SdpAnswer.parse(parser, answer, transport);
        assertEquals(transport, a.transport(), new String(answer, StandardCharsets.US_ASCII));
        assertEquals(Ssrc.parse("0340200001"), a.ssrc());
        assertEquals(40000, a.port());
        assertEquals("Play", a.sessionName());
        String text = new String(answer, StandardCharsets.US_ASCII);
        assertTrue(text.contains("a=sendonly\r\n") && text.contains("a=rtpmap:96 PS/90000\r\n"), text);
        assertEquals(transport.isTcp(), text.contains("a=connection:new"), text);
    }

    @Test
    void aDownloadKeepsItsSpeedAndTimesAndAnOfferWithoutSsrcGetsOne() throws Exception {
        Instant start = Instant.parse("2026-11-21T00:00:00Z");
        MediaOffer offer = read(GbOffer.download(PLATFORM, "127.0.0.1", 30000, CHANNEL, start,
                start.plusSeconds(600), 8).ssrc(Ssrc.parse("1340200002")));
        assertEquals(GbSessionType.DOWNLOAD, offer.type());
        assertEquals(8, offer.downloadSpeed());
        assertEquals(start.getEpochSecond(), offer.time().start());
        String answer = new String(offer.answer(CHANNEL, "127.0.0.1", 1), StandardCharsets.US_ASCII);
        assertTrue(answer.contains("s=Download") && answer.contains("t=" + start.getEpochSecond()), answer);

        String noSsrc = "v=0\r\no=x 0 0 IN IP4 127.0.0.1\r\ns=Playback\r\nc=IN IP4 127.0.0.1\r\nt=1 2\r\n"
                        + "m=video 30000 RTP/AVP 96\r\na=recvonly\r\na=rtpmap:96 PS/90000\r\n";
        MediaOffer chosen = MediaOffer.read(parser, noSsrc.getBytes(StandardCharsets.US_ASCII));
        assertTrue(chosen.ssrc().isHistory(), "a playback SSRC begins with 1: " + chosen.ssrc());
        assertEquals(1, chosen.downloadSpeed());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not sdp at all",
        "v=0\r\no=x 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n",
        "v=0\r\no=x 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 30000 RTP/AVP 98\r\n"
            + "a=rtpmap:98 H264/90000\r\ny=0100000001\r\n",
        "v=0\r\no=x 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\n"
            + "a=rtpmap:96 PS/90000\r\n",
        "v=0\r\no=x 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nt=0 0\r\nm=video 30000 RTP/AVP 96\r\na=rtpmap:96 PS/90000\r\n",
        "v=0\r\no=x 0 0 IN IP4 127.0.0.1\r\ns=Talk\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 30000 RTP/AVP 96\r\n"
            + "a=rtpmap:96 PS/90000\r\n",
        "v=0\r\no=x 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 30000 RTP/AVP 96\r\n"
            + "a=rtpmap:96 PS/90000\r\ny=99999999999999\r\n",
        "v=0\r\no=x 0 0 IN IP4 127.0.0.1\r\ns=Download\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 30000 RTP/AVP 96\r\n"
            + "a=rtpmap:96 PS/90000\r\na=downloadspeed:fast\r\ny=1100000001\r\n"
    })
    void offersTheDeviceCannotServeAreRefusedWithAStatus(String sdp) {
        MediaResponder.MediaRefusedException e = assertThrows(MediaResponder.MediaRefusedException.class,
                () -> MediaOffer.read(parser, sdp.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.status() == 400 || e.status() == 488, e.status() + " " + e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void anOversizedOfferIsRefused() {
        byte[] huge = ("v=0\r\n" + "a=x\r\n".repeat(20_000)).getBytes(StandardCharsets.US_ASCII);
        assertEquals(400, assertThrows(MediaResponder.MediaRefusedException.class,
                () -> MediaOffer.read(parser, huge)).status());
        assertEquals(400, assertThrows(MediaResponder.MediaRefusedException.class,
                () -> MediaOffer.read(parser, null)).status());
    }
}
