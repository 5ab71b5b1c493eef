package io.github.camelgb28181;

import io.github.camelgb28181.bridge.BridgeOutput;
import io.github.camelgb28181.bridge.AudioMode;
import io.github.camelgb28181.bridge.Recording;
import io.github.camelgb28181.bridge.RecordingSpec;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.platform.StreamOutputs;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * gb28181:record: recording on demand. {@code action=start} records the stream named by the stream ID header to
 * rotating files (recordingFolder, recordingFormat, recordingMaxDuration, recordingMaxSize) until it ends or
 * {@code action=stop}; starting twice keeps the one recording. Stop completes when the last file is finished
 * (trailer written), so the files in the body can be used at once.
 */
final class Gb28181RecordProducer extends Gb28181PlatformProducer {

    Gb28181RecordProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<List<Path>> files;
        try {
            Message in = exchange.getMessage();
            String streamId = in.getHeader(Gb28181Constants.STREAM_ID, String.class);
            if (streamId == null) {
                throw new IllegalArgumentException("header " + Gb28181Constants.STREAM_ID + " is required");
            }
            String action = in.getHeader(Gb28181Constants.ACTION, getEndpoint().getAction(), String.class);
            files = switch (action == null ? "" : action.trim().toLowerCase(Locale.ROOT)) {
                case "start" -> start(platform().runningStream(streamId), getEndpoint().audioMode(in));
                case "stop" -> stop(streamId);
                default -> throw new IllegalArgumentException("gb28181:record needs action start or stop, not "
                        + action);
            };
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return complete(exchange, callback, files, (ex, list) -> {
            ex.getMessage().setBody(list);
            ex.getMessage().setHeader(Gb28181Constants.RECORDING_FILES, list);
        });
    }

    private CompletableFuture<List<Path>> start(StreamSession session, AudioMode audio) {
        RecordingSpec spec = getEndpoint().getComponent().getConfiguration().toRecordingSpec("recording")
                .withAudio(audio);
        // off the caller's thread: the first bridge loads FFmpeg
        return CompletableFuture.supplyAsync(() -> files(StreamOutputs.recording(bridges(), session, spec)),
                bridges().executor());
    }

    private CompletableFuture<List<Path>> stop(String streamId) {
        BridgeOutput recording = StreamOutputs.stopRecording(bridges(), streamId);
        if (recording == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("stream " + streamId
                    + " is not being recorded"));
        }
        return recording.closeAsync().thenApply(done -> files(recording));
    }

    private static List<Path> files(BridgeOutput output) {
        return output instanceof Recording r ? List.copyOf(r.files()) : List.of();
    }
}
