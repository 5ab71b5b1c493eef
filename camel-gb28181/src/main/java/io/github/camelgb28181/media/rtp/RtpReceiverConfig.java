package io.github.camelgb28181.media.rtp;

import io.github.camelgb28181.media.ps.AccessUnitAssembler;

import java.time.Duration;

/**
 * Settings of one {@link RtpStreamReceiver}.
 *
 * @param reorderDepth       packets held to wait for a missing one; 0 for RTP over TCP, which cannot reorder
 * @param maxHold            the longest a gap is waited for before it is given up as lost
 * @param ssrcPolicy         which SSRC is accepted
 * @param expectedSsrc       the SSRC offered in {@code y=} (unsigned 32 bit), or -1 when none was offered
 * @param payloadType        the only payload type accepted, or -1 to lock on the first one seen
 * @param maxAccessUnitSize  the largest frame assembled; larger ones are dropped and counted
 */
public record RtpReceiverConfig(int reorderDepth, Duration maxHold, SsrcPolicy ssrcPolicy, long expectedSsrc,
                                int payloadType, int maxAccessUnitSize) {

    /** UDP: 64 packets (about 90 KB, a large key frame's worth) and 100 ms cover what Wi-Fi and LAN reorder. */
    public static final int DEFAULT_UDP_DEPTH = 64;
    public static final Duration DEFAULT_MAX_HOLD = Duration.ofMillis(100);

    public RtpReceiverConfig {
        if (reorderDepth < 0 || reorderDepth > 1024) {
            throw new IllegalArgumentException("reorderDepth must be 0..1024: " + reorderDepth);
        }
        if (maxHold == null || maxHold.isNegative()) {
            throw new IllegalArgumentException("maxHold must be zero or positive: " + maxHold);
        }
        if (ssrcPolicy == null) {
            throw new IllegalArgumentException("ssrcPolicy is required");
        }
        if (expectedSsrc < -1 || expectedSsrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("expectedSsrc must be an unsigned 32-bit value or -1: " + expectedSsrc);
        }
        if (ssrcPolicy == SsrcPolicy.STRICT && expectedSsrc < 0) {
            throw new IllegalArgumentException("STRICT needs an expected SSRC");
        }
        if (payloadType < -1 || payloadType > 127) {
            throw new IllegalArgumentException("payloadType must be 0..127 or -1: " + payloadType);
        }
        if (maxAccessUnitSize < 1024) {
            throw new IllegalArgumentException("maxAccessUnitSize must be at least 1024 bytes: " + maxAccessUnitSize);
        }
    }

    /** RTP over UDP, learning the SSRC. */
    public static RtpReceiverConfig udp() {
        return new RtpReceiverConfig(DEFAULT_UDP_DEPTH, DEFAULT_MAX_HOLD, SsrcPolicy.LEARN, -1, -1,
                AccessUnitAssembler.DEFAULT_MAX_ACCESS_UNIT_SIZE);
    }

    /** RTP over TCP (RFC 4571): in order by nature, so gaps are only detected. */
    public static RtpReceiverConfig tcp() {
        return udp().withReorderDepth(0);
    }

    public RtpReceiverConfig withReorderDepth(int depth) {
        return new RtpReceiverConfig(depth, maxHold, ssrcPolicy, expectedSsrc, payloadType, maxAccessUnitSize);
    }

    public RtpReceiverConfig withMaxHold(Duration hold) {
        return new RtpReceiverConfig(reorderDepth, hold, ssrcPolicy, expectedSsrc, payloadType, maxAccessUnitSize);
    }

    public RtpReceiverConfig withSsrc(SsrcPolicy policy, long ssrc) {
        return new RtpReceiverConfig(reorderDepth, maxHold, policy, ssrc, payloadType, maxAccessUnitSize);
    }

    public RtpReceiverConfig withPayloadType(int type) {
        return new RtpReceiverConfig(reorderDepth, maxHold, ssrcPolicy, expectedSsrc, type, maxAccessUnitSize);
    }

    public RtpReceiverConfig withMaxAccessUnitSize(int size) {
        return new RtpReceiverConfig(reorderDepth, maxHold, ssrcPolicy, expectedSsrc, payloadType, size);
    }
}
