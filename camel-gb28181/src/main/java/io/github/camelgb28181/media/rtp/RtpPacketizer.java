package io.github.camelgb28181.media.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts program-stream frames into RTP packets as GB/T 28181-2022 asks: payload of at most 1,400 bytes, one RTP
 * timestamp per frame, the marker on a frame's last packet, PT 96, sequence numbers wrapping at 2^16.
 */
public final class RtpPacketizer {

    public static final int PAYLOAD_TYPE = 96;
    public static final int MAX_PAYLOAD = 1400;

    private final long ssrc;
    private final int payloadType;
    private int sequence;

    public RtpPacketizer(long ssrc, int firstSequence) {
        this(ssrc, firstSequence, PAYLOAD_TYPE);
    }

    public RtpPacketizer(long ssrc, int firstSequence, int payloadType) {
        this.ssrc = ssrc;
        this.sequence = firstSequence & 0xFFFF;
        this.payloadType = payloadType;
    }

    public List<byte[]> packetize(byte[] frame, long timestamp) {
        return packetize(frame, timestamp, MAX_PAYLOAD);
    }

    public List<byte[]> packetize(byte[] frame, long timestamp, int maxPayload) {
        List<byte[]> packets = new ArrayList<>();
        for (int at = 0; at < frame.length; at += maxPayload) {
            int n = Math.min(maxPayload, frame.length - at);
            packets.add(packet(frame, at, n, timestamp, at + n == frame.length));
        }
        return packets;
    }

    public byte[] packet(byte[] payload, int offset, int length, long timestamp, boolean marker) {
        byte[] p = new byte[12 + length];
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        p[2] = (byte) (sequence >> 8);
        p[3] = (byte) sequence;
        p[4] = (byte) (timestamp >> 24);
        p[5] = (byte) (timestamp >> 16);
        p[6] = (byte) (timestamp >> 8);
        p[7] = (byte) timestamp;
        p[8] = (byte) (ssrc >> 24);
        p[9] = (byte) (ssrc >> 16);
        p[10] = (byte) (ssrc >> 8);
        p[11] = (byte) ssrc;
        System.arraycopy(payload, offset, p, 12, length);
        sequence = sequence + 1 & 0xFFFF;
        return p;
    }
}
