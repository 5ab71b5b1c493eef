package io.github.camelgb28181.bridge;

/**
 * The fixed and variable header of one ADTS frame (ISO/IEC 13818-7 §6.2.1 / ISO/IEC 14496-3 §1.A.2.2): a device's
 * AAC PES payload is one or more of these frames back to back, while FLV, MP4 and RTP want raw frames plus an
 * AudioSpecificConfig.
 *
 * @param audioObjectType MPEG-4 audio object type (ADTS profile + 1; 2 = AAC LC)
 * @param sampleRateIndex index into the MPEG-4 sampling frequency table
 * @param channelConfig   MPEG-4 channel configuration (1 mono, 2 stereo, …)
 * @param headerLength    7, or 9 when a CRC follows the header
 * @param frameLength     header plus raw data, in bytes
 */
record AdtsHeader(int audioObjectType, int sampleRateIndex, int channelConfig, int headerLength, int frameLength) {

    /** Samples per channel in one AAC frame (ISO/IEC 14496-3: 1024 for AAC LC frames carried in ADTS). */
    static final int SAMPLES_PER_FRAME = 1024;

    private static final int[] SAMPLE_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
    };
    private static final int MIN_HEADER = 7;

    /** Reads the header at {@code offset}; the frame it announces must lie within {@code data}. */
    static AdtsHeader parse(byte[] data, int offset) throws MalformedUnitException {
        if (data.length - offset < MIN_HEADER) {
            throw new MalformedUnitException("ADTS header truncated at " + offset);
        }
        int b0 = data[offset] & 0xFF;
        int b1 = data[offset + 1] & 0xFF;
        if (b0 != 0xFF || (b1 & 0xF6) != 0xF0) {
            throw new MalformedUnitException("no ADTS sync word (layer 0) at " + offset);
        }
        int b2 = data[offset + 2] & 0xFF;
        int b3 = data[offset + 3] & 0xFF;
        int b4 = data[offset + 4] & 0xFF;
        int b5 = data[offset + 5] & 0xFF;
        int headerLength = (b1 & 0x01) == 1 ? MIN_HEADER : MIN_HEADER + 2;
        int sampleRateIndex = (b2 >> 2) & 0x0F;
        if (sampleRateIndex >= SAMPLE_RATES.length) {
            throw new MalformedUnitException("reserved ADTS sampling frequency index " + sampleRateIndex);
        }
        int channelConfig = ((b2 & 0x01) << 2) | (b3 >> 6);
        int frameLength = ((b3 & 0x03) << 11) | (b4 << 3) | (b5 >> 5);
        if (frameLength <= headerLength || frameLength > data.length - offset) {
            throw new MalformedUnitException("ADTS frame length " + frameLength + " does not fit the "
                    + (data.length - offset) + " bytes left");
        }
        return new AdtsHeader(((b2 >> 6) & 0x03) + 1, sampleRateIndex, channelConfig, headerLength, frameLength);
    }

    int sampleRate() {
        return SAMPLE_RATES[sampleRateIndex];
    }

    /** The two-byte AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) that FLV, MP4 and RTP carry out of band. */
    byte[] audioSpecificConfig() {
        return new byte[] {
            (byte) ((audioObjectType << 3) | (sampleRateIndex >> 1)),
            (byte) (((sampleRateIndex & 0x01) << 7) | (channelConfig << 3))
        };
    }

    int payloadLength() {
        return frameLength - headerLength;
    }
}
