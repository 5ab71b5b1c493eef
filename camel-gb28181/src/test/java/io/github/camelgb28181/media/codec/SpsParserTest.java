package io.github.camelgb28181.media.codec;

import io.github.camelgb28181.media.ElementaryStream;
import io.github.camelgb28181.media.MediaCodec;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPS parsing checked against what ffprobe reported for the fixtures (media/README.md). */
class SpsParserTest {

    /** The first NAL unit of {@code type} in a fixture, without start code. */
    static byte[] firstNal(String fixture, MediaCodec codec, int type) {
        byte[] es = ElementaryStream.resource(fixture);
        for (int i = 0; i + 3 < es.length; i++) {
            if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1) {
                int h = i + 3;
                int t = codec == MediaCodec.H264 ? es[h] & 0x1F : (es[h] >> 1) & 0x3F;
                if (t == type) {
                    int end = h;
                    while (end + 2 < es.length && !startsStartCode(es, end)) {
                        end++;
                    }
                    return Arrays.copyOfRange(es, h, end);
                }
            }
        }
        throw new AssertionError("no NAL unit of type " + type + " in " + fixture);
    }

    private static boolean startsStartCode(byte[] es, int at) {
        return es[at] == 0 && es[at + 1] == 0 && (es[at + 2] & 0xFF) <= 1;
    }

    static H264Sps h264(String fixture) throws BitstreamException {
        byte[] sps = firstNal(fixture, MediaCodec.H264, 7);
        return H264Sps.parse(sps, 0, sps.length);
    }

    static H265Sps h265(String fixture) throws BitstreamException {
        byte[] sps = firstNal(fixture, MediaCodec.H265, 33);
        return H265Sps.parse(sps, 0, sps.length);
    }

    @Test
    void h264HighWithScalingListsAndFrameCropping() throws Exception {
        H264Sps sps = h264("h264-320x180-high-cqm.h264");
        assertEquals(100, sps.profileIdc(), "ffprobe: High");
        assertEquals(1, sps.chromaFormatIdc(), "ffprobe: yuv420p");
        assertEquals(320, sps.width());
        assertEquals(180, sps.height(), "192 coded lines cropped to 180");
        assertTrue(sps.frameMbsOnly());
        assertEquals(8, sps.bitDepthLuma());
    }

    @Test
    void h264High444() throws Exception {
        H264Sps sps = h264("h264-176x144-yuv444.h264");
        assertEquals(244, sps.profileIdc(), "ffprobe: High 4:4:4 Predictive");
        assertEquals(3, sps.chromaFormatIdc(), "ffprobe: yuv444p");
        assertEquals(176, sps.width());
        assertEquals(144, sps.height());
    }

    @Test
    void h264High720p() throws Exception {
        H264Sps sps = h264("h264-1280x720-bigframes.h264");
        assertEquals(1280, sps.width());
        assertEquals(720, sps.height());
    }

    @Test
    void h265MainWithConformanceWindow() throws Exception {
        H265Sps sps = h265("h265-320x180.h265");
        assertEquals(1, sps.profileIdc(), "ffprobe: Main");
        assertEquals(1, sps.chromaFormatIdc());
        assertEquals(320, sps.width());
        assertEquals(180, sps.height(), "184 coded lines cut by the conformance window");
        assertEquals(1, sps.maxSubLayers());
    }

    @Test
    void h265WithSubLayersInProfileTierLevel() throws Exception {
        H265Sps sps = h265("h265-208x120-temporal.h265");
        assertEquals(2, sps.maxSubLayers());
        assertEquals(208, sps.width());
        assertEquals(120, sps.height());
        assertEquals(1, sps.profileIdc());
    }

    @Test
    void h265720p() throws Exception {
        H265Sps sps = h265("h265-1280x720-bigframes.h265");
        assertEquals(1280, sps.width());
        assertEquals(720, sps.height());
    }

    @Test
    void emulationPreventionBytesAreDropped() throws Exception {
        RbspReader r = new RbspReader(HexFormat.of().parseHex("00000380"), 0, 4);
        assertEquals(0, r.u(16));
        assertTrue(r.flag(), "the bit after 00 00 03 is the 0x80's, not the 0x03's");
        RbspReader plain = new RbspReader(HexFormat.of().parseHex("00010380"), 0, 4);
        assertEquals(1, plain.u(16));
        assertFalse(plain.flag(), "0x03 after 00 01 is data");
    }

    @Test
    void expGolombValues() throws Exception {
        // 1 | 010 | 011 | 00100 | 00101 -> ue 0, 1, 2, 3, 4 ; then se of 00110 (5) = 3, 00111 (6) = -3
        RbspReader r = new RbspReader(HexFormat.of().parseHex("a64298e0"), 0, 4);
        assertEquals(0, r.ue());
        assertEquals(1, r.ue());
        assertEquals(2, r.ue());
        assertEquals(3, r.ue());
        assertEquals(4, r.ue());
        assertEquals(3, r.se());
        assertEquals(-3, r.se());
    }

    @Test
    void everyTruncationFailsCleanlyOrStillParses() {
        for (String fixture : new String[] { "h264-320x180-high-cqm.h264", "h264-176x144-yuv444.h264" }) {
            byte[] sps = firstNal(fixture, MediaCodec.H264, 7);
            for (int n = 0; n < sps.length; n++) {
                int length = n;
                try {
                    H264Sps parsed = H264Sps.parse(sps, 0, length);
                    assertTrue(parsed.width() > 0);
                } catch (BitstreamException expected) {
                    // a clear, typed failure
                }
            }
            assertThrows(BitstreamException.class, () -> H264Sps.parse(sps, 0, 6));
        }
        byte[] sps = firstNal("h265-208x120-temporal.h265", MediaCodec.H265, 33);
        for (int n = 0; n < 20; n++) {
            int length = n;
            assertThrows(BitstreamException.class, () -> H265Sps.parse(sps, 0, length), "truncated at " + n);
        }
    }

    @Test
    void randomAndBitFlippedSpsNeverThrowUnchecked() {
        Random random = new Random(28181);
        byte[] h264 = firstNal("h264-320x180-high-cqm.h264", MediaCodec.H264, 7);
        byte[] h265 = firstNal("h265-320x180.h265", MediaCodec.H265, 33);
        for (int round = 0; round < 3000; round++) {
            byte[] a = h264.clone();
            byte[] b = h265.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                a[1 + random.nextInt(a.length - 1)] ^= (byte) (1 << random.nextInt(8));
                b[2 + random.nextInt(b.length - 2)] ^= (byte) (1 << random.nextInt(8));
            }
            byte[] noise = new byte[1 + random.nextInt(64)];
            random.nextBytes(noise);
            noise[0] = (byte) 0x67;
            parseQuietly(a, noise, b);
        }
    }

    private static void parseQuietly(byte[] h264, byte[] noise, byte[] h265) {
        for (byte[] nal : new byte[][] { h264, noise }) {
            try {
                H264Sps sps = H264Sps.parse(nal, 0, nal.length);
                assertTrue(sps.width() > 0 && sps.width() <= 16384 && sps.height() > 0 && sps.height() <= 16384);
            } catch (BitstreamException expected) {
                // typed rejection is the other allowed outcome
            }
        }
        try {
            H265Sps sps = H265Sps.parse(h265, 0, h265.length);
            assertTrue(sps.width() > 0 && sps.height() > 0);
        } catch (BitstreamException expected) {
            // typed rejection is the other allowed outcome
        }
    }

    @Test
    void codecGuessingFromNalHeaders() {
        assertEquals(MediaCodec.H264, NalUnits.guessCodec((byte) 0x67, 0x64));
        assertEquals(MediaCodec.H264, NalUnits.guessCodec((byte) 0x65, 0x88));
        assertEquals(MediaCodec.H264, NalUnits.guessCodec((byte) 0x09, 0xF0));
        assertEquals(MediaCodec.H265, NalUnits.guessCodec((byte) 0x40, 0x01));
        assertEquals(MediaCodec.H265, NalUnits.guessCodec((byte) 0x26, 0x01));
        assertEquals(MediaCodec.H265, NalUnits.guessCodec((byte) 0x46, 0x01));
        assertEquals(null, NalUnits.guessCodec((byte) 0x41, 0x9A), "a P slice proves nothing");
        assertEquals(null, NalUnits.guessCodec((byte) 0x02, 0x01), "an H.265 TRAIL_R proves nothing either");
    }
}
