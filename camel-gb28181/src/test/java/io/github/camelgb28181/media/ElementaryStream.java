package io.github.camelgb28181.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fixture elementary stream split into access units by its own simple rules, independent of the engine's code: an
 * access unit begins at the first AUD, parameter set, SEI or first slice of a picture that follows a slice. The
 * zero_byte of a 4-byte start code belongs to the NAL unit after it.
 */
public record ElementaryStream(MediaCodec codec, int width, int height, List<Frame> frames) {

    /** One source access unit. */
    public record Frame(byte[] data, boolean key) {
    }

    /** The fixtures, with the sizes ffprobe reported when they were made (see media/README.md). */
    public static ElementaryStream h264Small() {
        return load("h264-320x180-high-cqm.h264", MediaCodec.H264, 320, 180);
    }

    public static ElementaryStream h264Big() {
        return load("h264-1280x720-bigframes.h264", MediaCodec.H264, 1280, 720);
    }

    public static ElementaryStream h264Yuv444() {
        return load("h264-176x144-yuv444.h264", MediaCodec.H264, 176, 144);
    }

    public static ElementaryStream h265Small() {
        return load("h265-320x180.h265", MediaCodec.H265, 320, 180);
    }

    public static ElementaryStream h265Big() {
        return load("h265-1280x720-bigframes.h265", MediaCodec.H265, 1280, 720);
    }

    public static byte[] resource(String name) {
        try (InputStream in = ElementaryStream.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ElementaryStream load(String name, MediaCodec codec, int width, int height) {
        byte[] es = resource(name);
        List<Integer> starts = new ArrayList<>(); // where each NAL unit's start code begins, zero_byte included
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i + 3 < es.length; i++) {
            if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1) {
                starts.add(i > 0 && es[i - 1] == 0 ? i - 1 : i);
                headers.add(i + 3);
                i += 2;
            }
        }
        List<Frame> frames = new ArrayList<>();
        int frameStart = -1;
        boolean sliceSeen = false;
        boolean key = false;
        for (int n = 0; n < headers.size(); n++) {
            int h = headers.get(n);
            int type = codec == MediaCodec.H264 ? es[h] & 0x1F : (es[h] >> 1) & 0x3F;
            boolean slice = codec == MediaCodec.H264 ? type >= 1 && type <= 5 : type <= 31;
            boolean firstSlice = slice && (codec == MediaCodec.H264 ? (es[h + 1] & 0x80) != 0 // first_mb_in_slice = 0
                    : (es[h + 2] & 0x80) != 0); // first_slice_segment_in_pic_flag
            boolean prefix = codec == MediaCodec.H264 ? type == 6 || type == 7 || type == 8 || type == 9
                    : type == 32 || type == 33 || type == 34 || type == 35 || type == 39;
            if ((prefix || firstSlice) && (sliceSeen || frameStart < 0)) {
                if (frameStart >= 0) {
                    frames.add(new Frame(Arrays.copyOfRange(es, frameStart, starts.get(n)), key));
                }
                frameStart = starts.get(n);
                sliceSeen = false;
                key = false;
            }
            if (slice) {
                sliceSeen = true;
                key |= codec == MediaCodec.H264 ? type == 5 : type >= 16 && type <= 21;
            }
        }
        frames.add(new Frame(Arrays.copyOfRange(es, frameStart, es.length), key));
        return new ElementaryStream(codec, width, height, List.copyOf(frames));
    }

    public long keyFrameCount() {
        return frames.stream().filter(Frame::key).count();
    }
}
