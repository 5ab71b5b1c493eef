package io.github.camelgb28181.media.rtp;

import io.github.camelgb28181.media.AccessUnitListener;
import io.github.camelgb28181.media.codec.ParameterSets;
import io.github.camelgb28181.media.ps.AccessUnitAssembler;
import io.github.camelgb28181.media.ps.PsDemuxer;
import io.netty.buffer.ByteBuf;

/**
 * The receive path of one GB/T 28181 media stream: RTP packets in, access units out. Validates each packet (RTP
 * syntax, SSRC by {@link SsrcPolicy}, payload type locked to the first one seen), puts them in order, demuxes the PS
 * payload and assembles frames, calling the {@link AccessUnitListener} on the feeding thread.
 *
 * <p>It owns no thread and no timer: feed it from the socket's event loop with {@link #onPacket} and call
 * {@link #tick} now and then (every 20–50 ms) so that gaps are given up on time when packets stop coming.
 * {@link #statistics()} may be called from any thread.
 */
public final class RtpStreamReceiver {

    private static final long STATISTICS_WINDOW_NANOS = 1_000_000_000L;

    private final RtpReceiverConfig config;
    private final AccessUnitListener listener;
    private final RtpReorderBuffer reorder;
    private final PsDemuxer demuxer;
    private final AccessUnitAssembler assembler;

    private long ssrc;
    private boolean ssrcKnown;
    private int payloadType;
    private boolean firstPacketSeen;
    private byte[] scratch = new byte[0];
    private boolean windowStarted;
    private long windowStart;
    private long windowBytes;

    private volatile long packets;
    private volatile long bytes;
    private volatile long invalidPackets;
    private volatile long payloadTypeMismatches;
    private volatile long ssrcMismatches;
    private volatile long bitsPerSecond;

    public RtpStreamReceiver(RtpReceiverConfig config, AccessUnitListener listener) {
        this.config = config;
        this.listener = listener;
        this.assembler = new AccessUnitAssembler(listener, config.maxAccessUnitSize());
        this.demuxer = new PsDemuxer(assembler);
        this.reorder = new RtpReorderBuffer(config.reorderDepth(), config.maxHold().toNanos(), new ReorderOutput());
        this.ssrc = config.expectedSsrc();
        this.ssrcKnown = config.expectedSsrc() >= 0 && config.ssrcPolicy() != SsrcPolicy.OFF;
        this.payloadType = config.payloadType();
    }

    /** One packet as received (a UDP datagram, or one RFC 4571 frame). The array is not kept after the call. */
    public void onPacket(byte[] data, int offset, int length, long nowNanos) {
        packets++;
        bytes += length;
        measureBitrate(length, nowNanos);
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(data, offset, length);
        } catch (RtpParseException e) {
            invalidPackets++;
            return;
        }
        if (!acceptSsrc(packet.ssrc())) {
            ssrcMismatches++;
            return;
        }
        if (payloadType < 0) {
            payloadType = packet.payloadType(); // the first payload type seen wins
        } else if (packet.payloadType() != payloadType) {
            payloadTypeMismatches++;
            return;
        }
        if (!firstPacketSeen) {
            firstPacketSeen = true;
            listener.onFirstPacket(packet.ssrc(), packet.payloadType());
        }
        reorder.offer(packet, nowNanos);
    }

    /** One packet in a Netty buffer, read without moving its reader index; a direct buffer is copied once. */
    public void onPacket(ByteBuf buffer, long nowNanos) {
        int length = buffer.readableBytes();
        if (buffer.hasArray()) {
            onPacket(buffer.array(), buffer.arrayOffset() + buffer.readerIndex(), length, nowNanos);
            return;
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2048)];
        }
        buffer.getBytes(buffer.readerIndex(), scratch, 0, length);
        onPacket(scratch, 0, length, nowNanos);
    }

    /** Gives up gaps that have waited too long; call regularly, also when no packets come. */
    public void tick(long nowNanos) {
        reorder.tick(nowNanos);
        if (windowStarted && nowNanos - windowStart > 2 * STATISTICS_WINDOW_NANOS) {
            bitsPerSecond = 0; // nothing came for a whole window
        }
    }

    /** Passes on what the reorder buffer still holds (the stream ended). */
    public void flush() {
        reorder.flush();
    }

    /**
     * Starts over for a new stream on the same receiver (a new TCP connection, a re-INVITE): sequence, SSRC learnt,
     * payload type lock, codec and parameter sets are forgotten; counters keep counting.
     */
    public void reset() {
        reorder.reset();
        demuxer.reset();
        assembler.reset();
        ssrc = config.expectedSsrc();
        ssrcKnown = config.expectedSsrc() >= 0 && config.ssrcPolicy() != SsrcPolicy.OFF;
        payloadType = config.payloadType();
    }

    /** The latest parameter sets, or {@code null} before any. */
    public ParameterSets parameterSets() {
        return assembler.parameterSets();
    }

    /** The SSRC accepted, or -1 while none was learnt. */
    public long ssrc() {
        return ssrcKnown ? ssrc : -1;
    }

    public StreamStatistics statistics() {
        return new StreamStatistics(packets, bytes, invalidPackets, payloadTypeMismatches, ssrcMismatches,
                reorder.lost(), reorder.reordered(), reorder.duplicates(), reorder.late(), reorder.resets(),
                assembler.frames(), assembler.keyFrames(), assembler.droppedFrames(), assembler.recoveries(),
                assembler.audioUnits(), demuxer.skippedBytes(), assembler.codecMismatches(), assembler.videoCodec(),
                assembler.audioCodec(), assembler.width(), assembler.height(), assembler.framesPerSecond(),
                bitsPerSecond);
    }

    private boolean acceptSsrc(long packetSsrc) {
        switch (config.ssrcPolicy()) {
            case STRICT:
                return packetSsrc == ssrc;
            case LEARN:
                if (!ssrcKnown) {
                    ssrc = packetSsrc;
                    ssrcKnown = true;
                }
                return packetSsrc == ssrc;
            default:
                if (ssrcKnown && packetSsrc != ssrc) {
                    // another source on a dedicated port: its sequence numbers have nothing to do with the old ones
                    reorder.reset();
                    demuxer.discontinuity();
                }
                ssrc = packetSsrc;
                ssrcKnown = true;
                return true;
        }
    }

    private void measureBitrate(int length, long nowNanos) {
        if (!windowStarted) {
            windowStarted = true;
            windowStart = nowNanos;
        }
        windowBytes += length;
        long elapsed = nowNanos - windowStart;
        if (elapsed >= STATISTICS_WINDOW_NANOS) {
            bitsPerSecond = windowBytes * 8 * STATISTICS_WINDOW_NANOS / elapsed;
            windowStart = nowNanos;
            windowBytes = 0;
        }
    }

    /** Feeds what the reorder buffer passes on into the demuxer. */
    private final class ReorderOutput implements RtpReorderBuffer.Output {

        @Override
        public void onPacket(RtpPacket packet) {
            if (packet.payloadLength() > 0 || packet.marker()) {
                demuxer.feed(packet.data(), packet.payloadOffset(), packet.payloadLength(), packet.marker());
            }
        }

        @Override
        public void onLoss(int missing) {
            demuxer.discontinuity();
        }

        @Override
        public void onReset() {
            demuxer.discontinuity();
        }
    }
}
