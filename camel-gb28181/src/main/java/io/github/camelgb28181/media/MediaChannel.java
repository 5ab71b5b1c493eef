package io.github.camelgb28181.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open media socket of a stream: a bound UDP socket, a listening TCP socket (with the device's connection once
 * it came), or an outgoing TCP connection. Closing it closes all of them.
 */
public final class MediaChannel implements AutoCloseable {

    private final int localPort;
    private final Channel channel;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Channel connection;

    MediaChannel(int localPort, Channel channel) {
        this.localPort = localPort;
        this.channel = channel;
    }

    public int localPort() {
        return localPort;
    }

    /** The event loop the packets arrive on; schedule per-stream work (reorder flush, watchdog) here. */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** Whether a TCP peer is connected (always true for UDP once bound). */
    public boolean isConnected() {
        Channel c = connection;
        return c != null && c.isActive();
    }

    /**
     * Sends one RTP packet: to {@code udpTarget} over UDP, or behind its RFC 4571 length on the TCP connection.
     * Call on {@link #eventLoop()}; never blocks. Returns false while a TCP peer has not connected yet.
     */
    public boolean send(byte[] packet, InetSocketAddress udpTarget) {
        Channel c = connection;
        if (c == null || !c.isActive() || closed.get()) {
            return false;
        }
        if (c instanceof io.netty.channel.socket.DatagramChannel) {
            c.writeAndFlush(new io.netty.channel.socket.DatagramPacket(Unpooled.wrappedBuffer(packet), udpTarget),
                    c.voidPromise());
        } else {
            ByteBuf framed = c.alloc().buffer(2 + packet.length);
            framed.writeShort(packet.length).writeBytes(packet);
            c.writeAndFlush(framed, c.voidPromise());
        }
        return true;
    }

    void connected(Channel accepted) {
        Channel previous = connection;
        connection = accepted;
        // a device that reconnects (after a re-INVITE, say) replaces its old connection
        if (previous != null && previous != accepted) {
            previous.close();
        }
        if (closed.get()) {
            accepted.close();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Channel c = connection;
            if (c != null) {
                c.close();
            }
            channel.close();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }
}
