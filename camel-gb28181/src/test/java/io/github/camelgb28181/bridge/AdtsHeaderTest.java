package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The ADTS header reader against real and hostile bytes. */
class AdtsHeaderTest {

    /**
     * The first bytes of {@code ffmpeg -f lavfi -i sine=sample_rate=8000 -ac 1 -c:a aac -f adts}: AAC LC, 8 kHz
     * (index 11), mono, no CRC, frame length 575; the tests cut the frame short and patch the length to match.
     */
    private static final byte[] FIRST_FRAME = HexFormat.of().parseHex("fff16c4047fffc" + "de02004c6176");

    @Test
    void readsTheFieldsAndTheAudioSpecificConfig() throws Exception {
        byte[] frame = frame(7 + 6);
        AdtsHeader header = AdtsHeader.parse(frame, 0);
        assertEquals(2, header.audioObjectType());
        assertEquals(8000, header.sampleRate());
        assertEquals(1, header.channelConfig());
        assertEquals(7, header.headerLength());
        assertEquals(13, header.frameLength());
        // ISO/IEC 14496-3 AudioSpecificConfig: 00010 1011 0001 000 = 0x15 0x88
        assertArrayEquals(new byte[] {0x15, (byte) 0x88}, header.audioSpecificConfig());
        assertEquals(MediaCodec.AAC, AudioFormat.of(new AccessUnit(MediaCodec.AAC, 0, 0, false, frame)).codec());
    }

    @Test
    void rejectsTruncatedHeadersAndFrames() {
        byte[] frame = frame(13);
        assertThrows(MalformedUnitException.class, () -> AdtsHeader.parse(Arrays.copyOf(frame, 6), 0));
        assertThrows(MalformedUnitException.class, () -> AdtsHeader.parse(Arrays.copyOf(frame, 12), 0));
        assertThrows(MalformedUnitException.class, () -> AdtsHeader.parse(new byte[0], 0));
    }

    @Test
    void rejectsWrongSyncReservedRateAndImpossibleLengths() {
        byte[] noSync = frame(13);
        noSync[1] = (byte) 0xE1;
        assertThrows(MalformedUnitException.class, () -> AdtsHeader.parse(noSync, 0));
        byte[] reservedRate = frame(13);
        reservedRate[2] = (byte) ((reservedRate[2] & 0xC3) | (13 << 2));
        assertThrows(MalformedUnitException.class, () -> AdtsHeader.parse(reservedRate, 0));
        byte[] lengthInsideHeader = frame(13);
        setFrameLength(lengthInsideHeader, 5);
        assertThrows(MalformedUnitException.class, () -> AdtsHeader.parse(lengthInsideHeader, 0));
        byte[] oversized = frame(13);
        setFrameLength(oversized, 8191);
        assertThrows(MalformedUnitException.class, () -> AdtsHeader.parse(oversized, 0));
    }

    @Test
    void randomBytesNeverEscapeAsUncheckedExceptions() {
        Random random = new Random(28181);
        for (int i = 0; i < 20_000; i++) {
            byte[] noise = new byte[random.nextInt(24)];
            random.nextBytes(noise);
            if (noise.length > 1 && random.nextBoolean()) {
                noise[0] = (byte) 0xFF;
                noise[1] = (byte) 0xF1;
            }
            try {
                AdtsHeader header = AdtsHeader.parse(noise, 0);
                assertEquals(true, header.frameLength() <= noise.length);
            } catch (MalformedUnitException expected) {
                // the only way out for bad input
            }
        }
    }

    private static byte[] frame(int length) {
        byte[] frame = Arrays.copyOf(FIRST_FRAME, length);
        setFrameLength(frame, length);
        return frame;
    }

    private static void setFrameLength(byte[] frame, int length) {
        frame[3] = (byte) ((frame[3] & 0xFC) | ((length >> 11) & 0x03));
        frame[4] = (byte) (length >> 3);
        frame[5] = (byte) ((frame[5] & 0x1F) | ((length & 0x07) << 5));
    }
}
