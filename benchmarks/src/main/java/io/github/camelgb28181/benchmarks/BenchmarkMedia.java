package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.simulator.MediaClip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 2 Mbit/s clips of {@code src/main/resources/media} (see the README there). */
final class BenchmarkMedia {

    private BenchmarkMedia() {
    }

    static String resourceName(MediaCodec codec) {
        return codec == MediaCodec.H265 ? "h265-720p-2mbps.h265" : "h264-720p-2mbps.h264";
    }

    static MediaClip clip(MediaCodec codec, boolean audio) {
        return MediaClip.parse(bytes(resourceName(codec)), codec, 25, audio);
    }

    /** The clip as a file, for the simulator's {@code --stream} in a JVM of its own. */
    static Path file(MediaCodec codec, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(resourceName(codec));
        Files.write(f, bytes(resourceName(codec)));
        return f;
    }

    private static byte[] bytes(String name) {
        try (InputStream in = BenchmarkMedia.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing /media/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
