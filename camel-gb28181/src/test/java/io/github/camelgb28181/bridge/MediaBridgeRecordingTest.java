package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** On-demand recordings and their rotation at key frames. */
class MediaBridgeRecordingTest extends BridgeTestBase {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);

    @Test
    void recordingRotatesAtTheFirstKeyFrameAfterTheDuration() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, MediaCodec.G711A, 4);
        MediaBridge bridge = fixture.bridge("record", BridgeConfig.defaults().withClocks(System::nanoTime, FIXED));
        // 1.5 s per file with a key frame every second: files of 2 GOPs (50 frames) each
        Recording recording = bridge.startRecording(RecordingSpec.mp4(out.resolve("rec"), "34020000001320000001")
                .rotateAfter(Duration.ofMillis(1500), 0));
        clip.feed(bridge);
        recording.closeAsync().get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        BridgeFixture.closeAndWait(bridge);

        List<Path> files = recording.files();
        assertEquals(2, files.size(), files::toString);
        assertEquals("34020000001320000001-20250304T050607Z-1.mp4", files.get(0).getFileName().toString());
        int total = 0;
        for (Path file : files) {
            int frames = Ffprobe.stream(Ffprobe.streams(file), "video").frames();
            assertEquals(2 * TestClip.GOP, frames, file::toString);
            Ffprobe.assertVideo(file, "h264", frames, "pcm_alaw");
            total += frames;
        }
        assertEquals(clip.videoFrames(), total);
    }

    @Test
    void recordingRotatesBySize() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H265, null, 4);
        // a limit every GOP exceeds: each file is then exactly one GOP, cut at the next key frame
        long smallestGop = Long.MAX_VALUE;
        long gopBytes = 0;
        for (AccessUnit unit : clip.videoUnits()) {
            if (unit.keyFrame() && gopBytes > 0) {
                smallestGop = Math.min(smallestGop, gopBytes);
                gopBytes = 0;
            }
            gopBytes += unit.data().length;
        }
        MediaBridge bridge = fixture.bridge("record-size");
        Recording recording = bridge.startRecording(RecordingSpec.flv(out.resolve("rec"), "cam")
                .rotateAfter(null, smallestGop - 1));
        clip.feed(bridge);
        recording.closeAsync().get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        BridgeFixture.closeAndWait(bridge);

        List<Path> files = recording.files();
        assertEquals(clip.videoFrames() / TestClip.GOP, files.size(), files::toString);
        for (Path file : files) {
            BridgeFixture.Decoded decoded = BridgeFixture.decodeWithJavacv(file);
            assertEquals(TestClip.GOP, decoded.videoFrames(), file + ": " + decoded);
        }
    }

    @Test
    void recordingSpecRejectsPathsInThePrefix() {
        assertThrows(IllegalArgumentException.class, () -> RecordingSpec.mp4(out, "../escape"));
        assertThrows(IllegalArgumentException.class, () -> RecordingSpec.mp4(out, "a/b"));
        assertThrows(IllegalArgumentException.class,
                () -> new RecordingSpec(out, "cam", OutputKind.HLS, null, 0));
    }
}
