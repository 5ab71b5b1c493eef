package io.github.camelgb28181.media.rtp;


import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RtpReorderBufferTest {

    static final long MS = 1_000_000L;

    /** Records what comes out as seq numbers, "L<n>" for a loss of n and "R" for a reset. */
    static final class Recorder implements RtpReorderBuffer.Output {
        final List<String> events = new ArrayList<>();
        final List<Byte> firstPayloadBytes = new ArrayList<>();

        @Override
        public void onPacket(RtpPacket packet) {
            events.add(Integer.toString(packet.sequenceNumber()));
            firstPayloadBytes.add(packet.data()[packet.payloadOffset()]);
        }

        @Override
        public void onLoss(int missing) {
            events.add("L" + missing);
        }

        @Override
        public void onReset() {
            events.add("R");
        }
    }

    final Recorder out = new Recorder();

    /** A packet with the given sequence number whose payload is its low byte, in a fresh array. */
    static RtpPacket packet(int seq) {
        byte[] payload = { (byte) seq };
        byte[] bytes = new RtpPacketizer(5, seq).packet(payload, 0, 1, 0, false);
        try {
            return RtpPacket.parse(bytes, 0, bytes.length);
        } catch (RtpParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Offers the packets with the array reused (overwritten) after each call, as a receive loop does. */
    static void offer(RtpReorderBuffer buffer, long now, int... seqs) {
        for (int seq : seqs) {
            RtpPacket p = packet(seq);
            buffer.offer(p, now);
            java.util.Arrays.fill(p.data(), (byte) 0x55);
        }
    }

    @Test
    void inOrderPassesStraightThrough() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(8, 50 * MS, out);
        offer(buffer, 0, 10, 11, 12, 13);
        assertEquals(List.of("10", "11", "12", "13"), out.events);
        assertEquals(0, buffer.reordered() + buffer.lost() + buffer.duplicates());
    }

    @Test
    void reorderedPacketsComeOutInOrderWithTheirOwnBytes() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(8, 50 * MS, out);
        offer(buffer, 0, 10, 12, 13, 11, 14);
        assertEquals(List.of("10", "11", "12", "13", "14"), out.events);
        // the held packets were copied: their arrays were overwritten after offer()
        assertEquals(List.of((byte) 10, (byte) 11, (byte) 12, (byte) 13, (byte) 14), out.firstPayloadBytes);
        assertEquals(1, buffer.reordered());
        assertEquals(0, buffer.lost());
    }

    @Test
    void sequenceWrapsAt65536() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(8, 50 * MS, out);
        offer(buffer, 0, 65534, 0, 65535, 1);
        assertEquals(List.of("65534", "65535", "0", "1"), out.events);
    }

    @Test
    void duplicatesAreDroppedAndCountedWhetherHeldOrPassed() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(8, 50 * MS, out);
        offer(buffer, 0, 1, 1, 3, 3, 2, 2);
        assertEquals(List.of("1", "2", "3"), out.events);
        assertEquals(3, buffer.duplicates());
        assertEquals(0, buffer.late());
    }

    @Test
    void aGapIsGivenUpWhenTheHoldTimeRunsOut() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(8, 50 * MS, out);
        offer(buffer, 0, 1, 3, 4);
        buffer.tick(49 * MS);
        assertEquals(List.of("1"), out.events);
        buffer.tick(50 * MS);
        assertEquals(List.of("1", "L1", "3", "4"), out.events);
        offer(buffer, 60 * MS, 2);
        assertEquals(1, buffer.late(), "the packet given up came too late");
        assertEquals(1, buffer.lost());
        assertEquals(List.of("1", "L1", "3", "4"), out.events);
    }

    @Test
    void aFullBufferGivesUpTheOldestGap() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(3, 1000 * MS, out);
        offer(buffer, 0, 1, 4, 5, 6);
        assertEquals(List.of("1"), out.events);
        offer(buffer, 0, 7);
        assertEquals(List.of("1", "L2", "4", "5", "6", "7"), out.events);
        assertEquals(2, buffer.lost());
    }

    @Test
    void tcpDepthZeroReportsGapsWithoutHolding() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(0, 0, out);
        offer(buffer, 0, 1, 2, 5, 6);
        assertEquals(List.of("1", "2", "L2", "5", "6"), out.events);
        assertEquals(2, buffer.lost());
    }

    @Test
    void aBigJumpConfirmedByTheNextPacketIsANewSequence() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(8, 50 * MS, out);
        offer(buffer, 0, 100, 101, 103, 40_000, 40_001, 40_002);
        assertEquals(List.of("100", "101", "L1", "103", "R", "40000", "40001", "40002"), out.events);
        assertEquals(1, buffer.resets());
        assertEquals(1, buffer.lost(), "the numbers between the old and the new sequence are no loss");
    }

    @Test
    void aSingleStrayPacketFarAwayIsIgnored() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(8, 50 * MS, out);
        offer(buffer, 0, 100, 101, 9_000, 102, 103);
        assertEquals(List.of("100", "101", "102", "103"), out.events);
        assertEquals(0, buffer.resets());
    }

    @Test
    void aRestartJustBelowTheOldNumbersIsFollowedAfterARun() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(8, 50 * MS, out);
        for (int seq = 0; seq < 60; seq++) {
            offer(buffer, 0, seq);
        }
        out.events.clear();
        for (int seq = 10; seq < 10 + RtpReorderBuffer.RESTART_RUN + 3; seq++) {
            offer(buffer, 0, seq);
        }
        int restartAt = 10 + RtpReorderBuffer.RESTART_RUN - 1;
        assertEquals(List.of("R", Integer.toString(restartAt), Integer.toString(restartAt + 1),
                Integer.toString(restartAt + 2), Integer.toString(restartAt + 3)), out.events);
        assertEquals(1, buffer.resets());
    }

    @Test
    void resetForgetsTheSequence() {
        RtpReorderBuffer buffer = new RtpReorderBuffer(8, 50 * MS, out);
        offer(buffer, 0, 500, 502);
        buffer.reset();
        offer(buffer, 0, 7, 8);
        assertEquals(List.of("500", "7", "8"), out.events);
    }
}
