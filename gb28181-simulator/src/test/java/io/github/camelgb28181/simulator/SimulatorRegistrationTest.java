package io.github.camelgb28181.simulator;

import io.github.camelgb28181.Gb28181Constants;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated devices against the real component over loopback: registration, redirect, keep-alive and liveness. */
class SimulatorRegistrationTest {

    @Test
    void twoHundredDevicesRegisterWithDigestOverTwoSocketsAndStayOnline() throws Exception {
        try (PlatformUnderTest platform = new PlatformUnderTest(c -> {
            c.setKeepaliveInterval(1000);
            c.setKeepaliveTimeoutCount(2);
        }); Simulator sim = new Simulator(platform.simulatorFor().devices(200).registrationsPerSecond(1000)
                .keepaliveSeconds(1).sockets(2).build())) {
            sim.start();
            assertTrue(sim.awaitRegistered(200, Duration.ofSeconds(20)), () -> "registered: "
                    + sim.stats().registered() + ", failures: " + sim.stats().registerFailures());
            Await.until(() -> platform.onlineCount() == 200, Duration.ofSeconds(5),
                    () -> platform.onlineCount() + " online at the platform");
            // every device went through the challenge: two REGISTER round trips each, no failures
            assertEquals(0, sim.stats().registerFailures());
            assertEquals(400, sim.stats().registerLatency().total().count());
            // beyond interval × count (2 s) the keep-alives alone hold all of them online
            Thread.sleep(3500);
            assertEquals(200, platform.onlineCount());
            assertTrue(sim.stats().keepalives() >= 200 * 2, "keep-alives sent: " + sim.stats().keepalives());
            assertEquals(0, sim.stats().keepaliveFailures());
            assertEquals(0, platform.statusEvents.stream()
                    .filter(e -> "OFFLINE".equals(e.getIn().getHeader(Gb28181Constants.EVENT_TYPE))).count());
            assertEquals(2, sim.localPorts().stream().distinct().count());
        }
    }

    @Test
    void devicesOverTcpShareOneConnectionPerSocket() throws Exception {
        try (PlatformUnderTest platform = new PlatformUnderTest(c -> { });
             Simulator sim = new Simulator(platform.simulatorFor().devices(50).registrationsPerSecond(0)
                     .transport(SipTransport.TCP).sockets(2).keepaliveSeconds(0).build())) {
            sim.start();
            assertTrue(sim.awaitRegistered(50, Duration.ofSeconds(20)));
            Await.until(() -> platform.onlineCount() == 50, Duration.ofSeconds(5), () -> "online at the platform");
            assertEquals(2, platform.platform().sip().tcpConnectionCount());
        }
    }

    @Test
    void redirectIsFollowedToTheTargetPlatform() throws Exception {
        try (PlatformUnderTest target = new PlatformUnderTest(c -> { });
             PlatformUnderTest front = new PlatformUnderTest(c -> {
                 c.setRedirectPolicy("static");
                 c.setRedirectTargets("127.0.0.1:" + target.port());
             });
             Simulator sim = new Simulator(front.simulatorFor().devices(20).registrationsPerSecond(0).build())) {
            sim.start();
            assertTrue(sim.awaitRegistered(20, Duration.ofSeconds(20)));
            Await.until(() -> target.onlineCount() == 20, Duration.ofSeconds(5), () -> "online at the target");
            assertEquals(0, front.onlineCount());
            assertEquals(20, sim.stats().redirects());
            for (int i = 0; i < 20; i++) {
                assertEquals(target.port(), sim.serverOf(i).port());
            }
        }
    }

    @Test
    void suspendedKeepalivesMakeTheDeviceOfflineAndA404BringsItBack() throws Exception {
        try (PlatformUnderTest platform = new PlatformUnderTest(c -> {
            c.setKeepaliveInterval(1000);
            c.setKeepaliveTimeoutCount(2);
        }); Simulator sim = new Simulator(platform.simulatorFor().devices(3).registrationsPerSecond(0)
                .keepaliveSeconds(1).build())) {
            sim.start();
            assertTrue(sim.awaitRegistered(3, Duration.ofSeconds(10)));
            String id = sim.deviceId(1);
            Await.until(() -> platform.isOnline(id), Duration.ofSeconds(5), () -> id + " online");

            sim.setFaults(FaultProfile.NONE.withKeepalivesSuspended(true));
            Await.until(() -> !platform.isOnline(id), Duration.ofSeconds(6), () -> id + " offline");
            Exchange offline = platform.statusEvents.stream()
                    .filter(e -> "OFFLINE".equals(e.getIn().getHeader(Gb28181Constants.EVENT_TYPE))
                            && id.equals(e.getIn().getHeader(Gb28181Constants.DEVICE_ID)))
                    .findFirst().orElseThrow();
            assertEquals("KEEPALIVE_TIMEOUT", offline.getIn().getHeader(Gb28181Constants.OFFLINE_REASON));
            long registrationsBefore = sim.stats().registrations();

            // the next keep-alive gets 404 (registration no longer held) and the device registers again
            sim.setFaults(FaultProfile.NONE);
            Await.until(() -> platform.isOnline(id), Duration.ofSeconds(6), () -> id + " back online");
            assertTrue(sim.stats().registrations() > registrationsBefore);
            assertEquals(2, platform.statusEvents("ONLINE", id));
        }
    }

    @Test
    void contactWithoutPortStillGetsQueriesAtThePacketSource() throws Exception {
        try (PlatformUnderTest platform = new PlatformUnderTest(c -> { });
             Simulator sim = new Simulator(platform.simulatorFor().devices(1).registrationsPerSecond(0)
                     .faults(FaultProfile.NONE.withQuirks(Set.of(VendorQuirk.CONTACT_WITHOUT_PORT))).build())) {
            sim.start();
            assertTrue(sim.awaitRegistered(1, Duration.ofSeconds(10)));
            String contact = platform.platform().registry().get(sim.deviceId(0)).contact();
            assertEquals("<sip:" + sim.deviceId(0) + "@127.0.0.1>", contact);
            var result = platform.context.createProducerTemplate().request(
                    "gb28181:command?command=DeviceInfo&responseTimeout=5000",
                    e -> e.getIn().setHeader(Gb28181Constants.DEVICE_ID, sim.deviceId(0)));
            assertFalse(result.isFailed(), () -> String.valueOf(result.getException()));
        }
    }
}
