package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files written by the bridge, decoded by Debian's ffprobe and by JavaCV. */
class MediaBridgeFileOutputsTest extends BridgeTestBase {

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(nullValues = "none", value = {
        "H264, G711A, h264, pcm_alaw",
        "H264, none, h264, none",
        "H265, G711A, hevc, pcm_alaw",
        "H265, none, hevc, none",
        "H264, AAC, h264, aac",
    })
    void everyFileOutputHoldsTheWholeClip(MediaCodec video, MediaCodec audio, String videoCodec, String audioCodec)
            throws Exception {
        TestClip clip = TestClip.generate(clips, video, audio, 4);
        MediaBridge bridge = fixture.bridge("files");
        Path flv = out.resolve("out.flv");
        Path mp4 = out.resolve("out.mp4");
        Path hls = out.resolve("hls");
        List<BridgeOutput> outputs = List.of(bridge.addOutput(OutputSpec.flvFile(flv)),
                bridge.addOutput(OutputSpec.mp4File(mp4)), bridge.addOutput(OutputSpec.hls(hls)));

        clip.feed(bridge);
        BridgeFixture.closeAndWait(bridge);

        for (BridgeOutput output : outputs) {
            OutputStats stats = output.stats();
            assertEquals(OutputState.CLOSED, stats.state(), stats::toString);
            assertEquals(0, stats.drops(), stats::toString);
            assertEquals(null, stats.lastError(), stats::toString);
        }
        Ffprobe.assertVideo(mp4, videoCodec, clip.videoFrames(), audioCodec);
        // HLS: MPEG-TS / fMP4 segments carry no G.711, so it is re-encoded as AAC
        Ffprobe.assertVideo(hls.resolve("index.m3u8"), videoCodec, clip.videoFrames(), audio == null ? null : "aac");
        assertTrue(Files.exists(hls.resolve(video == MediaCodec.H265 ? "init.mp4" : "segment_00000.ts")));
        // FFmpeg 5.1's ffprobe predates enhanced FLV, so an H.265 FLV is checked by FFmpeg 8 (JavaCV) only
        if (video == MediaCodec.H264) {
            Ffprobe.assertVideo(flv, videoCodec, clip.videoFrames(), audioCodec);
        }
        BridgeFixture.Decoded decoded = BridgeFixture.decodeWithJavacv(flv);
        BridgeFixture.assertAbout(clip.videoFrames(), decoded.videoFrames(), "FLV video frames (JavaCV)");
        assertEquals(TestClip.WIDTH, decoded.width());
        assertEquals(TestClip.HEIGHT, decoded.height());
        assertEquals(audio != null, decoded.audioFrames() > 0, decoded::toString);
    }

    /**
     * G.711 re-encoded as AAC sounds like the source: Debian's ffmpeg decodes the AAC track back to samples, which
     * last as long as the clip and hold its 1 kHz tone (2,000 zero crossings a second) at its loudness.
     */
    @ParameterizedTest(name = "{0} to AAC")
    @CsvSource({"G711A", "G711U"})
    void g711ReencodedAsAacKeepsTheTone(MediaCodec g711) throws Exception {
        int seconds = 4;
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, g711, seconds);
        MediaBridge bridge = fixture.bridge("aac");
        Path mp4 = out.resolve("aac.mp4");
        Path flv = out.resolve("aac.flv");
        List<BridgeOutput> outputs = List.of(bridge.addOutput(OutputSpec.mp4File(mp4).withAudio(AudioMode.AAC)),
                bridge.addOutput(OutputSpec.flvFile(flv).withAudio(AudioMode.AAC)));

        clip.feed(bridge);
        BridgeFixture.closeAndWait(bridge);

        for (BridgeOutput output : outputs) {
            assertEquals(null, output.stats().lastError(), output.stats()::toString);
        }
        for (Path file : List.of(mp4, flv)) {
            Ffprobe.assertVideo(file, "h264", clip.videoFrames(), "aac");
            Path pcm = out.resolve(file.getFileName() + ".s16");
            ExternalTools.run(out, "ffmpeg", "-v", "error", "-y", "-i", file.toString(), "-vn", "-ac", "1", "-ar",
                    "8000", "-f", "s16le", "-c:a", "pcm_s16le", pcm.toString());
            ByteBuffer samples = ByteBuffer.wrap(Files.readAllBytes(pcm)).order(ByteOrder.LITTLE_ENDIAN);
            int count = samples.remaining() / 2;
            double duration = count / 8000.0;
            assertTrue(Math.abs(duration - seconds) < 0.35, file + ": " + duration + " s of audio");
            int crossings = 0;
            double energy = 0;
            short previous = 0;
            // the first and last 200 ms hold the encoder's ramp in and out
            for (int i = 0; i < count; i++) {
                short s = samples.getShort();
                if (i >= 1600 && i < count - 1600) {
                    if ((s >= 0) != (previous >= 0)) {
                        crossings++;
                    }
                    energy += (double) s * s;
                }
                previous = s;
            }
            double middleSeconds = (count - 3200) / 8000.0;
            double crossingsPerSecond = crossings / middleSeconds;
            assertTrue(Math.abs(crossingsPerSecond - 2000) < 60, file + ": " + crossingsPerSecond + " crossings/s");
            // lavfi's sine has an amplitude of 1/8 of full scale: RMS 4096 / √2 ≈ 2896
            double rms = Math.sqrt(energy / (count - 3200));
            assertTrue(rms > 2300 && rms < 3500, file + ": RMS " + rms);
        }
    }

    @Test
    void lateOutputStartsFromTheCachedGop() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, MediaCodec.G711A, 4);
        MediaBridge bridge = fixture.bridge("late");
        List<AccessUnit> units = clip.units();
        int joinAt = units.size() * 3 / 5;
        bridge.onParameterSets(clip.sets());
        units.subList(0, joinAt).forEach(bridge::onAccessUnit);
        // what a late joiner can show: everything from the last key frame before it joined
        int lastKeyVideoIndex = -1;
        int videoIndex = 0;
        for (AccessUnit unit : units.subList(0, joinAt)) {
            if (unit.isVideo()) {
                if (unit.keyFrame()) {
                    lastKeyVideoIndex = videoIndex;
                }
                videoIndex++;
            }
        }
        assertTrue(videoIndex - lastKeyVideoIndex > 1, "the join point must be inside a GOP");
        Path file = out.resolve("late.mp4");
        BridgeOutput late = bridge.addOutput(OutputSpec.mp4File(file));
        units.subList(joinAt, units.size()).forEach(bridge::onAccessUnit);
        late.closeAsync().get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        BridgeFixture.closeAndWait(bridge);

        Ffprobe.assertVideo(file, "h264", clip.videoFrames() - lastKeyVideoIndex, "pcm_alaw");
    }
}
