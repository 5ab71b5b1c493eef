package io.github.camelgb28181.simulator;

import io.github.camelgb28181.media.sdp.SdpParser;
import io.github.camelgb28181.sip.NettyTransports;
import io.github.camelgb28181.sip.SipRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The simulator's own media: answers every INVITE for PS video with a {@link MediaStream} of the configured clip,
 * over UDP, TCP to the platform (it offered {@code a=setup:passive}), or TCP from the platform to a port the device
 * listens on ({@code a=setup:active}). All streams share a few Netty event loops.
 */
final class StreamingMedia implements MediaResponder, AutoCloseable {

    private final String localHost;
    private final MediaClip clip;
    private final MediaStats stats;
    private final Supplier<FaultProfile> faults;
    private final EventLoopGroup group;
    private final SdpParser parser = new SdpParser();
    private final ChannelHandler drain;

    StreamingMedia(SimulatorConfig config, MediaStats stats, Supplier<FaultProfile> faults) {
        this.localHost = config.localHost();
        try {
            this.clip = config.media().loadClip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config.media().file(), e);
        }
        this.stats = stats;
        this.faults = faults;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "sim-media-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.group = NettyTransports.newEventLoopGroup(config.media().threads(), threads, true);
        this.drain = new Drain(stats);
    }

    MediaClip clip() {
        return clip;
    }

    @Override
    public CompletionStage<MediaSession> answer(String deviceId, String channelId, SipRequest invite) {
        MediaOffer offer;
        try {
            offer = MediaOffer.read(parser, invite.body());
        } catch (MediaRefusedException e) {
            return CompletableFuture.failedFuture(e);
        }
        stats.invited();
        EventLoop loop = group.next();
        long answered = offer.ssrc().unsignedValue();
        long rtpSsrc = faults.get().wrongSsrc() ? (answered + 1) & 0xFFFF_FFFFL : answered;
        InetSocketAddress platform = new InetSocketAddress(offer.platform().getHostString(),
                offer.platform().getPort());
        CompletableFuture<MediaSession> session = new CompletableFuture<>();
        switch (offer.transport()) {
            case UDP -> new Bootstrap().group(loop).channel(NettyTransports.datagramChannel(group)).handler(drain)
                    .bind(localHost, 0).addListener((ChannelFuture f) -> {
                        if (failed(f, session)) {
                            return;
                        }
                        MediaStream s = stream(channelId, offer, rtpSsrc, loop, port(f.channel()));
                        s.own(f.channel());
                        s.attach(RtpOutput.datagrams(f.channel(), platform));
                        session.complete(s);
                    });
            case TCP_ACTIVE -> {
                AtomicReference<MediaStream> owner = new AtomicReference<>();
                new ServerBootstrap().group(loop).channel(NettyTransports.serverChannel(group))
                        .childHandler(new ChannelInitializer<>() {
                            @Override
                            protected void initChannel(Channel child) {
                                child.pipeline().addLast(drain);
                                // a=connection:new: one connection per session; closed after the accept loop
                                // that is running now, which would otherwise read a closed descriptor
                                Channel server = child.parent();
                                loop.execute(server::close);
                                MediaStream s = owner.get();
                                s.own(child);
                                s.attach(RtpOutput.framed(child));
                            }
                        })
                        .bind(localHost, 0).addListener((ChannelFuture f) -> {
                            if (failed(f, session)) {
                                return;
                            }
                            MediaStream s = stream(channelId, offer, rtpSsrc, loop, port(f.channel()));
                            owner.set(s);
                            s.own(f.channel());
                            session.complete(s);
                        });
            }
            case TCP_PASSIVE -> {
                MediaStream s = stream(channelId, offer, rtpSsrc, loop, MediaOffer.ACTIVE_SIDE_PORT);
                s.connectOnStart(() -> new Bootstrap().group(loop).channel(NettyTransports.socketChannel(group))
                        .handler(drain).connect(platform).addListener((ChannelFuture f) -> {
                            s.own(f.channel());
                            if (f.isSuccess()) {
                                s.attach(RtpOutput.framed(f.channel()));
                            } else {
                                stats.sendFailed();
                            }
                        }));
                session.complete(s);
            }
        }
        return session;
    }

    private MediaStream stream(String channelId, MediaOffer offer, long rtpSsrc, EventLoop loop, int port) {
        return new MediaStream(clip, offer, rtpSsrc, offer.answer(channelId, localHost, port), loop, stats, faults);
    }

    private static int port(Channel c) {
        return ((InetSocketAddress) c.localAddress()).getPort();
    }

    private static boolean failed(ChannelFuture f, CompletableFuture<MediaSession> session) {
        if (f.isSuccess()) {
            return false;
        }
        session.completeExceptionally(new MediaRefusedException(500, "no media socket: " + f.cause()));
        return true;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Whatever a platform sends back on a media socket (RTCP, nothing on TCP) is read and dropped. */
    @ChannelHandler.Sharable
    private static final class Drain extends SimpleChannelInboundHandler<Object> {
        private final MediaStats stats;

        Drain(MediaStats stats) {
            this.stats = stats;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            // released by SimpleChannelInboundHandler
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable after the platform closed its port, or a reset connection: the stream notices
            // the closed channel at its next picture
            stats.sendFailed();
            ctx.close();
        }
    }
}
