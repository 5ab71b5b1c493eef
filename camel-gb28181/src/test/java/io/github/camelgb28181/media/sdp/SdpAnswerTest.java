package io.github.camelgb28181.media.sdp;

import java.util.List;
import java.util.Optional;

import io.github.camelgb28181.media.sdp.SdpParseException.Reason;
import io.github.camelgb28181.media.ssrc.Ssrc;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device answers as they come from the field, each vendor quirk with the bytes that show it. */
class SdpAnswerTest {

    static final SdpParser PARSER = new SdpParser();
    static final Ssrc OFFERED = Ssrc.parse("0200000001");

    static SdpAnswer answer(MediaTransport offered, String... lines) throws SdpParseException {
        return SdpAnswer.parse(PARSER, (String.join("\r\n", lines) + "\r\n").getBytes(UTF_8), offered);
    }

    static SdpParseException refused(Reason reason, String... lines) {
        SdpParseException e = assertThrows(SdpParseException.class, () -> answer(MediaTransport.UDP, lines));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    @Test
    void cameraAnswerOverUdp() throws SdpParseException {
        SdpAnswer a = SdpAnswer.parse(PARSER, SdpParserTest.CAMERA_ANSWER.getBytes(UTF_8), MediaTransport.UDP);
        assertEquals("Play", a.sessionName());
        assertEquals(SdpConnection.of("192.168.1.64"), a.address());
        assertEquals(15060, a.port());
        assertEquals(MediaTransport.UDP, a.transport());
        assertNull(a.deviceSetup());
        assertEquals(OFFERED, a.ssrc());
        assertFalse(a.ssrcDiffersFrom(OFFERED));
        assertEquals(List.of(RtpMap.PS), a.codecs());
        assertEquals(RtpMap.PS, a.codec(96));
        assertNull(a.codec(98));
        assertEquals(MediaDirection.SENDONLY, a.direction());
        assertEquals(Optional.empty(), a.formatParameters());
        assertEquals(-1, a.fileSize());
    }

    /** RFC 3264 §6 refusal: the device answers 200 OK with port 0 when the channel has nothing to send. */
    @Test
    void portZeroIsARejection() {
        SdpParseException e = refused(Reason.MEDIA_REJECTED,
                "v=0",
                "o=34020000001320000001 0 0 IN IP4 192.168.1.64",
                "s=Playback",
                "c=IN IP4 192.168.1.64",
                "t=1498173736 1498174066",
                "m=video 0 RTP/AVP 96",
                "a=sendonly",
                "a=rtpmap:96 PS/90000",
                "y=1200000002");
        assertNotNull(e.description());
        assertEquals("Playback", e.description().sessionName());
    }

    @Test
    void firstMediaWithAPortIsUsed() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP,
                "v=0", "c=IN IP4 10.1.1.1", "t=0 0",
                "m=video 0 RTP/AVP 96",
                "m=audio 6002 RTP/AVP 8",
                "a=rtpmap:8 PCMA/8000");
        assertEquals("audio", a.media().media());
        assertEquals(6002, a.port());
        assertEquals(List.of(RtpMap.PCMA), a.codecs());
    }

    /** SPEC §5: devices answer with their own SSRC; the RTP carries that one, not the offered one. */
    @Test
    void differentSsrcInTheAnswer() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP,
                "v=0", "o=34020000001320000001 0 0 IN IP4 192.168.1.64", "s=Play", "c=IN IP4 192.168.1.64", "t=0 0",
                "m=video 15060 RTP/AVP 96", "a=sendonly", "a=rtpmap:96 PS/90000",
                "y=0000001002");
        assertTrue(a.ssrcDiffersFrom(OFFERED));
        assertEquals(1002, a.ssrc().value());
        assertEquals(a.ssrc(), a.effectiveSsrc(OFFERED));
    }

    @Test
    void noSsrcInTheAnswer() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP,
                "v=0", "o=34020000001320000001 0 0 IN IP4 192.168.1.64", "s=Play", "c=IN IP4 192.168.1.64", "t=0 0",
                "m=video 15060 RTP/AVP 96", "a=sendonly", "a=rtpmap:96 PS/90000");
        assertNull(a.ssrc());
        assertFalse(a.ssrcDiffersFrom(OFFERED));
        assertSame(OFFERED, a.effectiveSsrc(OFFERED));
    }

    /** y= with leading zeros is the normal form; the number is what the RTP header carries. */
    @Test
    void ssrcWithLeadingZeros() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "c=IN IP4 192.168.1.64", "t=0 0",
                "m=video 15060 RTP/AVP 96", "y=0000000007");
        assertEquals(7, a.ssrc().value());
        assertEquals("0000000007", a.ssrc().decimal());
    }

    /** A device that printed the SSRC as an integer and dropped the leading 0: nine digits. */
    @Test
    void ssrcWithNineDigits() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "c=IN IP4 192.168.1.64", "t=0 0",
                "m=video 15060 RTP/AVP 96", "y=200000001");
        assertEquals(OFFERED, a.ssrc());
        assertEquals("0200000001", a.ssrc().decimal());
        assertFalse(a.ssrcDiffersFrom(OFFERED));
    }

    @Test
    void ssrcBeforeTheMediaLineStillCounts() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "y=0200000001", "c=IN IP4 192.168.1.64", "t=0 0",
                "m=video 15060 RTP/AVP 96");
        assertEquals(OFFERED, a.ssrc());
    }

    @Test
    void badSsrcIsATypedError() {
        for (String y : new String[] { "y=02000000011", "y=abc", "y=4294967296", "y=9999999999", "y=", "y=-1",
                "y=0x1234", "y=02000 00001" }) {
            SdpParseException e = refused(Reason.BAD_SSRC, "v=0", "c=IN IP4 192.168.1.64", "t=0 0",
                    "m=video 15060 RTP/AVP 96", y);
            assertNotNull(e.description(), y);
        }
    }

    @Test
    void largestThirtyTwoBitSsrcIsAccepted() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "c=IN IP4 192.168.1.64", "t=0 0",
                "m=video 15060 RTP/AVP 96", "y=4294967295");
        assertEquals(-1, a.ssrc().value());
        assertEquals(4_294_967_295L, a.ssrc().unsignedValue());
    }

    /** A platform that writes c= only under the m= line. */
    @Test
    void connectionOnlyAtMediaLevel() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "o=34020000002000000002 0 0 IN IP4 10.0.0.2", "s=Play",
                "t=0 0", "m=video 20000 RTP/AVP 96", "c=IN IP4 10.0.0.9", "a=sendonly", "y=0200000001");
        assertEquals(SdpConnection.of("10.0.0.9"), a.address());
    }

    @Test
    void mediaLevelConnectionOverridesSessionLevel() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "c=IN IP4 10.0.0.2", "t=0 0", "m=video 20000 RTP/AVP 96",
                "c=IN IP6 fe80::1");
        assertEquals(new SdpConnection(SdpConnection.AddressType.IP6, "fe80::1"), a.address());
    }

    @Test
    void missingConnectionIsATypedError() {
        SdpParseException e = refused(Reason.NO_CONNECTION, "v=0", "o=34020000001320000001 0 0 IN IP4 192.168.1.64",
                "s=Play", "t=0 0", "m=video 15060 RTP/AVP 96", "y=0200000001");
        assertEquals("Play", e.description().sessionName());
    }

    @Test
    void noMediaIsATypedError() {
        refused(Reason.NO_MEDIA, "v=0", "s=Play", "c=IN IP4 192.168.1.64", "t=0 0");
        assertEquals(Reason.NO_MEDIA, assertThrows(SdpParseException.class,
                () -> SdpAnswer.parse(PARSER, new byte[0], MediaTransport.UDP)).reason());
    }

    /** The device takes the active role, so it connects and the platform listens. */
    @Test
    void tcpAnswerWithDeviceActive() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.TCP_PASSIVE, "v=0", "o=34020000001320000001 0 0 IN IP4 192.168.1.64",
                "s=Play", "c=IN IP4 192.168.1.64", "t=0 0", "m=video 15060 TCP/RTP/AVP 96", "a=sendonly",
                "a=rtpmap:96 PS/90000", "a=setup:active", "a=connection:new", "y=0200000001");
        assertEquals(SetupRole.ACTIVE, a.deviceSetup());
        assertEquals(MediaTransport.TCP_PASSIVE, a.transport());
    }

    @Test
    void tcpAnswerWithDevicePassive() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.TCP_ACTIVE, "v=0", "c=IN IP4 192.168.1.64", "t=0 0",
                "m=video 15060 TCP/RTP/AVP 96", "a=setup:passive", "a=connection:new", "y=0200000001");
        assertEquals(SetupRole.PASSIVE, a.deviceSetup());
        assertEquals(MediaTransport.TCP_ACTIVE, a.transport());
        assertEquals(15060, a.port());
    }

    /** The device's stated role wins even when it does not match the offer: it will act on it. */
    @Test
    void deviceRoleWinsOverTheOffer() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.TCP_ACTIVE, "v=0", "c=IN IP4 192.168.1.64", "t=0 0",
                "m=video 15060 TCP/RTP/AVP 96", "a=setup:active");
        assertEquals(MediaTransport.TCP_PASSIVE, a.transport());
    }

    /** Devices that leave a=setup out of a TCP answer: the platform keeps the role it offered. */
    @Test
    void tcpAnswerWithoutSetupKeepsTheOfferedRole() throws SdpParseException {
        String[] lines = { "v=0", "o=34020000001320000001 0 0 IN IP4 192.168.1.64", "s=Play",
                "c=IN IP4 192.168.1.64", "t=0 0", "m=video 15060 TCP/RTP/AVP 96", "a=sendonly",
                "a=rtpmap:96 PS/90000", "y=0200000001" };
        assertEquals(MediaTransport.TCP_PASSIVE, answer(MediaTransport.TCP_PASSIVE, lines).transport());
        assertEquals(MediaTransport.TCP_ACTIVE, answer(MediaTransport.TCP_ACTIVE, lines).transport());
        assertNull(answer(MediaTransport.TCP_ACTIVE, lines).deviceSetup());
        // after a UDP offer, RFC 4145 §4.1's default makes the device active
        assertEquals(MediaTransport.TCP_PASSIVE, answer(MediaTransport.UDP, lines).transport());
    }

    @Test
    void actpassKeepsTheOfferedRole() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.TCP_ACTIVE, "v=0", "c=IN IP4 192.168.1.64", "t=0 0",
                "m=video 15060 TCP/RTP/AVP 96", "a=setup:actpass");
        assertEquals(SetupRole.ACTPASS, a.deviceSetup());
        assertEquals(MediaTransport.TCP_ACTIVE, a.transport());
    }

    @Test
    void sessionLevelSetupIsUsed() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.TCP_PASSIVE, "v=0", "c=IN IP4 192.168.1.64", "t=0 0", "a=setup:passive",
                "m=video 15060 TCP/RTP/AVP 96");
        assertEquals(MediaTransport.TCP_ACTIVE, a.transport());
    }

    /** {@code tcp/rtp/avp} in lower case, and the RTSP spelling {@code RTP/AVP/TCP}. */
    @Test
    void tcpProtocolSpellings() throws SdpParseException {
        for (String proto : new String[] { "tcp/rtp/avp", "Tcp/Rtp/Avp", "RTP/AVP/TCP" }) {
            SdpAnswer a = answer(MediaTransport.TCP_PASSIVE, "v=0", "c=IN IP4 192.168.1.64", "t=0 0",
                    "m=video 15060 " + proto + " 96", "a=SETUP:ACTIVE");
            assertEquals(MediaTransport.TCP_PASSIVE, a.transport(), proto);
            assertEquals(SetupRole.ACTIVE, a.deviceSetup(), proto);
        }
    }

    /** A UDP answer to a TCP offer: the device decides, and the platform must receive over UDP. */
    @Test
    void udpAnswerToTcpOffer() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.TCP_PASSIVE, "v=0", "c=IN IP4 192.168.1.64", "t=0 0",
                "m=video 15060 RTP/AVP 96", "a=setup:active");
        assertEquals(MediaTransport.UDP, a.transport());
        assertNull(a.deviceSetup());
    }

    /** The f= example of the standard: H.264, 1080P (5), 25 fps, CBR 4000 kbps; G.711 at 8 kHz. */
    @Test
    void formatParametersOfTheStandardExample() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "c=IN IP4 192.168.1.64", "t=0 0", "m=video 15060 RTP/AVP 96",
                "y=0200000001", "f=v/2/5/25/1/4000a/1/8/1");
        assertEquals("v/2/5/25/1/4000a/1/8/1", a.format());
        FormatParameters f = a.formatParameters().orElseThrow();
        assertEquals(new FormatParameters("2", "5", "25", "1", "4000", "1", "8", "1"), f);
        assertEquals("v/2/5/25/1/4000a/1/8/1", f.toString());
    }

    @Test
    void formatParameterVariants() {
        assertEquals(new FormatParameters(null, null, null, null, null, null, null, null),
                FormatParameters.parse("v/////a///").orElseThrow());
        assertEquals(new FormatParameters("0", "0", "0", "0", "0", "0", "0", "0"),
                FormatParameters.parse("v/0/0/0/0/0a/0/0/0").orElseThrow());
        // a slash before the audio part, as some devices write it
        assertEquals(new FormatParameters("2", "1920x1080", "25", "1", "4000", "1", "8", "1"),
                FormatParameters.parse("v/2/1920x1080/25/1/4000/a/1/8/1").orElseThrow());
        for (String bad : new String[] { "", "v/", "v/2/5/25/1/4000", "v/2/5/25/1a/1/8/1", "v/2/5/25/1/4000/7a/1/8/1",
                "v/2/5/25/1/4000a/1/8", "v/2/5/25/1/4000a/1/8/1/9", "x/2/5/25/1/4000a/1/8/1",
                "v/2/5 /25/1/4000a/1/8/1" }) {
            assertEquals(Optional.empty(), FormatParameters.parse(bad), bad);
        }
        assertEquals(Optional.empty(), FormatParameters.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new FormatParameters("2/3", null, null, null, null, null,
                null, null));
    }

    /** A broken f= does not cost the stream: it is informational. */
    @Test
    void brokenFormatKeepsTheAnswerUsable() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "c=IN IP4 192.168.1.64", "t=0 0", "m=video 15060 RTP/AVP 96",
                "f=garbage");
        assertEquals("garbage", a.format());
        assertEquals(Optional.empty(), a.formatParameters());
    }

    @Test
    void downloadAnswerWithFileSize() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "o=34020000001320000001 0 0 IN IP4 192.168.1.64",
                "s=Download", "c=IN IP4 192.168.1.64", "t=1498173736 1498174066", "m=video 15062 RTP/AVP 96",
                "a=sendonly", "a=rtpmap:96 PS/90000", "a=filesize:104857600", "y=1200000002");
        assertEquals(104_857_600L, a.fileSize());
        assertTrue(a.ssrc().isHistory());
        assertEquals(new SdpTime(1_498_173_736L, 1_498_174_066L), a.description().time());
    }

    @Test
    void talkAnswerIsAudio() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "o=34020000001320000001 0 0 IN IP4 192.168.1.64", "s=Talk",
                "c=IN IP4 192.168.1.64", "t=0 0", "m=audio 15064 RTP/AVP 8", "a=sendrecv", "a=rtpmap:8 PCMA/8000",
                "y=0200000001");
        assertEquals("audio", a.media().media());
        assertEquals(List.of(RtpMap.PCMA), a.codecs());
        assertEquals(MediaDirection.SENDRECV, a.direction());
        assertEquals(GbSessionType.TALK, GbSessionType.of(a.sessionName()));
    }

    /**
     * A camera's answer to s=Talk: two audio lines on one port, one per direction, and rtpmap with a channel count.
     * The first usable line is taken; the whole answer stays available for the second.
     */
    @Test
    void talkAnswerWithOneLinePerDirection() throws SdpParseException {
        SdpAnswer a = answer(MediaTransport.UDP, "v=0", "o=34020000001320000001 0 0 IN IP4 192.168.0.111", "s=Talk",
                "i=VCam Talk Session", "c=IN IP4 192.168.0.111", "t=0 0",
                "m=audio 9712 RTP/AVP 8", "a=recvonly", "a=rtpmap:8 PCMA/8000/1",
                "m=audio 9712 RTP/AVP 8", "a=sendonly", "a=rtpmap:8 PCMA/8000/1",
                "y=0100000001", "f=v/0/0/0/0/0a/0/0/0");
        assertEquals(9712, a.port());
        assertEquals(MediaDirection.RECVONLY, a.direction());
        assertEquals(new RtpMap(8, "PCMA", 8000, "1"), a.codec(8));
        // y= and f= stand under the second line but mean the session
        assertEquals(Ssrc.parse("0100000001"), a.ssrc());
        assertEquals("v/0/0/0/0/0a/0/0/0", a.format());
        assertNull(a.media().ssrc());
        assertEquals(MediaDirection.SENDONLY, a.description().media().get(1).direction());
    }

    /** A Talk offer seen in the field carries "f=v/a/1/8/1", without the video fields: not the GB shape. */
    @Test
    void formatWithoutVideoFieldsIsNotParsed() {
        assertEquals(Optional.empty(), FormatParameters.parse("v/a/1/8/1"));
    }

    @Test
    void directionDefaultsToSendrecvAndFallsBackToSessionLevel() throws SdpParseException {
        assertEquals(MediaDirection.SENDRECV, answer(MediaTransport.UDP, "v=0", "c=IN IP4 1.2.3.4", "t=0 0",
                "m=video 1 RTP/AVP 96").direction());
        assertEquals(MediaDirection.SENDONLY, answer(MediaTransport.UDP, "v=0", "c=IN IP4 1.2.3.4", "t=0 0",
                "a=sendonly", "m=video 1 RTP/AVP 96").direction());
    }

    /** An answer to the platform's own offer, read back through the same path. */
    @Test
    void ourOwnOfferReadsAsAnAnswer() throws SdpParseException {
        SessionDescription offer = GbOffer.play("34020000002000000001", "192.168.1.10", 30000).ssrc(OFFERED)
                .transport(MediaTransport.TCP_PASSIVE).build();
        SdpAnswer a = SdpAnswer.of(offer, MediaTransport.TCP_PASSIVE);
        assertEquals(SetupRole.PASSIVE, a.deviceSetup());
        assertEquals(MediaTransport.TCP_ACTIVE, a.transport());
        assertEquals(OFFERED, a.ssrc());
        assertEquals(RtpMap.GB_VIDEO, a.codecs());
    }
}
