package io.github.camelgb28181.bridge;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.github.camelgb28181.sip.NettyTransports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * HTTP-FLV without a thread per viewer: {@code GET /<anything>/<streamId>.flv} answers {@code 200 video/x-flv} with a
 * chunked body fed straight from the stream's {@link FlvStream} (header and current GOP first, then live). Writes go
 * into Netty's outbound buffer; a viewer whose buffer passes the high-water mark is not waited for — its chunks are
 * dropped up to the next key frame ({@link FlvSink#ready()}), so one slow viewer costs neither a thread nor the others'
 * frames. Browsers on other origins may read it ({@code Access-Control-Allow-Origin: *}, preflight answered).
 *
 * <p>An unknown stream is 404, a path that names no {@code .flv} or holds other characters 400, a method other than
 * GET, HEAD or OPTIONS 405; a connection that sends no request within 10 s is closed.
 */
public final class HttpFlvServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFlvServer.class);
    /** Stream IDs are UUIDs or names a route gave; nothing that could walk a path or break a header. */
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADER_SIZE = 8192;
    private static final int REQUEST_TIMEOUT_SECONDS = 10;
    /** About a second of a 4 Mbit/s stream may wait per viewer before it is treated as slow. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 512 * 1024);

    private final Function<String, FlvStream> streams;
    private final Executor lookups;
    private final EventLoopGroup group;
    private Channel server;

    /**
     * @param streams the FLV stream of a running stream ID, or null when there is none; may make the stream's bridge
     *                (and load FFmpeg), so it runs on {@code lookups}
     * @param lookups where {@code streams} is called, off the event loops
     * @param group   the event loops that carry the connections (never blocked here)
     */
    public HttpFlvServer(Function<String, FlvStream> streams, Executor lookups, EventLoopGroup group) {
        this.streams = streams;
        this.lookups = lookups;
        this.group = group;
    }

    /** Binds; port 0 takes a free one ({@link #port()}). */
    public void start(String host, int port) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NettyTransports.serverChannel(group))
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("timeout", new ReadTimeoutHandler(REQUEST_TIMEOUT_SECONDS))
                                .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, MAX_HEADER_SIZE))
                                .addLast(new Viewer());
                    }
                })
                .bind(new InetSocketAddress(host, port)).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
    }

    /** One connection: one request, then the stream until either side ends it. Its fields live on its event loop. */
    private final class Viewer extends SimpleChannelInboundHandler<HttpObject> {

        /** The one request was taken; later ones (pipelined) and request bodies are ignored. */
        private boolean requested;
        private FlvSubscription subscription;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest request) || requested) {
                return;
            }
            if (!request.decoderResult().isSuccess()) {
                respond(ctx, HttpResponseStatus.BAD_REQUEST, "malformed request");
                return;
            }
            HttpMethod method = request.method();
            if (method.equals(HttpMethod.OPTIONS)) {
                FullHttpResponse preflight = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.NO_CONTENT);
                preflight.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, OPTIONS")
                        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "*");
                ctx.writeAndFlush(preflight).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
                respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "GET, HEAD or OPTIONS");
                return;
            }
            String path = new QueryStringDecoder(request.uri()).path();
            String file = path.substring(path.lastIndexOf('/') + 1);
            String streamId = file.endsWith(".flv") ? file.substring(0, file.length() - 4) : "";
            if (!STREAM_ID.matcher(streamId).matches()) {
                respond(ctx, HttpResponseStatus.BAD_REQUEST, "the path must end in /<streamId>.flv");
                return;
            }
            requested = true;
            lookups.execute(() -> serve(ctx, method, streamId));
        }

        /** On the lookup executor: the stream's FLV, then the response and the subscription. */
        private void serve(ChannelHandlerContext ctx, HttpMethod method, String streamId) {
            FlvStream stream;
            try {
                stream = streams.apply(streamId);
            } catch (RuntimeException e) {
                LOG.warn("HTTP-FLV lookup of {} failed", streamId, e);
                respond(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "the stream could not be opened");
                return;
            }
            if (stream == null) {
                respond(ctx, HttpResponseStatus.NOT_FOUND, "no running stream " + streamId);
                return;
            }
            HttpResponse ok = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            ok.headers().set(HttpHeaderNames.CONTENT_TYPE, "video/x-flv")
                    .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                    .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            if (method.equals(HttpMethod.HEAD)) {
                ctx.writeAndFlush(ok).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ok.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            Channel channel = ctx.channel();
            channel.eventLoop().execute(() -> {
                if (ctx.pipeline().get("timeout") != null) {
                    ctx.pipeline().remove("timeout"); // the viewer sends nothing more while it watches
                }
            });
            ctx.writeAndFlush(ok);
            FlvSubscription viewer = stream.subscribe(new FlvSink() {
                @Override
                public void write(byte[] chunk) throws IOException {
                    if (!channel.isActive()) {
                        throw new IOException("viewer " + channel.remoteAddress() + " went away");
                    }
                    channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk)));
                }

                @Override
                public boolean ready() {
                    return channel.isWritable();
                }

                @Override
                public void end() {
                    if (channel.isActive()) {
                        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
                                .addListener(ChannelFutureListener.CLOSE);
                    }
                }
            });
            channel.eventLoop().execute(() -> {
                subscription = viewer;
                if (!channel.isActive()) {
                    viewer.closeAsync(); // gone while the stream was looked up
                }
            });
        }

        private void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                    .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            if (status == HttpResponseStatus.METHOD_NOT_ALLOWED) {
                response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD, OPTIONS");
            }
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (subscription != null) {
                subscription.closeAsync();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("HTTP-FLV connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
