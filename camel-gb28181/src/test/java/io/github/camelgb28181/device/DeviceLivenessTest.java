package io.github.camelgb28181.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import io.github.camelgb28181.device.DeviceLiveness.KeepaliveOutcome;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipTransport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keep-alive bookkeeping and offline detection, driven by a test clock. */
class DeviceLivenessTest {

    /** A clock whose instant the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void advanceMillis(long ms) {
            advance(Duration.ofMillis(ms));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");
    private static final String ID = "34020000001320000001";
    private static final long INTERVAL_MS = 60_000;
    private static final int COUNT = 3;
    private static final SipPeer REGISTERED_FROM = SipPeer.of(SipTransport.UDP, "192.168.1.64", 5060);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryDeviceRegistry registry = new InMemoryDeviceRegistry();
    private final List<DeviceEvent> events = new ArrayList<>();
    private final DeviceEventListener listener = events::add;

    private DeviceLiveness liveness(boolean revive) {
        return new DeviceLiveness(registry, listener::onEvent, INTERVAL_MS, COUNT, revive, clock);
    }

    private static Device device(String id, int expires, boolean online, OfflineReason reason) {
        return new Device(id, SipTransport.UDP, "192.168.1.64", 5060, "<sip:" + id + "@192.168.1.64:5060>",
                "call-" + id, "IP Camera", online, reason, T0, T0, null, expires, 0, 0, null);
    }

    private void put(Device d) {
        registry.update(d.deviceId(), current -> d);
    }

    /** Moves the clock to the last millisecond the device is online, then one past it. */
    private void assertOnlineUntilThenOffline(DeviceLiveness l, long ms, OfflineReason reason) {
        clock.advanceMillis(ms);
        l.scan();
        assertTrue(registry.get(ID).online(), "still online at the deadline");
        clock.advanceMillis(1);
        l.scan();
        assertEquals(reason, registry.get(ID).offlineReason());
    }

