package io.github.camelgb28181.media.codec;

/**
 * G.711 expansion (ITU-T G.711 §3, tables 1 and 2): one A-law or μ-law byte to a 16-bit linear sample. The bytes on
 * the wire are the standard's even-bit-inverted A-law and bit-inverted μ-law; full scale is ±32,256 (A-law) and
 * ±32,124 (μ-law). Tables of 256 entries, built once per class load, read-only.
 */
public final class G711 {

    private static final short[] ALAW = table(true);
    private static final short[] ULAW = table(false);
    private static final float FULL_SCALE = 32_768f;

    private G711() {
    }

    /** The linear value of an A-law byte. */
    public static short alaw(int code) {
        return ALAW[code & 0xFF];
    }

    /** The linear value of a μ-law byte. */
    public static short ulaw(int code) {
        return ULAW[code & 0xFF];
    }

    /**
     * Expands {@code length} bytes from {@code in[from]} into {@code out[at]...} as floats in [-1, 1), the form audio
     * encoders take.
     */
    public static void toFloat(byte[] in, int from, int length, boolean alaw, float[] out, int at) {
        short[] table = alaw ? ALAW : ULAW;
        for (int i = 0; i < length; i++) {
            out[at + i] = table[in[from + i] & 0xFF] / FULL_SCALE;
        }
    }

    private static short[] table(boolean alaw) {
        short[] t = new short[256];
        for (int code = 0; code < 256; code++) {
            t[code] = (short) (alaw ? expandAlaw(code) : expandUlaw(code));
        }
        return t;
    }

    /** A-law: the even bits are inverted on the wire; 3 bits of segment, 4 of mantissa, sign set for positive. */
    private static int expandAlaw(int code) {
        int a = code ^ 0x55;
        int magnitude = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            magnitude += 8;
        } else {
            magnitude = (magnitude + 0x108) << (segment - 1);
        }
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }

    /** μ-law: all bits inverted on the wire; the bias of 0x84 (132) is added before the shift and taken off after. */
    private static int expandUlaw(int code) {
        int u = ~code & 0xFF;
        int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
    }
}
