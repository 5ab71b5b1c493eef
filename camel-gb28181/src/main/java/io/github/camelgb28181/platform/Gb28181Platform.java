package io.github.camelgb28181.platform;

import io.github.camelgb28181.device.DeviceEvent;
import io.github.camelgb28181.device.DeviceEventListener;
import io.github.camelgb28181.device.DeviceLiveness;
import io.github.camelgb28181.device.DeviceRegistry;
import io.github.camelgb28181.device.PasswordLookup;
import io.github.camelgb28181.device.RedirectPolicy;
import io.github.camelgb28181.device.Registrar;
import io.github.camelgb28181.device.RegistrationDecider;
import io.github.camelgb28181.device.RegistrationDecision;
import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.manscdp.ManscdpCharsets;
import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.ManscdpParseException;
import io.github.camelgb28181.manscdp.ManscdpParser;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private static final String ALLOW = "REGISTER, MESSAGE, OPTIONS, ACK, BYE, CANCEL, INFO, NOTIFY, SUBSCRIBE";

    private final PlatformConfig config;
    private final DeviceRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final SipStack sip;
    private final Registrar registrar;
    private final DeviceLiveness liveness;
    private final ManscdpParser manscdpParser = new ManscdpParser();
    private final List<DeviceEventListener> deviceListeners = new CopyOnWriteArrayList<>();
    private final List<ManscdpListener> messageListeners = new CopyOnWriteArrayList<>();
    private final PasswordLookup defaultPasswordLookup;
    private volatile PasswordLookup passwordLookup;
    private volatile RegistrationDecider decider;
    private volatile RedirectPolicy redirectPolicy = RedirectPolicy.NONE;
    private final ResponseCorrelator correlator;
    private final DeviceRequestFactory requests;
    private final SubscriptionManager subscriptions;
    private final AtomicInteger sn = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 100_000));
    private ScheduledFuture<?> livenessTask;

    public Gb28181Platform(PlatformConfig config, DeviceRegistry registry, PasswordLookup passwordLookup,
                           Executor workers, ScheduledExecutorService scheduler, ThreadFactory ioThreadFactory) {
        this.config = config;
        this.registry = registry;
        this.scheduler = scheduler;
        Clock clock = Clock.systemDefaultZone();
        this.defaultPasswordLookup = passwordLookup;
        this.registrar = new Registrar(config.registrar(), registry, this::lookupPassword, this::decide,
                this::publish, clock);
        this.liveness = new DeviceLiveness(registry, this::publish, config.keepaliveIntervalMs(),
                config.keepaliveCount(), config.reviveOnKeepalive(), clock);
        this.sip = new SipStack(config.sip(), workers, new Dispatcher(), ioThreadFactory);
        this.correlator = new ResponseCorrelator(scheduler, ManscdpItems::count);
        this.requests = new DeviceRequestFactory(sip, config.sipId(), config.domain());
        this.subscriptions = new SubscriptionManager(sip, requests, scheduler, this::peerOf, this::nextSn);
    }

    public void start() throws InterruptedException {
        sip.start();
        livenessTask = scheduler.scheduleWithFixedDelay(this::checkLiveness, config.livenessCheckMs(),
                config.livenessCheckMs(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        correlator.cancelAll(new IllegalStateException("platform stopped"));
        subscriptions.stop();
        if (livenessTask != null) {
            livenessTask.cancel(false);
            livenessTask = null;
        }
        sip.stop();
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
            subscriptions.onRegistered(event.deviceId()); // a new registration means its old dialogs are gone
        }
        LOG.debug("device {} {}{}", event.deviceId(), event.type(),
                event.type() == DeviceEvent.Type.OFFLINE ? " (" + event.offlineReason() + ")"
                        : event.detail() != null ? " (" + event.detail() + ")" : "");
        for (DeviceEventListener l : deviceListeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("device event listener failed on {}", event, e);
            }
        }
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
                case "ACK" -> {
                    // ACK of a 2xx belongs to a dialog; nothing to do until INVITE dialogs exist
                }
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
            message = manscdpParser.parse(request.body());
        } catch (ManscdpParseException e) {
            tx.respond(400);
            notifyMessage(deviceId, request, tx.source(), null, e.getMessage());
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
        } else {
            tx.respond(200);
        }
        notifyMessage(deviceId, request, tx.source(), message, null);
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
        // GB18030 bytes for a GB2312 declaration: identical for GB2312 characters, and GBK-only names survive
        SipRequest request = new SipRequest("MESSAGE", DeviceRequestFactory.requestUri(deviceId, peer), h,
                xml.getBytes(ManscdpCharsets.GB18030));
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
                gapTimeoutMs);
        sendManscdp(deviceId, body.apply(Integer.parseInt(querySn))).whenComplete((r, error) -> {
            if (error != null) {
                correlator.cancel(deviceId, cmdType, querySn,
                        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                                ? error.getCause() : error);
            }
        });
        return result;
    }

    private void notifyMessage(String deviceId, SipRequest request, SipPeer source, ManscdpMessage message,
                               String error) {
        for (ManscdpListener l : messageListeners) {
            try {
                l.onMessage(deviceId, request, source, message, error);
            } catch (RuntimeException e) {
                LOG.warn("message listener failed", e);
            }
        }
    }
}
