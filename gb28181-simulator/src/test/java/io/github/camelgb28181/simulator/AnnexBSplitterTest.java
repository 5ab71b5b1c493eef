package io.github.camelgb28181.simulator;

import io.github.camelgb28181.media.MediaCodec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access-unit splitter on the fixtures (picture and key-frame counts from ffprobe, see the media README) and on
 * what a user may hand it instead: garbage, truncated files, parameter sets without pictures, random bytes.
 */
class AnnexBSplitterTest {

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = AnnexBSplitterTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private static byte[] h264() throws IOException {
        return resource("/media/clip-320x180.h264");
    }

    private static List<Integer> keyIndexes(List<MediaClip.Frame> frames) {
        return IntStream.range(0, frames.size()).filter(i -> frames.get(i).key()).boxed().toList();
    }

    @Test
    void theH264ClipHasFiftyPicturesWithAKeyFrameEveryTwelve() throws IOException {
        byte[] es = h264();
        List<MediaClip.Frame> frames = AnnexBSplitter.split(es, MediaCodec.H264);
        assertEquals(50, frames.size());
        assertEquals(List.of(0, 12, 24, 36, 48), keyIndexes(frames));
        // the pictures are the file, cut and nothing lost or added
        assertArrayEquals(es, concat(frames));
        for (MediaClip.Frame f : frames) {
            assertArrayEquals(new byte[] {0, 0, 0, 1, 9}, Arrays.copyOf(f.data(), 5), "each begins with its AUD");
        }
        assertEquals(MediaCodec.H264, AnnexBSplitter.detect(es));
    }

    @Test
    void theH265FixtureIsToldFromItsHeadersAndSplitTheSameWay() throws IOException {
        byte[] es = resource("/media/h265-320x180.h265");
        assertEquals(MediaCodec.H265, AnnexBSplitter.detect(es));
        List<MediaClip.Frame> frames = AnnexBSplitter.split(es, MediaCodec.H265);
        assertEquals(50, frames.size());
        assertEquals(List.of(0, 12, 24, 36, 48), keyIndexes(frames));
        assertArrayEquals(es, concat(frames));
    }

    @Test
    void bytesBeforeTheFirstStartCodeAreDropped() throws IOException {
        byte[] es = h264();
        byte[] junk = {0x47, 0x11, (byte) 0xFF, 0x00, 0x7F};
        byte[] withJunk = new byte[junk.length + es.length];
        System.arraycopy(junk, 0, withJunk, 0, junk.length);
        System.arraycopy(es, 0, withJunk, junk.length, es.length);
        List<MediaClip.Frame> frames = AnnexBSplitter.split(withJunk, MediaCodec.H264);
        assertEquals(50, frames.size());
        assertArrayEquals(es, concat(frames));
    }

    @Test
    void aTruncatedFileKeepsItsCutLastPicture() throws IOException {
        byte[] es = h264();
        List<MediaClip.Frame> whole = AnnexBSplitter.split(es, MediaCodec.H264);
        int cut = es.length - whole.get(49).data().length / 2;
        List<MediaClip.Frame> frames = AnnexBSplitter.split(Arrays.copyOf(es, cut), MediaCodec.H264);
        assertEquals(50, frames.size());
        assertEquals(whole.get(49).data().length - (es.length - cut), frames.get(49).data().length);
        // cut right after a start code: the empty NAL unit adds nothing
        byte[] dangling = Arrays.copyOf(es, es.length + 4);
        dangling[es.length + 2] = 0;
        dangling[es.length + 3] = 1;
        assertEquals(50, AnnexBSplitter.split(dangling, MediaCodec.H264).size());
    }

    @Test
    void picturesBeforeTheFirstKeyFrameAreDropped() throws IOException {
        byte[] es = h264();
        List<MediaClip.Frame> whole = AnnexBSplitter.split(es, MediaCodec.H264);
        int from = whole.get(0).data().length + whole.get(1).data().length; // start at picture 2, not a key frame
        List<MediaClip.Frame> frames = AnnexBSplitter.split(Arrays.copyOfRange(es, from, es.length), MediaCodec.H264);
        assertEquals(38, frames.size(), "from the key frame at 12 on");
        assertArrayEquals(whole.get(12).data(), frames.get(0).data());
    }

    @Test
    void inputWithoutPicturesIsRefused() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> AnnexBSplitter.split(new byte[0], MediaCodec.H264));
        assertThrows(IllegalArgumentException.class, () -> AnnexBSplitter.split(new byte[] {1, 2, 3, 4, 5, 6},
                MediaCodec.H264), "no start code");
        assertThrows(IllegalArgumentException.class, () -> AnnexBSplitter.detect(new byte[] {0, 0, 1}));
        byte[] es = h264();
        // the AUD, SPS and PPS of the first picture, cut before its slice
        byte[] parameterSets = Arrays.copyOf(es, 40);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnnexBSplitter.split(parameterSets, MediaCodec.H264));
        assertTrue(e.getMessage().contains("no key frame"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AnnexBSplitter.split(es, MediaCodec.G711A));
    }

    @Test
    void randomBytesAndMutatedClipsFailCleanlyOrSplit() throws IOException {
        Random rnd = new Random(28181);
        byte[] es = h264();
        for (int i = 0; i < 300; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = new byte[rnd.nextInt(4096)];
                rnd.nextBytes(input);
            } else {
                input = Arrays.copyOf(es, 1 + rnd.nextInt(es.length));
                for (int k = 0; k < 20; k++) {
                    input[rnd.nextInt(input.length)] = (byte) rnd.nextInt(256);
                }
            }
            MediaCodec codec = i % 3 == 0 ? MediaCodec.H265 : MediaCodec.H264;
            try {
                List<MediaClip.Frame> frames = AnnexBSplitter.split(input, codec);
                assertTrue(frames.get(0).key(), "a clip begins with a key frame");
                int total = frames.stream().mapToInt(f -> f.data().length).sum();
                assertTrue(total <= input.length, "no bytes invented");
            } catch (IllegalArgumentException expected) {
                // refused: the only way a bad input may fail
            }
        }
    }

    private static byte[] concat(List<MediaClip.Frame> frames) {
        int n = frames.stream().mapToInt(f -> f.data().length).sum();
        byte[] all = new byte[n];
        int at = 0;
        for (MediaClip.Frame f : frames) {
            System.arraycopy(f.data(), 0, all, at, f.data().length);
            at += f.data().length;
        }
        return all;
    }
}
