package io.github.camelgb28181.platform;

import io.github.camelgb28181.manscdp.ManscdpMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Matches Response messages from devices to the queries that asked for them, by device, CmdType and SN
 * (GB/T 28181-2016 §A.2.1: a response carries the SN of its query), and aggregates answers that span many MESSAGEs
 * until {@code SumNum} items arrived.
 *
 * <p>Quirk handled: some devices answer with a fresh SN instead of the query's (SPEC §5). A Response whose SN matches
 * nothing is given to the oldest pending query of the same device and CmdType.
 *
 * <p>Timers: {@code firstTimeout} until the first message (large NVRs and lower platforms take up to ~2 min before
 * the first catalog message), then {@code gapTimeout} between messages. When a timer fires with items received, the
 * partial result completes normally with {@code complete = false}; with nothing received it fails with
 * {@link QueryTimeoutException}.
 */
public final class ResponseCorrelator {

    private final ScheduledExecutorService scheduler;
    private final ToIntFunction<ManscdpMessage> itemCounter;
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();

    /**
     * @param scheduler   runs the timers
     * @param itemCounter the number of list items in one Response message (0 for single-message answers)
     */
    public ResponseCorrelator(ScheduledExecutorService scheduler, ToIntFunction<ManscdpMessage> itemCounter) {
        this.scheduler = scheduler;
        this.itemCounter = itemCounter;
    }

    private record Key(String deviceId, String cmdType, String sn) {
        static Key of(String deviceId, String cmdType, String sn) {
            return new Key(deviceId, cmdType.toLowerCase(Locale.ROOT), sn == null ? "" : sn.trim());
        }
    }

    /** One outstanding query; all access under its own lock. */
    private final class Pending {
        final Key key;
        final boolean multi;
        final long gapTimeoutMs;
        final long createdAt = System.nanoTime();
        final CompletableFuture<QueryResult> result = new CompletableFuture<>();
        final List<ManscdpMessage> messages = new ArrayList<>();
        int expected = -1;
        int received;
        ScheduledFuture<?> timer;

        Pending(Key key, boolean multi, long gapTimeoutMs) {
            this.key = key;
            this.multi = multi;
            this.gapTimeoutMs = gapTimeoutMs;
        }

        synchronized void arm(long delayMs) {
            if (timer != null) {
                timer.cancel(false);
            }
            timer = scheduler.schedule(this::expire, delayMs, TimeUnit.MILLISECONDS);
        }

        synchronized void accept(ManscdpMessage m) {
            if (result.isDone()) {
                return;
            }
            messages.add(m);
            if (!multi) {
                finish(true);
                return;
            }
            received += itemCounter.applyAsInt(m);
            int sum = parseSumNum(m.field("SumNum"));
            if (sum >= 0) {
                expected = Math.max(expected, sum);
            }
            // an answer that announces no SumNum (a ConfigDownload without lists, say) is complete in itself
            if (expected < 0 || received >= expected) {
                finish(true);
            } else {
                arm(gapTimeoutMs);
            }
        }

        synchronized void expire() {
            if (result.isDone()) {
                return;
            }
            if (messages.isEmpty()) {
                pending.remove(key, this);
                result.completeExceptionally(new QueryTimeoutException("no " + key.cmdType() + " response from "
                        + key.deviceId() + " (SN " + key.sn() + ")"));
                return;
            }
            finish(false);
        }

        private void finish(boolean complete) {
            if (timer != null) {
                timer.cancel(false);
            }
            pending.remove(key, this);
            result.complete(new QueryResult(messages, multi ? expected : -1, received, complete));
        }
    }

    /**
     * Registers a query before it is sent. {@code multi} marks answers that may span several messages and carry
     * SumNum.
     */
    public CompletableFuture<QueryResult> expect(String deviceId, String cmdType, String sn, boolean multi,
                                                 long firstTimeoutMs, long gapTimeoutMs) {
        Key key = Key.of(deviceId, cmdType, sn);
        Pending p = new Pending(key, multi, gapTimeoutMs);
        if (pending.putIfAbsent(key, p) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("a " + cmdType + " query with SN " + sn
                    + " to " + deviceId + " is already pending"));
        }
        p.arm(firstTimeoutMs);
        return p.result;
    }

    /** Withdraws a query whose request failed (e.g. the device answered the MESSAGE with an error status). */
    public void cancel(String deviceId, String cmdType, String sn, Throwable cause) {
        Pending p = pending.remove(Key.of(deviceId, cmdType, sn));
        if (p != null) {
            synchronized (p) {
                if (p.timer != null) {
                    p.timer.cancel(false);
                }
            }
            p.result.completeExceptionally(cause);
        }
    }

    /** Offers a Response from a device; returns true when it belonged to a pending query. */
    public boolean onResponse(String deviceId, ManscdpMessage message) {
        if (!"Response".equalsIgnoreCase(message.root())) {
            return false;
        }
        Pending p = pending.get(Key.of(deviceId, message.cmdType(), message.sn()));
        if (p == null) {
            p = oldestOf(deviceId, message.cmdType());
        }
        if (p == null) {
            return false;
        }
        p.accept(message);
        return true;
    }

    private Pending oldestOf(String deviceId, String cmdType) {
        Pending oldest = null;
        String type = cmdType.toLowerCase(Locale.ROOT);
        for (Pending p : pending.values()) {
            if (p.key.deviceId().equals(deviceId) && p.key.cmdType().equals(type)
                    && (oldest == null || p.createdAt < oldest.createdAt)) {
                oldest = p;
            }
        }
        return oldest;
    }

    /** Fails every pending query (on shutdown). */
    public void cancelAll(Throwable cause) {
        for (Pending p : List.copyOf(pending.values())) {
            cancel(p.key.deviceId(), p.key.cmdType(), p.key.sn(), cause);
        }
    }

    public int pendingCount() {
        return pending.size();
    }

    private static int parseSumNum(String v) {
        if (v == null) {
            return -1;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
