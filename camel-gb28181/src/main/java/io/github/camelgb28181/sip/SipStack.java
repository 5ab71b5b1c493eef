package io.github.camelgb28181.sip;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One SIP user agent on UDP and/or TCP sockets, acting as UAS and UAC on the same port (GB28181 platforms send
 * queries and INVITEs from the port devices register to). Parsing, transaction matching and retransmission run on
 * Netty event loops; request handlers and response completions run on the given executor.
 */
public final class SipStack {

    private static final Logger LOG = LoggerFactory.getLogger(SipStack.class);
    /** The largest UDP payload over IPv4 and IPv6 without jumbograms. */
    private static final int MAX_DATAGRAM = 65_536;
    private static final int EPHEMERAL_BIND_ATTEMPTS = 10;

    private final SipStackConfig config;
    private final Executor handlerExecutor;
    private final SipRequestHandler handler;
    private final ThreadFactory ioThreadFactory;
    private final SipMessageParser parser;
    private final ServerTransactionTable serverTransactions;
    private final ConcurrentHashMap<String, SipClientTransaction> clientTransactions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, Channel> tcpConnections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, CompletableFuture<Channel>> pendingConnects =
            new ConcurrentHashMap<>();
    private final List<Channel> serverChannels = new ArrayList<>();

    private EventLoopGroup group;
    private Channel udpChannel;
    private Channel tcpServerChannel;
    private int boundPort;
    private volatile String advertisedHost;
    private volatile boolean running;
    private volatile java.util.function.BiConsumer<SipResponse, SipPeer> strayResponseHandler;

    public SipStack(SipStackConfig config, Executor handlerExecutor, SipRequestHandler handler,
                    ThreadFactory ioThreadFactory) {
        this.config = config;
        this.handlerExecutor = handlerExecutor;
        this.handler = handler;
        this.ioThreadFactory = ioThreadFactory;
        this.parser = new SipMessageParser(config.maxMessageSize());
        this.serverTransactions = new ServerTransactionTable(config.transactionTimeoutMs(),
                System.currentTimeMillis());
    }

    /**
     * Receives responses that match no client transaction, on the handler executor. A UAS retransmits its 2xx to an
     * INVITE until it sees the ACK (RFC 3261 §13.3.1.4), and that ACK belongs to the dialog, not to the transaction
     * that ended with the first 2xx: the dialog's owner must answer each retransmission with its ACK again.
     */
    public void setStrayResponseHandler(java.util.function.BiConsumer<SipResponse, SipPeer> handler) {
        this.strayResponseHandler = handler;
    }

    public SipStackConfig config() {
        return config;
    }

    public synchronized void start() throws InterruptedException {
        if (running) {
            return;
        }
        group = NettyTransports.newEventLoopGroup(config.ioThreads(), ioThreadFactory, config.useEpoll());
        try {
            bind();
        } catch (RuntimeException | InterruptedException e) {
            stopQuietly();
            throw e;
        }
        advertisedHost = resolveAdvertisedHost();
        EventExecutor sweeper = group.next();
        sweeper.scheduleAtFixedRate(() -> serverTransactions.sweep(System.currentTimeMillis(),
                2 * config.transactionTimeoutMs()), 1, 1, TimeUnit.SECONDS);
        running = true;
        LOG.info("SIP stack listening on {}:{} ({}), advertised as {}:{}, {}", config.listenHost(), boundPort,
                config.transports(), advertisedHost(), advertisedPort(), NettyTransports.describe(group));
    }

