package io.github.camelgb28181;

import io.github.camelgb28181.media.AudioSource;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.StreamedAudio;
import io.github.camelgb28181.media.session.BroadcastRequest;
import io.github.camelgb28181.media.session.StreamSession;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * gb28181:broadcast: voice broadcast (GB/T 28181-2016 §9.12) of the G.711 audio in the body to the audio output in
 * {@link Gb28181Constants#CHANNEL_ID} of the device in {@link Gb28181Constants#DEVICE_ID}. A byte[] (or anything
 * Camel converts to one) is sent whole; an InputStream is read while the broadcast runs, for live sources. Completes,
 * without a thread waiting, once all the audio was sent in real time (or the broadcast was stopped through
 * gb28181:stop), with the {@code StreamSession} as body.
 */
final class Gb28181BroadcastProducer extends Gb28181PlatformProducer {

    /** Two seconds of G.711 may wait between a streamed body and the sender. */
    private static final int STREAM_BUFFER_BYTES = 16_000;

    Gb28181BroadcastProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        AudioSource audio = null;
        CompletableFuture<StreamSession> done;
        try {
            Message in = exchange.getMessage();
            String deviceId = requireDeviceId(exchange);
            MediaCodec codec = codec(in.getHeader(Gb28181Constants.AUDIO_CODEC, getEndpoint().getAudioCodec(),
                    String.class));
            audio = audioSource(in);
            BroadcastRequest request = new BroadcastRequest(deviceId,
                    in.getHeader(Gb28181Constants.CHANNEL_ID, deviceId, String.class), audio, codec,
                    getEndpoint().getPacketTime());
            if (audio instanceof StreamedAudio streamed) {
                streamed.start(getEndpoint().getComponent().audioReaders());
            }
            done = platform().broadcast(request, getEndpoint().getResponseTimeout());
        } catch (RuntimeException e) {
            if (audio != null) {
                audio.close();
            }
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return complete(exchange, callback, done, (ex, session) -> {
            ex.getMessage().setBody(session);
            ex.getMessage().setHeader(Gb28181Constants.STREAM_ID, session.streamId());
        });
    }

    /**
     * An InputStream is read while the broadcast runs (a live source may never end; stop the broadcast to end it),
     * anything else is converted to the bytes it holds.
     */
    private AudioSource audioSource(Message in) {
        Object body = in.getBody();
        if (body instanceof InputStream stream) {
            return new StreamedAudio(stream, STREAM_BUFFER_BYTES);
        }
        byte[] audio = in.getBody(byte[].class);
        if (audio == null) {
            throw new IllegalArgumentException("gb28181:broadcast needs the G.711 audio as the body");
        }
        return AudioSource.of(audio);
    }

    private static MediaCodec codec(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "pcma", "g711a", "alaw" -> MediaCodec.G711A;
            case "pcmu", "g711u", "ulaw", "mulaw" -> MediaCodec.G711U;
            default -> throw new IllegalArgumentException("audioCodec must be pcma or pcmu, not '" + text + "'");
        };
    }
}
