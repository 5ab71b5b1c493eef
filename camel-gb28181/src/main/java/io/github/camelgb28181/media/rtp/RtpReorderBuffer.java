package io.github.camelgb28181.media.rtp;

import java.util.Arrays;

/**
 * Puts RTP packets back in sequence order (RFC 3550 §A.1 rules for the 16-bit sequence space). A packet in order is
 * passed on at once without copying; only a packet that arrives ahead of a gap is copied into one of {@code depth}
 * reusable slots. A gap is given up as lost when the buffer is full or when the oldest held packet has waited
 * {@code maxHoldNanos}, measured on the caller's clock ({@link #offer} and {@link #tick} take {@code nowNanos}); the
 * next packet is then preceded by {@link Output#onLoss}. Depth 0 (RTP over TCP) reports gaps and never holds.
 *
 * <p>A jump of at least {@value #MAX_DROPOUT} forwards or {@value #MAX_MISORDER} backwards is a new sequence (the
 * device restarted or was re-INVITEd) once a second packet confirms it; the first one is kept meanwhile, so the new
 * sequence loses nothing. A run of {@value #RESTART_RUN} packets that all look old is also taken for a restart near
 * the old numbers.
 *
 * <p>Not thread-safe: one thread offers and ticks. Counters are written by that thread only and may be read from
 * others.
 */
public final class RtpReorderBuffer {

    /** Receives the packets in order. The packet's bytes are only valid during the call. */
    public interface Output {

        void onPacket(RtpPacket packet);

        /** {@code missing} packets will never come; called before the next packet. */
        void onLoss(int missing);

        /** The sequence restarted; called before the first packet of the new sequence. */
        void onReset();
    }

    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;
    static final int RESTART_RUN = 32;
    private static final int HISTORY_BITS = 1024;

    private final int depth;
    private final long maxHoldNanos;
    private final Output output;
    private final int mask;
    private final byte[][] slotBytes;
    private final RtpPacket[] slotPackets;
    private final long[] slotArrival;
    /** Which of the last {@value #HISTORY_BITS} sequence numbers were passed on, to tell duplicates from late. */
    private final long[] history = new long[HISTORY_BITS / 64];

    private boolean started;
    private int expected;
    private int highest;
    private int held;
    private long gapSince;
    private int pendingLoss;
    private byte[] candidateBytes = new byte[0];
    private RtpPacket candidate;
    private int oldRun;

    private volatile long packets;
    private volatile long lost;
    private volatile long duplicates;
    private volatile long late;
    private volatile long reordered;
    private volatile long resets;

    public RtpReorderBuffer(int depth, long maxHoldNanos, Output output) {
        if (depth < 0 || depth > 1024) {
            throw new IllegalArgumentException("depth must be 0..1024: " + depth);
        }
        if (maxHoldNanos < 0) {
            throw new IllegalArgumentException("maxHoldNanos must not be negative: " + maxHoldNanos);
        }
        this.depth = depth;
        this.maxHoldNanos = maxHoldNanos;
        this.output = output;
        int slots = Integer.highestOneBit(Math.max(1, depth) * 2 - 1) << 1;
        this.mask = slots - 1;
        this.slotBytes = new byte[slots][];
        this.slotPackets = new RtpPacket[slots];
        this.slotArrival = new long[slots];
    }

    /** Takes one valid packet; its bytes are copied only if it has to wait. */
    public void offer(RtpPacket packet, long nowNanos) {
        packets++;
        accept(packet, nowNanos);
        expireGap(nowNanos);
    }

    private void accept(RtpPacket packet, long nowNanos) {
        int seq = packet.sequenceNumber();
        if (!started) {
            start(seq);
        }
        int delta = (short) (seq - expected);
        if (delta >= MAX_DROPOUT || delta <= -MAX_MISORDER) {
            jump(packet, nowNanos);
            return;
        }
        candidate = null;
        if (delta < 0) {
            old(packet);
            return;
        }
        oldRun = 0;
        if (delta > 0 && slotPackets[seq & mask] != null) {
            duplicates++;
            return;
        }
        if ((short) (seq - highest) < 0) {
            reordered++;
        } else {
            highest = seq;
        }
        // the window must reach this packet: whatever cannot wait any longer is given up
        while ((short) (seq - expected) > depth) {
            advance();
        }
        drain(); // giving up a gap may have reached packets that were waiting behind it
        if (seq == expected) {
            emit(packet);
            drain();
            if (held > 0) {
                gapSince = oldestArrival();
            }
        } else {
            hold(packet, nowNanos);
        }
    }

    /** Gives up gaps whose oldest waiting packet has waited {@code maxHoldNanos}. */
    public void tick(long nowNanos) {
        expireGap(nowNanos);
    }

    /** Passes on every held packet, giving up the gaps between them (end of stream). */
    public void flush() {
        while (held > 0) {
            advance();
        }
    }

