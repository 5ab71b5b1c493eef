package io.github.camelgb28181.media.ssrc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SSRC allocation in the layout of GB/T 28181-2016 Annex F: live/history flag, domain digits, unique sequence. */
class SsrcAllocatorTest {

    static final String PLATFORM_ID = "34020000002000000001";

    /** The standard's own example: from "13010000002000000001" the domain digits are "10000". */
    @Test
    void domainDigitsFollowTheStandardExample() {
        assertEquals("10000", new SsrcAllocator("13010000002000000001").domainPart());
        assertEquals("20000", new SsrcAllocator(PLATFORM_ID).domainPart());
        assertEquals("20000", new SsrcAllocator("3402000000").domainPart());
        assertEquals("11000", new SsrcAllocator("4401100000").domainPart());
    }

    @Test
    void liveAndHistorySsrcs() throws SsrcExhaustedException {
        SsrcAllocator allocator = new SsrcAllocator(PLATFORM_ID);
        assertEquals("0200000001", allocator.allocate(false).decimal());
        assertEquals("1200000002", allocator.allocate(true).decimal());
        Ssrc third = allocator.allocate(false);
        assertEquals("0200000003", third.decimal());
        assertFalse(third.isHistory());
        assertTrue(Ssrc.parse("1200000002").isHistory());
        assertEquals(3, allocator.inUseCount());
    }

    /** The last four digits are unique in the domain, so live and history share the sequences. */
    @Test
    void everySequenceOnceThenExhausted() throws SsrcExhaustedException {
        SsrcAllocator allocator = new SsrcAllocator(PLATFORM_ID);
        Set<Integer> sequences = new HashSet<>();
        for (int i = 0; i < 9999; i++) {
            Ssrc s = allocator.allocate(i % 2 == 0);
            assertEquals("20000", s.domainPart());
            assertTrue(s.sequence() >= 1 && s.sequence() <= 9999, s.decimal());
            assertTrue(sequences.add(s.sequence()), "sequence twice: " + s.decimal());
        }
        assertEquals(9999, allocator.inUseCount());
        SsrcExhaustedException e = assertThrows(SsrcExhaustedException.class, () -> allocator.allocate(false));
        assertTrue(e.getMessage().contains("20000"), e.getMessage());
        assertTrue(allocator.release(Ssrc.parse("1200004711")));
        assertEquals("0200004711", allocator.allocate(false).decimal());
    }

    @Test
    void releasedSequenceIsNotReusedAtOnceAndInUseOnesAreSkippedAfterTheWrap() throws SsrcExhaustedException {
        SsrcAllocator allocator = new SsrcAllocator(PLATFORM_ID);
        List<Ssrc> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(allocator.allocate(false));
        }
        assertTrue(allocator.release(all.get(1))); // sequence 2 free again
        assertEquals(6, allocator.allocate(false).sequence(), "a just-released sequence waits for the wrap");
        for (int i = 7; i <= 9999; i++) {
            assertEquals(i, allocator.allocate(true).sequence());
        }
        // wrapped: 1 is in use, 2 is free, 3-5 in use
        assertEquals("0200000002", allocator.allocate(false).decimal());
        assertThrows(SsrcExhaustedException.class, () -> allocator.allocate(false));
    }

    @Test
    void releaseOnlyWhatIsOurs() throws SsrcExhaustedException {
        SsrcAllocator allocator = new SsrcAllocator(PLATFORM_ID);
        Ssrc s = allocator.allocate(false);
        assertTrue(allocator.isInUse(s));
        assertFalse(allocator.release(Ssrc.parse("0100000001")), "other domain");
        assertFalse(allocator.release(Ssrc.parse("3200000001")), "not GB layout");
        assertFalse(allocator.release(Ssrc.parse("0200000000")), "sequence 0 is never handed out");
        assertFalse(allocator.release(Ssrc.parse("0200000002")), "not handed out");
        assertTrue(allocator.release(s));
        assertFalse(allocator.isInUse(s));
        assertFalse(allocator.release(s), "released twice");
        assertEquals(0, allocator.inUseCount());
    }

    /** A history SSRC frees the same sequence as a live one: the flag digit is not part of the uniqueness. */
    @Test
    void releaseIgnoresTheLiveHistoryDigit() throws SsrcExhaustedException {
        SsrcAllocator allocator = new SsrcAllocator(PLATFORM_ID);
        Ssrc live = allocator.allocate(false);
        assertTrue(allocator.isInUse(Ssrc.parse("1" + live.decimal().substring(1))));
    }

    @Test
    void refusesDomainsThatAreNotTenOrTwentyDigits() {
        for (String bad : new String[] { null, "", "340200000", "34020000001", "3402000000200000000",
                "340200000020000000011", "34020000x0", "3402000000200000000a" }) {
            assertThrows(IllegalArgumentException.class, () -> new SsrcAllocator(bad), String.valueOf(bad));
        }
    }

    /** Threads racing for every sequence get distinct ones and the count matches. */
    @Test
    void concurrentAllocationNeverHandsOutASequenceTwice() throws InterruptedException {
        SsrcAllocator allocator = new SsrcAllocator(PLATFORM_ID);
        ConcurrentLinkedQueue<Ssrc> handedOut = new ConcurrentLinkedQueue<>();
        AtomicInteger exhausted = new AtomicInteger();
        Race.run(8, thread -> {
            for (int i = 0; i < 2000; i++) {
                try {
                    Ssrc s = allocator.allocate(thread % 2 == 1);
                    handedOut.add(s);
                    if (i % 3 == 0) {
                        assertTrue(allocator.release(s));
                        handedOut.remove(s);
                    }
                } catch (SsrcExhaustedException e) {
                    exhausted.incrementAndGet();
                }
            }
        });
        Set<Integer> sequences = new HashSet<>();
        for (Ssrc s : handedOut) {
            assertTrue(sequences.add(s.sequence()), "sequence handed out twice: " + s.decimal());
            assertTrue(allocator.isInUse(s));
        }
        assertEquals(handedOut.size(), allocator.inUseCount());
        // 8 threads keep 1333 SSRCs each, 10664 in all: at least 665 of those requests find the domain full
        assertTrue(exhausted.get() >= 665, "exhausted " + exhausted.get());
    }
}
