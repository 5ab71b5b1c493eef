package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JPEG snapshots, compared with the picture Debian's ffmpeg decodes from the same key frame. */
class MediaBridgeSnapshotTest extends BridgeTestBase {

    /** Mean absolute difference per colour sample that JPEG compression and YUV→RGB rounding stay below. */
    private static final double SAME_PICTURE = 6.0;

    @ParameterizedTest
    @EnumSource(names = {"H264", "H265"})
    void snapshotShowsTheLatestKeyFrame(MediaCodec video) throws Exception {
        TestClip clip = TestClip.generate(clips, video, null, 2);
        MediaBridge bridge = fixture.bridge("snapshot");
        List<AccessUnit> units = clip.units();
        // the second GOP's key frame and one frame after it: the snapshot must show that key frame
        int secondKey = TestClip.GOP;
        bridge.onParameterSets(clip.sets());
        units.subList(0, secondKey + 2).forEach(bridge::onAccessUnit);

        Snapshot snapshot = bridge.snapshot().get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        BridgeFixture.closeAndWait(bridge);

        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(snapshot.jpeg()));
        assertNotNull(picture, "not a JPEG ImageIO can read");
        assertEquals(TestClip.WIDTH, picture.getWidth());
        assertEquals(TestClip.HEIGHT, picture.getHeight());
        assertEquals(units.get(secondKey).pts(), snapshot.pts());
        BufferedImage reference = referenceFrame(clip, secondKey);
        double difference = meanDifference(picture, reference);
        assertTrue(difference < SAME_PICTURE, "differs from ffmpeg's frame " + secondKey + " by " + difference);
        // and testsrc2 moves: the first frame is a different picture, so the comparison can tell frames apart
        assertTrue(meanDifference(picture, referenceFrame(clip, 0)) > SAME_PICTURE);
    }

    @Test
    void snapshotBeforeTheFirstKeyFrameWaitsForIt() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, null, 2);
        MediaBridge bridge = fixture.bridge("waiting");
        CompletableFuture<Snapshot> early = bridge.snapshot();
        assertFalse(early.isDone());
        clip.feed(bridge);
        Snapshot snapshot = early.get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(clip.units().get(0).pts(), snapshot.pts());
        BridgeFixture.closeAndWait(bridge);
    }

    @Test
    void waitingSnapshotFailsWhenTheBridgeCloses() throws Exception {
        MediaBridge bridge = fixture.bridge("closing");
        CompletableFuture<Snapshot> waiting = bridge.snapshot();
        BridgeFixture.closeAndWait(bridge);
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void seriesOfPicturesAtAnInterval() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, MediaCodec.G711A, 2);
        MediaBridge bridge = fixture.bridge("series");
        clip.feed(bridge);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            long started = System.nanoTime();
            List<CompletableFuture<Snapshot>> series = bridge.snapshots(4, Duration.ofMillis(150), scheduler);
            assertEquals(4, series.size());
            for (CompletableFuture<Snapshot> shot : series) {
                Snapshot snapshot = shot.get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
                BufferedImage picture = ImageIO.read(new ByteArrayInputStream(snapshot.jpeg()));
                assertEquals(TestClip.WIDTH, picture.getWidth());
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(elapsedMillis >= 3 * 150, "the last picture came after " + elapsedMillis + " ms");
            assertThrows(IllegalArgumentException.class, () -> bridge.snapshots(11, Duration.ofSeconds(1), scheduler));
            assertThrows(IllegalArgumentException.class, () -> bridge.snapshots(0, Duration.ofSeconds(1), scheduler));
        } finally {
            scheduler.shutdownNow();
            BridgeFixture.closeAndWait(bridge);
        }
    }

    private BufferedImage referenceFrame(TestClip clip, int frame) throws IOException, InterruptedException {
        Path source = clips.resolve(clip.video() + "-" + clip.audio() + "-2" + (clip.video() == MediaCodec.H264
                ? ".h264" : ".hevc"));
        Path png = out.resolve("reference-" + frame + ".png");
        ExternalTools.run(out, "ffmpeg", "-v", "error", "-y", "-i", source.toString(), "-vf",
                "select=eq(n\\," + frame + ")", "-frames:v", "1", png.toString());
        return ImageIO.read(png.toFile());
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
