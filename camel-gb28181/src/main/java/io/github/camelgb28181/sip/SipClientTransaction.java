package io.github.camelgb28181.sip;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A request sent by the stack, retransmitted over UDP with Timer A/E and failed with Timer B/F (RFC 3261 §17.1.1,
 * §17.1.2). All timer work runs on one event loop; completion is handed to the stack's handler executor.
 */
final class SipClientTransaction {

    private final String key;
    private final SipRequest request;
    private final byte[] bytes;
    private final SipPeer peer;
    private final boolean invite;
    private final CompletableFuture<SipResponse> result = new CompletableFuture<>();
    private final Consumer<SipResponse> onProvisional;
    private final EventExecutor timerLoop;
    private final Runnable send;
    private final long t1;
    private final long t2;
    private long interval;
    private boolean provisionalSeen;
    private ScheduledFuture<?> retransmitTimer;
    private ScheduledFuture<?> timeoutTimer;

    SipClientTransaction(String key, SipRequest request, byte[] bytes, SipPeer peer, Consumer<SipResponse> onProvisional,
                         EventExecutor timerLoop, Runnable send, long t1, long t2) {
        this.key = key;
        this.request = request;
        this.bytes = bytes;
        this.peer = peer;
        this.invite = request.isMethod("INVITE");
        this.onProvisional = onProvisional;
        this.timerLoop = timerLoop;
        this.send = send;
        this.t1 = t1;
        this.t2 = t2;
        this.interval = t1;
    }

    String key() {
        return key;
    }

    SipRequest request() {
        return request;
    }

    byte[] bytes() {
        return bytes;
    }

    SipPeer peer() {
        return peer;
    }

    CompletableFuture<SipResponse> result() {
        return result;
    }

    /** Sends the request and arms the timers; {@code onTimeout} runs on the timer loop when Timer B/F fires. */
    void start(Runnable onTimeout) {
        timerLoop.execute(() -> {
            send.run();
            if (!peer.transport().isReliable()) {
                scheduleRetransmit();
            }
            timeoutTimer = timerLoop.schedule(onTimeout, 64 * t1, TimeUnit.MILLISECONDS);
        });
    }

    private void scheduleRetransmit() {
        retransmitTimer = timerLoop.schedule(() -> {
            if (result.isDone()) {
                return;
            }
            send.run();
            // Timer A doubles without bound until a provisional arrives; Timer E doubles up to T2 (§17.1.2.2)
            interval = invite ? interval * 2 : Math.min(interval * 2, t2);
            scheduleRetransmit();
        }, interval, TimeUnit.MILLISECONDS);
    }

    /** Called on the timer loop for every response matching this transaction; returns true when it was final. */
    boolean onResponse(SipResponse response) {
        if (response.isProvisional()) {
            if (!provisionalSeen) {
                provisionalSeen = true;
                if (invite && retransmitTimer != null) {
                    retransmitTimer.cancel(false); // §17.1.1.2: an INVITE stops retransmitting on a provisional
                } else if (retransmitTimer != null) {
                    retransmitTimer.cancel(false);
                    interval = t2; // §17.1.2.2: in Proceeding, retransmit every T2
                    scheduleRetransmit();
                }
            }
            return false;
        }
        cancelTimers();
        return true;
    }

    void cancelTimers() {
        if (retransmitTimer != null) {
            retransmitTimer.cancel(false);
        }
        if (timeoutTimer != null) {
            timeoutTimer.cancel(false);
        }
    }

    Consumer<SipResponse> onProvisional() {
        return onProvisional;
    }

    boolean isInvite() {
        return invite;
    }
}
