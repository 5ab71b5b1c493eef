package io.github.camelgb28181.media.session;

import java.time.Instant;

/**
 * One step in the life of a stream, so that "where did it fail" can be answered from the events alone.
 *
 * @param type    what happened
 * @param session the stream right after it
 * @param detail  a status line, a reason or an error text; may be null
 * @param time    when
 */
public record StreamEvent(Type type, StreamSession session, String detail, Instant time) {

    public enum Type {
        INVITE_SENT, PROVISIONAL, ANSWERED, ACK_SENT, FIRST_RTP, FIRST_KEY_FRAME, TIMEOUT, REINVITE, PAUSED, RESUMED,
        BYE_SENT, BYE_RECEIVED, END_OF_FILE, FAILED, STOPPED
    }
}
