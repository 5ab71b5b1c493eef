package io.github.camelgb28181.sip;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linger and abandonment of server transactions (RFC 3261 §17.2.2 Timer J): the sweep's times are given by the
 * test; completion times come from the transaction's own clock, so they are read back rather than assumed.
 */
class ServerTransactionTableTest {

    private static final long LINGER = 32_000;
    private static final long MAX_AGE = 2 * LINGER;
    private final List<byte[]> sent = new ArrayList<>();

    private SipServerTransaction tx(String key, long createdAt) {
        SipHeaders h = SipHeaders.builder()
                .add(SipHeaderNames.VIA, "SIP/2.0/UDP 192.168.1.64:5060;branch=z9hG4bK" + key)
                .add(SipHeaderNames.FROM, "<sip:34020000001320000001@3402000000>;tag=1")
                .add(SipHeaderNames.TO, "<sip:34020000002000000001@3402000000>")
                .add(SipHeaderNames.CALL_ID, "call-" + key)
                .add(SipHeaderNames.CSEQ, "1 MESSAGE")
                .build();
        return new SipServerTransaction(key, new SipRequest("MESSAGE", "sip:34020000002000000001@3402000000", h,
                null), SipPeer.of(SipTransport.UDP, "192.168.1.64", 5060), sent::add, createdAt);
    }

    @Test
    void aCompletedTransactionLingersExactlyTimerJ() {
        long now = System.currentTimeMillis();
        ServerTransactionTable table = new ServerTransactionTable(LINGER, now);
        SipServerTransaction tx = tx("a", now);
        assertNull(table.putIfAbsent(tx.record()));
        tx.respond(200);
        assertLingersForTimerJ(table, tx);
        assertEquals(0, table.size());
    }

    /** Kept until the linger after its final response is over, to the millisecond. */
    private static void assertLingersForTimerJ(ServerTransactionTable table, SipServerTransaction tx) {
        long done = tx.record().completedAt();
        table.sweep(done + LINGER, MAX_AGE);
        assertSame(tx.record(), table.get(tx.record().key()), "absorbs retransmissions until Timer J fires");
        table.sweep(done + LINGER + 1, MAX_AGE);
        assertNull(table.get(tx.record().key()));
    }

    @Test
    void anUnansweredTransactionIsDroppedAfterMaxAge() {
        long now = System.currentTimeMillis();
        ServerTransactionTable table = new ServerTransactionTable(LINGER, now);
        table.putIfAbsent(tx("slow", now).record());
        for (long t = now; t <= now + MAX_AGE; t += 1000) {
            table.sweep(t, MAX_AGE);
        }
        table.sweep(now + MAX_AGE, MAX_AGE);
        assertNotNull(table.get("slow"), "a handler still working keeps its transaction up to maxAge");
        table.sweep(now + MAX_AGE + 1, MAX_AGE);
        assertNull(table.get("slow"));
    }

    @Test
    void aLateAnswerLingersFromItsOwnCompletion() {
        long now = System.currentTimeMillis();
        long createdAt = now - 40_000; // a handler that took 40 s
        ServerTransactionTable table = new ServerTransactionTable(LINGER, createdAt);
        SipServerTransaction tx = tx("late", createdAt);
        table.putIfAbsent(tx.record());
        table.sweep(createdAt + LINGER + 1, MAX_AGE); // first check: still unanswered, kept
        assertSame(tx.record(), table.get("late"));
        tx.respond(200);
        table.sweep(tx.record().completedAt() + 1_000, MAX_AGE); // re-checked a second on: completed, re-armed
        assertSame(tx.record(), table.get("late"));
        assertLingersForTimerJ(table, tx);
    }

    @Test
    void onlyTheFirstOfTwoRacingTransactionsIsKeptAndRemoveForgetsIt() {
        long now = System.currentTimeMillis();
        ServerTransactionTable table = new ServerTransactionTable(LINGER, now);
        SipServerTransaction first = tx("k", now);
        assertNull(table.putIfAbsent(first.record()));
        assertSame(first.record(), table.putIfAbsent(tx("k", now).record()));
        table.remove("k");
        assertNull(table.get("k"));
        SipServerTransaction again = tx("k", now + 5);
        assertNull(table.putIfAbsent(again.record()));
        table.sweep(now + LINGER + 1, MAX_AGE); // the first one's check was cancelled; again's is 5 ms later
        assertSame(again.record(), table.get("k"));
    }

    @Test
    void theTableReplaysTheResponseWithoutHoldingTheRequest() throws InterruptedException {
        long now = System.currentTimeMillis();
        ServerTransactionTable table = new ServerTransactionTable(LINGER, now);
        SipServerTransaction tx = tx("gc", now);
        table.putIfAbsent(tx.record());
        tx.respond(200);
        WeakReference<SipRequest> request = new WeakReference<>(tx.request());
        tx = null; // the handler is done with it
        for (int i = 0; i < 50 && request.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(request.get(), "a lingering transaction keeps no parsed request alive");
        assertTrue(table.get("gc").replay());
        assertEquals(2, sent.size());
        assertArrayEquals(sent.get(0), sent.get(1), "a retransmission gets the same bytes again");
    }

    @Test
    void manyTransactionsExpireInTheirOwnSecond() {
        long now = System.currentTimeMillis();
        ServerTransactionTable table = new ServerTransactionTable(LINGER, now);
        List<SipServerTransaction> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            SipServerTransaction tx = tx("t" + i, now + i); // one a millisecond
            table.putIfAbsent(tx.record());
            all.add(tx);
        }
        // never answered: due at createdAt + MAX_AGE + 1, checked at the linger first
        for (long step = now; step <= now + MAX_AGE + 5_000; step += 1000) {
            long t = step;
            table.sweep(t, MAX_AGE);
            long expectedLeft = all.stream().filter(tx -> t - tx.record().createdAt() <= MAX_AGE).count();
            assertEquals(expectedLeft, table.size(), "at +" + (t - now) + " ms");
        }
    }
}
