package io.github.camelgb28181.platform;

import io.github.camelgb28181.device.CatalogChange;
import io.github.camelgb28181.device.ChannelRegistry;
import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.device.DeviceCatalog;
import io.github.camelgb28181.device.DeviceChannel;
import io.github.camelgb28181.device.DeviceDetails;
import io.github.camelgb28181.device.DeviceEvent;
import io.github.camelgb28181.device.DeviceEventListener;
import io.github.camelgb28181.device.DeviceLiveness;
import io.github.camelgb28181.device.DeviceRegistry;
import io.github.camelgb28181.device.PasswordLookup;
import io.github.camelgb28181.device.RedirectPolicy;
import io.github.camelgb28181.device.Registrar;
import io.github.camelgb28181.device.RegistrationDecider;
import io.github.camelgb28181.device.RegistrationDecision;
import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.ManscdpParseException;
import io.github.camelgb28181.manscdp.command.ManscdpCommand;
import io.github.camelgb28181.manscdp.model.AlarmNotify;
import io.github.camelgb28181.manscdp.model.BasicParam;
import io.github.camelgb28181.manscdp.model.CatalogItem;
import io.github.camelgb28181.manscdp.model.CatalogNotify;
import io.github.camelgb28181.manscdp.model.ConfigDownloadResponse;
import io.github.camelgb28181.manscdp.model.DeviceInfoResponse;
import io.github.camelgb28181.manscdp.model.KeepaliveNotify;
import io.github.camelgb28181.sip.SipAddress;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipHeaders;
import io.github.camelgb28181.sip.SipParseException;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.SipRequestHandler;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipServerTransaction;
import io.github.camelgb28181.sip.SipStack;
import io.github.camelgb28181.util.Completions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A GB28181 platform engine: one SIP stack, the registrar, keep-alive tracking and the device registry, with
 * listeners for device events and MANSCDP messages. Plain Java: the Camel component owns one and maps its events to
 * exchanges.
 */
public final class Gb28181Platform {

    private static final Logger LOG = LoggerFactory.getLogger(Gb28181Platform.class);
    private static final String ALLOW = "REGISTER, MESSAGE, OPTIONS, INVITE, ACK, BYE, CANCEL, INFO, NOTIFY, SUBSCRIBE";

