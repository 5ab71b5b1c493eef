package io.github.camelgb28181.device;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per key (device ID, source IP) and locks a key out for a while after too many, to
 * slow down password guessing against the registrar.
 */
public final class AuthFailureTracker {

    private record Failures(int count, long firstAt, long lockedUntil) {
    }

    private final int threshold;
    private final long windowMs;
    private final long lockoutMs;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    /**
     * @param threshold failures within {@code windowMs} that trigger a lock-out; 0 disables lock-out
     * @param windowMs  the window failures are counted in
     * @param lockoutMs how long a locked key stays locked
     */
    public AuthFailureTracker(int threshold, long windowMs, long lockoutMs) {
        this.threshold = threshold;
        this.windowMs = windowMs;
        this.lockoutMs = lockoutMs;
    }

    public boolean isLocked(String key, long now) {
        Failures f = failures.get(key);
        return f != null && f.lockedUntil() > now;
    }

    public void recordFailure(String key, long now) {
        if (threshold <= 0) {
            return;
        }
        failures.compute(key, (k, f) -> {
            if (f == null || now - f.firstAt() > windowMs) {
                f = new Failures(1, now, 0);
            } else {
                f = new Failures(f.count() + 1, f.firstAt(), f.lockedUntil());
            }
            return f.count() >= threshold ? new Failures(f.count(), f.firstAt(), now + lockoutMs) : f;
        });
    }

    public void recordSuccess(String key) {
        failures.remove(key);
    }

    /** Forgets entries whose window and lock-out are over. */
    public void sweep(long now) {
        failures.values().removeIf(f -> now - f.firstAt() > windowMs && f.lockedUntil() <= now);
    }
}
