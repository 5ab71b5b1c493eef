package io.github.camelgb28181.media.ssrc;

/** All 9999 sequence numbers of the domain are in use; release SSRCs of finished streams first. */
public final class SsrcExhaustedException extends Exception {

    public SsrcExhaustedException(String message) {
        super(message);
    }
}
