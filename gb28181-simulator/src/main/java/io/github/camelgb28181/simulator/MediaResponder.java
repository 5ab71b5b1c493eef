package io.github.camelgb28181.simulator;

import io.github.camelgb28181.sip.SipRequest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where a simulated device's answer to an INVITE comes from: the extension point for media. The simulator handles
 * the SIP side (100 Trying, the 200 OK with the SDP answer or a failure status, ACK, BYE); an implementation decides
 * whether it can stream the offered session (Play, Playback, Download; UDP or TCP; the {@code y=} SSRC) and streams
 * RTP/PS once the platform's ACK arrives.
 *
 * <p>Called on the device's event loop; return quickly and complete the stage later if setting up takes time.
 */
@FunctionalInterface
public interface MediaResponder {

    /** No media: every INVITE is refused with 488 Not Acceptable Here. */
    MediaResponder NONE = (deviceId, channelId, invite) -> CompletableFuture.failedFuture(
            new MediaRefusedException(488, "this simulator does not stream media"));

    /**
     * @param deviceId  the device the channel belongs to
     * @param channelId the channel in the INVITE's Request-URI (or the device itself)
     * @param invite    the INVITE with the platform's SDP offer
     * @return the session to answer with, or a stage failed with {@link MediaRefusedException} for a given status
     */
    CompletionStage<MediaSession> answer(String deviceId, String channelId, SipRequest invite);

    /** One accepted INVITE. */
    interface MediaSession {

        /** The SDP answer put in the 200 OK. */
        byte[] sdpAnswer();

        /**
         * The platform's ACK arrived: start sending.
         *
         * @param endOfFile called (from any thread) once a playback or download has sent its whole file, so that the
         *                  device reports MediaStatus 121; never called for live streams
         */
        void start(Runnable endOfFile);

        /**
         * An INFO in this dialog (MANSRTSP playback control, GB/T 28181-2016 §9.8.2): act on it and return the SIP
         * status to answer with. The default refuses nothing and does nothing, as a live stream may.
         */
        default int control(byte[] body) {
            return 200;
        }

        /** BYE from the platform (or the simulator stops): stop sending and release ports. */
        void stop();
    }

    /** Refuses an INVITE with a SIP status (486 busy, 488 unsupported offer ...). */
    final class MediaRefusedException extends Exception {

        private static final long serialVersionUID = 1L;
        private final int status;

        public MediaRefusedException(int status, String message) {
            super(message);
            if (status < 300 || status > 699) {
                throw new IllegalArgumentException("a refusal needs a 3xx-6xx status, got " + status);
            }
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
