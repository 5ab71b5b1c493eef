package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP-FLV viewers of the in-memory FLV stream, early, late and slow. */
class MediaBridgeViewersTest extends BridgeTestBase {

    /**
     * A non-blocking viewer that cannot take more for a while (its connection buffer full) loses what comes then up
     * to the next key frame, and what it keeps still decodes: it resumes at a key frame, after the header.
     */
    @Test
    void aViewerThatIsNotReadyDropsToTheNextKeyFrame() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, null, 4);
        MediaBridge bridge = fixture.bridge("not-ready");
        java.util.concurrent.atomic.AtomicInteger offered = new java.util.concurrent.atomic.AtomicInteger();
        FileSink file = new FileSink(out.resolve("gaps.flv")) {
            @Override
            public boolean ready() {
                int n = offered.incrementAndGet();
                return n < 10 || n > 40; // full for thirty chunks, from the middle of the first GOP on
            }
        };
        FlvSubscription viewer = bridge.flvStream().subscribe(file);
        clip.feed(bridge);
        BridgeFixture.closeAndWait(bridge);
        file.ended.get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(viewer.stats().drops() >= 30, viewer.stats()::toString);
        List<Ffprobe.ProbedStream> streams = Ffprobe.streams(file.file);
        Ffprobe.ProbedStream video = Ffprobe.stream(streams, "video");
        assertEquals("h264", video.codec());
        assertTrue(video.frames() > 0 && video.frames() < clip.videoFrames() - 30, video.toString());
    }

    /** With httpFlvAudio=aac the viewers get AAC, what web players decode, instead of the camera's G.711. */
    @Test
    void viewersGetAacWhenTheBridgeIsToldSo() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, MediaCodec.G711U, 4);
        MediaBridge bridge = fixture.bridge("http-flv-aac", BridgeConfig.defaults().withFlvStreamAudio(AudioMode.AAC));
        FileSink viewer = new FileSink(out.resolve("aac.flv"));
        bridge.flvStream().subscribe(viewer);
        clip.feed(bridge);
        BridgeFixture.closeAndWait(bridge);
        viewer.ended.get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        Ffprobe.assertVideo(viewer.file, "h264", clip.videoFrames(), "aac");
    }

    @Test
    void lateViewerGetsHeaderThenTheCurrentGopThenLive() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, MediaCodec.G711A, 4);
        MediaBridge bridge = fixture.bridge("http-flv");
        FlvStream flv = bridge.flvStream();
        FileSink early = new FileSink(out.resolve("early.flv"));
        flv.subscribe(early);
        List<AccessUnit> units = clip.units();
        int joinAt = units.size() * 3 / 5;
        bridge.onParameterSets(clip.sets());
        units.subList(0, joinAt).forEach(bridge::onAccessUnit);
        int firstKey = indexOfFirstKeyFrame(units);
        // the viewer joins what the muxer has made, so let it catch up with the feed first
        BridgeFixture.await(() -> flv.stats().packetsWritten() == joinAt - firstKey, () -> "the FLV muxer to catch up");
        FileSink late = new FileSink(out.resolve("late.flv"));
        FlvSubscription lateSubscription = flv.subscribe(late);
        units.subList(joinAt, units.size()).forEach(bridge::onAccessUnit);
        BridgeFixture.closeAndWait(bridge);
        late.ended.get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        early.ended.get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);

        int lastKeyBeforeJoin = videoIndexOfLastKeyFrame(units.subList(0, joinAt));
        assertTrue(startsWithFlvSignature(late.file));
        Ffprobe.assertVideo(late.file, "h264", clip.videoFrames() - lastKeyBeforeJoin, "pcm_alaw");
        Ffprobe.assertVideo(early.file, "h264", clip.videoFrames(), "pcm_alaw");
        assertEquals(0, lateSubscription.stats().drops());
        assertEquals(0, flv.viewerCount());
    }

    @Test
    void slowViewerDropsToKeyFramesWithoutStallingTheFeedOrOthers() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, MediaCodec.G711A, 4);
        MediaBridge bridge = fixture.bridge("slow", BridgeConfig.defaults().withQueueCapacity(20));
        FlvStream flv = bridge.flvStream();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        FlvSubscription slow = flv.subscribe(chunk -> {
            blocked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        });
        FileSink fast = new FileSink(out.resolve("fast.flv"));
        flv.subscribe(fast);
        Path file = out.resolve("file.mp4");
        BridgeOutput fileOutput = bridge.addOutput(OutputSpec.mp4File(file));

        bridge.onParameterSets(clip.sets());
        long started = System.nanoTime();
        for (AccessUnit unit : clip.units()) {
            bridge.onAccessUnit(unit);
            // the pace a camera sends at would hide nothing; this just lets the healthy outputs keep up
            if (unit.isVideo()) {
                Thread.sleep(2);
            }
        }
        long feedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(blocked.await(5, TimeUnit.SECONDS), "the slow viewer was never called");
        BridgeFixture.await(() -> fileOutput.stats().packetsWritten() > 0
                && fast.chunks() > clip.units().size() / 2, () -> "the healthy outputs to progress: " + fileOutput.stats()
                + " " + flv.stats() + " fast viewer chunks " + fast.chunks());
        release.countDown();
        BridgeFixture.closeAndWait(bridge);
        fast.ended.get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);

        // 100 video frames with 2 ms pauses: a feed held up by the blocked viewer would never have finished
        assertTrue(feedMillis < 5_000, "feeding took " + feedMillis + " ms");
        assertTrue(slow.stats().drops() > 0, slow.stats()::toString);
        Ffprobe.assertVideo(fast.file, "h264", clip.videoFrames(), "pcm_alaw");
        Ffprobe.assertVideo(file, "h264", clip.videoFrames(), "pcm_alaw");
        assertEquals(0, fileOutput.stats().drops());
    }

    private static boolean startsWithFlvSignature(Path file) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 3);
        return "FLV".equals(new String(head, StandardCharsets.US_ASCII));
    }

    private static int indexOfFirstKeyFrame(List<AccessUnit> units) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).isVideo() && units.get(i).keyFrame()) {
                return i;
            }
        }
        throw new AssertionError("no key frame");
    }

    private static int videoIndexOfLastKeyFrame(List<AccessUnit> units) {
        int last = -1;
        int video = 0;
        for (AccessUnit unit : units) {
            if (unit.isVideo()) {
                if (unit.keyFrame()) {
                    last = video;
                }
                video++;
            }
        }
        return last;
    }
}
