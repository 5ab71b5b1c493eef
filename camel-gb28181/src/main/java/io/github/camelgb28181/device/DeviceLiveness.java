package io.github.camelgb28181.device;

import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.timer.DeadlineWheel;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keep-alive bookkeeping and offline detection (GB/T 28181-2016 §9.6): a device is offline after
 * {@code interval × count} without a keep-alive or REGISTER, or when its registration expires, whichever comes first.
 * Every keep-alive also refreshes the device's address, so NAT re-mappings are followed.
 *
 * <p>Each online device has one deadline, the instant it would go offline if nothing more arrived, kept in a timing
 * wheel that the registry re-arms on every change of the device (keep-alive, REGISTER, new keep-alive settings).
 * {@link #scan()} therefore only looks at devices that are due, instead of all of them every second; with a
 * registry that cannot report its changes ({@link DeviceRegistry#watch}) it scans all devices.
 */
public final class DeviceLiveness {

    /** What to answer a keep-alive with. */
    public enum KeepaliveOutcome {
        /** Recorded; answer 200. */
        RECORDED,
        /** Recorded and the device came back online (revive option); answer 200. */
        REVIVED,
        /** Not registered (unknown or offline): answer 404 so that the device registers again. */
        NOT_REGISTERED
    }

    private final DeviceRegistry registry;
    private final Consumer<DeviceEvent> events;
    private final long intervalMs;
    private final int count;
    private final boolean reviveOnKeepalive;
    private final Clock clock;
    /** Device IDs by the instant they would go offline; null when the registry cannot be watched. */
    private final DeadlineWheel<String> deadlines;

    /** 250 ms × 1024 slots = 256 s, more than the default keep-alive timeout of 3 × 60 s: one visit per deadline. */
    private static final long TICK_MS = 250;
    private static final int SLOTS = 1024;

    public DeviceLiveness(DeviceRegistry registry, Consumer<DeviceEvent> events, long intervalMs, int count,
                          boolean reviveOnKeepalive, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.intervalMs = intervalMs;
        this.count = count;
        this.reviveOnKeepalive = reviveOnKeepalive;
        this.clock = clock;
        DeadlineWheel<String> wheel = new DeadlineWheel<>(TICK_MS, SLOTS, clock.millis());
        if (registry.watch((id, device) -> rearm(wheel, id, device))) {
            this.deadlines = wheel;
            for (Device d : registry.all()) { // stored before the watch began
                rearm(wheel, d.deviceId(), d);
            }
        } else {
            this.deadlines = null;
        }
    }

    private void rearm(DeadlineWheel<String> wheel, String deviceId, Device device) {
        if (device == null || !device.online()) {
            wheel.cancel(deviceId);
        } else {
            wheel.schedule(deviceId, offlineDeadline(device));
        }
    }

    public KeepaliveOutcome onKeepalive(String deviceId, SipPeer source) {
        Instant now = clock.instant();
        boolean[] revived = { false };
        Device updated = registry.update(deviceId, current -> {
            if (current == null) {
                return null;
            }
            if (!current.online()) {
                boolean registrationValid = current.expiresAt().isAfter(now)
                        && current.offlineReason() != OfflineReason.UNREGISTERED;
                if (!reviveOnKeepalive || !registrationValid) {
                    return current;
                }
                revived[0] = true;
                return current.withKeepalive(now, source).withOnline(true, null);
            }
            return current.withKeepalive(now, source);
        });
        if (updated == null || !updated.online()) {
            return KeepaliveOutcome.NOT_REGISTERED;
        }
        if (revived[0]) {
            events.accept(DeviceEvent.of(DeviceEvent.Type.ONLINE, updated, now));
        }
        events.accept(DeviceEvent.of(DeviceEvent.Type.KEEPALIVE, updated, now));
        return revived[0] ? KeepaliveOutcome.REVIVED : KeepaliveOutcome.RECORDED;
    }

    /** Marks devices offline whose registration expired or whose keep-alives stopped, earliest deadline first. */
    public void scan() {
        Instant now = clock.instant();
        if (deadlines == null) {
            for (Device d : registry.all()) {
                check(d, now);
            }
            return;
        }
        for (String deviceId : deadlines.expire(now.toEpochMilli())) {
            Device d = registry.get(deviceId);
            if (!check(d, now) && d != null && d.online()) {
                // due by the millisecond but not by the instant's nanoseconds: look again at the next scan
                deadlines.schedule(deviceId, offlineDeadline(d));
            }
        }
    }

    /** Takes the device offline when it is due; returns whether it was. */
    private boolean check(Device d, Instant now) {
        if (d == null || !d.online() || offlineReason(d, now) == null) {
            return false;
        }
        Device[] changed = new Device[1];
        registry.update(d.deviceId(), current -> {
            if (current == null || !current.online() || offlineReason(current, now) == null) {
                return current; // refreshed meanwhile
            }
            changed[0] = current.withOnline(false, offlineReason(current, now));
            return changed[0];
        });
        if (changed[0] != null) {
            events.accept(DeviceEvent.of(DeviceEvent.Type.OFFLINE, changed[0], now));
        }
        return true;
    }

    /**
     * The first millisecond at which {@link #offlineReason} is no longer null, unless something arrives before:
     * the registration's end, or one millisecond past {@code interval × count} after the last sign of life.
     */
    long offlineDeadline(Device d) {
        long deadline = d.expiresAt().toEpochMilli();
        Instant lastSeen = d.lastSeenAt();
        if (lastSeen != null) {
            deadline = Math.min(deadline, lastSeen.toEpochMilli() + keepaliveTimeoutMs(d) + 1);
        }
        return deadline;
    }

    private long keepaliveTimeoutMs(Device d) {
        long interval = d.keepaliveInterval() > 0 ? d.keepaliveInterval() * 1000L : intervalMs;
        int misses = d.keepaliveCount() > 0 ? d.keepaliveCount() : count;
        return interval * misses;
    }

    OfflineReason offlineReason(Device d, Instant now) {
        if (!d.expiresAt().isAfter(now)) {
            return OfflineReason.EXPIRED;
        }
        Instant lastSeen = d.lastSeenAt();
        if (lastSeen != null && now.toEpochMilli() - lastSeen.toEpochMilli() > keepaliveTimeoutMs(d)) {
            return OfflineReason.KEEPALIVE_TIMEOUT;
        }
        return null;
    }
}
