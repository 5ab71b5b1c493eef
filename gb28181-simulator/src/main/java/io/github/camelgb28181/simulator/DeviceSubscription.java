package io.github.camelgb28181.simulator;

import io.github.camelgb28181.sip.SipAddress;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipHeaders;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.Via;

import java.util.concurrent.ScheduledFuture;

/**
 * A subscription a device accepted (GB/T 28181-2016 §9.11, RFC 6665): the dialog its NOTIFYs travel in, seen from
 * the notifier's side. Confined to the owning device's event loop.
 */
final class DeviceSubscription {

    private final SipRequest subscribe;
    private final String localTag;
    private final SipPeer peer;
    private final String cmdType;
    private final int intervalSeconds;
    private int cseq = 1;
    private long expiresAtNanos;
    private ScheduledFuture<?> timer;

    DeviceSubscription(SipRequest subscribe, String localTag, SipPeer peer, String cmdType, int intervalSeconds) {
        this.subscribe = subscribe;
        this.localTag = localTag;
        this.peer = peer;
        this.cmdType = cmdType;
        this.intervalSeconds = intervalSeconds;
    }

    String callId() {
        return subscribe.callId();
    }

    String cmdType() {
        return cmdType;
    }

    SipPeer peer() {
        return peer;
    }

    /** The report interval the platform asked for (MobilePosition {@code Interval}), else 0. */
    int intervalSeconds() {
        return intervalSeconds;
    }

    void refresh(long nowNanos, int grantedSeconds) {
        expiresAtNanos = nowNanos + grantedSeconds * 1_000_000_000L;
    }

    boolean expired(long nowNanos) {
        return nowNanos - expiresAtNanos >= 0;
    }

    void timer(ScheduledFuture<?> t) {
        cancelTimer();
        timer = t;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /**
     * A NOTIFY within the dialog (RFC 6665 §4.2.2): Request-URI the subscriber's Contact, our tag in From, the
     * subscriber's From as To, the SUBSCRIBE's Call-ID and Event, and the time left in Subscription-State.
     */
    SipRequest notifyRequest(Via via, String deviceId, String domain, byte[] body, long nowNanos) {
        String contact = subscribe.header(SipHeaderNames.CONTACT);
        String target = contact != null ? SipAddress.parse(contact).uri().toString() : subscribe.requestUri();
        long left = Math.max(0, (expiresAtNanos - nowNanos) / 1_000_000_000L);
        SipHeaders h = SipHeaders.builder()
                .add(SipHeaderNames.VIA, via)
                .add(SipHeaderNames.FROM, "<sip:" + deviceId + "@" + domain + ">;tag=" + localTag)
                .add(SipHeaderNames.TO, subscribe.header(SipHeaderNames.FROM))
                .add(SipHeaderNames.CALL_ID, subscribe.callId())
                .add(SipHeaderNames.CSEQ, cseq++ + " NOTIFY")
                .add(SipHeaderNames.MAX_FORWARDS, 70)
                .add(SipHeaderNames.EVENT, subscribe.header(SipHeaderNames.EVENT))
                .add(SipHeaderNames.SUBSCRIPTION_STATE, "active;expires=" + left)
                .add(SipHeaderNames.CONTENT_TYPE, VirtualDevice.MANSCDP)
                .build();
        return new SipRequest("NOTIFY", target, h, body);
    }
}
