package io.github.camelgb28181.media.sdp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.camelgb28181.media.ssrc.Ssrc;

/**
 * Builds the SDP bodies the platform sends: INVITE offers for Play, Playback, Download and Talk, and the answer to a
 * device's broadcast INVITE. The lines and their order follow the examples of GB/T 28181-2016 Annex F (2022 Annex G):
 *
 * <pre>
 * v=0
 * o=&lt;platform ID&gt; 0 0 IN IP4 &lt;media IP&gt;
 * s=Play | Playback | Download | Talk
 * u=&lt;channel ID&gt;:0                 (Playback, Download)
 * c=IN IP4 &lt;media IP&gt;
 * t=0 0 | t=&lt;start&gt; &lt;end&gt;          (Unix seconds for Playback, Download)
 * m=video &lt;port&gt; RTP/AVP|TCP/RTP/AVP 96 97 98 99
 * a=recvonly
 * a=rtpmap:96 PS/90000 ...
 * a=setup:passive|active            (TCP: the platform's own role)
 * a=connection:new                  (TCP)
 * a=downloadspeed:4                 (Download)
 * a=streamnumber:1                  (sub-stream flavour, when chosen)
 * y=0340200001
 * f=v/2/5/25/1/4000a/1/8/1          (when given)
 * </pre>
 */
public final class GbOffer {

    private GbOffer() {
    }

    /** A live video offer. */
    public static Builder play(String ownerId, String mediaAddress, int port) {
        return new Builder(GbSessionType.PLAY.sessionName(), "video", ownerId, mediaAddress, port)
                .direction(MediaDirection.RECVONLY).payloads(RtpMap.GB_VIDEO);
    }

    /**
     * A recorded video offer for the interval {@code [start, end]} of {@code channelId}; the times go into {@code t=}
     * as Unix seconds, the channel into {@code u=<channelId>:0}.
     */
    public static Builder playback(String ownerId, String mediaAddress, int port, String channelId, Instant start,
                                   Instant end) {
        return history(GbSessionType.PLAYBACK, ownerId, mediaAddress, port, channelId, start, end);
    }

    /** Like {@link #playback}, for a download at {@code speed} times real time ({@code a=downloadspeed:N}). */
    public static Builder download(String ownerId, String mediaAddress, int port, String channelId, Instant start,
                                   Instant end, int speed) {
        return history(GbSessionType.DOWNLOAD, ownerId, mediaAddress, port, channelId, start, end)
                .downloadSpeed(speed);
    }

    /** A two-way audio offer ({@code s=Talk}, G.711 A-law and µ-law, {@code sendrecv}). */
    public static Builder talk(String ownerId, String mediaAddress, int port) {
        return new Builder(GbSessionType.TALK.sessionName(), "audio", ownerId, mediaAddress, port)
                .direction(MediaDirection.SENDRECV).payloads(RtpMap.GB_AUDIO);
    }

    /**
     * The answer to the INVITE a device sends after {@code Notify Broadcast} (SPEC §3.2): the device offered to receive
     * audio ({@code a=recvonly}), so the platform says it only sends, in the one codec it picked from the offer; the
     * {@link Builder#ssrc SSRC} is the one from the device's {@code y=}.
     */
    public static Builder broadcastAnswer(String ownerId, String mediaAddress, int port, RtpMap codec) {
        return new Builder(GbSessionType.PLAY.sessionName(), "audio", ownerId, mediaAddress, port)
                .direction(MediaDirection.SENDONLY).payloads(List.of(codec));
    }

    private static Builder history(GbSessionType type, String ownerId, String mediaAddress, int port,
                                   String channelId, Instant start, Instant end) {
        return new Builder(type.sessionName(), "video", ownerId, mediaAddress, port)
                .direction(MediaDirection.RECVONLY).payloads(RtpMap.GB_VIDEO)
                .history(channelId, SdpTime.between(start, end));
    }

    /** Collects the choices of one offer; {@link #build()} checks them and produces the description. */
    public static final class Builder {
        private final String sessionName;
        private final String mediaType;
        private final String ownerId;
        private final SdpConnection connection;
        private final int port;
        private MediaTransport transport = MediaTransport.UDP;
        private Ssrc ssrc;
        private SubStreamFlavour flavour = SubStreamFlavour.NONE;
        private int streamIndex;
        private MediaDirection direction;
        private List<RtpMap> payloads;
        private String channelId;
        private int uriParameter;
        private SdpTime time = SdpTime.UNBOUNDED;
        private int downloadSpeed;
        private FormatParameters format;