    private final PlatformConfig config;
    private final DeviceRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final SipStack sip;
    private final Registrar registrar;
    private final DeviceLiveness liveness;
    private final ManscdpBodyReader manscdpBodies = new ManscdpBodyReader();
    private final ChannelRegistry channels;
    private final DeviceSync sync;
    private final Clock clock;
    private final Listeners<CatalogListener> catalogListeners = new Listeners<>();
    private final Listeners<QueryListener> queryListeners = new Listeners<>();
    private final Listeners<DeviceEventListener> deviceListeners = new Listeners<>();
    private final Listeners<ManscdpListener> messageListeners = new Listeners<>();
    private final PasswordLookup defaultPasswordLookup;
    private volatile PasswordLookup passwordLookup;
    private volatile RegistrationDecider decider;
    private volatile RedirectPolicy redirectPolicy = RedirectPolicy.NONE;
    private final ResponseCorrelator correlator;
    private final DeviceRequestFactory requests;
    private final SubscriptionManager subscriptions;
    private final AtomicInteger sn = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 100_000));
    private ScheduledFuture<?> livenessTask;
    private final Executor workers;
    private final ThreadFactory ioThreadFactory;
    private volatile io.netty.channel.EventLoopGroup mediaGroup;
    private volatile StreamManager streams;
    private volatile BroadcastManager broadcasts;
    private final Listeners<StreamListener> streamListeners = new Listeners<>();

    public Gb28181Platform(PlatformConfig config, DeviceRegistry registry, ChannelRegistry channels,
                           PasswordLookup passwordLookup, Executor workers, ScheduledExecutorService scheduler,
                           ThreadFactory ioThreadFactory) {
        this.config = config;
        this.registry = registry;
        this.channels = channels;
        this.scheduler = scheduler;
        this.clock = Clock.systemDefaultZone();
        this.workers = workers;
        this.ioThreadFactory = ioThreadFactory;
        this.defaultPasswordLookup = passwordLookup;
        this.registrar = new Registrar(config.registrar(), registry, this::lookupPassword, this::decide,
                this::publish, clock);
        this.liveness = new DeviceLiveness(registry, this::publish, config.keepaliveIntervalMs(),
                config.keepaliveCount(), config.reviveOnKeepalive(), clock);
        this.sip = new SipStack(config.sip(), workers, new Dispatcher(), ioThreadFactory);
        this.correlator = new ResponseCorrelator(scheduler, ManscdpItems::count);
        this.requests = new DeviceRequestFactory(sip, config.sipId(), config.domain());
        this.subscriptions = new SubscriptionManager(sip, requests, scheduler, this::peerOf, this::nextSn);
        this.sync = new DeviceSync(config.sync(), registry, scheduler, this::request);
    }

    public void start() throws InterruptedException {
        sip.start();
        sip.setStrayResponseHandler((response, source) -> {
            StreamManager m = streams;
            if (m != null) {
                m.onStrayResponse(response, source);
            }
        });
        if (config.media() != null) {
            mediaGroup = io.github.camelgb28181.sip.NettyTransports.newEventLoopGroup(config.media().ioThreads(),
                    ioThreadFactory, config.sip().useEpoll());
            streams = new StreamManager(config.media(), sip, requests, this::peerOf, config.domain(),
                    streamListeners, workers, scheduler, mediaGroup, clock);
            broadcasts = new BroadcastManager(config.media(), sip, config.sipId(),
                    (deviceId, body, timeoutMs) -> query(deviceId, "Broadcast", body, false, timeoutMs, timeoutMs),
                    streamListeners, workers, scheduler, streams.receivers(), streams.ports(), clock);
        }
        sync.start();
        livenessTask = scheduler.scheduleWithFixedDelay(this::checkLiveness, config.livenessCheckMs(),
                config.livenessCheckMs(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        sync.stop();
        BroadcastManager b = broadcasts;
        if (b != null) {
            b.stopAllBroadcasts();
            broadcasts = null;
        }
        StreamManager m = streams;
        if (m != null) {
            m.stopAllStreams();
            streams = null;
        }
        correlator.cancelAll(new IllegalStateException("platform stopped"));
        subscriptions.stop();
        if (livenessTask != null) {
            livenessTask.cancel(false);
            livenessTask = null;
        }
        sip.stop();
        io.netty.channel.EventLoopGroup g = mediaGroup;
        if (g != null) {
            g.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            mediaGroup = null;
        }
    }

    private void checkLiveness() {
        try {
            liveness.scan();
            registrar.sweep();
        } catch (RuntimeException e) {
            LOG.warn("liveness check failed", e);
        }
    }

    public PlatformConfig config() {
        return config;
    }

    public SipStack sip() {
        return sip;
    }

    public DeviceRegistry registry() {
        return registry;
    }

    /** The stored catalogs of the devices. */
    public ChannelRegistry channels() {
        return channels;
    }

    public void addCatalogListener(CatalogListener l) {
        catalogListeners.add(l);
    }

    public void removeCatalogListener(CatalogListener l) {
        catalogListeners.remove(l);
    }

    public void addQueryListener(QueryListener l) {
        queryListeners.add(l);
    }

    public void removeQueryListener(QueryListener l) {
        queryListeners.remove(l);
    }

    public void addDeviceListener(DeviceEventListener l) {
        deviceListeners.add(l);
    }

    public void removeDeviceListener(DeviceEventListener l) {
        deviceListeners.remove(l);
    }

    public void addMessageListener(ManscdpListener l) {
        messageListeners.add(l);
    }

    public void removeMessageListener(ManscdpListener l) {
        messageListeners.remove(l);
    }

    /** A decider (a Camel route) that overrides the redirect policy; null to fall back to the policy. */
    public void setRegistrationDecider(RegistrationDecider decider) {
        this.decider = decider;
    }

    public RegistrationDecider registrationDecider() {
        return decider;
    }

    /** A password lookup (a Camel route) that overrides the one given at construction; null to restore it. */
    public void setPasswordLookup(PasswordLookup lookup) {
        this.passwordLookup = lookup;
    }

    public PasswordLookup passwordLookup() {
        return passwordLookup;
    }

    private java.util.concurrent.CompletionStage<String> lookupPassword(String deviceId) {
        PasswordLookup l = passwordLookup != null ? passwordLookup : defaultPasswordLookup;
        return l == null ? CompletableFuture.completedFuture(null) : l.passwordFor(deviceId);
    }

    public void setRedirectPolicy(RedirectPolicy policy) {
        this.redirectPolicy = policy == null ? RedirectPolicy.NONE : policy;
    }

    private java.util.concurrent.CompletionStage<RegistrationDecision> decide(String deviceId, SipPeer source,
                                                                              int expires, boolean refresh) {
        RegistrationDecider d = decider;
        if (d != null) {
            return d.decide(deviceId, source, expires, refresh);
        }
        return CompletableFuture.completedFuture(RegistrationDecision.redirect(redirectPolicy.select(deviceId,
                source)));
    }

    private void publish(DeviceEvent event) {
        if (event.type() == DeviceEvent.Type.REGISTERED) {
            subscriptions.onRegistered(event.deviceId(), event.time()); // a new registration means its old dialogs are gone
        }
        sync.onDeviceEvent(event);
        LOG.debug("device {} {}{}", event.deviceId(), event.type(),
                event.type() == DeviceEvent.Type.OFFLINE ? " (" + event.offlineReason() + ")"
                        : event.detail() != null ? " (" + event.detail() + ")" : "");
        deviceListeners.fire(l -> l.onEvent(event), event);
    }

    /** Routes requests by method; runs on the worker executor. */
    private final class Dispatcher implements SipRequestHandler {

        @Override
        public void onRequest(SipServerTransaction tx) {
            switch (tx.request().method()) {
                case "REGISTER" -> registrar.handle(tx);
                case "MESSAGE", "NOTIFY" -> onMessage(tx);
                case "OPTIONS" -> tx.respond(new SipResponse(200, "OK",
                        tx.responseHeaders(200).add(SipHeaderNames.ALLOW, ALLOW).build(), null));
                case "INVITE" -> {
                    // devices INVITE us only for a voice broadcast they accepted (GB/T 28181-2016 §9.12); any other
                    // call is declined
                    BroadcastManager b = broadcasts;
                    if (b == null || !b.onInvite(tx, tx.request().from() == null ? null : tx.request().from().user())) {
                        tx.respond(603);
                    }
                }
                case "ACK" -> {
                    // ACKs reach us only for INVITEs we answered 2xx: the broadcasts'
                    BroadcastManager b = broadcasts;
                    if (b != null) {
                        b.onAck(tx.request());
                    }
                }
                case "BYE" -> {
                    BroadcastManager b = broadcasts;
                    StreamManager m = streams;
                    if (b != null && b.onBye(tx)) {
                        return;
                    }
                    if (m != null) {
                        m.onBye(tx);
                    } else {
                        tx.respond(481);
                    }
                }
                case "CANCEL" -> {
                    // devices send CANCEL only for their broadcast INVITE; anything else matches no transaction
                    BroadcastManager b = broadcasts;
                    if (b == null || !b.onCancel(tx)) {
                        tx.respond(481);
                    }
                }
                case "INFO" -> tx.respond(200);
                default -> tx.respond(new SipResponse(405, SipResponse.reasonPhrase(405),
                        tx.responseHeaders(405).add(SipHeaderNames.ALLOW, ALLOW).build(), null));
            }
        }

        @Override
        public void onMalformedMessage(SipPeer source, SipParseException error) {
            LOG.warn("malformed SIP message from {} ({}): {}", source, error.status(), error.getMessage());
        }
    }

    private void onMessage(SipServerTransaction tx) {
        SipRequest request = tx.request();
        SipAddress from = request.from();
        String deviceId = from.user();
        String contentType = request.contentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("manscdp")) {
            tx.respond(415);
            return;
        }
        ManscdpMessage message;
        try {
            message = manscdpBodies.read(request.body(), config.charsets().overrideFor(deviceId));
        } catch (ManscdpParseException e) {
            tx.respond(400);
            // listeners see the broken body before the query waiting for it fails, so its caller finds the event
            notifyMessage(deviceId, request, tx.source(), null, e.getMessage());
            failUnreadableResponse(deviceId, request.body(), e);
            return;
        }
        if (correlator.onResponse(deviceId, message)) {
            tx.respond(200);
            notifyMessage(deviceId, request, tx.source(), message, null);
            return;
        }
        if (message.is("Notify", "Keepalive")) {
            DeviceLiveness.KeepaliveOutcome outcome = liveness.onKeepalive(deviceId, tx.source());
            // a device whose registration we do not hold gets 404 and re-registers (it must not stay invisible)
            tx.respond(outcome == DeviceLiveness.KeepaliveOutcome.NOT_REGISTERED ? 404 : 200);
            KeepaliveNotify keepalive = message.document(KeepaliveNotify.class);
            if (keepalive != null && !keepalive.getFaultyChannels().isEmpty()) {
                sync.onStatusChange(deviceId); // GB/T 28181-2016 A.2.5: Info lists the faulty channels
            }
        } else {
            tx.respond(200);
            if (message.document() instanceof CatalogNotify notify) {
                applyCatalogNotify(deviceId, notify);
            } else if (message.document() instanceof io.github.camelgb28181.manscdp.model.MediaStatusNotify status
                    && status.isEndOfFile() && streams != null) {
                streams.onEndOfFile(deviceId, message.deviceId());
            } else if (message.document() instanceof AlarmNotify) {
                sync.onStatusChange(deviceId); // video-loss and fault alarms change channel status
            }
        }
        notifyMessage(deviceId, request, tx.source(), message, null);
    }

    /**
     * A Response that no repair makes readable still names, as plain text, the CmdType and SN of the query it
     * answers: that query fails at once with the parse error instead of waiting for its timeout.
     */
    private void failUnreadableResponse(String deviceId, byte[] body, ManscdpParseException error) {
        String text = new String(body, 0, Math.min(body.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!text.contains("<Response")) {
            return;
        }
        String cmdType = elementText(text, "CmdType");
        String sn = elementText(text, "SN");
        if (cmdType != null && sn != null) {
            correlator.cancel(deviceId, cmdType, sn, error);
        }
    }

    private static String elementText(String text, String name) {
        int open = text.indexOf("<" + name + ">");
        int close = open < 0 ? -1 : text.indexOf("</" + name + ">", open);
        return close < 0 ? null : text.substring(open + name.length() + 2, close).trim();
    }

    private void applyCatalogNotify(String deviceId, CatalogNotify notify) {
        Instant now = clock.instant();
        boolean statusChanged = false;
        for (CatalogItem item : notify.getItems()) {
            if (item.getDeviceId() == null || item.getDeviceId().isBlank()) {
                continue;
            }
            String event = item.getEvent() == null ? "UPDATE" : item.getEvent().trim().toUpperCase(Locale.ROOT);
            DeviceChannel known = channels.get(deviceId, item.getDeviceId());
            DeviceChannel after;
            switch (event) {
                case "DEL" -> {
                    DeviceChannel removed = channels.remove(deviceId, item.getDeviceId());
                    after = removed != null ? removed : DeviceChannel.of(deviceId, item, now);
                }
                case "ON", "OFF", "VLOST", "DEFECT" -> {
                    // status events often carry only the ID: keep what the catalog said about the channel
                    after = (known != null ? known : DeviceChannel.of(deviceId, item, now)).withStatus(event, now);
                    channels.put(after);
                    statusChanged = true;
                }
                default -> {
                    after = DeviceChannel.of(deviceId, item, now);
                    channels.put(after);
                }
            }
            CatalogChange change = new CatalogChange(deviceId, event, after);
            catalogListeners.fire(l -> l.onCatalogChange(change), change);
        }
        if (statusChanged) {
            sync.onStatusChange(deviceId);
        }
    }

    /** Stores what an answer says about the device, then tells the listeners. Never fails the query. */
    private void absorb(String deviceId, String cmdType, QueryResult result) {
        try {
            DeviceInfoResponse info = result.document(DeviceInfoResponse.class);
            if (info != null) {
                registry.update(deviceId, d -> d == null ? null : d.withDetails(new DeviceDetails(info.getDeviceName(),
                        info.getManufacturer(), info.getModel(), info.getFirmware(),
                        info.getChannel() == null ? -1 : info.getChannel(), d.details().catalogAt())));
            }
            ConfigDownloadResponse configs = result.document(ConfigDownloadResponse.class);
            BasicParam basic = configs == null ? null : configs.getBasicParam();
            if (basic != null && basic.getHeartBeatInterval() != null && basic.getHeartBeatInterval() > 0) {
                int count = basic.getHeartBeatCount() == null ? 0 : basic.getHeartBeatCount();
                registry.update(deviceId, d -> d == null ? null
                        : d.withKeepaliveSettings(basic.getHeartBeatInterval(), count));
            }
            if ("Catalog".equalsIgnoreCase(cmdType)) {
                storeCatalog(deviceId, result);
            }
        } catch (RuntimeException e) {
            LOG.warn("storing the {} answer of {} failed", cmdType, deviceId, e);
        }
        queryListeners.fire(l -> l.onQueryResult(deviceId, cmdType, result), cmdType + " answer of " + deviceId);
    }

    private void storeCatalog(String deviceId, QueryResult result) {
        Instant now = clock.instant();
        List<DeviceChannel> list = new ArrayList<>();
        for (CatalogItem item : result.items(CatalogItem.class)) {
            if (item.getDeviceId() != null && !item.getDeviceId().isBlank()) {
                list.add(DeviceChannel.of(deviceId, item, now));
            }
        }
        if (result.complete()) {
            channels.replace(deviceId, list);
        } else {
            list.forEach(channels::put); // a partial catalog must not make the missing channels disappear
        }
        registry.update(deviceId, d -> d == null ? null : d.withDetails(d.details().withCatalogAt(now)));
        DeviceCatalog catalog = new DeviceCatalog(deviceId, result.expected(), list, result.complete());
        catalogListeners.fire(l -> l.onCatalog(catalog), "catalog of " + deviceId);
    }

    private SipPeer peerOf(String deviceId) throws DeviceOfflineException {
        Device device = registry.get(deviceId);
        if (device == null || !device.online()) {
            throw new DeviceOfflineException(deviceId,
                    "device " + deviceId + (device == null ? " is not registered" : " is offline"));
        }
        return device.peer();
    }

    /** Subscribes at a device and keeps the subscription alive (refresh, re-subscribe on re-registration). */
    public CompletableFuture<Subscription> subscribe(String deviceId, SubscriptionType type, int expires) {
        return subscriptions.subscribe(deviceId, type, expires);
    }

    public CompletableFuture<Void> unsubscribe(String deviceId, SubscriptionType type) {
        return subscriptions.unsubscribe(deviceId, type);
    }

    public java.util.Collection<Subscription> subscriptions() {
        return subscriptions.active();
    }

    /** The next SN for a message to a device; positive, wrapping. */
    public int nextSn() {
        return sn.updateAndGet(v -> v >= Integer.MAX_VALUE - 1 ? 1 : v + 1);
    }

    /**
     * Sends a MANSCDP body to an online device in a MESSAGE (GB/T 28181-2016 §9.3, §9.5) and completes with the
     * device's SIP answer; a non-2xx answer fails with {@link SipStatusException}, an unknown or offline device
     * with {@link DeviceOfflineException}.
     */
    public CompletableFuture<SipResponse> sendManscdp(String deviceId, String xml) {
        return sendManscdp(deviceId, xml.getBytes(config.charsets().encodingFor(deviceId)));
    }

    private CompletableFuture<SipResponse> sendManscdp(String deviceId, byte[] body) {
        SipPeer peer;
        try {
            peer = peerOf(deviceId);
        } catch (DeviceOfflineException e) {
            return CompletableFuture.failedFuture(e);
        }
        SipHeaders h = requests.headers(deviceId, peer, "MESSAGE")
                .add(SipHeaderNames.USER_AGENT, config.userAgent())
                .add(SipHeaderNames.CONTENT_TYPE, "Application/MANSCDP+xml")
                .build();
        SipRequest request = new SipRequest("MESSAGE", DeviceRequestFactory.requestUri(deviceId, peer), h, body);
        return sip.sendRequest(request, peer).thenCompose(r -> r.isSuccess() ? CompletableFuture.completedFuture(r)
                : CompletableFuture.failedFuture(new SipStatusException(r.status(),
                        deviceId + " answered " + r.status() + " " + r.reason())));
    }

    /**
     * Sends a query and completes with its Response(s). {@code body} gets the SN to use. Multi-message answers are
     * aggregated until SumNum items arrived ({@code multi}).
     */
    public CompletableFuture<QueryResult> query(String deviceId, String cmdType, java.util.function.IntFunction<String> body,
                                                boolean multi, long firstTimeoutMs, long gapTimeoutMs) {
        String querySn = Integer.toString(nextSn());
        CompletableFuture<QueryResult> result = correlator.expect(deviceId, cmdType, querySn, multi, firstTimeoutMs,
                gapTimeoutMs).thenApply(r -> {
                    absorb(deviceId, cmdType, r);
                    return r;
                });
        sendManscdp(deviceId, body.apply(Integer.parseInt(querySn))).whenComplete((r, error) -> {
            if (error != null) {
                correlator.cancel(deviceId, cmdType, querySn, Completions.cause(error));
            }
        });
        return result;
    }

    // ---------------------------------------------------------------------------------------------- streams

    private StreamManager streamManager() {
        StreamManager m = streams;
        if (m == null) {
            throw new IllegalStateException("the media path is not running");
        }
        return m;
    }

    /** Starts live video, playback or download; completes once the 200 OK and the first RTP packet arrived. */
    public CompletableFuture<io.github.camelgb28181.media.session.StreamSession> startStream(
            io.github.camelgb28181.media.session.StreamRequest request) {
        try {
            return streamManager().start(request);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Plays recordings one after the other under one stream ID: each next item is INVITEd when the device ends the
     * one before (MediaStatus 121 or BYE), with a PLAYLIST_NEXT event; completes like {@link #startStream} for the
     * first item.
     */
    public CompletableFuture<io.github.camelgb28181.media.session.StreamSession> startPlaylist(
            List<io.github.camelgb28181.media.session.StreamRequest> items) {
        try {
            return streamManager().start(items);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stops one stream (BYE, or CANCEL while its INVITE is pending) or voice broadcast. */
    public CompletableFuture<io.github.camelgb28181.media.session.StreamSession> stopStream(String streamId) {
        BroadcastManager b = broadcasts;
        if (b != null && b.owns(streamId)) {
            return b.stop(streamId);
        }
        return streamManager().stop(streamId);
    }

    /** Stops every stream and broadcast of a channel, or of a device when {@code channelId} is null. */
    public List<io.github.camelgb28181.media.session.StreamSession> stopStreams(String deviceId, String channelId) {
        List<io.github.camelgb28181.media.session.StreamSession> stopped = new ArrayList<>(
                streamManager().stopAll(deviceId, channelId));
        BroadcastManager b = broadcasts;
        if (b != null) {
            stopped.addAll(b.stopAll(deviceId, channelId));
        }
        return stopped;
    }

    /**
     * Voice broadcast (GB/T 28181-2016 §9.12): Notify Broadcast, the device's INVITE answered, the audio sent in real
     * time, BYE. Completes with the session once all audio was sent (or the broadcast was stopped); fails when the
     * device refuses, does not answer the Notify within {@code responseTimeoutMs}, or sends no INVITE within
     * broadcastInviteTimeout.
     */
    public CompletableFuture<io.github.camelgb28181.media.session.StreamSession> broadcast(
            io.github.camelgb28181.media.session.BroadcastRequest request, long responseTimeoutMs) {
        BroadcastManager b = broadcasts;
        if (b == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the media path is not running"));
        }
        return b.start(request, responseTimeoutMs);
    }

    /** Playback control: MANSRTSP PLAY/PAUSE with Scale or Range in an INFO of the stream's dialog. */
    public CompletableFuture<io.github.camelgb28181.media.session.StreamSession> controlStream(String streamId,
            io.github.camelgb28181.media.mansrtsp.MansrtspRequest command) {
        return streamManager().control(streamId, command);
    }

    /** The media transport for a request to this device that names none (deviceTransports, else UDP). */
    public io.github.camelgb28181.media.sdp.MediaTransport defaultTransport(String deviceId) {
        io.github.camelgb28181.media.sdp.MediaTransport t = config.media() == null ? null
                : config.media().deviceTransports().lookup(deviceId);
        return t != null ? t : io.github.camelgb28181.media.sdp.MediaTransport.UDP;
    }

    /** How the sub-stream is asked of this device when the request does not say (deviceStreamFlavours). */
    public io.github.camelgb28181.media.sdp.SubStreamFlavour defaultStreamFlavour(String deviceId) {
        io.github.camelgb28181.media.sdp.SubStreamFlavour f = config.media() == null ? null
                : config.media().deviceFlavours().lookup(deviceId);
        return f != null ? f : io.github.camelgb28181.media.sdp.SubStreamFlavour.STREAMNUMBER;
    }

    /** The running streams with their statistics, and the voice broadcasts. */
    public java.util.Collection<io.github.camelgb28181.media.session.StreamSession> streams() {
        StreamManager m = streams;
        BroadcastManager b = broadcasts;
        List<io.github.camelgb28181.media.session.StreamSession> all = new ArrayList<>();
        if (m != null) {
            all.addAll(m.sessions());
        }
        if (b != null) {
            all.addAll(b.sessions());
        }
        return all;
    }

    public io.github.camelgb28181.media.session.StreamSession stream(String streamId) {
        StreamManager m = streams;
        BroadcastManager b = broadcasts;
        io.github.camelgb28181.media.session.StreamSession s = m == null ? null : m.session(streamId);
        return s == null && b != null ? b.session(streamId) : s;
    }

    /**
     * The stream if it is running.
     *
     * @throws IllegalArgumentException when there is no such stream or it has ended
     */
    public io.github.camelgb28181.media.session.StreamSession runningStream(String streamId) {
        io.github.camelgb28181.media.session.StreamSession session = stream(streamId);
        if (session == null || session.state() == io.github.camelgb28181.media.session.StreamState.ENDED) {
            throw new IllegalArgumentException("no running stream " + streamId);
        }
        return session;
    }

    public void addStreamListener(StreamListener l) {
        streamListeners.add(l);
    }

    public void removeStreamListener(StreamListener l) {
        streamListeners.remove(l);
    }

    /** Answers that may span several MESSAGEs and carry SumNum (GB/T 28181-2016 A.2.6). */
    private static final Set<String> MULTI_MESSAGE = Set.of("catalog", "recordinfo", "presetquery",
            "cruisetracklistquery", "cruisetrackquery", "alarm", "configdownload");

    /** Whether the answer to a command of that response CmdType may come in several messages. */
    public static boolean isMultiMessage(String responseCmdType) {
        return MULTI_MESSAGE.contains(responseCmdType.toLowerCase(Locale.ROOT));
    }

    /**
     * Sends a query (or a control that is answered with a Response) addressed to {@code target} (a channel of the
     * device, or the device itself) in the device's charset and completes with the answer, stored first.
     */
    public CompletableFuture<QueryResult> request(String deviceId, ManscdpCommand command, String target,
                                                  long firstTimeoutMs, long gapTimeoutMs) {
        String charset = config.charsets().declaredFor(deviceId);
        return query(deviceId, command.responseCmdType(), sn -> command.toXml(sn, target, charset),
                isMultiMessage(command.responseCmdType()), firstTimeoutMs, gapTimeoutMs);
    }

    private CompletableFuture<QueryResult> request(String deviceId, ManscdpCommand command, long firstTimeoutMs,
                                                   long gapTimeoutMs) {
        return request(deviceId, command, deviceId, firstTimeoutMs, gapTimeoutMs);
    }

    /** Sends a control that is not answered with a Response; completes with the device's SIP answer. */
    public CompletableFuture<SipResponse> control(String deviceId, ManscdpCommand command, String target, int sn) {
        return sendManscdp(deviceId, command.toXml(sn, target, config.charsets().declaredFor(deviceId)));
    }

    /** Asks a device for its catalog now (unless a catalog query to it is running already) and stores it. */
    public CompletableFuture<QueryResult> refreshCatalog(String deviceId) {
        return sync.refreshCatalog(deviceId);
    }

    private void notifyMessage(String deviceId, SipRequest request, SipPeer source, ManscdpMessage message,
                               String error) {
        messageListeners.fire(l -> l.onMessage(deviceId, request, source, message, error),
                message != null ? message.cmdType() + " from " + deviceId : "message from " + deviceId);
    }
}
