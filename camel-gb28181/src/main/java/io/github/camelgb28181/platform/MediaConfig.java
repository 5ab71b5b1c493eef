package io.github.camelgb28181.platform;

import io.github.camelgb28181.device.DevicePrefixMap;
import io.github.camelgb28181.media.port.MediaPortPoolConfig;
import io.github.camelgb28181.media.rtp.SsrcPolicy;
import io.github.camelgb28181.media.sdp.MediaTransport;
import io.github.camelgb28181.media.sdp.SubStreamFlavour;

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
 * @param statisticsIntervalMs how often each running stream reports its statistics as an event; 0 never
 * @param deviceTransports     media transport per device ID or prefix, for requests that name none
 * @param deviceFlavours       how the sub-stream is asked for, per device ID or prefix, for requests that name none
 * @param broadcastInviteTimeoutMs how long a device may take, after accepting a voice broadcast, to INVITE us
 */
public record MediaConfig(String advertisedHost, MediaPortPoolConfig ports, int udpReceiveBuffer, int ioThreads,
                          SsrcPolicy ssrcPolicy, int reorderDepth, long reorderHoldMs, long firstPacketTimeoutMs,
                          long watchdogTimeoutMs, int maxReinvites, long reinviteBackoffMs, long statisticsIntervalMs,
                          DevicePrefixMap<MediaTransport> deviceTransports,
                          DevicePrefixMap<SubStreamFlavour> deviceFlavours, long broadcastInviteTimeoutMs) {

    public MediaConfig {
        deviceTransports = deviceTransports == null ? DevicePrefixMap.empty() : deviceTransports;
        deviceFlavours = deviceFlavours == null ? DevicePrefixMap.empty() : deviceFlavours;
    }
}
