package io.github.camelgb28181.platform;

import io.github.camelgb28181.bridge.AudioMode;
import io.github.camelgb28181.bridge.BridgeOutput;
import io.github.camelgb28181.bridge.OutputSpec;
import io.github.camelgb28181.bridge.RecordingSpec;
import io.github.camelgb28181.bridge.TranscodeSpec;
import io.github.camelgb28181.media.session.StreamSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The bridge outputs wanted for a stream, as a route or an HTTP request states them: push URLs, HLS, FLV/MP4 files,
 * a recording. URLs and file paths may name the stream with {@code {streamId}}, {@code {deviceId}} and {@code {channelId}}.
 * Attaching is idempotent per output, so asking again (a second route, a retried request) adds nothing twice.
 *
 * @param pushUrls {@code rtmp://}, {@code rtmps://} or {@code rtsp://} destinations
 * @param hls      HLS into a folder named after the stream under the HLS root
 * @param flvFile  an FLV file path (template), or null
 * @param mp4File  an MP4 file path (template), or null
 * @param record   a rotating recording as the recording options say
 * @param audio    what the outputs do with the audio
 * @param transcode the transcode path of the push, HLS and file outputs (decode, filter, H.264), or null to remux;
 *                  recordings stay remuxed
 */
public record StreamOutputs(List<String> pushUrls, boolean hls, String flvFile, String mp4File, boolean record,
                            AudioMode audio, TranscodeSpec transcode) {

    private static final String HLS_KEY = "hls";
    private static final String RECORDING_KEY = "recording";

    public static final StreamOutputs NONE = new StreamOutputs(List.of(), false, null, null, false, AudioMode.AUTO,
            null);

    public StreamOutputs {
        pushUrls = List.copyOf(pushUrls);
        Objects.requireNonNull(audio, "audio");
        for (String url : pushUrls) {
            pushKind(url);
        }
    }

    /** Comma-separated push URLs as one option or header carries them; blanks ignored. */
    public static List<String> splitUrls(String text) {
        List<String> urls = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    urls.add(part.trim());
                }
            }
        }
        return urls;
    }

    public boolean isEmpty() {
        return pushUrls.isEmpty() && !hls && flvFile == null && mp4File == null && !record;
    }

    /**
     * Attaches what is missing to the stream's bridge.
     *
     * @param hlsRoot   the folder under which each stream's HLS folder is made
     * @param recording how recordings are written; its prefix is replaced by one naming the stream
     * @return the stream's outputs this request names, new or already attached
     * @throws IllegalArgumentException when the stream is not running
     */
    public List<BridgeOutput> attach(StreamBridges bridges, StreamSession session, Path hlsRoot,
                                     RecordingSpec recording) {
        String id = session.streamId();
        List<BridgeOutput> attached = new ArrayList<>();
        for (String template : pushUrls) {
            String url = expand(template, session);
            OutputSpec spec = styled(pushKind(url) ? OutputSpec.rtmp(url) : OutputSpec.rtsp(url));
            attached.add(bridges.output(id, "push " + url, b -> b.addOutput(spec)));
        }
        if (hls) {
            attached.add(hlsOutput(bridges, session, hlsRoot, this::styled));
        }
        if (flvFile != null) {
            Path file = Path.of(expand(flvFile, session));
            attached.add(bridges.output(id, "flv " + file, b -> b.addOutput(styled(OutputSpec.flvFile(file)))));
        }
        if (mp4File != null) {
            Path file = Path.of(expand(mp4File, session));
            attached.add(bridges.output(id, "mp4 " + file, b -> b.addOutput(styled(OutputSpec.mp4File(file)))));
        }
        if (record) {
            attached.add(recording(bridges, session, recording.withAudio(audio)));
        }
        return attached;
    }

    /** The stream's HLS output in {@code hlsRoot/<streamId>/index.m3u8}, attached on first use. */
    public static BridgeOutput hlsOutput(StreamBridges bridges, StreamSession session, Path hlsRoot) {
        return hlsOutput(bridges, session, hlsRoot, UnaryOperator.identity());
    }

    /** The stream's HLS output styled so (audio, transcode); the first request that attaches it decides. */
    private static BridgeOutput hlsOutput(StreamBridges bridges, StreamSession session, Path hlsRoot,
                                          UnaryOperator<OutputSpec> style) {
        Path folder = hlsFolder(hlsRoot, session.streamId());
        return bridges.output(session.streamId(), HLS_KEY, b -> b.addOutput(style.apply(OutputSpec.hls(folder))));
    }

    /** This request's audio mode and transcode path on an output. */
    private OutputSpec styled(OutputSpec spec) {
        OutputSpec withAudio = spec.withAudio(audio);
        return transcode == null ? withAudio : withAudio.withTranscode(transcode);
    }

    /** Where the HLS output of a stream writes. */
    public static Path hlsFolder(Path hlsRoot, String streamId) {
        return hlsRoot.resolve(streamId);
    }

    /** The stream's recording, started on first use; files are named after channel and stream. */
    public static BridgeOutput recording(StreamBridges bridges, StreamSession session, RecordingSpec recording) {
        RecordingSpec named = new RecordingSpec(recording.folder(), session.channelId() + "-" + session.streamId(),
                recording.container(), recording.maxDuration(), recording.maxBytes(), recording.audio());
        return bridges.output(session.streamId(), RECORDING_KEY, b -> b.startRecording(named));
    }

    /** Stops the stream's recording; null when none runs. */
    public static BridgeOutput stopRecording(StreamBridges bridges, String streamId) {
        return bridges.removeOutput(streamId, RECORDING_KEY);
    }

    /** True for RTMP, false for RTSP; anything else is refused before a stream is touched. */
    private static boolean pushKind(String url) {
        int colon = url.indexOf("://");
        String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "rtmp", "rtmps" -> true;
            case "rtsp" -> false;
            default -> throw new IllegalArgumentException("push URLs are rtmp://, rtmps:// or rtsp://, not " + url);
        };
    }

    static String expand(String template, StreamSession session) {
        return template.replace("{streamId}", session.streamId()).replace("{deviceId}", session.deviceId())
                .replace("{channelId}", session.channelId());
    }
}
