package io.github.camelgb28181.media.sdp;

/**
 * How RTP travels between the platform and a device, from the platform's point of view (SPEC §3.2): over UDP, over TCP
 * with the platform listening (the device connects, "TCP passive"), or over TCP with the platform connecting to the
 * device ("TCP active"). TCP uses RFC 4571 framing.
 */
public enum MediaTransport {
    UDP(null),
    TCP_PASSIVE(SetupRole.PASSIVE),
    TCP_ACTIVE(SetupRole.ACTIVE);

    private final SetupRole ourRole;

    MediaTransport(SetupRole ourRole) {
        this.ourRole = ourRole;
    }

    public boolean isTcp() {
        return this != UDP;
    }

    /** The {@code m=} protocol GB/T 28181 writes for this transport. */
    public String protocol() {
        return isTcp() ? "TCP/RTP/AVP" : "RTP/AVP";
    }

    /** The platform's {@code a=setup:} role in an offer (RFC 4145 §4), {@code null} for UDP. */
    public SetupRole ourRole() {
        return ourRole;
    }

    /**
     * Reads udp, tcp-passive (or tcp), tcp-active, in any case, with {@code _} or {@code -}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static MediaTransport parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "udp" -> UDP;
            case "tcp-passive", "tcp" -> TCP_PASSIVE;
            case "tcp-active" -> TCP_ACTIVE;
            default -> throw new IllegalArgumentException("transport must be udp, tcp-passive or tcp-active, not '"
                    + text + "'");
        };
    }

    /** What the platform must do when the peer takes this TCP role: listen when it connects, connect when it listens. */
    public static MediaTransport answering(SetupRole peerRole) {
        return switch (peerRole) {
            case ACTIVE -> TCP_PASSIVE;
            case PASSIVE -> TCP_ACTIVE;
            default -> throw new IllegalArgumentException("no definite TCP role: " + peerRole);
        };
    }
}
