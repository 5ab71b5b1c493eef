package io.github.camelgb28181;

import io.github.camelgb28181.bridge.MediaBridge;
import io.github.camelgb28181.bridge.Snapshot;
import io.github.camelgb28181.media.sdp.GbSessionType;
import io.github.camelgb28181.media.session.StreamRequest;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.media.session.StreamState;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * gb28181:snapshot: JPEG pictures of a channel's latest key frame (the seed's capture feature). Uses the channel's
 * running live stream when there is one (warm: the cached key frame is decoded at once); otherwise plays the channel
 * just long enough for the pictures and stops it again (cold). One picture gives a {@code byte[]} body, a series a
 * {@code List<byte[]>}.
 */
final class Gb28181SnapshotProducer extends Gb28181PlatformProducer {

    Gb28181SnapshotProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Gb28181Endpoint e = getEndpoint();
        int count = e.getSnapshotCount();
        Duration interval = Duration.ofMillis(e.getSnapshotInterval());
        CompletableFuture<List<Snapshot>> pictures;
        try {
            if (count < 1 || count > MediaBridge.MAX_SNAPSHOT_SERIES) {
                throw new IllegalArgumentException("snapshotCount must be 1 to " + MediaBridge.MAX_SNAPSHOT_SERIES);
            }
            Message in = exchange.getMessage();
            StreamSession running = runningStream(in);
            if (running != null) {
                pictures = pictures(running, count, interval);
            } else {
                StreamRequest request = liveRequest(in);
                CompletableFuture<StreamSession> started = platform().startStream(request);
                pictures = started.thenCompose(session -> pictures(session, count, interval));
                // a stream started only for the pictures ends with them, whatever happened
                pictures.whenComplete((done, error) -> started.thenAccept(s -> platform().stopStream(s.streamId())));
            }
        } catch (RuntimeException ex) {
            exchange.setException(ex);
            callback.done(true);
            return true;
        }
        long timeout = e.getComponent().getConfiguration().getSnapshotTimeout() + interval.toMillis() * (count - 1);
        return complete(exchange, callback, pictures.orTimeout(timeout, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(error instanceof TimeoutException
                        ? new TimeoutException("no key frame for a snapshot within " + timeout + " ms") : error)),
                (ex, shots) -> {
                    Message out = ex.getMessage();
                    out.setBody(count == 1 ? shots.get(0).jpeg() : shots.stream().map(Snapshot::jpeg).toList());
                    out.setHeader(Gb28181Constants.SNAPSHOT_WIDTH, shots.get(0).width());
                    out.setHeader(Gb28181Constants.SNAPSHOT_HEIGHT, shots.get(0).height());
                    if (count == 1) {
                        out.setHeader(Exchange.CONTENT_TYPE, "image/jpeg");
                    }
                });
    }

    /** The stream named by the stream ID header, else the channel's running live stream, else null. */
    private StreamSession runningStream(Message in) {
        String streamId = in.getHeader(Gb28181Constants.STREAM_ID, String.class);
        if (streamId != null) {
            return platform().runningStream(streamId);
        }
        String deviceId = requireDeviceId(in.getExchange());
        String channelId = in.getHeader(Gb28181Constants.CHANNEL_ID, deviceId, String.class);
        return platform().streams().stream()
                .filter(s -> s.deviceId().equals(deviceId) && s.channelId().equals(channelId)
                        && s.type() == GbSessionType.PLAY && s.state() != StreamState.ENDED)
                .findFirst().orElse(null);
    }

    private StreamRequest liveRequest(Message in) {
        String deviceId = requireDeviceId(in.getExchange());
        String channelId = in.getHeader(Gb28181Constants.CHANNEL_ID, deviceId, String.class);
        Gb28181Endpoint e = getEndpoint();
        return new StreamRequest(deviceId, channelId, GbSessionType.PLAY, null, null, 0, transport(in, e, deviceId),
                Gb28181StreamStartProducer.subStream(e.getStream()), flavour(e, deviceId));
    }

    private CompletableFuture<List<Snapshot>> pictures(StreamSession session, int count, Duration interval) {
        // off the thread that completed the stream start (a media event loop): the first bridge loads FFmpeg
        return CompletableFuture.supplyAsync(() -> bridges().bridge(session.streamId()), bridges().executor())
                .thenCompose(bridge -> {
                    List<CompletableFuture<Snapshot>> series = count == 1 ? List.of(bridge.snapshot())
                            : bridge.snapshots(count, interval, getEndpoint().getComponent().scheduler());
                    return CompletableFuture.allOf(series.toArray(CompletableFuture[]::new))
                            .thenApply(all -> series.stream().map(CompletableFuture::join).toList());
                });
    }
}
