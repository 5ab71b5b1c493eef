package io.github.camelgb28181.timer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timing wheel on its own, with times chosen by the test (the wheel holds no clock). */
class DeadlineWheelTest {

    private static final long T0 = 1_700_000_000_000L;
    /** 100 ms × 16 slots: one revolution is 1.6 s, so that tests cross revolutions with small numbers. */
    private final DeadlineWheel<String> wheel = new DeadlineWheel<>(100, 16, T0);

    @Test
    void expiresExactlyAtTheDeadlineToTheMillisecond() {
        wheel.schedule("a", T0 + 250);
        assertEquals(List.of(), wheel.expire(T0 + 249));
        assertEquals(List.of("a"), wheel.expire(T0 + 250));
        assertEquals(List.of(), wheel.expire(T0 + 251), "expired once only");
        assertEquals(0, wheel.size());
    }

    @Test
    void deadlinesLaterInTheCurrentTickAreNotLost() {
        // the slot of tick T0+200..299 is visited at 210, when "late" is not due; it must be visited again
        wheel.schedule("late", T0 + 290);
        assertEquals(List.of(), wheel.expire(T0 + 210));
        assertEquals(List.of("late"), wheel.expire(T0 + 295));
    }

    @Test
    void expiresInDeadlineOrderAcrossAndWithinTicks() {
        wheel.schedule("c", T0 + 1_050);
        wheel.schedule("a", T0 + 120);
        wheel.schedule("d", T0 + 1_099);
        wheel.schedule("b", T0 + 130); // same tick as a, scheduled after it
        wheel.schedule("b0", T0 + 101); // same tick, earliest
        assertEquals(List.of("b0", "a", "b", "c", "d"), wheel.expire(T0 + 1_500));
    }

    @Test
    void rescheduleReplacesTheDeadline() {
        wheel.schedule("dev", T0 + 300);
        wheel.schedule("dev", T0 + 900); // a keep-alive pushed it back
        assertEquals(1, wheel.size());
        assertEquals(T0 + 900, wheel.deadlineOf("dev"));
        assertEquals(List.of(), wheel.expire(T0 + 899));
        assertEquals(List.of("dev"), wheel.expire(T0 + 900));

        wheel.schedule("dev", T0 + 2_000);
        wheel.schedule("dev", T0 + 1_000); // brought forward (shorter keep-alive settings)
        assertEquals(List.of("dev"), wheel.expire(T0 + 1_000));
        assertEquals(List.of(), wheel.expire(T0 + 2_000), "the earlier deadline replaced the later one");
    }

    @Test
    void cancelRemovesTheKey() {
        wheel.schedule("a", T0 + 200);
        wheel.schedule("b", T0 + 200);
        wheel.schedule("c", T0 + 200);
        assertTrue(wheel.cancel("b"));
        assertFalse(wheel.cancel("b"));
        assertFalse(wheel.cancel("never"));
        assertEquals(-1, wheel.deadlineOf("b"));
        assertEquals(List.of("a", "c"), sorted(wheel.expire(T0 + 200)));
        assertEquals(0, wheel.size());
    }

    @Test
    void cancellingTheHeadAndTailOfASlotKeepsTheRest() {
        for (String k : List.of("1", "2", "3", "4")) {
            wheel.schedule(k, T0 + 500);
        }
        wheel.cancel("4"); // the head: linked last
        wheel.cancel("1"); // the tail
        assertEquals(List.of("2", "3"), sorted(wheel.expire(T0 + 500)));
    }

    @Test
    void deadlinesBeyondOneRevolutionWaitForTheirRound() {
        wheel.schedule("near", T0 + 50 + 1_600); // one revolution ahead
        wheel.schedule("far", T0 + 50 + 3 * 1_600); // the same slot, three revolutions ahead
        List<String> seen = new ArrayList<>();
        for (long t = T0; t <= T0 + 6_000; t += 100) {
            for (String k : wheel.expire(t)) {
                seen.add(k + "@" + (t - T0));
            }
        }
        assertEquals(List.of("near@1700", "far@4900"), seen, "each in the first tick at or after its deadline");
    }

    @Test
    void pastDeadlinesAreDueAtTheNextExpire() {
        wheel.expire(T0 + 1_000);
        wheel.schedule("late", T0 + 10); // already past
        wheel.schedule("now", T0 + 1_000);
        assertEquals(List.of("late", "now"), wheel.expire(T0 + 1_000));
    }

    @Test
    void aJumpOfManyRevolutionsExpiresEverythingDueOnce() {
        wheel.schedule("a", T0 + 100);
        wheel.schedule("b", T0 + 1_500);
        wheel.schedule("c", T0 + 30_000);
        wheel.schedule("d", T0 + 120_000);
        // 60 s later, 37 revolutions: every slot visited once, not 600 ticks
        assertEquals(List.of("a", "b", "c"), wheel.expire(T0 + 60_000));
        assertEquals(1, wheel.size());
        assertEquals(List.of(), wheel.expire(T0 + 119_999));
        assertEquals(List.of("d"), wheel.expire(T0 + 120_000));
    }

    @Test
    void aClockGoingBackExpiresNothingUntilItCatchesUp() {
        wheel.schedule("a", T0 + 500);
        wheel.expire(T0 + 400);
        assertEquals(List.of(), wheel.expire(T0 - 10_000));
        assertEquals(List.of("a"), wheel.expire(T0 + 500));
    }

    @Test
    void manyEntriesWithRandomDeadlinesAndReschedulesMatchASortedModel() {
        Random random = new Random(42);
        long[] deadline = new long[20_000];
        for (int i = 0; i < deadline.length; i++) {
            deadline[i] = T0 + random.nextInt(10_000);
            wheel.schedule("k" + i, deadline[i]);
        }
        for (int i = 0; i < deadline.length; i += 3) { // a third re-armed later, a tenth of those cancelled
            deadline[i] += 1 + random.nextInt(5_000);
            wheel.schedule("k" + i, deadline[i]);
            if (i % 30 == 0) {
                wheel.cancel("k" + i);
                deadline[i] = -1;
            }
        }
        List<String> expired = new ArrayList<>();
        for (long now = T0; now <= T0 + 16_000; now += 1 + random.nextInt(700)) {
            long previous = Long.MIN_VALUE;
            for (String k : wheel.expire(now)) {
                long d = deadline[Integer.parseInt(k.substring(1))];
                assertTrue(d >= 0 && d <= now, k + " due at " + d + " expired at " + now);
                assertTrue(d >= previous, "in deadline order within one expire");
                previous = d;
                expired.add(k);
            }
            for (int i = 0; i < deadline.length; i++) {
                if (deadline[i] >= 0 && deadline[i] <= now) {
                    assertEquals(-1, wheel.deadlineOf("k" + i), "k" + i + " still armed at " + now);
                }
            }
        }
        expired.addAll(wheel.expire(T0 + 20_000));
        long live = java.util.Arrays.stream(deadline).filter(d -> d >= 0).count();
        assertEquals(live, expired.size());
        assertEquals(live, expired.stream().distinct().count(), "each key expired once");
        assertEquals(0, wheel.size());
    }

    @Test
    void rejectsBadGeometry() {
        assertThrows(IllegalArgumentException.class, () -> new DeadlineWheel<>(0, 16, T0));
        assertThrows(IllegalArgumentException.class, () -> new DeadlineWheel<>(100, 12, T0));
    }

    private static List<String> sorted(List<String> keys) {
        List<String> copy = new ArrayList<>(keys);
        copy.sort(null);
        return copy;
    }
}
