package io.github.camelgb28181.sip;

import io.github.camelgb28181.timer.DeadlineWheel;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Server transactions (their {@link ServerTransactionRecord}s) by key, kept after their final response for Timer J / H
 * (64 × T1 over UDP, RFC 3261 §17.2.2) so that retransmitted requests are absorbed.
 *
 * <p>Every transaction has a check time in a timing wheel, so that {@link #sweep} visits the transactions whose time
 * may have come rather than all of them (tens of thousands at a few thousand transactions a second). The first
 * check is the earliest a transaction can go: {@code linger} after its creation, since it cannot complete before
 * it was created; a transaction found still answering is looked at again a second later, like the old full sweep.
 */
final class ServerTransactionTable {

    /** How soon an unanswered transaction is looked at again. */
    private static final long RECHECK_MS = 1000;
    /** 100 ms × 512 slots = 51 s, more than the default linger of 64 × T1 = 32 s. */
    private static final long TICK_MS = 100;
    private static final int SLOTS = 512;

    private final ConcurrentHashMap<String, ServerTransactionRecord> transactions = new ConcurrentHashMap<>();
    private final DeadlineWheel<String> checks;
    private final long lingerMs;

    ServerTransactionTable(long lingerMs, long nowMs) {
        this.lingerMs = lingerMs;
        this.checks = new DeadlineWheel<>(TICK_MS, SLOTS, nowMs);
    }

    /**
     * The key of RFC 3261 §17.2.3: branch + sent-by + method, with ACK matching its INVITE. Requests from RFC 2543
     * peers (no magic cookie) fall back to Call-ID, CSeq number, From tag and the top Via.
     */
    static String keyOf(SipRequest request, Via topVia) {
        String method = request.isMethod("ACK") ? "INVITE" : request.method();
        String branch = topVia.branch();
        if (branch != null && branch.startsWith(Via.MAGIC_COOKIE)) {
            return branch + '|' + topVia.sentBy() + '|' + method;
        }
        SipAddress from = request.from();
        CSeq cseq = request.cseq();
        return request.callId() + '|' + cseq.number() + '|' + (from == null ? "" : from.tag()) + '|' + topVia
                + '|' + method;
    }

    ServerTransactionRecord get(String key) {
        return transactions.get(key);
    }

    /** Registers a new transaction; returns the existing one when another thread won the race. */
    ServerTransactionRecord putIfAbsent(ServerTransactionRecord tx) {
        ServerTransactionRecord existing = transactions.putIfAbsent(tx.key(), tx);
        if (existing == null) {
            checks.schedule(tx.key(), tx.createdAt() + lingerMs + 1);
        }
        return existing;
    }

    void remove(String key) {
        transactions.remove(key);
        checks.cancel(key);
    }

    /** Drops transactions whose linger time is over, and ones a handler never answered within {@code maxAge}. */
    void sweep(long now, long maxAgeMs) {
        for (String key : checks.expire(now)) {
            ServerTransactionRecord tx = transactions.get(key);
            if (tx == null) {
                continue;
            }
            if (tx.isCompleted() ? now - tx.completedAt() > lingerMs : now - tx.createdAt() > maxAgeMs) {
                transactions.remove(key, tx);
            } else {
                checks.schedule(key, tx.isCompleted()
                        ? tx.completedAt() + lingerMs + 1
                        : Math.min(tx.createdAt() + maxAgeMs + 1, now + RECHECK_MS));
            }
        }
    }

    int size() {
        return transactions.size();
    }
}
