package io.github.camelgb28181.simulator;

import io.github.camelgb28181.media.sdp.GbSessionType;
import io.github.camelgb28181.media.sdp.MediaDescription;
import io.github.camelgb28181.media.sdp.MediaDirection;
import io.github.camelgb28181.media.sdp.MediaTransport;
import io.github.camelgb28181.media.sdp.RtpMap;
import io.github.camelgb28181.media.sdp.SdpAttribute;
import io.github.camelgb28181.media.sdp.SdpConnection;
import io.github.camelgb28181.media.sdp.SdpOrigin;
import io.github.camelgb28181.media.sdp.SdpParseException;
import io.github.camelgb28181.media.sdp.SdpParser;
import io.github.camelgb28181.media.sdp.SdpTime;
import io.github.camelgb28181.media.sdp.SdpWriter;
import io.github.camelgb28181.media.sdp.SessionDescription;
import io.github.camelgb28181.media.sdp.SetupRole;
import io.github.camelgb28181.media.ssrc.Ssrc;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a platform's INVITE asks a device for (GB/T 28181-2016 Annex F): live or recorded video, where to send it, over
 * which transport, with which SSRC; and the device's SDP answer to it.
 *
 * @param type          Play, Playback or Download
 * @param transport     the transport from the platform's point of view (TCP_ACTIVE: the platform connects to us)
 * @param platform      where the platform receives (UDP, TCP passive) — for TCP active only informative
 * @param ssrc          the offered {@code y=}, or one the device chose when the offer had none
 * @param downloadSpeed {@code a=downloadspeed} of a Download, else 1
 * @param time          the offer's {@code t=}, repeated in the answer
 */
record MediaOffer(GbSessionType type, MediaTransport transport, InetSocketAddress platform, Ssrc ssrc,
                  int downloadSpeed, SdpTime time) {

    /** RFC 4145 §4.1: the active side has no port to announce and writes the discard port. */
    static final int ACTIVE_SIDE_PORT = 9;

    /**
     * Reads an INVITE's offer.
     *
     * @throws MediaResponder.MediaRefusedException 400 for an unreadable offer, 488 for one this device cannot serve
     *                                              (no PS video, Talk, no address)
     */
    static MediaOffer read(SdpParser parser, byte[] body) throws MediaResponder.MediaRefusedException {
        if (body == null || body.length == 0) {
            throw new MediaResponder.MediaRefusedException(400, "INVITE without an SDP offer");
        }
        SessionDescription sd;
        try {
            sd = parser.parse(body);
        } catch (SdpParseException e) {
            throw new MediaResponder.MediaRefusedException(400, "unreadable offer: " + e.getMessage());
        }
        GbSessionType type = GbSessionType.of(sd.sessionName());
        if (type == GbSessionType.TALK) {
            throw new MediaResponder.MediaRefusedException(488, "this device does not talk back");
        }
        MediaDescription video = sd.firstMedia("video");
        if (video == null || video.port() == 0 || video.rtpMaps().stream().noneMatch(m -> m.payloadType() == 96
                && m.encoding().equalsIgnoreCase("PS"))) {
            throw new MediaResponder.MediaRefusedException(488, "the offer has no PS video on payload type 96");
        }
        SdpConnection c = sd.connectionFor(video);
        if (c == null) {
            throw new MediaResponder.MediaRefusedException(488, "the offer says no address for its video");
        }
        MediaTransport transport = !video.isTcp() ? MediaTransport.UDP
                : sd.setupFor(video) == SetupRole.ACTIVE ? MediaTransport.TCP_ACTIVE : MediaTransport.TCP_PASSIVE;
        String y = sd.ssrcFor(video);
        Ssrc ssrc;
        try {
            ssrc = y != null ? Ssrc.parse(y) : chooseSsrc(type);
        } catch (IllegalArgumentException e) {
            throw new MediaResponder.MediaRefusedException(400, "bad y=: " + e.getMessage());
        }
        int speed = 1;
        String s = video.attribute("downloadspeed");
        if (s == null) {
            s = sd.attribute("downloadspeed");
        }
        if (type == GbSessionType.DOWNLOAD && s != null) {
            try {
                speed = Math.max(1, Math.min(64, Integer.parseInt(s.trim())));
            } catch (NumberFormatException e) {
                throw new MediaResponder.MediaRefusedException(400, "bad downloadspeed: " + s);
            }
        }
        return new MediaOffer(type == null ? GbSessionType.PLAY : type, transport,
                InetSocketAddress.createUnresolved(c.address(), video.port()), ssrc, speed,
                sd.time() == null ? SdpTime.UNBOUNDED : sd.time());
    }

    /** GB/T 28181-2016 Annex D: 0 (live) or 1 (history), then 9 digits. */
    private static Ssrc chooseSsrc(GbSessionType type) {
        int serial = ThreadLocalRandom.current().nextInt(1_000_000_000);
        return Ssrc.parse((type != null && type.isHistory() ? "1" : "0") + String.format("%09d", serial));
    }

    /**
     * The device's answer: it sends ({@code a=sendonly}) PS on payload type 96 from {@code localHost:port}, takes the
     * opposite TCP role, and names the SSRC its RTP carries.
     */
    byte[] answer(String ownerId, String localHost, int port) {
        SdpConnection here = SdpConnection.of(localHost);
        List<SdpAttribute> attributes = new ArrayList<>(5);
        attributes.add(SdpAttribute.flag(MediaDirection.SENDONLY.attributeName()));
        attributes.add(RtpMap.PS.toAttribute());
        if (transport.isTcp()) {
            attributes.add(SdpAttribute.of("setup", transport == MediaTransport.TCP_ACTIVE
                    ? SetupRole.PASSIVE.value() : SetupRole.ACTIVE.value()));
            attributes.add(SdpAttribute.of("connection", "new"));
        }
        MediaDescription media = new MediaDescription("video", port, 1, transport.protocol(), List.of("96"), null,
                attributes, ssrc.decimal(), null, List.of());
        SessionDescription sd = new SessionDescription(0, new SdpOrigin(ownerId, "0", "0", here),
                type.sessionName(), null, here, time, List.of(), null, null, List.of(), List.of(media));
        return SdpWriter.toBytes(sd);
    }
}
