package io.github.camelgb28181.media.session;

/** Where a stream is in its life. */
public enum StreamState {
    /** INVITE sent, no final answer yet. */
    INVITING,
    /** 200 OK received and ACKed; waiting for the first RTP packet. */
    ESTABLISHED,
    /** RTP is arriving. */
    STREAMING,
    /** Playback paused by MANSRTSP PAUSE (the watchdog is suspended). */
    PAUSED,
    /** No RTP for the watchdog time: being re-INVITEd. */
    RECOVERING,
    /** Ended: stopped, BYE from the device, end of file, or failed. */
    ENDED
}
