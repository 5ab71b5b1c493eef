package io.github.camelgb28181.media.sdp;

import java.time.Instant;
import java.util.List;

import io.github.camelgb28181.media.ssrc.Ssrc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The offers the platform sends, compared with bodies written by hand after the standard's examples. */
class GbOfferTest {

    static final String PLATFORM = "34020000002000000001";
    static final String CHANNEL = "34020000001320000001";
    static final Ssrc LIVE = Ssrc.parse("0200000001");
    static final Ssrc HISTORY = Ssrc.parse("1200000002");
    static final Instant START = Instant.ofEpochSecond(1_498_173_736L); // 2017-06-22T23:22:16Z
    static final Instant END = Instant.ofEpochSecond(1_498_174_066L);

    /** The session part of every live offer from 192.168.1.10. */
    static final String LIVE_HEAD = crlf(
            "v=0",
            "o=34020000002000000001 0 0 IN IP4 192.168.1.10",
            "s=Play",
            "c=IN IP4 192.168.1.10",
            "t=0 0");

    static String crlf(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    @Test
    void playOverUdp() {
        SessionDescription sd = GbOffer.play(PLATFORM, "192.168.1.10", 30000).ssrc(LIVE).build();
        assertEquals(LIVE_HEAD + crlf(
                "m=video 30000 RTP/AVP 96 97 98 99",
                "a=recvonly",
                "a=rtpmap:96 PS/90000",
                "a=rtpmap:97 MPEG4/90000",
                "a=rtpmap:98 H264/90000",
                "a=rtpmap:99 H265/90000",
                "y=0200000001"), SdpWriter.write(sd));
    }

    @Test
    void playOverTcpPassiveSaysWeListen() {
        SessionDescription sd = GbOffer.play(PLATFORM, "192.168.1.10", 30002).ssrc(LIVE)
                .transport(MediaTransport.TCP_PASSIVE).payloads(List.of(RtpMap.PS)).build();
        assertEquals(LIVE_HEAD + crlf(
                "m=video 30002 TCP/RTP/AVP 96",
                "a=recvonly",
                "a=rtpmap:96 PS/90000",
                "a=setup:passive",
                "a=connection:new",
                "y=0200000001"), SdpWriter.write(sd));
    }

    @Test
    void playOverTcpActiveSaysWeConnect() {
        SessionDescription sd = GbOffer.play(PLATFORM, "192.168.1.10", 30002).ssrc(LIVE)
                .transport(MediaTransport.TCP_ACTIVE).build();
        MediaDescription m = sd.media().get(0);
        assertEquals("TCP/RTP/AVP", m.protocol());
        assertEquals("active", m.attribute("setup"));
        assertEquals("new", m.attribute("connection"));
    }

    @Test
    void playbackCarriesChannelUriAndUnixSeconds() {
        SessionDescription sd = GbOffer.playback(PLATFORM, "192.168.1.10", 30004, CHANNEL, START, END)
                .ssrc(HISTORY).payloads(List.of(RtpMap.PS, RtpMap.H264)).build();
        assertEquals(crlf(
                "v=0",
                "o=34020000002000000001 0 0 IN IP4 192.168.1.10",
                "s=Playback",
                "u=34020000001320000001:0",
                "c=IN IP4 192.168.1.10",
                "t=1498173736 1498174066",
                "m=video 30004 RTP/AVP 96 98",
                "a=recvonly",
                "a=rtpmap:96 PS/90000",
                "a=rtpmap:98 H264/90000",
                "y=1200000002"), SdpWriter.write(sd));
    }

    /** The Download example of GB/T 28181-2016 Annex F: TCP passive, speed 8, u= with recording type 3. */
    @Test
    void downloadLikeTheStandardExample() {
        SessionDescription sd = GbOffer.download("34000000002000000001", "192.168.100.100", 10122,
                        "34020000001310000001", START, END, 8)
                .ssrc(Ssrc.parse("1000000025")).transport(MediaTransport.TCP_PASSIVE).uriParameter(3)
                .payloads(List.of(RtpMap.PS, RtpMap.H264, RtpMap.MPEG4)).build();
        assertEquals(crlf(
                "v=0",
                "o=34000000002000000001 0 0 IN IP4 192.168.100.100",
                "s=Download",
                "u=34020000001310000001:3",
                "c=IN IP4 192.168.100.100",
                "t=1498173736 1498174066",
                "m=video 10122 TCP/RTP/AVP 96 98 97",
                "a=recvonly",
                "a=rtpmap:96 PS/90000",
                "a=rtpmap:98 H264/90000",
                "a=rtpmap:97 MPEG4/90000",
                "a=setup:passive",
                "a=connection:new",
                "a=downloadspeed:8",
                "y=1000000025"), SdpWriter.write(sd));
    }

    @Test
    void talkIsTwoWayG711Audio() {
        SessionDescription sd = GbOffer.talk(PLATFORM, "192.168.1.10", 30006).ssrc(LIVE).build();
        assertEquals(crlf(
                "v=0",
                "o=34020000002000000001 0 0 IN IP4 192.168.1.10",
                "s=Talk",
                "c=IN IP4 192.168.1.10",
                "t=0 0",
                "m=audio 30006 RTP/AVP 8 0",
                "a=sendrecv",
                "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:0 PCMU/8000",
                "y=0200000001"), SdpWriter.write(sd));
    }

    @Test
    void broadcastAnswerOnlySendsInTheChosenCodec() {
        SessionDescription sd = GbOffer.broadcastAnswer(PLATFORM, "192.168.1.10", 30008, RtpMap.PCMA)
                .ssrc(Ssrc.parse("0100000001")).build();
        MediaDescription m = sd.media().get(0);
        assertEquals("Play", sd.sessionName());
        assertEquals("m=audio 30008 RTP/AVP 8", "m=" + m.mediaLine());
        assertEquals(MediaDirection.SENDONLY, m.direction());
        assertEquals("0100000001", m.ssrc());
    }

    @Test
    void ipv6MediaAddress() {
        SessionDescription sd = GbOffer.play(PLATFORM, "::1", 30000).ssrc(LIVE).build();
        String text = SdpWriter.write(sd);
        assertEquals(true, text.contains("o=34020000002000000001 0 0 IN IP6 ::1\r\n"), text);
        assertEquals(true, text.contains("c=IN IP6 ::1\r\n"), text);
    }

    @Test
    void subStreamFlavoursWriteTheirAttribute() {
        assertEquals("streamnumber:1", subStreamAttribute(SubStreamFlavour.STREAMNUMBER, 1));
        assertEquals("stream:1", subStreamAttribute(SubStreamFlavour.STREAM, 1));
        assertEquals("streamprofile:1", subStreamAttribute(SubStreamFlavour.STREAMPROFILE, 1));
        assertEquals("streamMode:sub", subStreamAttribute(SubStreamFlavour.STREAMMODE, 1));
        assertEquals("streamMode:main", subStreamAttribute(SubStreamFlavour.STREAMMODE, 0));
        assertEquals("streamnumber:0", subStreamAttribute(SubStreamFlavour.STREAMNUMBER, 0));
    }

    @Test
    void noFlavourWritesNoStreamAttribute() {
        SessionDescription sd = GbOffer.play(PLATFORM, "192.168.1.10", 30000).ssrc(LIVE)
                .subStream(SubStreamFlavour.NONE, 1).build();
        for (SdpAttribute a : sd.media().get(0).attributes()) {
            assertEquals(false, a.name().toLowerCase().startsWith("stream"), a.toString());
        }
    }

    /** The stream attribute stands after the rtpmaps and TCP lines, y= and f= last. */
    @Test
    void subStreamAndFormatPlacement() {
        SessionDescription sd = GbOffer.play(PLATFORM, "192.168.1.10", 30000).ssrc(LIVE)
                .payloads(List.of(RtpMap.PS)).transport(MediaTransport.TCP_ACTIVE)
                .subStream(SubStreamFlavour.STREAMPROFILE, 1)
                .format(FormatParameters.parse("v/2/5/25/1/4000a/1/8/1").orElseThrow()).build();
        String text = SdpWriter.write(sd);
        assertEquals(true, text.endsWith(crlf(
                "a=rtpmap:96 PS/90000",
                "a=setup:active",
                "a=connection:new",
                "a=streamprofile:1",
                "y=0200000001",
                "f=v/2/5/25/1/4000a/1/8/1")), text);
    }

    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void everyOfferReadsBackAsWritten(MediaTransport transport) throws SdpParseException {
        SessionDescription sd = GbOffer.download(PLATFORM, "10.0.0.5", 31000, CHANNEL, START, END, 4).ssrc(HISTORY)
                .transport(transport).subStream(SubStreamFlavour.STREAMNUMBER, 2).build();
        assertEquals(sd, new SdpParser().parse(SdpWriter.toBytes(sd)));
    }

    @Test
    void refusesWhatWouldBreakTheBody() {
        assertThrows(IllegalStateException.class, () -> GbOffer.play(PLATFORM, "192.168.1.10", 30000).build());
        assertThrows(IllegalArgumentException.class, () -> GbOffer.play(PLATFORM, "192.168.1.10\r\nm=x", 30000));
        assertThrows(IllegalArgumentException.class, () -> GbOffer.play(PLATFORM + " x", "192.168.1.10", 30000));
        assertThrows(IllegalArgumentException.class, () -> GbOffer.play(PLATFORM, "192.168.1.10", 65536));
        assertThrows(IllegalArgumentException.class,
                () -> GbOffer.playback(PLATFORM, "192.168.1.10", 30000, CHANNEL, END, START));
        assertThrows(IllegalArgumentException.class,
                () -> GbOffer.download(PLATFORM, "192.168.1.10", 30000, CHANNEL, START, END, 0));
        assertThrows(IllegalArgumentException.class,
                () -> GbOffer.play(PLATFORM, "192.168.1.10", 30000).subStream(SubStreamFlavour.STREAMMODE, 2));
        assertThrows(IllegalArgumentException.class,
                () -> GbOffer.play(PLATFORM, "192.168.1.10", 30000).payloads(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> GbOffer.playback(PLATFORM, "192.168.1.10", 30000, "3402\n", START, END));
    }

    @Test
    void liveOffersCarryNoUri() {
        assertNull(GbOffer.play(PLATFORM, "192.168.1.10", 30000).ssrc(LIVE).build().uri());
    }

    private static String subStreamAttribute(SubStreamFlavour flavour, int index) {
        SessionDescription sd = GbOffer.play(PLATFORM, "192.168.1.10", 30000).ssrc(LIVE).subStream(flavour, index)
                .build();
        List<SdpAttribute> attributes = sd.media().get(0).attributes();
        return attributes.get(attributes.size() - 1).toString();
    }
}
