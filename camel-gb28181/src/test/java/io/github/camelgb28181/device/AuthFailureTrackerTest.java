package io.github.camelgb28181.device;

import java.lang.reflect.Field;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lock-out after repeated authentication failures. */
class AuthFailureTrackerTest {

    private static final int THRESHOLD = 3;
    private static final long WINDOW = 60_000;
    private static final long LOCKOUT = 300_000;
    private static final long T0 = 1_700_000_000_000L;
    private static final String KEY = "34020000001320000001";

    private final AuthFailureTracker tracker = new AuthFailureTracker(THRESHOLD, WINDOW, LOCKOUT);

    /** The number of tracked keys; there is no public accessor, and sweep is only observable through memory. */
    private static int trackedKeys(AuthFailureTracker t) throws ReflectiveOperationException {
        Field f = AuthFailureTracker.class.getDeclaredField("failures");
        f.setAccessible(true);
        return ((Map<?, ?>) f.get(t)).size();
    }

    @Test
    void unknownKeyIsNotLocked() {
        assertFalse(tracker.isLocked(KEY, T0));
    }

    @Test
    void locksAtThresholdNotBefore() {
        tracker.recordFailure(KEY, T0);
        assertFalse(tracker.isLocked(KEY, T0));
        tracker.recordFailure(KEY, T0 + 1000);
        assertFalse(tracker.isLocked(KEY, T0 + 1000), "two failures are below the threshold of three");
        tracker.recordFailure(KEY, T0 + 2000);
        assertTrue(tracker.isLocked(KEY, T0 + 2000));
        assertTrue(tracker.isLocked(KEY, T0 + 2001));
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < THRESHOLD; i++) {
            tracker.recordFailure(KEY, T0 + i);
        }
        tracker.recordFailure("10.0.0.7", T0);
        assertTrue(tracker.isLocked(KEY, T0 + 10));
        assertFalse(tracker.isLocked("10.0.0.7", T0 + 10));
        assertFalse(tracker.isLocked("34020000001320000002", T0 + 10));
    }

    @Test
    void lastFailureExactlyAtWindowEdgeStillCounts() {
        tracker.recordFailure(KEY, T0);
        tracker.recordFailure(KEY, T0 + 1);
        tracker.recordFailure(KEY, T0 + WINDOW);
        assertTrue(tracker.isLocked(KEY, T0 + WINDOW));
    }

    @Test
    void windowExpiryResetsCount() {
        tracker.recordFailure(KEY, T0);
        tracker.recordFailure(KEY, T0 + 1000);
        // the window started at T0; this failure is past it and starts a new count of one
        tracker.recordFailure(KEY, T0 + WINDOW + 1);
        assertFalse(tracker.isLocked(KEY, T0 + WINDOW + 1));
        tracker.recordFailure(KEY, T0 + WINDOW + 2);
        assertFalse(tracker.isLocked(KEY, T0 + WINDOW + 2), "only two failures in the new window");
        tracker.recordFailure(KEY, T0 + WINDOW + 3);
        assertTrue(tracker.isLocked(KEY, T0 + WINDOW + 3), "third failure in the new window locks");
    }

    @Test
    void lockoutEndsAfterItsDuration() {
        long lockedAt = T0 + 2000;
        tracker.recordFailure(KEY, T0);
        tracker.recordFailure(KEY, T0 + 1000);
        tracker.recordFailure(KEY, lockedAt);
        assertTrue(tracker.isLocked(KEY, lockedAt + LOCKOUT - 1));
        assertFalse(tracker.isLocked(KEY, lockedAt + LOCKOUT), "locked until is exclusive");
        assertFalse(tracker.isLocked(KEY, lockedAt + LOCKOUT + 60_000));
    }

    @Test
    void afterLockoutAndWindowAFreshFailureDoesNotRelock() {
        long lockedAt = T0 + 2000;
        tracker.recordFailure(KEY, T0);
        tracker.recordFailure(KEY, T0 + 1000);
        tracker.recordFailure(KEY, lockedAt);
        long later = lockedAt + LOCKOUT + 1;
        tracker.recordFailure(KEY, later);
        assertFalse(tracker.isLocked(KEY, later));
    }

    @Test
    void failuresWhileLockedExtendTheLockout() {
        tracker.recordFailure(KEY, T0);
        tracker.recordFailure(KEY, T0);
        tracker.recordFailure(KEY, T0);
        tracker.recordFailure(KEY, T0 + 10_000);
        assertTrue(tracker.isLocked(KEY, T0 + LOCKOUT + 5_000), "lock-out counted from the latest failure");
        assertFalse(tracker.isLocked(KEY, T0 + 10_000 + LOCKOUT));
    }

    @Test
    void recordSuccessClears() {
        tracker.recordFailure(KEY, T0);
        tracker.recordFailure(KEY, T0 + 1);
        tracker.recordSuccess(KEY);
        tracker.recordFailure(KEY, T0 + 2);
        tracker.recordFailure(KEY, T0 + 3);
        assertFalse(tracker.isLocked(KEY, T0 + 3), "the count restarted after the success");
        tracker.recordFailure(KEY, T0 + 4);
        assertTrue(tracker.isLocked(KEY, T0 + 4));
    }

    @Test
    void recordSuccessUnlocks() {
        for (int i = 0; i < THRESHOLD; i++) {
            tracker.recordFailure(KEY, T0);
        }
        assertTrue(tracker.isLocked(KEY, T0 + 1));
        tracker.recordSuccess(KEY);
        assertFalse(tracker.isLocked(KEY, T0 + 1));
        tracker.recordSuccess("never-seen"); // no error
    }

    @Test
    void thresholdZeroNeverLocks() throws Exception {
        AuthFailureTracker off = new AuthFailureTracker(0, WINDOW, LOCKOUT);
        for (int i = 0; i < 1000; i++) {
            off.recordFailure(KEY, T0 + i);
        }
        assertFalse(off.isLocked(KEY, T0 + 1000));
        assertEquals(0, trackedKeys(off), "nothing is tracked when lock-out is off");
    }

    @Test
    void negativeThresholdNeverLocks() {
        AuthFailureTracker off = new AuthFailureTracker(-1, WINDOW, LOCKOUT);
        off.recordFailure(KEY, T0);
        off.recordFailure(KEY, T0);
        assertFalse(off.isLocked(KEY, T0));
    }

    @Test
    void thresholdOneLocksOnFirstFailure() {
        AuthFailureTracker strict = new AuthFailureTracker(1, WINDOW, LOCKOUT);
        strict.recordFailure(KEY, T0);
        assertTrue(strict.isLocked(KEY, T0));
        assertFalse(strict.isLocked(KEY, T0 + LOCKOUT));
    }

    @Test
    void sweepRemovesOldEntriesButKeepsActiveLockouts() throws Exception {
        tracker.recordFailure("old", T0);                 // one failure, window over at T0 + WINDOW
        for (int i = 0; i < THRESHOLD; i++) {
            tracker.recordFailure("locked", T0);          // locked until T0 + LOCKOUT
        }
        tracker.recordFailure("recent", T0 + 90_000);     // still in its window at sweep time
        tracker.recordFailure("recent", T0 + 90_001);
        assertEquals(3, trackedKeys(tracker));

        long sweepAt = T0 + 100_000;
        tracker.sweep(sweepAt);

        assertEquals(2, trackedKeys(tracker), "only the old entry is dropped");
        assertTrue(tracker.isLocked("locked", sweepAt), "an active lock-out survives the sweep");
        tracker.recordFailure("recent", sweepAt);
        assertTrue(tracker.isLocked("recent", sweepAt), "the recent entry kept its count of two");
    }

    @Test
    void sweepDropsExpiredLockouts() throws Exception {
        for (int i = 0; i < THRESHOLD; i++) {
            tracker.recordFailure(KEY, T0);
        }
        tracker.sweep(T0 + LOCKOUT - 1);
        assertEquals(1, trackedKeys(tracker));
        assertTrue(tracker.isLocked(KEY, T0 + LOCKOUT - 1));
        tracker.sweep(T0 + LOCKOUT);
        assertEquals(0, trackedKeys(tracker));
        assertFalse(tracker.isLocked(KEY, T0 + LOCKOUT));
    }

    @Test
    void sweepKeepsEntryExactlyAtWindowEdge() throws Exception {
        tracker.recordFailure(KEY, T0);
        tracker.sweep(T0 + WINDOW);
        assertEquals(1, trackedKeys(tracker));
        tracker.sweep(T0 + WINDOW + 1);
        assertEquals(0, trackedKeys(tracker));
    }
}
