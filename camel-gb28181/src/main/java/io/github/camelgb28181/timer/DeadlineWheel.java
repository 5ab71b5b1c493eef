package io.github.camelgb28181.timer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hashed timing wheel of keyed deadlines (Varghese and Lauck): one deadline per key, re-armed or cancelled in
 * constant time, and {@link #expire} visits only the slots of the ticks that passed since the last call. Periodic
 * checks that used to scan every device or every transaction once a second cost, with this, in proportion to what
 * is due rather than to what is kept.
 *
 * <p>The wheel holds no thread and no clock: the owner drives it from its existing periodic task, with its own
 * notion of "now". Deadlines are exact to the millisecond whatever the tick: a slot holds the deadlines of one tick
 * (plus later revolutions of it), and {@link #expire} returns exactly those with {@code deadline <= now}. The tick
 * only decides how entries are spread; the slot of the current tick is visited again on the next call because it
 * may still hold deadlines later in that tick.
 *
 * <p>Thread-safe; every method holds the wheel's lock for a constant time except {@link #expire}, which holds it
 * for the entries of the visited slots. No callback runs under the lock.
 *
 * @param <K> the key, with {@code equals}/{@code hashCode}
 */
public final class DeadlineWheel<K> {

    /** One armed deadline, linked into the list of its slot. */
    private static final class Node<K> {
        final K key;
        long deadline;
        int slot;
        Node<K> prev;
        Node<K> next;

        Node(K key) {
            this.key = key;
        }
    }

    private final long tickMs;
    private final int mask;
    private final Node<K>[] heads;
    private final Map<K, Node<K>> nodes = new HashMap<>();
    /** The tick the next {@link #expire} starts from; the wheel has handled every earlier tick. */
    private long cursor;

    /**
     * @param tickMs the width of one slot in milliseconds
     * @param slots  the number of slots, a power of two; {@code tickMs × slots} should cover the usual deadline
     *               distance, so that an entry is seldom visited before it is due
     * @param startMs the owner's "now": nothing before it is waited for
     */
    @SuppressWarnings("unchecked")
    public DeadlineWheel(long tickMs, int slots, long startMs) {
        if (tickMs <= 0) {
            throw new IllegalArgumentException("tickMs must be positive: " + tickMs);
        }
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.tickMs = tickMs;
        this.mask = slots - 1;
        this.heads = (Node<K>[]) new Node[slots];
        this.cursor = Math.floorDiv(startMs, tickMs);
    }

    /** Arms {@code key} for {@code deadlineMs}, replacing any deadline it had. A past deadline is due at once. */
    public synchronized void schedule(K key, long deadlineMs) {
        Node<K> node = nodes.get(key);
        if (node == null) {
            node = new Node<>(key);
            nodes.put(key, node);
        } else {
            unlink(node);
        }
        long tick = Math.floorDiv(deadlineMs, tickMs);
        node.deadline = deadlineMs;
        // a deadline in a tick already handled goes into the current one, which the next expire visits first
        link(node, (int) (Math.max(tick, cursor) & mask));
    }

    /** Disarms {@code key}; returns whether it was armed. */
    public synchronized boolean cancel(K key) {
        Node<K> node = nodes.remove(key);
        if (node == null) {
            return false;
        }
        unlink(node);
        return true;
    }

    /** The armed deadline of {@code key}, or -1 when it has none. */
    public synchronized long deadlineOf(K key) {
        Node<K> node = nodes.get(key);
        return node == null ? -1 : node.deadline;
    }

    public synchronized int size() {
        return nodes.size();
    }

    /**
     * Removes and returns the keys whose deadline is at or before {@code nowMs}, earliest deadline first. A clock
     * that jumped forward by more than a revolution visits every slot once; one that went back expires nothing.
     */
    public List<K> expire(long nowMs) {
        List<Node<K>> due = new ArrayList<>();
        synchronized (this) {
            long nowTick = Math.floorDiv(nowMs, tickMs);
            if (nowTick < cursor) {
                return List.of();
            }
            long last = Math.min(nowTick, cursor + mask); // one revolution visits every slot
            for (long tick = cursor; tick <= last; tick++) {
                collect((int) (tick & mask), nowMs, due);
            }
            // the current tick stays the cursor: deadlines later in it are not due yet
            cursor = nowTick;
        }
        due.sort(Comparator.comparingLong(n -> n.deadline));
        List<K> keys = new ArrayList<>(due.size());
        for (Node<K> n : due) {
            keys.add(n.key);
        }
        return keys;
    }

    private void collect(int slot, long nowMs, List<Node<K>> due) {
        Node<K> n = heads[slot];
        while (n != null) {
            Node<K> next = n.next;
            if (n.deadline <= nowMs) {
                unlink(n);
                nodes.remove(n.key);
                due.add(n);
            }
            n = next;
        }
    }

    private void link(Node<K> node, int slot) {
        node.slot = slot;
        node.prev = null;
        node.next = heads[slot];
        if (node.next != null) {
            node.next.prev = node;
        }
        heads[slot] = node;
    }

    private void unlink(Node<K> node) {
        if (node.prev != null) {
            node.prev.next = node.next;
        } else {
            heads[node.slot] = node.next;
        }
        if (node.next != null) {
            node.next.prev = node.prev;
        }
        node.prev = null;
        node.next = null;
    }
}