    @Test
    void registeredDeviceWithRecentKeepalivesStaysOnline() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 3600, true, null));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(60));
            assertEquals(KeepaliveOutcome.RECORDED, l.onKeepalive(ID, REGISTERED_FROM));
            l.scan();
        }
        assertTrue(registry.get(ID).online());
        assertEquals(10, events.size());
        assertTrue(events.stream().allMatch(e -> e.type() == DeviceEvent.Type.KEEPALIVE), events.toString());
    }

    @Test
    void keepaliveJustBeforeTimeoutKeepsDeviceOnline() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 3600, true, null));
        clock.advance(Duration.ofSeconds(170));
        l.onKeepalive(ID, REGISTERED_FROM);
        clock.advance(Duration.ofSeconds(170)); // 340 s after registering, 170 s after the keep-alive
        l.scan();
        assertTrue(registry.get(ID).online());
        assertNull(registry.get(ID).offlineReason());
    }

    @Test
    void noKeepaliveForIntervalTimesCountGoesOffline() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 3600, true, null));

        clock.advanceMillis(INTERVAL_MS * COUNT); // exactly at the boundary: not yet
        l.scan();
        assertTrue(registry.get(ID).online());
        assertTrue(events.isEmpty());

        clock.advanceMillis(1);
        l.scan();
        Device d = registry.get(ID);
        assertFalse(d.online());
        assertEquals(OfflineReason.KEEPALIVE_TIMEOUT, d.offlineReason());
        assertEquals(1, events.size());
        DeviceEvent e = events.get(0);
        assertEquals(DeviceEvent.Type.OFFLINE, e.type());
        assertEquals(ID, e.deviceId());
        assertEquals(OfflineReason.KEEPALIVE_TIMEOUT, e.offlineReason());
        assertEquals(T0.plusMillis(INTERVAL_MS * COUNT + 1), e.time());
        assertFalse(e.device().online());

        clock.advance(Duration.ofMinutes(10));
        l.scan();
        assertEquals(1, events.size(), "an offline device is not reported again");
    }

    @Test
    void timeoutCountsFromTheLastKeepalive() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 3600, true, null));
        clock.advance(Duration.ofSeconds(100));
        l.onKeepalive(ID, REGISTERED_FROM);
        events.clear();

        clock.advance(Duration.ofSeconds(180));
        l.scan();
        assertTrue(registry.get(ID).online(), "180 s after the keep-alive is still within 3 x 60 s");
        clock.advanceMillis(1);
        l.scan();
        assertEquals(OfflineReason.KEEPALIVE_TIMEOUT, registry.get(ID).offlineReason());
        assertEquals(1, events.size());
    }

    @Test
    void registrationExpiryComesFirstWhenShorter() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 120, true, null)); // expires after 120 s, keep-alive timeout is 180 s

        clock.advanceMillis(119_999);
        l.scan();
        assertTrue(registry.get(ID).online());

        clock.advanceMillis(1); // exactly at expiry: expired
        l.scan();
        Device d = registry.get(ID);
        assertFalse(d.online());
        assertEquals(OfflineReason.EXPIRED, d.offlineReason());
        assertEquals(1, events.size());
        assertEquals(DeviceEvent.Type.OFFLINE, events.get(0).type());
        assertEquals(OfflineReason.EXPIRED, events.get(0).offlineReason());
    }

    @Test
    void expiryWinsEvenWhenKeepalivesArrive() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 120, true, null));
        clock.advance(Duration.ofSeconds(110));
        l.onKeepalive(ID, REGISTERED_FROM);
        clock.advance(Duration.ofSeconds(10));
        l.scan();
        assertEquals(OfflineReason.EXPIRED, registry.get(ID).offlineReason());
    }

    @Test
    void devicesOwnKeepaliveSettingsOverrideDefaults() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 3600, true, null).withKeepaliveSettings(10, 2)); // 20 s
        put(device("34020000001320000002", 3600, true, null)); // defaults: 180 s

        clock.advance(Duration.ofSeconds(20));
        l.scan();
        assertTrue(registry.get(ID).online(), "exactly 10 s x 2");
        clock.advanceMillis(1);
        l.scan();
        assertFalse(registry.get(ID).online());
        assertEquals(OfflineReason.KEEPALIVE_TIMEOUT, registry.get(ID).offlineReason());
        assertTrue(registry.get("34020000001320000002").online());
        assertEquals(1, events.size());
        assertEquals(ID, events.get(0).deviceId());
    }

    @Test
    void intervalOnlyOverrideUsesDefaultCount() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 3600, true, null).withKeepaliveSettings(10, 0)); // 10 s x default 3
        assertOnlineUntilThenOffline(l, 30_000, OfflineReason.KEEPALIVE_TIMEOUT);
    }

    @Test
    void countOnlyOverrideUsesDefaultInterval() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 3600, true, null).withKeepaliveSettings(0, 1)); // default 60 s x 1
        assertOnlineUntilThenOffline(l, 60_000, OfflineReason.KEEPALIVE_TIMEOUT);
    }

    @Test
    void keepaliveFollowsNatChangeAndEmitsKeepalive() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 3600, true, null));
        clock.advance(Duration.ofSeconds(42));
        SipPeer newMapping = SipPeer.of(SipTransport.TCP, "10.0.0.7", 40123);

        assertEquals(KeepaliveOutcome.RECORDED, l.onKeepalive(ID, newMapping));

        Device d = registry.get(ID);
        assertEquals("10.0.0.7", d.remoteHost());
        assertEquals(40123, d.remotePort());
        assertEquals(SipTransport.TCP, d.transport());
        assertEquals(newMapping, d.peer());
        assertEquals(T0.plusSeconds(42), d.lastKeepaliveAt());
        assertEquals(T0.plusSeconds(42), d.lastSeenAt());
        assertEquals(T0, d.lastRegisterAt(), "a keep-alive is not a registration");
        assertEquals("call-" + ID, d.callId());
        assertTrue(d.online());

        assertEquals(1, events.size());
        DeviceEvent e = events.get(0);
        assertEquals(DeviceEvent.Type.KEEPALIVE, e.type());
        assertEquals(ID, e.deviceId());
        assertEquals(T0.plusSeconds(42), e.time());
        assertEquals("10.0.0.7", e.device().remoteHost());
        assertEquals(40123, e.device().remotePort());
        assertNull(e.offlineReason());
    }

    @Test
    void keepaliveFromUnknownDevice() {
        DeviceLiveness l = liveness(true);
        put(device(ID, 3600, true, null));
        assertEquals(KeepaliveOutcome.NOT_REGISTERED, l.onKeepalive("34020000001329999999", REGISTERED_FROM));
        assertTrue(events.isEmpty());
        assertEquals(1, registry.size(), "an unknown device is not added");
        assertNull(registry.get("34020000001329999999"));
    }

    @Test
    void offlineDeviceWithoutReviveIsNotRegistered() {
        DeviceLiveness l = liveness(false);
        Device offline = device(ID, 3600, false, OfflineReason.KEEPALIVE_TIMEOUT);
        put(offline);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(KeepaliveOutcome.NOT_REGISTERED,
                l.onKeepalive(ID, SipPeer.of(SipTransport.UDP, "10.0.0.7", 40000)));
        assertTrue(events.isEmpty());
        Device d = registry.get(ID);
        assertFalse(d.online());
        assertEquals(OfflineReason.KEEPALIVE_TIMEOUT, d.offlineReason());
        assertNull(d.lastKeepaliveAt(), "nothing is recorded for an offline device");
        assertEquals("192.168.1.64", d.remoteHost());
    }

    @Test
    void reviveBringsTimedOutDeviceBack() {
        DeviceLiveness l = liveness(true);
        put(device(ID, 3600, true, null));
        clock.advance(Duration.ofSeconds(181));
        l.scan();
        assertEquals(OfflineReason.KEEPALIVE_TIMEOUT, registry.get(ID).offlineReason());
        events.clear();

        clock.advance(Duration.ofSeconds(9));
        SipPeer from = SipPeer.of(SipTransport.UDP, "10.0.0.8", 50000);
        assertEquals(KeepaliveOutcome.REVIVED, l.onKeepalive(ID, from));

        Device d = registry.get(ID);
        assertTrue(d.online());
        assertNull(d.offlineReason());
        assertEquals(T0.plusSeconds(190), d.lastKeepaliveAt());
        assertEquals("10.0.0.8", d.remoteHost());

        assertEquals(2, events.size());
        assertEquals(DeviceEvent.Type.ONLINE, events.get(0).type());
        assertEquals(DeviceEvent.Type.KEEPALIVE, events.get(1).type());
        assertEquals(T0.plusSeconds(190), events.get(0).time());
        assertTrue(events.get(0).device().online());
        assertNull(events.get(0).offlineReason());

        l.scan();
        assertTrue(registry.get(ID).online(), "the revived device is fresh again");
        assertEquals(2, events.size());

        clock.advance(Duration.ofSeconds(10));
        assertEquals(KeepaliveOutcome.RECORDED, l.onKeepalive(ID, from), "only the first one revives");
    }

    @Test
    void reviveDoesNotApplyToUnregisteredDevice() {
        DeviceLiveness l = liveness(true);
        put(device(ID, 3600, false, OfflineReason.UNREGISTERED));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(KeepaliveOutcome.NOT_REGISTERED, l.onKeepalive(ID, REGISTERED_FROM));
        assertTrue(events.isEmpty());
        assertFalse(registry.get(ID).online());
        assertEquals(OfflineReason.UNREGISTERED, registry.get(ID).offlineReason());
    }

    @Test
    void reviveDoesNotApplyToExpiredRegistration() {
        DeviceLiveness l = liveness(true);
        put(device(ID, 60, true, null));
        clock.advance(Duration.ofSeconds(60));
        l.scan();
        assertEquals(OfflineReason.EXPIRED, registry.get(ID).offlineReason());
        events.clear();

        clock.advance(Duration.ofSeconds(1));
        assertEquals(KeepaliveOutcome.NOT_REGISTERED, l.onKeepalive(ID, REGISTERED_FROM));
        assertTrue(events.isEmpty());
        assertFalse(registry.get(ID).online());
    }

    @Test
    void scanOnlyTouchesDevicesDue() {
        DeviceLiveness l = liveness(false);
        put(device("34020000001320000001", 3600, true, null));
        put(device("34020000001320000002", 100, true, null));
        Device alreadyOffline = device("34020000001320000003", 10, false, OfflineReason.UNREGISTERED);
        put(alreadyOffline);

        clock.advance(Duration.ofSeconds(100));
        l.scan();
        assertEquals(1, events.size());
        assertEquals("34020000001320000002", events.get(0).deviceId());
        assertEquals(OfflineReason.EXPIRED, events.get(0).offlineReason());
        assertTrue(registry.get("34020000001320000001").online());
        assertSame(alreadyOffline, registry.get("34020000001320000003"), "an offline device is left alone");
    }

    @Test
    void offlineReasonDirectly() {
        DeviceLiveness l = liveness(false);
        Device d = device(ID, 3600, true, null);
        assertNull(l.offlineReason(d, T0));
        assertNull(l.offlineReason(d, T0.plusMillis(180_000)));
        assertEquals(OfflineReason.KEEPALIVE_TIMEOUT, l.offlineReason(d, T0.plusMillis(180_001)));
        assertEquals(OfflineReason.EXPIRED, l.offlineReason(d, T0.plusSeconds(3600)));
        Device neverRegistered = new Device(ID, SipTransport.UDP, "h", 1, null, null, null, true, null, null, null,
                null, 3600, 0, 0, null);
        assertEquals(OfflineReason.EXPIRED, l.offlineReason(neverRegistered, T0), "no registration: expired");
    }

    /** Counts the reads liveness makes, and can refuse to be watched like a store shared with other nodes. */
    static final class CountingRegistry implements DeviceRegistry {
        final InMemoryDeviceRegistry delegate = new InMemoryDeviceRegistry();
        final boolean watchable;
        int gets;
        int alls;

        CountingRegistry(boolean watchable) {
            this.watchable = watchable;
        }

        @Override
        public Device get(String deviceId) {
            gets++;
            return delegate.get(deviceId);
        }

        @Override
        public Device update(String deviceId, UnaryOperator<Device> change) {
            return delegate.update(deviceId, change);
        }

        @Override
        public Device remove(String deviceId) {
            return delegate.remove(deviceId);
        }

        @Override
        public Collection<Device> all() {
            alls++;
            return delegate.all();
        }

        @Override
        public int size() {
            return delegate.size();
        }

        @Override
        public boolean watch(BiConsumer<String, Device> watcher) {
            return watchable && delegate.watch(watcher);
        }
    }

    private static String id(int i) {
        return String.format("3402000000132%07d", i);
    }

    @Test
    void scanReadsOnlyTheDevicesThatAreDue() {
        CountingRegistry counting = new CountingRegistry(true);
        DeviceLiveness l = new DeviceLiveness(counting, listener::onEvent, INTERVAL_MS, COUNT, false, clock);
        for (int i = 0; i < 1_000; i++) {
            Device d = device(id(i), i == 7 ? 30 : 3600, true, null);
            counting.update(d.deviceId(), current -> d);
        }
        counting.alls = 0; // the one look at devices stored before the liveness existed
        for (int s = 0; s < 29; s++) {
            clock.advance(Duration.ofSeconds(1));
            l.scan();
        }
        assertEquals(0, counting.gets + counting.alls, "nothing due in the first 29 s, nothing read");
        clock.advance(Duration.ofSeconds(1));
        l.scan();
        assertEquals(1, counting.gets, "only the device whose registration ran out");
        assertEquals(0, counting.alls);
        assertEquals(1, events.size());
        assertEquals(id(7), events.get(0).deviceId());
        assertEquals(OfflineReason.EXPIRED, events.get(0).offlineReason());
    }

    @Test
    void aRegistryThatCannotBeWatchedIsScannedWhole() {
        CountingRegistry shared = new CountingRegistry(false);
        DeviceLiveness l = new DeviceLiveness(shared, listener::onEvent, INTERVAL_MS, COUNT, false, clock);
        Device d = device(ID, 3600, true, null);
        shared.update(ID, current -> d);
        clock.advanceMillis(INTERVAL_MS * COUNT);
        l.scan();
        assertTrue(shared.get(ID).online());
        clock.advanceMillis(1);
        l.scan();
        assertEquals(2, shared.alls, "every device at every scan, as before");
        assertEquals(OfflineReason.KEEPALIVE_TIMEOUT, shared.get(ID).offlineReason());
        assertEquals(1, events.size());
    }

    @Test
    void devicesStoredBeforeTheLivenessStartedAreWatchedToo() {
        put(device(ID, 50, true, null));
        DeviceLiveness l = liveness(false);
        clock.advance(Duration.ofSeconds(50));
        l.scan();
        assertEquals(OfflineReason.EXPIRED, registry.get(ID).offlineReason());
    }

    @Test
    void shorterKeepaliveSettingsLearntLaterBringTheDeadlineForward() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 3600, true, null)); // default timeout 180 s
        clock.advance(Duration.ofSeconds(5));
        registry.update(ID, d -> d.withKeepaliveSettings(10, 2)); // ConfigDownload said 10 s x 2
        assertOnlineUntilThenOffline(l, 15_000, OfflineReason.KEEPALIVE_TIMEOUT);
    }

    @Test
    void aReRegistrationAfterGoingOfflineIsWatchedAgain() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 60, true, null));
        clock.advance(Duration.ofSeconds(60));
        l.scan();
        assertFalse(registry.get(ID).online());
        Instant again = clock.instant();
        registry.update(ID, d -> new Device(ID, SipTransport.UDP, "192.168.1.64", 5060, null, "call-2", null, true,
                null, again, again, null, 60, 0, 0, null));
        clock.advance(Duration.ofSeconds(59));
        l.scan();
        assertTrue(registry.get(ID).online());
        clock.advance(Duration.ofSeconds(1));
        l.scan();
        assertEquals(OfflineReason.EXPIRED, registry.get(ID).offlineReason());
        assertEquals(2, events.size());
    }

    @Test
    void removedDevicesAreForgotten() {
        DeviceLiveness l = liveness(false);
        put(device(ID, 10, true, null));
        registry.remove(ID);
        clock.advance(Duration.ofSeconds(20));
        l.scan();
        assertTrue(events.isEmpty());
        assertNull(registry.get(ID));
    }

    @Test
    void aClockJumpTakesEveryDueDeviceOfflineInDeadlineOrder() {
        DeviceLiveness l = liveness(false);
        put(device(id(1), 7200, true, null)); // keep-alive timeout at 180 s
        put(device(id(2), 100, true, null)); // expires at 100 s
        put(device(id(3), 7200, true, null).withKeepaliveSettings(1000, 3)); // 3000 s, registration 7200 s
        put(device(id(4), 150, true, null)); // expires at 150 s
        clock.advance(Duration.ofHours(1)); // e.g. a host resumed from suspend
        l.scan();
        assertEquals(List.of(id(2), id(4), id(1), id(3)), events.stream().map(DeviceEvent::deviceId).toList());
        assertEquals(List.of(OfflineReason.EXPIRED, OfflineReason.EXPIRED, OfflineReason.KEEPALIVE_TIMEOUT,
                OfflineReason.KEEPALIVE_TIMEOUT), events.stream().map(DeviceEvent::offlineReason).toList());
    }
}
