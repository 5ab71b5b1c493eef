package io.github.camelgb28181.sip;

/**
 * The part of a server transaction that the stack keeps for Timer J / H (64 × T1, RFC 3261 §17.2.2) to absorb
 * retransmitted requests: its key, the way back to the peer and the last response's bytes. The request itself is not
 * kept: at a few thousand transactions a second, 32 s of parsed requests would be tens of megabytes that every young
 * collection copies, and it is the handler that still needs them, through its {@link SipServerTransaction}.
 */
final class ServerTransactionRecord {

    private final String key;
    private final SipServerTransaction.ReplyPath replyPath;
    private final long createdAt;
    private volatile byte[] lastResponse;
    private volatile long completedAt;

    ServerTransactionRecord(String key, SipServerTransaction.ReplyPath replyPath, long createdAt) {
        this.key = key;
        this.replyPath = replyPath;
        this.createdAt = createdAt;
    }

    /** Sends a response's bytes and remembers them for retransmissions; a final one completes the transaction. */
    void send(byte[] bytes, boolean isFinal) {
        lastResponse = bytes;
        if (isFinal) {
            completedAt = System.currentTimeMillis();
        }
        replyPath.send(bytes);
    }

    /** Replays the last response to a retransmitted request; returns false when none was sent yet. */
    boolean replay() {
        byte[] bytes = lastResponse;
        if (bytes == null) {
            return false;
        }
        replyPath.send(bytes);
        return true;
    }

    String key() {
        return key;
    }

    boolean isCompleted() {
        return completedAt != 0;
    }

    long completedAt() {
        return completedAt;
    }

    long createdAt() {
        return createdAt;
    }
}
