package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pushes to real receivers on 127.0.0.1: Debian's ffmpeg in listen mode, and FFmpeg 8 (JavaCV) for enhanced FLV. */
class MediaBridgeNetworkTest extends BridgeTestBase {
    private Process receiver;

    @AfterEach
    void stopReceiver() throws InterruptedException {
        if (receiver != null && receiver.isAlive()) {
            receiver.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({
        "H264, RTMP",
        "H264, RTSP",
        "H265, RTSP",
    })
    void pushReachesAnFfmpegReceiver(MediaCodec video, OutputKind kind) throws Exception {
        TestClip clip = TestClip.generate(clips, video, MediaCodec.G711A, 4);
        int port = Loopback.freePort();
        Path received = out.resolve(kind == OutputKind.RTMP ? "received.flv" : "received.mkv");
        String url = kind == OutputKind.RTMP ? "rtmp://127.0.0.1:" + port + "/live/s" : "rtsp://127.0.0.1:" + port
                + "/s";
        receiver = kind == OutputKind.RTMP
                ? ExternalTools.start(out, out.resolve("receiver.log"), "ffmpeg", "-v", "error", "-y", "-listen", "1",
                        "-i", url, "-c", "copy", received.toString())
                : ExternalTools.start(out, out.resolve("receiver.log"), "ffmpeg", "-v", "error", "-y", "-rtsp_flags",
                        "listen", "-i", url, "-c", "copy", received.toString());
        Loopback.awaitListening(port, receiver);
        MediaBridge bridge = fixture.bridge("push");
        BridgeOutput push = bridge.addOutput(kind == OutputKind.RTMP ? OutputSpec.rtmp(url) : OutputSpec.rtsp(url));

        clip.feed(bridge);
        BridgeFixture.closeAndWait(bridge);

        assertTrue(receiver.waitFor(30, TimeUnit.SECONDS), "the receiver did not see the end of the stream");
        assertEquals(0, receiver.exitValue(), () -> ExternalTools.read(out.resolve("receiver.log")));
        OutputStats stats = push.stats();
        assertEquals(0, stats.drops(), stats::toString);
        assertEquals(0, stats.reconnects(), stats::toString);
        Ffprobe.assertVideo(received, video == MediaCodec.H264 ? "h264" : "hevc", clip.videoFrames(), "pcm_alaw");
    }

    /** FFmpeg 5.1 cannot read enhanced FLV, so the receiver here is FFmpeg 8's own RTMP listener, decoding. */
    @Test
    void h265GoesOutAsEnhancedFlvOverRtmp() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H265, MediaCodec.G711A, 4);
        int port = Loopback.freePort();
        String url = "rtmp://127.0.0.1:" + port + "/live/s";
        CompletableFuture<BridgeFixture.Decoded> decoded = CompletableFuture.supplyAsync(() -> listenAndDecode(url));
        Loopback.awaitListening(port, null);
        MediaBridge bridge = fixture.bridge("push-hevc");
        BridgeOutput push = bridge.addOutput(OutputSpec.rtmp(url));

        clip.feed(bridge);
        BridgeFixture.closeAndWait(bridge);

        BridgeFixture.Decoded result = decoded.get(60, TimeUnit.SECONDS);
        assertEquals("hevc", result.videoCodec());
        assertEquals(TestClip.WIDTH, result.width());
        BridgeFixture.assertAbout(clip.videoFrames(), result.videoFrames(), "decoded H.265 frames");
        assertTrue(result.audioFrames() > 0, result::toString);
        assertEquals(0, push.stats().drops());
    }

    private static BridgeFixture.Decoded listenAndDecode(String url) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url)) {
            grabber.setOption("listen", "1");
            grabber.setOption("timeout", "30000000");
            return BridgeFixture.decode(grabber);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The receiver is not there at first: the push fails, waits its backoff (on a clock the test advances with the
     * stream) and connects at the first key frame after it, once the receiver listens.
     */
    @Test
    void pushReconnectsAtAKeyFrameAfterTheBackoff() throws Exception {
        TestClip first = TestClip.generate(clips, MediaCodec.H264, MediaCodec.G711A, 4);
        TestClip second = first.shifted(first.durationTicks());
        int port = Loopback.freePort();
        String url = "rtmp://127.0.0.1:" + port + "/live/s";
        AtomicLong streamNanos = new AtomicLong();
        BridgeConfig config = BridgeConfig.defaults().withReconnectDelays(Duration.ofSeconds(1), Duration.ofSeconds(8))
                .withClocks(streamNanos::get, Clock.systemUTC());
        MediaBridge bridge = fixture.bridge("reconnect", config);
        BridgeOutput push = bridge.addOutput(OutputSpec.rtmp(url));

        feedPaced(bridge, first, streamNanos);
        BridgeFixture.await(() -> push.stats().lastError() != null, () -> "the first connection attempt to fail");
        assertEquals(OutputState.RECONNECTING, push.stats().state());
        Path received = out.resolve("received.flv");
        receiver = ExternalTools.start(out, out.resolve("receiver.log"), "ffmpeg", "-v", "error", "-y", "-listen",
                "1", "-i", url, "-c", "copy", received.toString());
        Loopback.awaitListening(port, receiver);
        feedPaced(bridge, second, streamNanos);
        BridgeFixture.closeAndWait(bridge);

        assertTrue(receiver.waitFor(30, TimeUnit.SECONDS), "the receiver did not see the end of the stream");
        OutputStats stats = push.stats();
        assertEquals(1, stats.reconnects(), stats::toString);
        assertTrue(stats.drops() > 0, stats::toString);
        // it came back within the second clip, at one of its key frames, and everything from there arrived
        int frames = Ffprobe.stream(Ffprobe.streams(received), "video").frames();
        assertTrue(frames >= TestClip.GOP && frames <= second.videoFrames(), "frames " + frames);
        assertEquals(0, frames % TestClip.GOP, "starts at a key frame: " + frames);
    }

    /** Feeds unit by unit, moving the clock with the stream and letting the output keep up. */
    private static void feedPaced(MediaBridge bridge, TestClip clip, AtomicLong nanos) throws InterruptedException {
        bridge.onParameterSets(clip.sets());
        long origin = -1;
        long base = nanos.get();
        for (AccessUnit unit : clip.units()) {
            origin = origin < 0 ? unit.pts() : origin;
            nanos.set(base + (unit.pts() - origin) * 100_000 / 9);
            bridge.onAccessUnit(unit);
            if (unit.keyFrame()) {
                Thread.sleep(50);
            }
        }
        nanos.addAndGet(40_000_000);
    }
}
