package io.github.camelgb28181.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetSocketAddress;

/**
 * Where one stream's RTP packets go: a datagram socket with the platform's address, or a TCP connection on which each
 * packet follows its 2-byte length (RFC 4571 §2). Writes are flushed once per picture, not per packet.
 */
final class RtpOutput {

    private final Channel channel;
    private final InetSocketAddress recipient;

    private RtpOutput(Channel channel, InetSocketAddress recipient) {
        this.channel = channel;
        this.recipient = recipient;
    }

    static RtpOutput datagrams(Channel channel, InetSocketAddress recipient) {
        return new RtpOutput(channel, recipient);
    }

    static RtpOutput framed(Channel connection) {
        return new RtpOutput(connection, null);
    }

    boolean open() {
        return channel.isActive();
    }

    /** False while a TCP peer has not read what was written (Netty's high-water mark). */
    boolean writable() {
        return channel.isWritable();
    }

    void write(byte[] packet) {
        ByteBuf data = Unpooled.wrappedBuffer(packet);
        if (recipient != null) {
            channel.write(new DatagramPacket(data, recipient), channel.voidPromise());
        } else {
            ByteBuf length = channel.alloc().buffer(2).writeShort(packet.length);
            channel.write(Unpooled.wrappedUnmodifiableBuffer(length, data), channel.voidPromise());
        }
    }

    void flush() {
        channel.flush();
    }

}
