package io.github.camelgb28181.media;

import io.netty.buffer.ByteBuf;

/** Where a media socket delivers RTP packets: called on the socket's event loop, must not block or keep the buffer. */
@FunctionalInterface
public interface PacketSink {

    void onPacket(ByteBuf packet, long nowNanos);
}
