package io.github.camelgb28181.media.codec;

/**
 * Reads bits and Exp-Golomb codes from a NAL unit payload, dropping emulation-prevention bytes on the fly (the
 * {@code 0x03} after two zero bytes, H.264 §7.4.1 / H.265 §7.4.2) so that the NAL need not be copied first.
 */
final class RbspReader {

    private final byte[] data;
    private final int end;
    private int position;
    private int zeros;
    private int current;
    private int bitsLeft;

    /** Reads {@code data[offset, end)}; {@code offset} is the first byte after the NAL unit header. */
    RbspReader(byte[] data, int offset, int end) {
        this.data = data;
        this.position = offset;
        this.end = end;
    }

    int u(int bits) throws BitstreamException {
        int value = 0;
        for (int i = 0; i < bits; i++) {
            value = (value << 1) | bit();
        }
        return value;
    }

    boolean flag() throws BitstreamException {
        return bit() == 1;
    }

    void skip(int bits) throws BitstreamException {
        for (int i = 0; i < bits; i++) {
            bit();
        }
    }

    /** ue(v) (H.264 §9.1); values beyond 2^31 - 2 are no legal syntax element and are rejected. */
    int ue() throws BitstreamException {
        int leadingZeros = 0;
        while (bit() == 0) {
            leadingZeros++;
            if (leadingZeros > 30) {
                throw new BitstreamException("Exp-Golomb code longer than 31 bits");
            }
        }
        return (1 << leadingZeros) - 1 + u(leadingZeros);
    }

    /** se(v) (H.264 §9.1.1). */
    int se() throws BitstreamException {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    /** ue(v) that must lie in {@code [0, max]}. */
    int ue(String name, int max) throws BitstreamException {
        int value = ue();
        if (value > max) {
            throw new BitstreamException(name + " " + value + " exceeds " + max);
        }
        return value;
    }

    private int bit() throws BitstreamException {
        if (bitsLeft == 0) {
            current = nextByte();
            bitsLeft = 8;
        }
        bitsLeft--;
        return (current >> bitsLeft) & 1;
    }

    private int nextByte() throws BitstreamException {
        if (position < end && zeros >= 2 && data[position] == 3) {
            position++;
            zeros = 0;
        }
        if (position >= end) {
            throw new BitstreamException("parameter set truncated");
        }
        int b = data[position++] & 0xFF;
        zeros = b == 0 ? zeros + 1 : 0;
        return b;
    }
}