    private void bind() throws InterruptedException {
        // An ephemeral UDP port can already be taken on TCP (an outgoing connection's local port, another listener):
        // with port 0 we pick again instead of failing, since the caller asked for "any port", not this one.
        int attempts = config.port() == 0 ? EPHEMERAL_BIND_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                bindOnce(config.port());
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) { // Netty's sync() rethrows the BindException undeclared
                if (attempt >= attempts || !(e instanceof BindException || e.getCause() instanceof BindException)) {
                    throw e instanceof RuntimeException re ? re : new IllegalStateException("cannot bind SIP port " + config.port(), e);
                }
                for (Channel channel : serverChannels) {
                    channel.close().syncUninterruptibly();
                }
                serverChannels.clear();
                udpChannel = null;
                tcpServerChannel = null;
            }
        }
    }

    private void bindOnce(int requestedPort) throws InterruptedException {
        int port = requestedPort;
        if (config.transports().contains(SipTransport.UDP)) {
            Bootstrap b = new Bootstrap().group(group).channel(NettyTransports.datagramChannel(group))
                    .option(ChannelOption.SO_RCVBUF, config.udpReceiveBuffer())
                    .option(ChannelOption.SO_REUSEADDR, true)
                    // Netty's default datagram buffer is 2 KiB and silently truncates larger packets, which would
                    // turn an oversized or large catalog MESSAGE into a different, shorter message
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                    .handler(new SipDatagramHandler(this, parser));
            udpChannel = b.bind(config.listenHost(), port).sync().channel();
            serverChannels.add(udpChannel);
            port = ((InetSocketAddress) udpChannel.localAddress()).getPort();
        }
        if (config.transports().contains(SipTransport.TCP)) {
            ServerBootstrap b = new ServerBootstrap().group(group).channel(NettyTransports.serverChannel(group))
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(streamInitializer());
            tcpServerChannel = b.bind(config.listenHost(), port).sync().channel();
            serverChannels.add(tcpServerChannel);
            port = ((InetSocketAddress) tcpServerChannel.localAddress()).getPort();
        }
        boundPort = port;
    }

    private ChannelInitializer<SocketChannel> streamInitializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (config.tcpIdleTimeoutMs() > 0) {
                    ch.pipeline().addLast(new IdleStateHandler(config.tcpIdleTimeoutMs(), 0, 0, TimeUnit.MILLISECONDS));
                }
                ch.pipeline().addLast(new SipStreamDecoder(SipStack.this, parser));
            }
        };
    }

    public synchronized void stop() {
        if (!running && group == null) {
            return;
        }
        running = false;
        stopQuietly();
        LOG.info("SIP stack on port {} stopped", boundPort);
    }

    private void stopQuietly() {
        for (SipClientTransaction tx : clientTransactions.values()) {
            tx.cancelTimers();
            tx.result().completeExceptionally(new IllegalStateException("SIP stack stopped"));
        }
        clientTransactions.clear();
        for (Channel c : serverChannels) {
            c.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        serverChannels.clear();
        tcpConnections.values().forEach(Channel::close);
        tcpConnections.clear();
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            group = null;
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** The port the sockets are bound to (useful when configured with 0). */
    public int boundPort() {
        return boundPort;
    }

    /** The address devices are told to use: the configured advertised host, else the listen address. */
    public String advertisedHost() {
        String host = advertisedHost;
        return host != null ? host : resolveAdvertisedHost();
    }

    /**
     * Resolved once at start: for a wildcard listen address this asks the resolver for the local host name, which
     * must not happen per request.
     */
    private String resolveAdvertisedHost() {
        if (config.advertisedHost() != null && !config.advertisedHost().isBlank()) {
            return config.advertisedHost();
        }
        String listen = config.listenHost();
        if (listen.equals("0.0.0.0") || listen.equals("::") || listen.isBlank()) {
            try {
                return InetAddress.getLocalHost().getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return "127.0.0.1";
            }
        }
        return listen;
    }

    public int advertisedPort() {
        return config.advertisedPort() > 0 ? config.advertisedPort() : boundPort;
    }

    /** A fresh Via for a request this stack sends, with rport so that NATed peers answer to our source port. */
    public Via newVia(SipTransport transport) {
        return new Via(transport.name(), advertisedHost(), advertisedPort(),
                java.util.Map.of("rport", "", "branch", SipIds.newBranch()));
    }

    // ---------------------------------------------------------------- outbound

    /**
     * Sends a request in a new client transaction. The future completes with the final response, or fails with
     * {@link SipTimeoutException} after 64 × T1. {@code onProvisional} (may be null) sees 1xx responses.
     */
    public CompletableFuture<SipResponse> sendRequest(SipRequest request, SipPeer peer,
                                                      Consumer<SipResponse> onProvisional) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("SIP stack is not running"));
        }
        Via via = request.topVia();
        if (via == null || via.branch() == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("request has no Via branch"));
        }
        String key = clientKey(via.branch(), request.cseq().method());
        byte[] bytes = SipMessageEncoder.encode(request);
        EventExecutor loop = group.next();
        SipClientTransaction tx = new SipClientTransaction(key, request, bytes, peer, onProvisional, loop,
                () -> sendBytes(bytes, peer), config.t1Ms(), config.t2Ms());
        if (clientTransactions.putIfAbsent(key, tx) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("duplicate branch " + via.branch()));
        }
        tx.start(() -> {
            if (clientTransactions.remove(key, tx)) {
                tx.cancelTimers();
                handlerExecutor.execute(() -> tx.result().completeExceptionally(new SipTimeoutException(
                        "no final response to " + request.method() + " from " + peer + " within "
                                + config.transactionTimeoutMs() + " ms")));
            }
        });
        return tx.result();
    }

    public CompletableFuture<SipResponse> sendRequest(SipRequest request, SipPeer peer) {
        return sendRequest(request, peer, null);
    }

    /** Sends a message outside any transaction (ACK for a 2xx, for example). */
    public void send(SipMessage message, SipPeer peer) {
        sendBytes(SipMessageEncoder.encode(message), peer);
    }

    private void sendBytes(byte[] bytes, SipPeer peer) {
        if (peer.transport() == SipTransport.UDP) {
            Channel ch = udpChannel;
            if (ch == null) {
                LOG.warn("cannot send to {}: UDP is not enabled", peer);
                return;
            }
            ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), peer.address()));
            return;
        }
        Channel existing = tcpConnections.get(peer.address());
        if (existing != null && existing.isActive()) {
            existing.writeAndFlush(Unpooled.wrappedBuffer(bytes));
            return;
        }
        connect(peer.address()).whenComplete((ch, err) -> {
            if (err != null) {
                LOG.debug("TCP connect to {} failed: {}", peer, err.toString());
            } else {
                ch.writeAndFlush(Unpooled.wrappedBuffer(bytes));
            }
        });
    }

    private CompletableFuture<Channel> connect(InetSocketAddress address) {
        return pendingConnects.computeIfAbsent(address, a -> {
            CompletableFuture<Channel> f = new CompletableFuture<>();
            Bootstrap b = new Bootstrap().group(group).channel(NettyTransports.socketChannel(group))
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(10_000, config.transactionTimeoutMs()))
                    .handler(streamInitializer());
            ChannelFuture cf = b.connect(a);
            cf.addListener(done -> {
                if (done.isSuccess()) {
                    // Netty runs connect listeners before channelActive: register the connection now so that a
                    // request sent right away finds it instead of opening a second one
                    tcpConnectionActive(cf.channel());
                    pendingConnects.remove(a);
                    f.complete(cf.channel());
                } else {
                    pendingConnects.remove(a);
                    f.completeExceptionally(done.cause());
                }
            });
            return f;
        });
    }

    // ---------------------------------------------------------------- inbound (event loop)

    void tcpConnectionActive(Channel ch) {
        tcpConnections.put((InetSocketAddress) ch.remoteAddress(), ch);
    }

    void tcpConnectionInactive(Channel ch) {
        tcpConnections.remove((InetSocketAddress) ch.remoteAddress(), ch);
    }

    /** Number of open TCP connections (accepted and initiated). */
    public int tcpConnectionCount() {
        return tcpConnections.size();
    }

    void onMessage(SipMessage message, SipPeer source, SipServerTransaction.ReplyPath replyPath) {
        if (message instanceof SipResponse response) {
            onResponse(response, source);
        } else {
            onRequest((SipRequest) message, source, replyPath);
        }
    }

    private void onRequest(SipRequest request, SipPeer source, SipServerTransaction.ReplyPath replyPath) {
        SipRequest stamped = stampReceived(request, source);
        Via top = stamped.topVia();
        String key = ServerTransactionTable.keyOf(stamped, top);
        ServerTransactionRecord existing = serverTransactions.get(key);
        if (existing != null) {
            // a retransmission, or the ACK of a non-2xx final response: absorbed here (§17.2.1, §17.2.2)
            if (!request.isMethod("ACK")) {
                existing.replay();
            }
            return;
        }
        SipServerTransaction tx = new SipServerTransaction(key, stamped, source, replyPath, System.currentTimeMillis());
        if (!request.isMethod("ACK")) {
            if (serverTransactions.putIfAbsent(tx.record()) != null) {
                return;
            }
        }
        handlerExecutor.execute(() -> {
            try {
                handler.onRequest(tx);
            } catch (RuntimeException e) {
                LOG.warn("handler failed on {} from {}", request.method(), source, e);
                if (!request.isMethod("ACK") && !tx.isCompleted()) {
                    tx.respond(500);
                }
            }
        });
    }

    /**
     * Records where the request really came from in the top Via (RFC 3261 §18.2.1 received, RFC 3581 rport), so that
     * the response carries it and the application sees the NAT mapping.
     */
    private static SipRequest stampReceived(SipRequest request, SipPeer source) {
        Via top = request.topVia();
        String srcHost = source.host();
        Via stamped = top;
        if (!srcHost.equals(top.host())) {
            stamped = stamped.withParam("received", srcHost);
        }
        if (top.hasRport()) {
            stamped = stamped.withParam("received", srcHost).withParam("rport", Integer.toString(source.port()));
        }
        if (stamped == top) {
            return request;
        }
        SipRequest copy = request.withHeaders(request.headers().toBuilder().setFirst(SipHeaderNames.VIA, stamped)
                .build());
        copy.rememberWithVia(request, stamped);
        return copy;
    }

    private void onResponse(SipResponse response, SipPeer source) {
        Via top = response.topVia();
        CSeq cseq = response.cseq();
        String key = clientKey(top.branch(), cseq.method());
        SipClientTransaction tx = clientTransactions.get(key);
        if (tx == null) {
            java.util.function.BiConsumer<SipResponse, SipPeer> stray = strayResponseHandler;
            if (stray != null) {
                handlerExecutor.execute(() -> stray.accept(response, source));
            } else {
                LOG.debug("response {} from {} matches no transaction", response.startLine(), source);
            }
            return;
        }
        boolean isFinal = tx.onResponse(response);
        if (!isFinal) {
            if (tx.onProvisional() != null) {
                handlerExecutor.execute(() -> tx.onProvisional().accept(response));
            }
            return;
        }
        clientTransactions.remove(key, tx);
        if (tx.isInvite() && response.status() >= 300) {
            sendBytes(SipMessageEncoder.encode(ackFor(tx.request(), response)), tx.peer());
        }
        handlerExecutor.execute(() -> tx.result().complete(response));
    }

    /** A client transaction is matched by the branch of its Via and the CSeq method (RFC 3261 §17.1.3). */
    private static String clientKey(String branch, String method) {
        return branch + '|' + method;
    }

    /** The ACK the INVITE client transaction sends for a non-2xx final response (RFC 3261 §17.1.1.3). */
    static SipRequest ackFor(SipRequest invite, SipResponse response) {
        SipHeaders.Builder h = SipHeaders.builder();
        h.add(SipHeaderNames.VIA, invite.headers().first(SipHeaderNames.VIA));
        h.copy(invite.headers(), SipHeaderNames.ROUTE);
        h.copy(invite.headers(), SipHeaderNames.FROM);
        h.add(SipHeaderNames.TO, response.headers().first(SipHeaderNames.TO));
        h.add(SipHeaderNames.CALL_ID, invite.callId());
        h.add(SipHeaderNames.CSEQ, invite.cseq().number() + " ACK");
        h.add(SipHeaderNames.MAX_FORWARDS, 70);
        return new SipRequest("ACK", invite.requestUri(), h.build(), null);
    }

    void onMalformed(SipParseException error, SipPeer source, SipServerTransaction.ReplyPath replyPath) {
        LOG.debug("malformed SIP message from {}: {}", source, error.getMessage());
        if (error.canRespond()) {
            try {
                SipRequest partial = error.partialRequest();
                SipHeaders h = SipResponses.headersFor(partial, error.status(), SipIds.newTag())
                        .add("Warning", "399 " + advertisedHost() + " \"" + sanitizeWarning(error.getMessage()) + "\"")
                        .build();
                replyPath.send(SipMessageEncoder.encode(
                        new SipResponse(error.status(), SipResponse.reasonPhrase(error.status()), h, null)));
            } catch (RuntimeException e) {
                LOG.debug("could not answer the malformed message from {}: {}", source, e.toString());
            }
        }
        handlerExecutor.execute(() -> handler.onMalformedMessage(source, error));
    }

    private static String sanitizeWarning(String text) {
        String t = text.replace('"', '\'').replaceAll("[^\\x20-\\x7E]", "?");
        return t.length() > 120 ? t.substring(0, 120) : t;
    }

    /** Number of server transactions currently remembered (for tests and metrics). */
    public int serverTransactionCount() {
        return serverTransactions.size();
    }

    int clientTransactionCount() {
        return clientTransactions.size();
    }
}
