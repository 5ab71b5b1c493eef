package io.github.camelgb28181.bridge;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one output of a {@link MediaBridge} writes and where.
 *
 * @param kind          the protocol or container
 * @param destination   URL for pushes, file path for files, folder for HLS
 * @param audio         what to do with the audio track
 * @param muxerOptions  FFmpeg muxer/protocol options that override the bridge's defaults (e.g. {@code hls_time})
 * @param transcode     {@code null} to remux (the default), or the decode → filter → encode path to take instead
 */
public record OutputSpec(OutputKind kind, String destination, AudioMode audio, Map<String, String> muxerOptions,
                         TranscodeSpec transcode) {

    public OutputSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(audio, "audio");
        muxerOptions = Map.copyOf(muxerOptions);
    }

    public static OutputSpec rtmp(String url) {
        return of(OutputKind.RTMP, url);
    }

    public static OutputSpec rtsp(String url) {
        return of(OutputKind.RTSP, url);
    }

    /** HLS into {@code folder}: {@code index.m3u8} plus segments, served as plain files by whoever wants to. */
    public static OutputSpec hls(Path folder) {
        return of(OutputKind.HLS, folder.toString());
    }

    public static OutputSpec flvFile(Path file) {
        return of(OutputKind.FLV_FILE, file.toString());
    }

    public static OutputSpec mp4File(Path file) {
        return of(OutputKind.MP4_FILE, file.toString());
    }

    private static OutputSpec of(OutputKind kind, String destination) {
        return new OutputSpec(kind, destination, AudioMode.AUTO, Map.of(), null);
    }

    public OutputSpec withAudio(AudioMode mode) {
        return new OutputSpec(kind, destination, mode, muxerOptions, transcode);
    }

    public OutputSpec withMuxerOption(String key, String value) {
        Map<String, String> options = new LinkedHashMap<>(muxerOptions);
        options.put(key, value);
        return new OutputSpec(kind, destination, audio, options, transcode);
    }

    /** The same output, but decoded, filtered (watermarks) and re-encoded as H.264 instead of remuxed. */
    public OutputSpec withTranscode(TranscodeSpec spec) {
        return new OutputSpec(kind, destination, audio, muxerOptions, spec);
    }

    /** A short name for logs and statistics: the kind and where it goes. */
    public String describe() {
        return kind + " " + destination;
    }
}
