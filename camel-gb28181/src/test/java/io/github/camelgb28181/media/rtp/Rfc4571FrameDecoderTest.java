package io.github.camelgb28181.media.rtp;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.CollectingListener;
import io.github.camelgb28181.media.ElementaryStream;
import io.github.camelgb28181.media.GbStream;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.ps.PsMuxer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 4571 framing of RTP over TCP (GB/T 28181-2016 §4.4.3), clean and damaged. */
class Rfc4571FrameDecoderTest {

    static final ElementaryStream ES = ElementaryStream.h264Small();
    static final GbStream STREAM = GbStream.build(ES, PsMuxer.Options.gb(MediaCodec.H264).withAudio(), 0, 0);

    static void frame(ByteArrayOutputStream out, byte[] packet) {
        out.write(packet.length >> 8);
        out.write(packet.length);
        out.writeBytes(packet);
    }

    /** The stream framed, with junk, a half packet and a bad length; {@code broken} gets the half packets' indices. */
    static byte[] framedWithDamage(List<Integer> broken, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> packets = STREAM.packets();
        for (int i = 0; i < packets.size(); i++) {
            byte[] p = packets.get(i);
            if (i % 97 == 50) {
                byte[] junk = new byte[1 + random.nextInt(40)];
                random.nextBytes(junk);
                out.writeBytes(junk); // stray bytes between frames
                frame(out, p);
            } else if (i % 97 == 70) {
                out.write(p.length >> 8);
                out.write(p.length);
                out.write(p, 0, p.length / 2); // half a packet, then the device starts over
                broken.add(i);
            } else if (i % 97 == 90) {
                out.write(0);
                out.write(4); // an impossible length
                frame(out, p);
            } else {
                frame(out, p);
            }
        }
        return out.toByteArray();
    }

    static RtpStreamReceiver receiver(CollectingListener listener) {
        return new RtpStreamReceiver(RtpReceiverConfig.tcp().withSsrc(SsrcPolicy.STRICT, GbStream.SSRC), listener);
    }

    @Test
    void cleanStreamInAnyChunkingGivesEveryPacket() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        STREAM.packets().forEach(p -> frame(out, p));
        byte[] framed = out.toByteArray();
        Random random = new Random(4571);
        Rfc4571FrameDecoder decoder = new Rfc4571FrameDecoder(0xFFFF, GbStream.SSRC);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        int at = 0;
        while (at < framed.length) {
            int n = Math.min(framed.length - at, 1 + random.nextInt(3000));
            channel.writeInbound(Unpooled.wrappedBuffer(framed, at, n));
            at += n;
        }
        List<byte[]> received = new ArrayList<>();
        for (ByteBuf b; (b = channel.readInbound()) != null; ) {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            received.add(bytes);
        }
        assertEquals(STREAM.packets().size(), received.size());
        for (int i = 0; i < received.size(); i++) {
            assertArrayEquals(STREAM.packets().get(i), received.get(i));
        }
        assertEquals(0, decoder.resyncs());
        assertEquals(0, decoder.skippedBytes());
    }

    /** Feeds {@code framed} in pieces of at most {@code maxChunk} bytes through a decoder into a receiver. */
    static Rfc4571FrameDecoder decode(byte[] framed, int maxChunk, RtpStreamReceiver receiver) {
        Rfc4571FrameDecoder decoder = new Rfc4571FrameDecoder(0xFFFF, GbStream.SSRC);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        Random random = new Random(2);
        int at = 0;
        long now = 0;
        while (at < framed.length) {
            int n = Math.min(framed.length - at, 1 + random.nextInt(maxChunk));
            channel.writeInbound(Unpooled.wrappedBuffer(framed, at, n));
            at += n;
            for (ByteBuf b; (b = channel.readInbound()) != null; ) {
                receiver.onPacket(b, now += 1_000_000);
                b.release();
            }
        }
        return decoder;
    }

    @Test
    void damagedFramingIsResynchronisedOnTheNextValidHeader() {
        List<Integer> broken = new ArrayList<>();
        byte[] framed = framedWithDamage(broken, new Random(1));
        CollectingListener listener = new CollectingListener();
        RtpStreamReceiver receiver = receiver(listener);
        Rfc4571FrameDecoder decoder = decode(framed, framed.length, receiver);
        assertEquals(3, decoder.resyncs(), "junk, a half packet and a bad length");
        assertTrue(decoder.skippedBytes() > 0);
        assertEquals(STREAM.packets().size() - broken.size(), decoder.frames(), "only the half packet is lost");
        assertEquals(broken.size(), receiver.statistics().lost());
        assertEquals(0, receiver.statistics().invalidPackets());
        assertAllWhole(listener.video());
        assertTrue(listener.video().size() > STREAM.frames().size() / 2);
    }

    @Test
    void damagedFramingInSmallPiecesLosesAtMostTheNeighbourOfAHalfPacket() {
        List<Integer> broken = new ArrayList<>();
        byte[] framed = framedWithDamage(broken, new Random(1));
        CollectingListener listener = new CollectingListener();
        RtpStreamReceiver receiver = receiver(listener);
        // a half packet that ends a read is passed on before its successor shows it was cut: the successor's start
        // then sits inside it and is lost with it
        Rfc4571FrameDecoder decoder = decode(framed, 700, receiver);
        assertTrue(decoder.frames() >= STREAM.packets().size() - 2L * broken.size());
        assertTrue(receiver.statistics().lost() <= 2L * broken.size());
        assertAllWhole(listener.video());
        assertTrue(listener.video().size() > STREAM.frames().size() / 2);
    }

    /** Every access unit equals the source frame its PTS names. */
    static void assertAllWhole(List<AccessUnit> video) {
        for (AccessUnit unit : video) {
            int index = (int) (unit.pts() / GbStream.FRAME_TICKS);
            assertArrayEquals(STREAM.frames().get(index).data(), unit.data(), "frame " + index);
        }
    }

    @Test
    void overARealLoopbackTcpConnection() throws Exception {
        List<Integer> broken = new ArrayList<>();
        byte[] framed = framedWithDamage(broken, new Random(3));
        CollectingListener listener = new CollectingListener();
        RtpStreamReceiver receiver = receiver(listener);
        CountDownLatch closed = new CountDownLatch(1);
        EventLoopGroup group = new NioEventLoopGroup(1);
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new Rfc4571FrameDecoder(0xFFFF, GbStream.SSRC),
                                    new SimpleChannelInboundHandler<ByteBuf>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf packet) {
                                            receiver.onPacket(packet, System.nanoTime());
                                        }

                                        @Override
                                        public void channelInactive(ChannelHandlerContext ctx) {
                                            closed.countDown();
                                        }
                                    });
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                for (int at = 0; at < framed.length; at += 1000) {
                    out.write(framed, at, Math.min(1000, framed.length - at));
                }
                out.flush();
            }
            assertTrue(closed.await(10, TimeUnit.SECONDS), "the server saw the connection end");
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        StreamStatistics stats = receiver.statistics();
        assertTrue(stats.packets() >= STREAM.packets().size() - 2L * broken.size());
        assertTrue(stats.lost() >= broken.size() && stats.lost() <= 2L * broken.size());
        assertAllWhole(listener.video());
        assertTrue(listener.video().size() > STREAM.frames().size() / 2);
        assertTrue(listener.audio().size() >= STREAM.audio().size() - 2L * broken.size(), "audio goes on after a loss");
    }
}
