package io.github.camelgb28181;

import io.github.camelgb28181.media.mansrtsp.MansrtspRequest;
import io.github.camelgb28181.media.session.StreamSession;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * gb28181:stop (one stream by {@link Gb28181Constants#STREAM_ID}, else every stream of the channel in
 * {@link Gb28181Constants#CHANNEL_ID}, else of the device), gb28181:playbackControl (pause, resume, speed, seek) and
 * gb28181:streams (the running streams with statistics).
 */
final class Gb28181StreamControlProducer extends Gb28181PlatformProducer {

    /** MANSRTSP CSeq: increasing per platform run is all the devices check. */
    private final AtomicInteger cseq = new AtomicInteger();

    Gb28181StreamControlProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getMessage();
        try {
            String streamId = in.getHeader(Gb28181Constants.STREAM_ID, String.class);
            switch (getEndpoint().getType()) {
                case streams -> {
                    if (streamId != null) {
                        in.setBody(platform().stream(streamId));
                    } else {
                        List<StreamSession> all = new ArrayList<>(platform().streams());
                        all.sort(Comparator.comparing(StreamSession::createdAt));
                        in.setBody(all);
                    }
                }
                case stop -> {
                    if (streamId != null) {
                        return complete(exchange, callback, platform().stopStream(streamId),
                                (ex, s) -> ex.getMessage().setBody(s));
                    }
                    String deviceId = requireDeviceId(exchange);
                    in.setBody(platform().stopStreams(deviceId, in.getHeader(Gb28181Constants.CHANNEL_ID,
                            String.class)));
                }
                case playbackControl -> {
                    if (streamId == null) {
                        throw new IllegalArgumentException("header " + Gb28181Constants.STREAM_ID + " is required");
                    }
                    return complete(exchange, callback, platform().controlStream(streamId, command(in)),
                            (ex, s) -> ex.getMessage().setBody(s));
                }
                default -> throw new IllegalStateException("not a stream control endpoint: " + getEndpoint().getType());
            }
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    private MansrtspRequest command(Message in) {
        String action = in.getHeader(Gb28181Constants.ACTION, getEndpoint().getAction(), String.class);
        if (action == null) {
            throw new IllegalArgumentException("no action: set the action option or the " + Gb28181Constants.ACTION
                    + " header (pause, resume, speed, seek)");
        }
        String value = in.getHeader(Gb28181Constants.VALUE, String.class);
        int n = cseq.incrementAndGet();
        return switch (action.trim().toLowerCase(Locale.ROOT)) {
            case "pause" -> MansrtspRequest.pause(n);
            case "resume" -> MansrtspRequest.resume(n);
            case "speed" -> MansrtspRequest.speed(n, number(value, "speed"));
            case "seek" -> MansrtspRequest.seek(n, number(value, "seek"));
            default -> throw new IllegalArgumentException("action must be pause, resume, speed or seek, not '"
                    + action + "'");
        };
    }

    private static double number(String value, String action) {
        if (value == null) {
            throw new IllegalArgumentException(action + " needs the " + Gb28181Constants.VALUE + " header");
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(action + " value must be a number, not '" + value + "'");
        }
    }
}
