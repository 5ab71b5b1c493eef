package io.github.camelgb28181.bridge;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A thread pool standing in for the one the Camel layer supplies, and JavaCV as a second decoder. */
final class BridgeFixture implements AutoCloseable {

    static final long WAIT_SECONDS = Long.getLong("bridge.test.wait", 60);

    final ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bridge-test-pool");
        thread.setDaemon(true);
        return thread;
    });

    MediaBridge bridge(String name) {
        return new MediaBridge(name, pool, BridgeConfig.defaults());
    }

    MediaBridge bridge(String name, BridgeConfig config) {
        return new MediaBridge(name, pool, config);
    }

    static void closeAndWait(MediaBridge bridge) throws Exception {
        bridge.closeAsync().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Video frames and audio samples FFmpeg 8 (JavaCV) decodes from {@code source}. */
    record Decoded(int videoFrames, int width, int height, int audioFrames, String videoCodec) {
    }

    static Decoded decodeWithJavacv(String source) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source)) {
            return decode(grabber);
        }
    }

    /** Starts {@code grabber} (options already set) and decodes everything it delivers. */
    static Decoded decode(FFmpegFrameGrabber grabber) throws Exception {
        grabber.start();
        int video = 0;
        int audio = 0;
        Frame frame;
        while ((frame = grabber.grab()) != null) {
            if (frame.image != null) {
                video++;
            } else if (frame.samples != null) {
                audio++;
            }
        }
        return new Decoded(video, grabber.getImageWidth(), grabber.getImageHeight(), audio,
                grabber.getVideoCodecName());
    }

    static Decoded decodeWithJavacv(Path file) throws Exception {
        return decodeWithJavacv(file.toString());
    }

    /** Polls {@code condition} (work on the pool finishes in its own time) and fails after a generous while. */
    static void await(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(10);
        }
    }

    static void assertAbout(int expected, int actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1, what + ": expected " + expected + " ±1 but was " + actual);
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        assertTrue(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "pool did not stop");
    }
}
