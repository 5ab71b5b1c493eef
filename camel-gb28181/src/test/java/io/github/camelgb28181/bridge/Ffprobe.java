package io.github.camelgb28181.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Debian's ffprobe decodes from a file: every stream with its frame count (decoded, not read from headers). */
public final class Ffprobe {

    public record ProbedStream(String type, String codec, int width, int height, int frames) {
    }

    private Ffprobe() {
    }

    public static List<ProbedStream> streams(Path file) throws IOException, InterruptedException {
        String json = ExternalTools.run(file.getParent(), "ffprobe", "-v", "error", "-count_frames", "-show_streams",
                "-of", "json", file.toString());
        List<ProbedStream> streams = new ArrayList<>();
        for (JsonNode s : new ObjectMapper().readTree(json).path("streams")) {
            streams.add(new ProbedStream(s.path("codec_type").asText(), s.path("codec_name").asText(),
                    s.path("width").asInt(), s.path("height").asInt(), s.path("nb_read_frames").asInt(-1)));
        }
        return streams;
    }

    /** The first (only) stream of {@code type}. */
    public static ProbedStream stream(List<ProbedStream> streams, String type) {
        List<ProbedStream> matching = streams.stream().filter(s -> s.type().equals(type)).toList();
        assertEquals(1, matching.size(), () -> "one " + type + " stream expected in " + streams);
        return matching.get(0);
    }

    /** The file holds the clip's video completely (±1 frame) and, when {@code audio} is set, an audio stream of it. */
    static void assertVideo(Path file, String codec, int frames, String audioCodec)
            throws IOException, InterruptedException {
        List<ProbedStream> streams = streams(file);
        ProbedStream video = stream(streams, "video");
        assertEquals(codec, video.codec(), streams::toString);
        assertEquals(TestClip.WIDTH, video.width(), streams::toString);
        assertEquals(TestClip.HEIGHT, video.height(), streams::toString);
        assertTrue(Math.abs(video.frames() - frames) <= 1, () -> "frames " + video.frames() + " vs " + frames);
        if (audioCodec == null) {
            assertTrue(streams.stream().noneMatch(s -> s.type().equals("audio")), streams::toString);
        } else {
            ProbedStream audio = stream(streams, "audio");
            assertEquals(audioCodec, audio.codec(), streams::toString);
            assertTrue(audio.frames() > 0, streams::toString);
        }
    }
}
