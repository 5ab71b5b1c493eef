package io.github.camelgb28181.media;

import io.github.camelgb28181.media.rtp.Rfc4571FrameDecoder;
import io.github.camelgb28181.sip.NettyTransports;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the sockets that receive RTP on the shared media event loops (no thread per stream): UDP, TCP passive (we
 * listen, the device connects) and TCP active (we connect to the device from the port we offered), GB/T 28181-2016
 * §C.2 and RFC 4571 framing for both TCP modes.
 */
public final class MediaReceivers {

    /** Largest RTP packet accepted over TCP (the 2-byte RFC 4571 length allows 65,535). */
    public static final int MAX_TCP_FRAME = 65_535;

    private final EventLoopGroup group;
    private final String bindHost;
    private final int udpReceiveBuffer;

    /**
     * @param group            the media event loops
     * @param bindHost         the local address to bind (0.0.0.0 for all)
     * @param udpReceiveBuffer SO_RCVBUF of each UDP socket: a 2 Mbps stream bursts whole key frames (hundreds of
     *                         packets) at once, more than the usual 200 KB default holds
     */
    public MediaReceivers(EventLoopGroup group, String bindHost, int udpReceiveBuffer) {
        this.group = group;
        this.bindHost = bindHost;
        this.udpReceiveBuffer = udpReceiveBuffer;
    }

    public MediaChannel openUdp(int port, PacketSink sink) throws InterruptedException {
        Bootstrap b = new Bootstrap().group(group).channel(NettyTransports.datagramChannel(group))
                .option(ChannelOption.SO_RCVBUF, udpReceiveBuffer)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(2048))
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        sink.onPacket(packet.content(), System.nanoTime());
                    }
                });
        Channel ch = b.bind(new InetSocketAddress(bindHost, port)).sync().channel();
        // port 0: the system picked one, which is what the SDP must name
        MediaChannel media = new MediaChannel(((InetSocketAddress) ch.localAddress()).getPort(), ch);
        media.connected(ch);
        return media;
    }

    /** Listens for the device's connection (TCP passive, {@code a=setup:passive} on our side). */
    public MediaChannel listenTcp(int port, long expectedSsrc, PacketSink sink) throws InterruptedException {
        MediaChannel[] holder = new MediaChannel[1];
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NettyTransports.serverChannel(group))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.SO_RCVBUF, udpReceiveBuffer)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        holder[0].connected(ch);
                        ch.pipeline().addLast(new Rfc4571FrameDecoder(MAX_TCP_FRAME, expectedSsrc), new FrameHandler(sink));
                    }
                });
        Channel server = b.bind(new InetSocketAddress(bindHost, port)).sync().channel();
        holder[0] = new MediaChannel(port, server);
        return holder[0];
    }

    /** Connects to the device's media address from our offered port (TCP active, {@code a=setup:active}). */
    public CompletableFuture<MediaChannel> connectTcp(int localPort, InetSocketAddress remote, long expectedSsrc,
                                                      PacketSink sink) {
        CompletableFuture<MediaChannel> result = new CompletableFuture<>();
        Bootstrap b = new Bootstrap().group(group).channel(NettyTransports.socketChannel(group))
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_RCVBUF, udpReceiveBuffer)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new Rfc4571FrameDecoder(MAX_TCP_FRAME, expectedSsrc), new FrameHandler(sink));
                    }
                });
        ChannelFuture f = b.connect(remote, new InetSocketAddress(bindHost, localPort));
        f.addListener(done -> {
            if (done.isSuccess()) {
                MediaChannel media = new MediaChannel(localPort, f.channel());
                media.connected(f.channel());
                result.complete(media);
            } else {
                result.completeExceptionally(done.cause());
            }
        });
        return result;
    }

    private static final class FrameHandler extends SimpleChannelInboundHandler<ByteBuf> {
        private final PacketSink sink;

        FrameHandler(PacketSink sink) {
            this.sink = sink;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            sink.onPacket(frame, System.nanoTime());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a broken device connection ends its stream through the watchdog; the event loop must stay clean
            ctx.close();
        }
    }
}
