package io.github.camelgb28181.platform;

import io.github.camelgb28181.manscdp.ManscdpCharsets;
import io.github.camelgb28181.sip.SipDialog;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipHeaders;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Keeps subscriptions at devices alive: SUBSCRIBE creates a dialog (RFC 6665 / RFC 3265), a refresh goes out within
 * it before it lapses (at 80 % of the granted time), a refused refresh (481, 408 …) or a device that registers anew
 * starts a fresh subscription, and Expires 0 ends it.
 */
public final class SubscriptionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);

    /** Where to send the first SUBSCRIBE: the device's current address. */
    @FunctionalInterface
    public interface DeviceLocator {
        SipPeer peerOf(String deviceId) throws DeviceOfflineException;
    }

    private record Key(String deviceId, SubscriptionType type) {
    }

    private final class Entry {
        final Key key;
        final int expires;
        volatile Subscription current;
        volatile ScheduledFuture<?> refresh;
        volatile boolean cancelled;
        final java.time.Instant createdAt = java.time.Instant.now();

        Entry(Key key, int expires) {
            this.key = key;
            this.expires = expires;
        }
    }

    private final SipStack sip;
    private final DeviceRequestFactory requests;
    private final ScheduledExecutorService scheduler;
    private final DeviceLocator locator;
    private final IntSupplier snSource;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    SubscriptionManager(SipStack sip, DeviceRequestFactory requests, ScheduledExecutorService scheduler,
                        DeviceLocator locator, IntSupplier snSource) {
        this.sip = sip;
        this.requests = requests;
        this.scheduler = scheduler;
        this.locator = locator;
        this.snSource = snSource;
    }

    /** Subscribes (or re-subscribes) and keeps the subscription refreshed until {@link #unsubscribe}. */
    public CompletableFuture<Subscription> subscribe(String deviceId, SubscriptionType type, int expires) {
        Key key = new Key(deviceId, type);
        Entry entry = new Entry(key, expires);
        Entry previous = entries.put(key, entry);
        if (previous != null) {
            stopRefresh(previous);
        }
        return start(entry);
    }

    private CompletableFuture<Subscription> start(Entry entry) {
        SipPeer peer;
        try {
            peer = locator.peerOf(entry.key.deviceId());
        } catch (DeviceOfflineException e) {
            return CompletableFuture.failedFuture(e);
        }
        SipHeaders.Builder h = requests.headers(entry.key.deviceId(), peer, "SUBSCRIBE");
        SipRequest request = new SipRequest("SUBSCRIBE", DeviceRequestFactory.requestUri(entry.key.deviceId(), peer),
                addSubscribeHeaders(h, entry, entry.expires).build(), body(entry.key));
        return sip.sendRequest(request, peer).thenCompose(r -> established(entry, request, r, peer));
    }

    private SipHeaders.Builder addSubscribeHeaders(SipHeaders.Builder h, Entry entry, int expires) {
        String event = entry.key.type().eventPackage();
        if (entry.key.type() == SubscriptionType.CATALOG) {
            event = event + ";id=" + snSource.getAsInt();
        }
        return h.add(SipHeaderNames.CONTACT, "<sip:" + requests.sipId() + "@" + sip.advertisedHost() + ":" + sip.advertisedPort()
                        + ">")
                .add(SipHeaderNames.EVENT, event)
                .add(SipHeaderNames.EXPIRES, expires)
                .add(SipHeaderNames.CONTENT_TYPE, "Application/MANSCDP+xml");
    }

    private byte[] body(Key key) {
        String extra = key.type() == SubscriptionType.MOBILE_POSITION ? "<Interval>5</Interval>\r\n" : "";
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Query>\r\n<CmdType>" + key.type().cmdType()
                     + "</CmdType>\r\n<SN>" + snSource.getAsInt() + "</SN>\r\n<DeviceID>" + key.deviceId()
                     + "</DeviceID>\r\n" + extra + "</Query>\r\n";
        return xml.getBytes(ManscdpCharsets.GB18030);
    }

    private CompletableFuture<Subscription> established(Entry entry, SipRequest request, SipResponse response,
                                                        SipPeer peer) {
        if (!response.isSuccess()) {
            entries.remove(entry.key, entry);
            return CompletableFuture.failedFuture(new SipStatusException(response.status(), entry.key.deviceId()
                    + " refused the " + entry.key.type() + " subscription: " + response.status()));
        }
        SipDialog dialog = SipDialog.fromUacResponse(request, response, peer);
        Subscription s = new Subscription(entry.key.deviceId(), entry.key.type(), dialog,
                Instant.now().plusSeconds(granted(response, entry.expires)));
        entry.current = s;
        scheduleRefresh(entry, granted(response, entry.expires));
        return CompletableFuture.completedFuture(s);
    }

    /** The device may shorten the requested time in its Expires (RFC 6665 §4.1.2.1). */
    private static int granted(SipResponse response, int requested) {
        String v = response.header(SipHeaderNames.EXPIRES);
        try {
            return v == null ? requested : Math.min(requested, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return requested;
        }
    }

    private void scheduleRefresh(Entry entry, int seconds) {
        if (entry.cancelled || seconds <= 0) {
            return;
        }
        long delayMs = Math.max(500, seconds * 800L);
        entry.refresh = scheduler.schedule(() -> refresh(entry), delayMs, TimeUnit.MILLISECONDS);
    }

    private void refresh(Entry entry) {
        Subscription s = entry.current;
        if (entry.cancelled || s == null) {
            return;
        }
        SipDialog.Request r = s.dialog().newRequest("SUBSCRIBE", sip.newVia(s.dialog().peer().transport()));
        SipRequest request = new SipRequest("SUBSCRIBE", r.requestUri(),
                addSubscribeHeaders(r.headers(), entry, entry.expires).build(), body(entry.key));
        sip.sendRequest(request, s.dialog().peer()).whenComplete((response, error) -> {
            if (error == null && response.isSuccess()) {
                entry.current = new Subscription(s.deviceId(), s.type(), s.dialog(),
                        Instant.now().plusSeconds(granted(response, entry.expires)));
                scheduleRefresh(entry, granted(response, entry.expires));
                return;
            }
            LOG.info("refresh of the {} subscription at {} failed ({}); subscribing anew", s.type(), s.deviceId(),
                    error != null ? error.toString() : response.status());
            resubscribe(entry);
        });
    }

    private void resubscribe(Entry entry) {
        if (entry.cancelled || entries.get(entry.key) != entry) {
            return;
        }
        start(entry).whenComplete((s, error) -> {
            if (error != null && !entry.cancelled) {
                LOG.info("re-subscribing {} at {} failed: {}", entry.key.type(), entry.key.deviceId(), error.toString());
                // try again later, e.g. after the device is back; a new REGISTER also triggers onRegistered
                entry.refresh = scheduler.schedule(() -> resubscribe(entry), 30, TimeUnit.SECONDS);
            }
        });
    }

    /**
     * A device registered anew at {@code registeredAt}: its old dialogs are gone, so its subscriptions start over.
     * Subscriptions made after that registration (the event is delivered asynchronously) are already in new dialogs.
     */
    public void onRegistered(String deviceId, java.time.Instant registeredAt) {
        for (Entry e : List.copyOf(entries.values())) {
            if (e.key.deviceId().equals(deviceId) && e.createdAt.isBefore(registeredAt)) {
                stopRefresh(e);
                e.cancelled = false;
                resubscribe(e);
            }
        }
    }

    /** Ends a subscription with Expires 0 within its dialog. */
    public CompletableFuture<Void> unsubscribe(String deviceId, SubscriptionType type) {
        Entry entry = entries.remove(new Key(deviceId, type));
        if (entry == null) {
            return CompletableFuture.completedFuture(null);
        }
        entry.cancelled = true;
        stopRefresh(entry);
        Subscription s = entry.current;
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        SipDialog.Request r = s.dialog().newRequest("SUBSCRIBE", sip.newVia(s.dialog().peer().transport()));
        SipRequest request = new SipRequest("SUBSCRIBE", r.requestUri(), addSubscribeHeaders(r.headers(), entry, 0)
                .build(), body(entry.key));
        return sip.sendRequest(request, s.dialog().peer()).thenApply(response -> null);
    }

    private static void stopRefresh(Entry e) {
        e.cancelled = true;
        ScheduledFuture<?> f = e.refresh;
        if (f != null) {
            f.cancel(false);
        }
    }

    /** The subscription whose dialog a NOTIFY belongs to, or null. */
    public Subscription dialogOf(SipRequest notify) {
        for (Entry e : entries.values()) {
            Subscription s = e.current;
            if (s != null && s.dialog().matchesIncoming(notify)) {
                return s;
            }
        }
        return null;
    }

    public Collection<Subscription> active() {
        return entries.values().stream().map(e -> e.current).filter(java.util.Objects::nonNull).toList();
    }

    public void stop() {
        entries.values().forEach(SubscriptionManager::stopRefresh);
        entries.clear();
    }
}
