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
        BYE_SENT, BYE_RECEIVED, END_OF_FILE, FAILED, STOPPED,
        /** Periodic: the session carries a fresh statistics snapshot (streamStatisticsInterval). */
        STATISTICS,
        /** A playlist went on to its next item (the detail is the item's index, from 0). */
        PLAYLIST_NEXT,
        /** Voice broadcast: the Notify went out, and the device accepted it. */
        BROADCAST_NOTIFY_SENT, BROADCAST_ACCEPTED,
        /** Voice broadcast: the device's INVITE came and was answered, its ACK arrived, audio is being sent. */
        BROADCAST_INVITED, BROADCAST_STARTED,
        /** Voice broadcast: all audio sent (BYE follows). */
        BROADCAST_COMPLETED
    }
}
