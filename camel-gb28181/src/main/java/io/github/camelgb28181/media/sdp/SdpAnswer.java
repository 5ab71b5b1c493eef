package io.github.camelgb28181.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.camelgb28181.media.sdp.SdpParseException.Reason;
import io.github.camelgb28181.media.ssrc.Ssrc;

/**
 * What the platform needs from a device's SDP answer to start receiving (or sending) media.
 *
 * @param sessionName  the answer's {@code s=}, or {@code null}
 * @param media        the media section used: the first one with a port other than 0
 * @param address      where the device's media is: media-level {@code c=}, else session-level (RFC 4566 §5.7)
 * @param port         the device's port (where the platform connects for {@link MediaTransport#TCP_ACTIVE})
 * @param transport    what the platform must do, resolved from the answer's protocol and setup role
 * @param deviceSetup  the device's {@code a=setup:} role as written, or {@code null} (UDP, or a device that omits it)
 * @param ssrc         the SSRC from {@code y=}, or {@code null} when the device did not send one; it may differ from the
 *                     offer's, and then it is what the RTP will carry
 * @param codecs       the readable {@code a=rtpmap} entries of the media section
 * @param direction    the effective direction (sendrecv when unstated)
 * @param format       the {@code f=} value as written, or {@code null}
 * @param fileSize     {@code a=filesize:} of a Download answer in bytes, or -1
 * @param description  the whole parsed answer
 */
public record SdpAnswer(String sessionName, MediaDescription media, SdpConnection address, int port,
                        MediaTransport transport, SetupRole deviceSetup, Ssrc ssrc, List<RtpMap> codecs,
                        MediaDirection direction, String format, long fileSize, SessionDescription description) {

    public SdpAnswer {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(description, "description");
        codecs = List.copyOf(codecs);
    }

    /**
     * Reads an answer.
     *
     * @param answer  the parsed body of the device's 200 OK (or of its INVITE, for broadcast)
     * @param offered the transport the platform offered: used when a TCP answer leaves out {@code a=setup}, which
     *                some devices do, or says {@code actpass}; the platform then keeps the role it offered
     * @throws SdpParseException with {@link Reason#NO_MEDIA} (no {@code m=}), {@link Reason#MEDIA_REJECTED} (every
     *                           {@code m=} has port 0), {@link Reason#NO_CONNECTION} (no {@code c=} for the media) or
     *                           {@link Reason#BAD_SSRC} ({@code y=} not a 32-bit decimal); the exception carries the
     *                           parsed description
     */
    public static SdpAnswer of(SessionDescription answer, MediaTransport offered) throws SdpParseException {
        if (answer.media().isEmpty()) {
            throw new SdpParseException(Reason.NO_MEDIA, "answer without a media line", answer);
        }
        MediaDescription media = null;
        for (MediaDescription m : answer.media()) {
            if (m.port() != 0) {
                media = m;
                break;
            }
        }
        if (media == null) {
            // RFC 3264 §6: port 0 refuses the stream; devices do it when the channel is busy or has no recording
            throw new SdpParseException(Reason.MEDIA_REJECTED, "every media line of the answer has port 0", answer);
        }
        SdpConnection address = answer.connectionFor(media);
        if (address == null) {
            throw new SdpParseException(Reason.NO_CONNECTION, "answer without c= for its " + media.media() + " media",
                    answer);
        }
        Ssrc ssrc = null;
        String y = answer.ssrcFor(media);
        if (y != null) {
            try {
                ssrc = Ssrc.parse(y);
            } catch (IllegalArgumentException e) {
                throw new SdpParseException(Reason.BAD_SSRC, "y=" + e.getMessage(), answer);
            }
        }
        SetupRole deviceSetup = media.isTcp() ? answer.setupFor(media) : null;
        return new SdpAnswer(answer.sessionName(), media, address, media.port(),
                transport(media, deviceSetup, offered), deviceSetup, ssrc, media.rtpMaps(),
                answer.directionFor(media), answer.formatFor(media), fileSize(media.attribute("filesize")), answer);
    }

    /** Parses the body and reads it as an answer. */
    public static SdpAnswer parse(SdpParser parser, byte[] body, MediaTransport offered) throws SdpParseException {
        return of(parser.parse(body), offered);
    }

    /**
     * The device's role decides when it states one (RFC 4145 §4.1: it connects when active, listens when passive).
     * Without a definite role the platform keeps the TCP role it offered; after a UDP offer the RFC default applies,
     * which makes the device the active side.
     */
    private static MediaTransport transport(MediaDescription media, SetupRole deviceSetup, MediaTransport offered) {
        if (!media.isTcp()) {
            return MediaTransport.UDP;
        }
        if (deviceSetup == SetupRole.ACTIVE || deviceSetup == SetupRole.PASSIVE) {
            return MediaTransport.answering(deviceSetup);
        }
        return offered.isTcp() ? offered : MediaTransport.TCP_PASSIVE;
    }

    private static long fileSize(String value) {
        return value == null ? -1 : SdpText.parseUnsigned(value.trim(), 18);
    }

    /** Whether the device announced an SSRC other than the offered one; RTP demux must then use the announced one. */
    public boolean ssrcDiffersFrom(Ssrc offered) {
        return ssrc != null && !ssrc.equals(offered);
    }

    /** The SSRC the RTP will carry as far as signalling tells: the announced one, else the offered one. */
    public Ssrc effectiveSsrc(Ssrc offered) {
        return ssrc != null ? ssrc : offered;
    }

    /** The {@code f=} fields, empty when absent or not in the GB shape. */
    public Optional<FormatParameters> formatParameters() {
        return FormatParameters.parse(format);
    }

    /** The codec for an RTP payload type, from the answer's {@code a=rtpmap} lines, or {@code null}. */
    public RtpMap codec(int payloadType) {
        for (RtpMap m : codecs) {
            if (m.payloadType() == payloadType) {
                return m;
            }
        }
        return null;
    }
}
