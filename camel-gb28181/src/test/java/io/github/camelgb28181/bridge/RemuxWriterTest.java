package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;

/** The muxer session alone, file by file, checked by Debian's ffprobe decoding every frame. */
class RemuxWriterTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void tools() {
        ExternalTools.requireFfmpeg();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
        "H264, G711A, FLV_FILE, flv, h264, pcm_alaw",
        "H264, none, MP4_FILE, mp4, h264, none",
        "H264, G711A, MP4_FILE, mov, h264, pcm_alaw",
        "H264, G711U, FLV_FILE, flv, h264, pcm_mulaw",
        "H264, AAC, MP4_FILE, mp4, h264, aac",
        "H265, G711A, MP4_FILE, mov, hevc, pcm_alaw",
        "H265, AAC, MP4_FILE, mp4, hevc, aac",
        "H264, AAC, FLV_FILE, flv, h264, aac",
    })
    void remuxedFileDecodesCompletely(MediaCodec video, MediaCodec audio, OutputKind kind, String extension,
                                      String videoCodec, String audioCodec) throws Exception {
        TestClip clip = TestClip.generate(dir, video, audio, 4);
        Path out = dir.resolve("out-" + video + "-" + audio + "-" + kind + "." + extension);
        OutputSpec spec = kind == OutputKind.FLV_FILE ? OutputSpec.flvFile(out) : OutputSpec.mp4File(out);
        AudioFormat audioFormat = null;
        for (AccessUnit unit : clip.units()) {
            if (!unit.isVideo()) {
                audioFormat = AudioFormat.of(unit);
                break;
            }
        }
        try (RemuxWriter writer = RemuxWriter.open(MuxPlan.of(spec, new StreamLayout(clip.sets(), audioFormat),
                Duration.ofSeconds(5)))) {
            for (AccessUnit unit : clip.units()) {
                writer.write(unit);
            }
        }
        Ffprobe.assertVideo(out, videoCodec, clip.videoFrames(), audioCodec);
    }
}
