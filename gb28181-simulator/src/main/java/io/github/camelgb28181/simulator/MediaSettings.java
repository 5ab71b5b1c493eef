package io.github.camelgb28181.simulator;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the devices stream when the platform INVITEs them.
 *
 * @param enabled whether INVITEs are answered with media; without, they are refused with 488
 * @param file    an Annex B H.264/H.265 file, or {@code null} for the clip that ships with the simulator
 * @param fps     frame rate the clip is paced at (the file carries none that a splitter could trust)
 * @param audio   add G.711 A-law audio to the program stream
 * @param threads Netty event loops that carry every stream's sockets and pacing timers
 */
public record MediaSettings(boolean enabled, Path file, int fps, boolean audio, int threads) {

    /** The built-in clip at 25 fps, video only, on two event loops. */
    public static final MediaSettings DEFAULT = new MediaSettings(true, null, 25, false, 2);
    public static final MediaSettings OFF = new MediaSettings(false, null, 25, false, 1);

    public MediaSettings {
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("fps must be 1 to 120, got " + fps);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("media threads must be 1 to 64, got " + threads);
        }
    }

    public MediaSettings withFile(Path f) {
        return new MediaSettings(true, f, fps, audio, threads);
    }

    public MediaSettings withFps(int v) {
        return new MediaSettings(enabled, file, v, audio, threads);
    }

    public MediaSettings withAudio(boolean v) {
        return new MediaSettings(enabled, file, fps, v, threads);
    }

    public MediaSettings withThreads(int v) {
        return new MediaSettings(enabled, file, fps, audio, v);
    }

    public MediaSettings withEnabled(boolean v) {
        return new MediaSettings(v, file, fps, audio, threads);
    }

    /** Reads and splits the clip (once per simulator). */
    MediaClip loadClip() throws IOException {
        return file == null ? MediaClip.builtIn(fps, audio) : MediaClip.load(file, fps, audio);
    }
}
