package io.github.camelgb28181.simulator;

import io.github.camelgb28181.media.MediaCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the simulated devices stream: the pictures of one video clip, split once and shared read-only by every
 * stream, plus G.711 A-law samples when audio is on.
 *
 * @param codec  H.264 or H.265
 * @param frames the access units, the first one a key frame
 * @param fps    frames per second the clip is paced at
 * @param audio  8 kHz A-law samples looped beside the video, or {@code null} for video only
 */
public record MediaClip(MediaCodec codec, List<Frame> frames, int fps, byte[] audio) {

    /** Files larger than this are not clips a simulator loops; reading them would only fill the heap. */
    static final long MAX_FILE_BYTES = 256L << 20;

    /** One access unit with its start codes. */
    public record Frame(byte[] data, boolean key) {
    }

    public MediaClip {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a clip needs at least one frame");
        }
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("fps must be 1 to 120, got " + fps);
        }
        if (audio != null && audio.length < 8000 / fps) {
            throw new IllegalArgumentException("audio shorter than one frame interval");
        }
        frames = List.copyOf(frames);
    }

    /** The clip that ships with the simulator: H.264 320x180, 50 frames, key frame every 12. */
    public static MediaClip builtIn(int fps, boolean audio) {
        return new MediaClip(MediaCodec.H264, AnnexBSplitter.split(resource("clip-320x180.h264"), MediaCodec.H264),
                fps, audio ? resource("tone-1khz.alaw") : null);
    }

    /** An Annex B file; the codec comes from the extension ({@code .h265}, {@code .hevc}) or the NAL headers. */
    public static MediaClip load(Path file, int fps, boolean audio) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + " has " + size + " bytes; at most " + MAX_FILE_BYTES
                    + " are streamed");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        MediaCodec codec = name.endsWith(".h265") || name.endsWith(".hevc") || name.endsWith(".265") ? MediaCodec.H265
                : name.endsWith(".h264") || name.endsWith(".264") ? MediaCodec.H264 : null;
        return parse(Files.readAllBytes(file), codec, fps, audio);
    }

    /**
     * An Annex B stream in memory.
     *
     * @param codec the codec, or {@code null} to tell it from the NAL unit headers
     * @throws IllegalArgumentException when the bytes are not an H.264/H.265 stream with a key frame
     */
    public static MediaClip parse(byte[] annexB, MediaCodec codec, int fps, boolean audio) {
        MediaCodec c = codec != null ? codec : AnnexBSplitter.detect(annexB);
        return new MediaClip(c, AnnexBSplitter.split(annexB, c), fps, audio ? resource("tone-1khz.alaw") : null);
    }

    /** RTP/PTS ticks (90 kHz) per frame. */
    public long ticksPerFrame() {
        return 90_000L / fps;
    }

    /** Audio samples per video frame (8 kHz). */
    public int audioBytesPerFrame() {
        return 8000 / fps;
    }

    private static byte[] resource(String name) {
        try (InputStream in = MediaClip.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the simulator jar lacks /media/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
