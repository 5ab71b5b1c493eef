package io.github.camelgb28181.media.port;

/** How streams are spread over receiving ports (SPEC §3.2). */
public enum PortMode {
    /**
     * Each stream gets its own even RTP port, with the odd port above it kept for RTCP (RFC 3550 §11). Needed for
     * devices that send without SSRC or with one other than announced, and for TCP passive, where each stream is
     * its own listening socket.
     */
    ONE_PER_STREAM,
    /** All streams arrive on one port and are told apart by SSRC; one port to open in firewalls and NAT. */
    SHARED
}
