package io.github.camelgb28181.device;

import io.github.camelgb28181.sip.SipPeer;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keep-alive bookkeeping and offline detection (GB/T 28181-2016 §9.6): a device is offline after
 * {@code interval × count} without a keep-alive or REGISTER, or when its registration expires, whichever comes first.
 * Every keep-alive also refreshes the device's address, so NAT re-mappings are followed.
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

    public DeviceLiveness(DeviceRegistry registry, Consumer<DeviceEvent> events, long intervalMs, int count,
                          boolean reviveOnKeepalive, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.intervalMs = intervalMs;
        this.count = count;
        this.reviveOnKeepalive = reviveOnKeepalive;
        this.clock = clock;
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

    /** Marks devices offline whose registration expired or whose keep-alives stopped. */
    public void scan() {
        Instant now = clock.instant();
        for (Device d : registry.all()) {
            if (!d.online()) {
                continue;
            }
            OfflineReason reason = offlineReason(d, now);
            if (reason == null) {
                continue;
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
        }
    }

    OfflineReason offlineReason(Device d, Instant now) {
        if (!d.expiresAt().isAfter(now)) {
            return OfflineReason.EXPIRED;
        }
        long interval = d.keepaliveInterval() > 0 ? d.keepaliveInterval() * 1000L : intervalMs;
        int misses = d.keepaliveCount() > 0 ? d.keepaliveCount() : count;
        Instant lastSeen = d.lastSeenAt();
        if (lastSeen != null && now.toEpochMilli() - lastSeen.toEpochMilli() > interval * misses) {
            return OfflineReason.KEEPALIVE_TIMEOUT;
        }
        return null;
    }
}
