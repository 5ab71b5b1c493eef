package io.github.camelgb28181.platform;

import io.github.camelgb28181.media.port.MediaPortPoolConfig;
import io.github.camelgb28181.media.rtp.SsrcPolicy;

/**
 * Settings of the media path.
 *
 * @param advertisedHost       the address written in our SDP offers ({@code c=}); null: the SIP advertised host
 * @param ports                the RTP port range and mode (one port per stream, or one shared port)
 * @param udpReceiveBuffer     SO_RCVBUF of media sockets
 * @param ioThreads            media event loops; 0 for the number of cores
 * @param ssrcPolicy           STRICT (only the SSRC agreed in SDP), LEARN (adopt the first one seen) or OFF
 * @param reorderDepth         UDP reorder buffer depth in packets (TCP never reorders)
 * @param reorderHoldMs        how long a gap may hold packets back before it counts as loss
 * @param firstPacketTimeoutMs how long after the 200 OK the first RTP packet may take
 * @param watchdogTimeoutMs    no RTP for this long ends in a re-INVITE (SPEC §3.2: stream loss detection)
 * @param maxReinvites         re-INVITEs before a lost stream is given up
 * @param reinviteBackoffMs    wait before the first re-INVITE, doubled for each further one
 */
public record MediaConfig(String advertisedHost, MediaPortPoolConfig ports, int udpReceiveBuffer, int ioThreads,
                          SsrcPolicy ssrcPolicy, int reorderDepth, long reorderHoldMs, long firstPacketTimeoutMs,
                          long watchdogTimeoutMs, int maxReinvites, long reinviteBackoffMs) {
}
