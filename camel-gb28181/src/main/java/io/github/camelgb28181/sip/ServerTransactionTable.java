package io.github.camelgb28181.sip;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Server transactions by key, kept after their final response for Timer J / H (64 × T1 over UDP, RFC 3261 §17.2.2)
 * so that retransmitted requests are absorbed.
 */
final class ServerTransactionTable {

    private final ConcurrentHashMap<String, SipServerTransaction> transactions = new ConcurrentHashMap<>();
    private final long lingerMs;

    ServerTransactionTable(long lingerMs) {
        this.lingerMs = lingerMs;
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

    SipServerTransaction get(String key) {
        return transactions.get(key);
    }

    /** Registers a new transaction; returns the existing one when another thread won the race. */
    SipServerTransaction putIfAbsent(SipServerTransaction tx) {
        return transactions.putIfAbsent(tx.key(), tx);
    }

    void remove(String key) {
        transactions.remove(key);
    }

    /** Drops transactions whose linger time is over, and ones a handler never answered within {@code maxAge}. */
    void sweep(long now, long maxAgeMs) {
        transactions.values().removeIf(tx -> tx.isCompleted()
                ? now - tx.completedAt() > lingerMs
                : now - tx.createdAt() > maxAgeMs);
    }

    int size() {
        return transactions.size();
    }
}
