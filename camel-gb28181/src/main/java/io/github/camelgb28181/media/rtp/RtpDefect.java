package io.github.camelgb28181.media.rtp;

/** Why bytes are not an RTP packet (RFC 3550 §5.1). */
public enum RtpDefect {
    /** Fewer than the 12 bytes of the fixed header. */
    TRUNCATED_HEADER,
    /** The version field is not 2. */
    BAD_VERSION,
    /** The CSRC list runs past the end. */
    TRUNCATED_CSRC,
    /** The header extension runs past the end. */
    TRUNCATED_EXTENSION,
    /** The P bit is set but the padding count is 0 or larger than what follows the header. */
    BAD_PADDING,
    /** Payload type 72–76 with the marker: an RTCP packet sent to the RTP port (RFC 5761 §4). */
    RTCP
}
