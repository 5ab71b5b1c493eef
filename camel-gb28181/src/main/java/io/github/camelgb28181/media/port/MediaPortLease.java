package io.github.camelgb28181.media.port;

/**
 * A port handed out by {@link MediaPortPool}; give it back with {@link MediaPortPool#release}.
 *
 * @param rtpPort  the port to put in the SDP offer and to receive RTP on
 * @param rtcpPort {@code rtpPort + 1}, reserved for RTCP, or -1 in {@link PortMode#SHARED} mode
 * @param shared   whether other streams use the same port (demultiplex by SSRC)
 */
public record MediaPortLease(int rtpPort, int rtcpPort, boolean shared) {
}
