package io.github.camelgb28181;

import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.session.BroadcastRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.Locale;

/**
 * gb28181:broadcast: voice broadcast (GB/T 28181-2016 §9.12) of the G.711 audio in the body (byte[], or anything Camel
 * converts to one, e.g. an InputStream read whole) to the audio output in {@link Gb28181Constants#CHANNEL_ID} of the
 * device in {@link Gb28181Constants#DEVICE_ID}. Completes, without a thread waiting, once all the audio was sent in
 * real time (or the broadcast was stopped through gb28181:stop), with the {@code StreamSession} as body.
 */
final class Gb28181BroadcastProducer extends Gb28181PlatformProducer {

    Gb28181BroadcastProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        BroadcastRequest request;
        try {
            Message in = exchange.getMessage();
            String deviceId = requireDeviceId(exchange);
            byte[] audio = in.getBody(byte[].class);
            if (audio == null) {
                throw new IllegalArgumentException("gb28181:broadcast needs the G.711 audio as the body");
            }
            request = new BroadcastRequest(deviceId, in.getHeader(Gb28181Constants.CHANNEL_ID, deviceId, String.class),
                    audio, codec(in.getHeader(Gb28181Constants.AUDIO_CODEC, getEndpoint().getAudioCodec(),
                    String.class)), getEndpoint().getPacketTime());
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return complete(exchange, callback, platform().broadcast(request, getEndpoint().getResponseTimeout()),
                (ex, session) -> {
                    ex.getMessage().setBody(session);
                    ex.getMessage().setHeader(Gb28181Constants.STREAM_ID, session.streamId());
                });
    }

    private static MediaCodec codec(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "pcma", "g711a", "alaw" -> MediaCodec.G711A;
            case "pcmu", "g711u", "ulaw", "mulaw" -> MediaCodec.G711U;
            default -> throw new IllegalArgumentException("audioCodec must be pcma or pcmu, not '" + text + "'");
        };
    }
}