    /** Forgets the sequence: the next packet starts a new one (a new TCP connection, a re-INVITE). */
    public void reset() {
        Arrays.fill(slotPackets, null);
        held = 0;
        started = false;
        candidate = null;
        pendingLoss = 0;
        oldRun = 0;
    }

    public int depth() {
        return depth;
    }

    /** Packets offered. */
    public long packets() {
        return packets;
    }

    /** Sequence numbers given up as lost (late arrivals included). */
    public long lost() {
        return lost;
    }

    /** Packets received twice, dropped. */
    public long duplicates() {
        return duplicates;
    }

    /** Packets that arrived after their gap had been given up, dropped. */
    public long late() {
        return late;
    }

    /** Packets that arrived after one with a higher sequence number and were put back in order. */
    public long reordered() {
        return reordered;
    }

    /** Sequence restarts followed. */
    public long resets() {
        return resets;
    }

    private void start(int seq) {
        started = true;
        expected = seq;
        highest = seq;
        Arrays.fill(history, 0);
    }

    private void old(RtpPacket packet) {
        int bit = packet.sequenceNumber() & (HISTORY_BITS - 1);
        if ((history[bit >> 6] & (1L << bit)) != 0) {
            duplicates++;
        } else {
            late++;
        }
        // a device that restarted close below the old numbers looks like a stream of old packets
        if (++oldRun >= RESTART_RUN) {
            oldRun = 0;
            restart();
            start(packet.sequenceNumber());
            emit(packet);
        }
    }

    /**
     * A packet far away from the expected number: stray, or the first of a new sequence. It is kept; when the next
     * packet follows it closely the sequence restarts at it.
     */
    private void jump(RtpPacket packet, long nowNanos) {
        oldRun = 0;
        if (candidate != null) {
            int fromCandidate = (short) (packet.sequenceNumber() - candidate.sequenceNumber());
            if (fromCandidate > 0 && fromCandidate <= Math.max(depth, 16)) {
                RtpPacket first = candidate;
                candidate = null;
                restart();
                start(first.sequenceNumber());
                emit(first);
                accept(packet, nowNanos);
                return;
            }
        }
        if (candidateBytes.length < packet.length()) {
            candidateBytes = new byte[Math.max(packet.length(), 2048)];
        }
        System.arraycopy(packet.data(), packet.offset(), candidateBytes, 0, packet.length());
        candidate = packet.relocate(candidateBytes, 0);
    }

    private void restart() {
        flush();
        resets++;
        pendingLoss = 0;
        output.onReset();
    }

    private void hold(RtpPacket packet, long nowNanos) {
        int slot = packet.sequenceNumber() & mask;
        byte[] bytes = slotBytes[slot];
        if (bytes == null || bytes.length < packet.length()) {
            bytes = new byte[Math.max(packet.length(), 2048)];
            slotBytes[slot] = bytes;
        }
        System.arraycopy(packet.data(), packet.offset(), bytes, 0, packet.length());
        slotPackets[slot] = packet.relocate(bytes, 0);
        slotArrival[slot] = nowNanos;
        if (held++ == 0) {
            gapSince = nowNanos;
        }
    }

    /** Moves past the expected number: passes its packet on if held, else counts it lost. */
    private void advance() {
        RtpPacket packet = slotPackets[expected & mask];
        if (packet != null) {
            slotPackets[expected & mask] = null;
            held--;
            emit(packet);
        } else {
            markHistory(expected, false);
            pendingLoss++;
            lost++;
            expected = expected + 1 & 0xFFFF;
        }
    }

    private void drain() {
        RtpPacket next;
        while (held > 0 && (next = slotPackets[expected & mask]) != null) {
            slotPackets[expected & mask] = null;
            held--;
            emit(next);
        }
    }

    private void expireGap(long nowNanos) {
        while (held > 0 && nowNanos - gapSince >= maxHoldNanos) {
            while (slotPackets[expected & mask] == null) {
                advance();
            }
            drain();
            gapSince = oldestArrival();
        }
    }

    private long oldestArrival() {
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < slotPackets.length; i++) {
            if (slotPackets[i] != null && slotArrival[i] < oldest) {
                oldest = slotArrival[i];
            }
        }
        return oldest;
    }

    private void emit(RtpPacket packet) {
        if (pendingLoss > 0) {
            int missing = pendingLoss;
            pendingLoss = 0;
            output.onLoss(missing);
        }
        markHistory(packet.sequenceNumber(), true);
        expected = packet.sequenceNumber() + 1 & 0xFFFF;
        output.onPacket(packet);
    }

    private void markHistory(int seq, boolean passed) {
        int bit = seq & (HISTORY_BITS - 1);
        if (passed) {
            history[bit >> 6] |= 1L << bit;
        } else {
            history[bit >> 6] &= ~(1L << bit);
        }
    }
}