        private Builder(String sessionName, String mediaType, String ownerId, String mediaAddress, int port) {
            this.sessionName = sessionName;
            this.mediaType = mediaType;
            this.ownerId = SdpText.requireToken("owner ID", ownerId);
            this.connection = SdpConnection.of(mediaAddress);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
        }

        /**
         * UDP (the default), TCP with the platform listening, or TCP with the platform connecting. With
         * {@link MediaTransport#TCP_ACTIVE} the {@code m=} port only informs the device (the platform connects to
         * the port of the answer), but devices expect a real one, so pass the leased port all the same.
         */
        public Builder transport(MediaTransport t) {
            this.transport = Objects.requireNonNull(t, "transport");
            return this;
        }

        /** The {@code y=} SSRC; required, because devices (Hikvision among them) ignore INVITEs without it. */
        public Builder ssrc(Ssrc s) {
            this.ssrc = Objects.requireNonNull(s, "ssrc");
            return this;
        }

        /** Asks for stream {@code index} (0 main, 1 sub...) in the attribute this device understands. */
        public Builder subStream(SubStreamFlavour f, int index) {
            Objects.requireNonNull(f, "flavour").attribute(index); // fails now for an index the flavour cannot say
            this.flavour = f;
            this.streamIndex = index;
            return this;
        }

        public Builder direction(MediaDirection d) {
            this.direction = Objects.requireNonNull(d, "direction");
            return this;
        }

        /** The payload types offered, in order; the {@code m=} formats and {@code a=rtpmap} lines follow this list. */
        public Builder payloads(List<RtpMap> p) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("an offer needs at least one payload type");
            }
            this.payloads = List.copyOf(p);
            return this;
        }

        /**
         * The number after the channel in {@code u=<channelId>:<n>}; 0 (all recordings) unless set. The standard's
         * short form carries the recording type here: 1 manual, 2 alarm, 3 time-scheduled.
         */
        public Builder uriParameter(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("u= parameter must not be negative: " + n);
            }
            this.uriParameter = n;
            return this;
        }

        /** Playback speed of a download, 1 to 64 times real time. */
        public Builder downloadSpeed(int speed) {
            if (speed < 1 || speed > 64) {
                throw new IllegalArgumentException("download speed must be 1 to 64: " + speed);
            }
            this.downloadSpeed = speed;
            return this;
        }

        /** An {@code f=} line describing the wanted encoding. */
        public Builder format(FormatParameters f) {
            this.format = Objects.requireNonNull(f, "format");
            return this;
        }

        private Builder history(String channel, SdpTime interval) {
            this.channelId = SdpText.requireToken("channel ID", channel);
            this.time = interval;
            return this;
        }

        /**
         * The description.
         *
         * @throws IllegalStateException when no SSRC was given
         */
        public SessionDescription build() {
            if (ssrc == null) {
                throw new IllegalStateException("an offer needs an SSRC (y=)");
            }
            List<String> formats = new ArrayList<>(payloads.size());
            List<SdpAttribute> attributes = new ArrayList<>(payloads.size() + 6);
            attributes.add(SdpAttribute.flag(direction.attributeName()));
            for (RtpMap m : payloads) {
                formats.add(Integer.toString(m.payloadType()));
                attributes.add(m.toAttribute());
            }
            if (transport.isTcp()) {
                attributes.add(SdpAttribute.of("setup", transport.ourRole().value()));
                // RFC 4145 §5: every INVITE opens a fresh connection; a reused one would mix two sessions' RTP
                attributes.add(SdpAttribute.of("connection", "new"));
            }
            if (downloadSpeed > 0) {
                attributes.add(SdpAttribute.of("downloadspeed", Integer.toString(downloadSpeed)));
            }
            SdpAttribute stream = flavour.attribute(streamIndex);
            if (stream != null) {
                attributes.add(stream);
            }
            MediaDescription media = new MediaDescription(mediaType, port, 1, transport.protocol(), formats, null,
                    attributes, ssrc.decimal(), format == null ? null : format.toString(), List.of());
            String uri = channelId == null ? null : channelId + ":" + uriParameter;
            SdpOrigin origin = new SdpOrigin(ownerId, "0", "0", connection);
            return new SessionDescription(0, origin, sessionName, uri, connection, time, List.of(), null, null,
                    List.of(), List.of(media));
        }
    }
}
