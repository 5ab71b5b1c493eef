package io.github.camelgb28181.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * An on-demand recording: files named {@code <prefix>-<UTC start time>-<n>.<flv|mp4>} in {@code folder}, a new file
 * at the first key frame after {@code maxDuration} of stream time or {@code maxBytes}, whichever comes first.
 *
 * @param folder      where the files go (created when missing)
 * @param prefix      start of every file name, e.g. the channel ID
 * @param container   FLV or MP4 (an MP4 with G.711 audio is written by the MOV muxer)
 * @param maxDuration {@code null} or zero for no limit
 * @param maxBytes    0 for no limit
 * @param audio       what the files keep of the audio
 */
public record RecordingSpec(Path folder, String prefix, OutputKind container, Duration maxDuration, long maxBytes,
                            AudioMode audio) {

    public RecordingSpec {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(audio, "audio");
        if (container != OutputKind.FLV_FILE && container != OutputKind.MP4_FILE) {
            throw new IllegalArgumentException("recordings are FLV_FILE or MP4_FILE, not " + container);
        }
        if (maxBytes < 0 || (maxDuration != null && maxDuration.isNegative())) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        if (prefix.isEmpty() || prefix.contains("/") || prefix.contains("\\") || prefix.startsWith(".")) {
            throw new IllegalArgumentException("the prefix must be a plain file name part: " + prefix);
        }
    }

    /** With the audio kept where the container carries it ({@link AudioMode#AUTO}). */
    public RecordingSpec(Path folder, String prefix, OutputKind container, Duration maxDuration, long maxBytes) {
        this(folder, prefix, container, maxDuration, maxBytes, AudioMode.AUTO);
    }

    public static RecordingSpec mp4(Path folder, String prefix) {
        return new RecordingSpec(folder, prefix, OutputKind.MP4_FILE, null, 0);
    }

    public static RecordingSpec flv(Path folder, String prefix) {
        return new RecordingSpec(folder, prefix, OutputKind.FLV_FILE, null, 0);
    }

    public RecordingSpec rotateAfter(Duration duration, long bytes) {
        return new RecordingSpec(folder, prefix, container, duration, bytes, audio);
    }

    public RecordingSpec withAudio(AudioMode mode) {
        return new RecordingSpec(folder, prefix, container, maxDuration, maxBytes, mode);
    }

    long maxTicks() {
        return maxDuration == null ? 0 : maxDuration.toMillis() * 90;
    }

    String extension() {
        return container == OutputKind.FLV_FILE ? "flv" : "mp4";
    }
}
