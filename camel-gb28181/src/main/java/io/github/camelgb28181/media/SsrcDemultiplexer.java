package io.github.camelgb28181.media;

import io.netty.buffer.ByteBuf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One shared RTP port for many streams, told apart by SSRC (SPEC §3.2). Packets of SSRCs no stream owns — a device
 * still sending after its BYE, or one that ignored the offered SSRC — are dropped quietly and counted.
 */
public final class SsrcDemultiplexer implements PacketSink {

    private static final int RTP_HEADER = 12;

    private final Map<Integer, PacketSink> bySsrc = new ConcurrentHashMap<>();
    private final LongAdder unknown = new LongAdder();

    public void register(int ssrc, PacketSink sink) {
        bySsrc.put(ssrc, sink);
    }

    public void unregister(int ssrc, PacketSink sink) {
        bySsrc.remove(ssrc, sink);
    }

    @Override
    public void onPacket(ByteBuf packet, long nowNanos) {
        if (packet.readableBytes() < RTP_HEADER) {
            unknown.increment();
            return;
        }
        PacketSink sink = bySsrc.get(packet.getInt(packet.readerIndex() + 8));
        if (sink == null) {
            unknown.increment();
            return;
        }
        sink.onPacket(packet, nowNanos);
    }

    /** Packets that belonged to no registered SSRC. */
    public long unknownPackets() {
        return unknown.sum();
    }

    public int streams() {
        return bySsrc.size();
    }
}
