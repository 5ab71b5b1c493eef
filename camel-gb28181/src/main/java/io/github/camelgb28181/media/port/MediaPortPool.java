package io.github.camelgb28181.media.port;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Hands out receiving ports for media streams (SPEC §3.2, items 19–20 of the seed list).
 *
 * <p>In {@link PortMode#ONE_PER_STREAM} mode the pool holds the even ports of the range in a queue. A lease takes
 * the first port that is out of quarantine and free on this host: the pool binds it (and the RTCP port above it for
 * UDP) for a moment to find ports other programs hold, and moves such ports to the back of the queue to try again
 * later. A released port goes to the back too and is not handed out again until its quarantine has passed, so that
 * a device that keeps sending after BYE does not feed the next stream. In {@link PortMode#SHARED} mode there is one
 * port for every stream, bound by the platform for its lifetime; the pool only counts its users.
 *
 * <p>Thread-safe. Leases happen once per INVITE, not per packet, so one lock is enough.
 */
public final class MediaPortPool {

    private final MediaPortPoolConfig config;
    private final LongSupplier nanoTime;
    private final long quarantineNanos;
    private final int firstPort;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final boolean[] leased;
    private final long[] availableAt;
    private int leasedCount;
    private int sharedUsers;

    /**
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}; tests pass their own)
     */
    public MediaPortPool(MediaPortPoolConfig config, LongSupplier nanoTime) {
        this.config = Objects.requireNonNull(config, "config");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.quarantineNanos = config.quarantine().toNanos();
        this.firstPort = MediaPortPoolConfig.firstEven(config.minPort());
        int slots = config.mode() == PortMode.SHARED ? 0 : (config.maxPort() - firstPort + 1) / 2;
        this.leased = new boolean[slots];
        this.availableAt = new long[slots];
        long now = nanoTime.getAsLong();
        for (int i = 0; i < slots; i++) {
            free.addLast(firstPort + 2 * i);
            availableAt[i] = now;
        }
    }

    public MediaPortPoolConfig config() {
        return config;
    }

    /**
     * A port for a new stream.
     *
     * @param protocol the sockets the stream will open: the port must be free for those
     * @throws PortPoolExhaustedException when every port is leased, quarantined or held by another program
     */
    public synchronized MediaPortLease acquire(PortProtocol protocol) throws PortPoolExhaustedException {
        Objects.requireNonNull(protocol, "protocol");
        if (config.mode() == PortMode.SHARED) {
            sharedUsers++;
            return new MediaPortLease(config.minPort(), -1, true);
        }
        long now = nanoTime.getAsLong();
        int quarantined = 0;
        int busyElsewhere = 0;
        for (int candidates = free.size(); candidates > 0; candidates--) {
            int port = free.pollFirst();
            int slot = slot(port);
            if (now - availableAt[slot] < 0) {
                quarantined++;
                free.addLast(port);
            } else if (!isFree(port, protocol)) {
                busyElsewhere++;
                free.addLast(port);
            } else {
                leased[slot] = true;
                leasedCount++;
                return new MediaPortLease(port, port + 1, false);
            }
        }
        throw new PortPoolExhaustedException(leasedCount, quarantined, busyElsewhere);
    }

    /**
     * Gives a port back.
     *
     * @return {@code false} when the lease is not one this pool handed out or was already released
     */
    public synchronized boolean release(MediaPortLease lease) {
        if (config.mode() == PortMode.SHARED) {
            if (!lease.shared() || lease.rtpPort() != config.minPort() || sharedUsers == 0) {
                return false;
            }
            sharedUsers--;
            return true;
        }
        int port = lease.rtpPort();
        if (lease.shared() || port < firstPort || port > config.maxPort() || ((port - firstPort) & 1) != 0) {
            return false;
        }
        int slot = slot(port);
        if (slot >= leased.length || !leased[slot]) {
            return false;
        }
        leased[slot] = false;
        leasedCount--;
        availableAt[slot] = nanoTime.getAsLong() + quarantineNanos;
        free.addLast(port);
        return true;
    }

    /** Ports (or, in shared mode, users of the port) currently leased. */
    public synchronized int leasedCount() {
        return config.mode() == PortMode.SHARED ? sharedUsers : leasedCount;
    }

    /** Ports released less than the quarantine ago. */
    public synchronized int quarantinedCount() {
        long now = nanoTime.getAsLong();
        int n = 0;
        for (int port : free) {
            if (now - availableAt[slot(port)] < 0) {
                n++;
            }
        }
        return n;
    }

    /** Ports the range holds for streams (1 in shared mode). */
    public int capacity() {
        return config.mode() == PortMode.SHARED ? 1 : leased.length;
    }

    private int slot(int port) {
        return (port - firstPort) / 2;
    }

    /**
     * RTCP runs beside UDP RTP on the next port; over TCP GB media interleaves everything on one connection
     * (RFC 4571), so only the RTP port needs to be free for TCP.
     */
    private boolean isFree(int port, PortProtocol protocol) {
        if (protocol.udp() && !(PortProbe.udpFree(config.bindAddress(), port)
                && PortProbe.udpFree(config.bindAddress(), port + 1))) {
            return false;
        }
        return !protocol.tcp() || PortProbe.tcpFree(config.bindAddress(), port);
    }
}
