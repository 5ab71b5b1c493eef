package io.github.camelgb28181;

import io.github.camelgb28181.manscdp.model.RecordItem;
import io.github.camelgb28181.media.sdp.GbSessionType;
import io.github.camelgb28181.media.sdp.MediaTransport;
import io.github.camelgb28181.media.sdp.SubStreamFlavour;
import io.github.camelgb28181.media.session.StreamRequest;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.platform.StreamOutputs;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * gb28181:play, gb28181:playback, gb28181:download: INVITEs the channel in {@link Gb28181Constants#CHANNEL_ID} of the
 * device in {@link Gb28181Constants#DEVICE_ID}; completes, without a thread waiting, when the device answered and the
 * first RTP packet arrived, with the {@code StreamSession} as body and its ID in {@link Gb28181Constants#STREAM_ID}.
 * A playback or download given a list of {@code RecordItem}s ({@link Gb28181Constants#PLAYLIST} or the body) plays
 * them one after the other under that one stream ID.
 */
final class Gb28181StreamStartProducer extends Gb28181PlatformProducer {

    Gb28181StreamStartProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<StreamSession> started;
        StreamOutputs outputs;
        try {
            // outputs first: a bad push URL is refused before the device is asked for anything
            outputs = outputs(exchange.getMessage());
            List<RecordItem> playlist = playlist(exchange.getMessage());
            started = playlist == null ? platform().startStream(request(exchange.getMessage(), null))
                    : platform().startPlaylist(playlist.stream().map(i -> request(exchange.getMessage(), i)).toList());
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        CompletableFuture<List<String>> attached = outputs.isEmpty()
                ? started.thenApply(session -> null)
                // off the media event loop that completes the start: the first bridge loads FFmpeg
                : started.thenApplyAsync(session -> attach(outputs, session), bridges().executor());
        return complete(exchange, callback, attached.thenCombine(started, (names, session) -> {
            if (names != null) {
                exchange.getMessage().setHeader(Gb28181Constants.BRIDGE_OUTPUTS, names);
            }
            return session;
        }), (ex, session) -> {
            ex.getMessage().setBody(session);
            ex.getMessage().setHeader(Gb28181Constants.STREAM_ID, session.streamId());
        });
    }

    private StreamOutputs outputs(Message in) {
        Gb28181Endpoint e = getEndpoint();
        boolean record = in.getHeader(Gb28181Constants.RECORD, e.isRecord(), Boolean.class);
        boolean hls = in.getHeader(Gb28181Constants.HLS, e.isHls(), Boolean.class);
        String push = in.getHeader(Gb28181Constants.PUSH, e.getPush(), String.class);
        return new StreamOutputs(StreamOutputs.splitUrls(push), hls, null, null, record, e.audioMode(in),
                e.transcodeSpec());
    }

    /** Attaches the outputs; a stream whose outputs cannot be attached is stopped rather than left running unseen. */
    private List<String> attach(StreamOutputs outputs, StreamSession session) {
        try {
            return MediaBridgeProcessor.attach(getEndpoint().getComponent(), outputs, session);
        } catch (RuntimeException e) {
            platform().stopStream(session.streamId());
            throw e;
        }
    }

    /** The RecordItems to play one after the other (header, else body), or null for a single interval. */
    private List<RecordItem> playlist(Message in) {
        if (getEndpoint().getType() == Gb28181Type.play) {
            return null;
        }
        Object value = in.getHeader(Gb28181Constants.PLAYLIST);
        if (value == null && in.getBody() instanceof List<?> body && !body.isEmpty()
                && body.get(0) instanceof RecordItem) {
            value = body;
        }
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(Gb28181Constants.PLAYLIST + " must be a non-empty List of RecordItem");
        }
        List<RecordItem> items = new java.util.ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof RecordItem item)) {
                throw new IllegalArgumentException("a playlist holds RecordItems, not " + o);
            }
            items.add(item);
        }
        return items;
    }

    /** The request for the interval of the headers, or for one playlist item when {@code item} is not null. */
    private StreamRequest request(Message in, RecordItem item) {
        Gb28181Endpoint e = getEndpoint();
        String deviceId = requireDeviceId(in.getExchange());
        String channelId = item != null && item.getDeviceId() != null && !item.getDeviceId().isBlank()
                ? item.getDeviceId().trim() : in.getHeader(Gb28181Constants.CHANNEL_ID, deviceId, String.class);
        // the request's own choice wins, then the endpoint's, then the per-device default (deviceTransports,
        // deviceStreamFlavours), then UDP and a=streamnumber
        MediaTransport transport = transport(in, e, deviceId);
        int subStream = subStream(e.getStream());
        SubStreamFlavour flavour = flavour(e, deviceId);
        GbSessionType type = switch (e.getType()) {
            case play -> GbSessionType.PLAY;
            case playback -> GbSessionType.PLAYBACK;
            case download -> GbSessionType.DOWNLOAD;
            default -> throw new IllegalStateException("not a stream start endpoint: " + e.getType());
        };
        if (type == GbSessionType.PLAY) {
            return new StreamRequest(deviceId, channelId, type, null, null, 0, transport, subStream, flavour);
        }
        Instant start = item != null ? itemTime(item.getStartDateTime(), item, "StartTime")
                : time(in, Gb28181Constants.START_TIME);
        Instant end = item != null ? itemTime(item.getEndDateTime(), item, "EndTime")
                : time(in, Gb28181Constants.END_TIME);
        return new StreamRequest(deviceId, channelId, type, start, end,
                type == GbSessionType.DOWNLOAD ? e.getDownloadSpeed() : 0, transport, subStream, flavour);
    }

    static int subStream(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "main" -> 0;
            case "sub" -> 1;
            default -> {
                try {
                    yield Integer.parseInt(text.trim());
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("stream must be main, sub or a number, not '" + text + "'");
                }
            }
        };
    }

    /** A record item's time: device local time without a zone (A.2.1), taken in the JVM's zone like the headers. */
    private static Instant itemTime(LocalDateTime t, RecordItem item, String what) {
        if (t == null) {
            throw new IllegalArgumentException("playlist item without a readable " + what + ": " + item);
        }
        return t.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static Instant time(Message in, String header) {
        Object v = in.getHeader(header);
        if (v instanceof Instant i) {
            return i;
        }
        if (v == null) {
            throw new IllegalArgumentException("header " + header + " is required");
        }
        String text = v.toString().trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // GB devices keep local time without a zone (A.2.1), so a bare time is the JVM's local time
                return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("header " + header + " must be an ISO-8601 date-time: " + text);
            }
        }
    }
}
