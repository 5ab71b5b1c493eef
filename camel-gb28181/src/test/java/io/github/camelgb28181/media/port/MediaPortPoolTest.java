package io.github.camelgb28181.media.port;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelgb28181.media.ssrc.Race;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The port pool against real sockets on loopback: ports other programs hold are skipped, released ones rest. */
class MediaPortPoolTest {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final Duration QUARANTINE = Duration.ofSeconds(10);

    final AtomicLong clock = new AtomicLong(1_000_000_000L);

    /**
     * An even base such that {@code size} ports from it are free for UDP and TCP on loopback right now. Below the
     * Linux ephemeral range (32768+), so that outgoing connections of other processes do not take them meanwhile.
     */
    static int freeRange(int size) {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20_000 + 2 * random.nextInt(6_000);
            boolean allFree = true;
            for (int p = base; p < base + size && allFree; p++) {
                allFree = bindsUdp(p) && bindsTcp(p);
            }
            if (allFree) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range of " + size + " on loopback");
    }

    static boolean bindsUdp(int port) {
        return bindsUdp(LOOPBACK, port);
    }

    static boolean bindsUdp(InetAddress address, int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, port))) {
            return s.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    static boolean bindsTcp(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, LOOPBACK)) {
            return s.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    MediaPortPool pool(int min, int max) {
        return new MediaPortPool(MediaPortPoolConfig.perStream(LOOPBACK, min, max, QUARANTINE), clock::get);
    }

    void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void evenRtpPortWithRtcpAbove() throws PortPoolExhaustedException {
        int base = freeRange(8);
        MediaPortPool pool = pool(base + 1, base + 7); // odd minimum: the first RTP port is base + 2
        assertEquals(3, pool.capacity());
        MediaPortLease a = pool.acquire(PortProtocol.UDP);
        assertEquals(new MediaPortLease(base + 2, base + 3, false), a);
        assertEquals(base + 4, pool.acquire(PortProtocol.UDP).rtpPort());
        assertEquals(base + 6, pool.acquire(PortProtocol.UDP).rtpPort());
        PortPoolExhaustedException e = assertThrows(PortPoolExhaustedException.class,
                () -> pool.acquire(PortProtocol.UDP));
        assertEquals(3, e.leased());
        assertEquals(3, pool.leasedCount());
    }

    @Test
    void portsHeldByOtherProgramsAreSkipped() throws Exception {
        int base = freeRange(8);
        MediaPortPool pool = pool(base, base + 7);
        try (DatagramSocket rtpTaken = new DatagramSocket(new InetSocketAddress(LOOPBACK, base));
             DatagramSocket rtcpTaken = new DatagramSocket(new InetSocketAddress(LOOPBACK, base + 3))) {
            assertTrue(rtpTaken.isBound() && rtcpTaken.isBound());
            // base is held, base + 2 has its RTCP port held: base + 4 is the first usable one
            assertEquals(base + 4, pool.acquire(PortProtocol.UDP).rtpPort());
            assertEquals(base + 6, pool.acquire(PortProtocol.UDP).rtpPort());
            PortPoolExhaustedException e = assertThrows(PortPoolExhaustedException.class,
                    () -> pool.acquire(PortProtocol.UDP));
            assertEquals(2, e.busyElsewhere());
            assertEquals(2, e.leased());
        }
        // the other program has gone: the skipped ports are usable again
        assertEquals(base, pool.acquire(PortProtocol.UDP).rtpPort());
        assertEquals(base + 2, pool.acquire(PortProtocol.UDP).rtpPort());
    }

    @Test
    void tcpListenersAreSkippedForTcpOnly() throws Exception {
        int base = freeRange(6);
        try (ServerSocket taken = new ServerSocket(base, 1, LOOPBACK)) {
            assertTrue(taken.isBound());
            assertEquals(base + 2, pool(base, base + 5).acquire(PortProtocol.TCP).rtpPort());
            assertEquals(base + 2, pool(base, base + 5).acquire(PortProtocol.UDP_AND_TCP).rtpPort());
            assertEquals(base, pool(base, base + 5).acquire(PortProtocol.UDP).rtpPort(), "UDP is free there");
        }
    }

    /** Over TCP there is no separate RTCP port, so a held odd port does not matter. */
    @Test
    void tcpIgnoresTheRtcpPort() throws Exception {
        int base = freeRange(4);
        try (ServerSocket rtcpTaken = new ServerSocket(base + 1, 1, LOOPBACK);
             DatagramSocket rtcpUdpTaken = new DatagramSocket(new InetSocketAddress(LOOPBACK, base + 1))) {
            assertTrue(rtcpTaken.isBound() && rtcpUdpTaken.isBound());
            assertEquals(base, pool(base, base + 3).acquire(PortProtocol.TCP).rtpPort());
            assertEquals(base + 2, pool(base, base + 3).acquire(PortProtocol.UDP).rtpPort());
        }
    }

    /** The probe closes its sockets: the stream can bind the port it was given. */
    @Test
    void leasedPortCanBeBoundRightAway() throws Exception {
        int base = freeRange(4);
        MediaPortLease lease = pool(base, base + 3).acquire(PortProtocol.UDP_AND_TCP);
        try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(LOOPBACK, lease.rtpPort()));
             DatagramSocket rtcp = new DatagramSocket(new InetSocketAddress(LOOPBACK, lease.rtcpPort()));
             ServerSocket tcp = new ServerSocket(lease.rtpPort(), 1, LOOPBACK)) {
            assertTrue(rtp.isBound() && rtcp.isBound() && tcp.isBound());
        }
    }

    @Test
    void releasedPortRestsForTheQuarantine() throws PortPoolExhaustedException {
        int base = freeRange(4);
        MediaPortPool pool = pool(base, base + 3);
        MediaPortLease a = pool.acquire(PortProtocol.UDP);
        MediaPortLease b = pool.acquire(PortProtocol.UDP);
        assertTrue(pool.release(a));
        assertEquals(1, pool.quarantinedCount());
        PortPoolExhaustedException e = assertThrows(PortPoolExhaustedException.class,
                () -> pool.acquire(PortProtocol.UDP));
        assertEquals(1, e.quarantined());
        assertEquals(1, e.leased());
        advance(QUARANTINE.minusMillis(1));
        assertThrows(PortPoolExhaustedException.class, () -> pool.acquire(PortProtocol.UDP));
        advance(Duration.ofMillis(1));
        assertEquals(0, pool.quarantinedCount());
        assertEquals(a, pool.acquire(PortProtocol.UDP));
        assertTrue(pool.release(b));
    }

    @Test
    void releasedPortGoesToTheBackOfTheQueue() throws PortPoolExhaustedException {
        int base = freeRange(6);
        MediaPortPool pool = new MediaPortPool(MediaPortPoolConfig.perStream(LOOPBACK, base, base + 5,
                Duration.ZERO), clock::get);
        MediaPortLease first = pool.acquire(PortProtocol.UDP);
        assertEquals(base, first.rtpPort());
        assertTrue(pool.release(first));
        assertEquals(base + 2, pool.acquire(PortProtocol.UDP).rtpPort());
        assertEquals(base + 4, pool.acquire(PortProtocol.UDP).rtpPort());
        assertEquals(base, pool.acquire(PortProtocol.UDP).rtpPort());
    }

    @Test
    void releaseOnlyWhatWasLeased() throws PortPoolExhaustedException {
        int base = freeRange(4);
        MediaPortPool pool = pool(base, base + 3);
        MediaPortLease a = pool.acquire(PortProtocol.UDP);
        assertFalse(pool.release(new MediaPortLease(base + 2, base + 3, false)), "never leased");
        assertFalse(pool.release(new MediaPortLease(base + 1, base + 2, false)), "odd port");
        assertFalse(pool.release(new MediaPortLease(base + 4, base + 5, false)), "outside the range");
        assertFalse(pool.release(new MediaPortLease(base - 2, base - 1, false)), "below the range");
        assertFalse(pool.release(new MediaPortLease(a.rtpPort(), -1, true)), "a shared lease");
        assertTrue(pool.release(a));
        assertFalse(pool.release(a), "released twice");
        assertEquals(0, pool.leasedCount());
    }

    @Test
    void sharedModeCountsUsersOfOnePort() throws PortPoolExhaustedException {
        int base = freeRange(2);
        MediaPortPool pool = new MediaPortPool(MediaPortPoolConfig.shared(LOOPBACK, base), clock::get);
        MediaPortLease a = pool.acquire(PortProtocol.UDP);
        MediaPortLease b = pool.acquire(PortProtocol.TCP);
        assertEquals(new MediaPortLease(base, -1, true), a);
        assertEquals(a, b);
        assertEquals(2, pool.leasedCount());
        assertEquals(1, pool.capacity());
        assertTrue(pool.release(a));
        assertTrue(pool.release(b));
        assertFalse(pool.release(a), "more releases than leases");
        assertFalse(pool.release(new MediaPortLease(base + 2, -1, true)), "another port");
        assertEquals(0, pool.leasedCount());
    }

    /** The platform's own receiver holds the shared port; the pool must not refuse it for that. */
    @Test
    void sharedPortIsNotProbed() throws Exception {
        int base = freeRange(2);
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(LOOPBACK, base))) {
            assertTrue(receiver.isBound());
            MediaPortPool pool = new MediaPortPool(MediaPortPoolConfig.shared(LOOPBACK, base), clock::get);
            assertEquals(base, pool.acquire(PortProtocol.UDP).rtpPort());
        }
    }

    @Test
    void concurrentLeasesAreDistinct() throws Exception {
        int base = freeRange(64);
        MediaPortPool pool = new MediaPortPool(MediaPortPoolConfig.perStream(LOOPBACK, base, base + 63,
                Duration.ZERO), System::nanoTime);
        ConcurrentLinkedQueue<MediaPortLease> leases = new ConcurrentLinkedQueue<>();
        Race.run(4, thread -> {
            for (int i = 0; i < 8; i++) {
                leases.add(pool.acquire(PortProtocol.UDP));
            }
        });
        Set<Integer> ports = new HashSet<>();
        for (MediaPortLease l : leases) {
            assertTrue(ports.add(l.rtpPort()), "port leased twice: " + l);
        }
        assertEquals(32, ports.size());
        assertThrows(PortPoolExhaustedException.class, () -> pool.acquire(PortProtocol.UDP));
    }

    @Test
    void ipv6Loopback() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        int base = freeRange(4);
        // ::1 may be unconfigured on a build machine (containers without IPv6); then there is nothing to test
        assumeTrue(bindsUdp(v6, base) && bindsUdp(v6, base + 2) && bindsUdp(v6, base + 3), "no IPv6 loopback");
        MediaPortPool pool = new MediaPortPool(MediaPortPoolConfig.perStream(v6, base, base + 3, QUARANTINE),
                clock::get);
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(v6, base))) {
            assertTrue(taken.isBound());
            assertEquals(base + 2, pool.acquire(PortProtocol.UDP).rtpPort());
        }
    }

    @Test
    void configRefusesRangesThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> MediaPortPoolConfig.perStream(LOOPBACK, 0, 100, QUARANTINE));
        assertThrows(IllegalArgumentException.class,
                () -> MediaPortPoolConfig.perStream(LOOPBACK, 30000, 65536, QUARANTINE));
        assertThrows(IllegalArgumentException.class,
                () -> MediaPortPoolConfig.perStream(LOOPBACK, 30010, 30000, QUARANTINE));
        assertThrows(IllegalArgumentException.class,
                () -> MediaPortPoolConfig.perStream(LOOPBACK, 30001, 30002, QUARANTINE), "no even port with RTCP");
        assertThrows(IllegalArgumentException.class,
                () -> MediaPortPoolConfig.perStream(LOOPBACK, 30000, 30001, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> new MediaPortPoolConfig(LOOPBACK, 30000, 30002, PortMode.SHARED, QUARANTINE));
        assertEquals(1, new MediaPortPool(MediaPortPoolConfig.perStream(LOOPBACK, 30000, 30001, QUARANTINE),
                clock::get).capacity());
    }

    @Test
    void wildcardBindAddressProbesAllInterfaces() throws Exception {
        int base = freeRange(4);
        MediaPortPool pool = new MediaPortPool(MediaPortPoolConfig.perStream(null, base, base + 3, QUARANTINE),
                clock::get);
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(LOOPBACK, base))) {
            assertTrue(taken.isBound());
            // a wildcard bind conflicts with a loopback-bound socket on the same port
            assertEquals(base + 2, pool.acquire(PortProtocol.UDP).rtpPort());
        }
    }
}
