package io.github.camelgb28181.media.rtp;

/**
 * A parsed RTP packet (RFC 3550 §5.1): header fields plus where the payload lies in the caller's array. Nothing is
 * copied; the view is only valid as long as the caller leaves the array alone, which for packets handed to a listener
 * means during the call.
 *
 * @param data           the array holding the packet
 * @param offset         where the packet starts in {@code data}
 * @param length         the packet's length, padding included
 * @param marker         the M bit: for PS over RTP, the last packet of a frame
 * @param payloadType    PT, 0–127
 * @param sequenceNumber 16-bit sequence number
 * @param timestamp      32-bit RTP timestamp, unsigned
 * @param ssrc           32-bit SSRC, unsigned
 * @param csrcCount      number of CSRC entries
 * @param extension      whether a header extension was present
 * @param payloadOffset  where the payload starts in {@code data}
 * @param payloadLength  payload bytes, padding excluded
 */
public record RtpPacket(byte[] data, int offset, int length, boolean marker, int payloadType, int sequenceNumber,
                        long timestamp, long ssrc, int csrcCount, boolean extension, int payloadOffset,
                        int payloadLength) {

    /** The fixed header (§5.1). */
    public static final int HEADER_SIZE = 12;

    /**
     * Parses {@code data[offset, offset + length)}.
     *
     * @throws RtpParseException with the {@link RtpDefect} when the bytes are not an RTP packet
     */
    public static RtpPacket parse(byte[] data, int offset, int length) throws RtpParseException {
        RtpDefect defect = check(data, offset, length);
        if (defect != null) {
            throw new RtpParseException(defect);
        }
        int b0 = data[offset] & 0xFF;
        int b1 = data[offset + 1] & 0xFF;
        int csrcCount = b0 & 0x0F;
        int payloadOffset = offset + HEADER_SIZE + 4 * csrcCount;
        boolean extension = (b0 & 0x10) != 0;
        if (extension) {
            payloadOffset += 4 + 4 * u16(data, payloadOffset + 2);
        }
        int padding = (b0 & 0x20) != 0 ? data[offset + length - 1] & 0xFF : 0;
        return new RtpPacket(data, offset, length, (b1 & 0x80) != 0, b1 & 0x7F, u16(data, offset + 2),
                u32(data, offset + 4), u32(data, offset + 8), csrcCount, extension, payloadOffset,
                offset + length - padding - payloadOffset);
    }

    /**
     * Checks {@code data[offset, offset + length)} without allocating.
     *
     * @return the defect, or {@code null} for a valid packet
     */
    public static RtpDefect check(byte[] data, int offset, int length) {
        if (length < HEADER_SIZE) {
            return RtpDefect.TRUNCATED_HEADER;
        }
        int b0 = data[offset] & 0xFF;
        if ((b0 >> 6) != 2) {
            return RtpDefect.BAD_VERSION;
        }
        int b1 = data[offset + 1] & 0xFF;
        if (b1 >= 200 && b1 <= 204) {
            return RtpDefect.RTCP;
        }
        int headerEnd = HEADER_SIZE + 4 * (b0 & 0x0F);
        if (headerEnd > length) {
            return RtpDefect.TRUNCATED_CSRC;
        }
        if ((b0 & 0x10) != 0) {
            // §5.3.1: 16-bit profile-defined value, 16-bit length in 32-bit words, then the extension words
            if (headerEnd + 4 > length) {
                return RtpDefect.TRUNCATED_EXTENSION;
            }
            headerEnd += 4 + 4 * u16(data, offset + headerEnd + 2);
            if (headerEnd > length) {
                return RtpDefect.TRUNCATED_EXTENSION;
            }
        }
        if ((b0 & 0x20) != 0) {
            int padding = data[offset + length - 1] & 0xFF;
            if (padding == 0 || padding > length - headerEnd) {
                return RtpDefect.BAD_PADDING;
            }
        }
        return null;
    }

    /** The same packet read from a copy of its bytes at {@code newOffset} in {@code newData}. */
    RtpPacket relocate(byte[] newData, int newOffset) {
        return new RtpPacket(newData, newOffset, length, marker, payloadType, sequenceNumber, timestamp, ssrc,
                csrcCount, extension, newOffset + (payloadOffset - offset), payloadLength);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }

    @Override
    public String toString() {
        return "RtpPacket[seq=" + sequenceNumber + " ts=" + timestamp + " ssrc=" + ssrc + " pt=" + payloadType
                + (marker ? " M" : "") + " payload=" + payloadLength + "]";
    }
}
