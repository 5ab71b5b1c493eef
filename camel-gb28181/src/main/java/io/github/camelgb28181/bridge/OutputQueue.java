package io.github.camelgb28181.bridge;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

/**
 * The hand-off between the feeding thread (a Netty event loop that must never block) and one output: a bounded
 * queue drained by one task at a time on the caller's {@link Executor}. {@link #offer} never blocks and never runs
 * output code. When the queue is full the output has fallen behind: the unit is dropped and so is everything after
 * it up to the next key frame, because a decoder cannot use frames whose reference is missing (SPEC §3.3).
 *
 * @param <T> what is queued
 */
final class OutputQueue<T> {

    /** What the draining task does; called on an executor thread, never concurrently. */
    interface Worker<T> {
        void process(T item);

        /** The queue was closed and is empty: free everything. */
        void finish();
    }

    /** Items per task run, so that outputs sharing a small pool take turns. */
    private static final int BATCH = 32;

    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;
    private final Predicate<T> isKey;
    private final Executor executor;
    private final Worker<T> worker;
    private final OutputCounters counters;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private boolean waitingForKey = true;
    private boolean overflowed;
    private boolean scheduled;
    private boolean closing;
    private boolean finishing;

    OutputQueue(int capacity, Predicate<T> isKey, Executor executor, Worker<T> worker, OutputCounters counters) {
        this.capacity = capacity;
        this.isKey = isKey;
        this.executor = executor;
        this.worker = worker;
        this.counters = counters;
    }

    /** Queues {@code item}, or drops it; returns at once in both cases. */
    boolean offer(T item) {
        synchronized (this) {
            if (closing) {
                return false;
            }
            if (waitingForKey && !isKey.test(item)) {
                if (overflowed) {
                    counters.dropped();
                }
                return false;
            }
            if (items.size() >= capacity) {
                waitingForKey = true;
                overflowed = true;
                counters.dropped();
                return false;
            }
            waitingForKey = false;
            items.addLast(item);
            if (scheduled) {
                return true;
            }
            scheduled = true;
        }
        schedule();
        return true;
    }

    /** Lets the queued items be written, then finishes the worker; the future completes when it has. */
    CompletableFuture<Void> close() {
        synchronized (this) {
            if (closing) {
                return finished;
            }
            closing = true;
            if (scheduled) {
                return finished;
            }
            scheduled = true;
        }
        schedule();
        return finished;
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            counters.failed(e);
            boolean finishHere;
            synchronized (this) {
                items.clear();
                // a shut-down executor will never run us again: free the native side here rather than leak it
                finishHere = closing && !finishing;
                finishing |= finishHere;
                scheduled = finishHere;
                waitingForKey = true;
            }
            if (finishHere) {
                finish();
            }
        }
    }

    private void drain() {
        for (int n = 0; n < BATCH; n++) {
            T item;
            synchronized (this) {
                item = items.pollFirst();
                if (item == null) {
                    if (!closing || finishing) {
                        scheduled = false;
                        return;
                    }
                    finishing = true;
                }
            }
            if (item == null) {
                finish();
                return;
            }
            try {
                worker.process(item);
            } catch (RuntimeException e) {
                counters.failed(e);
            }
        }
        schedule();
    }

    private void finish() {
        try {
            worker.finish();
        } catch (RuntimeException e) {
            counters.failed(e);
        } finally {
            counters.state(OutputState.CLOSED);
            finished.complete(null);
        }
    }
}
