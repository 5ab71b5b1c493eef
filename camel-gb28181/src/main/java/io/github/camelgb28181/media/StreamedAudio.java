package io.github.camelgb28181.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

/**
 * Broadcast audio read from an {@link InputStream} while the broadcast runs, for live sources (a microphone, a
 * talk-back stream) and for long files that should not sit in memory whole. A reader task on the executor given to
 * {@link #start} copies the stream into a bounded buffer and waits while it is full, so a source faster than real time
 * (a file) holds at most {@code capacity} bytes; the sender takes whole packets only, and lets a packet time pass
 * when the source is behind. The audio ends when the stream does, when reading it fails ({@link #failure()}), or on
 * {@link #close()}, which also closes the stream to free a reader blocked in it.
 */
public final class StreamedAudio implements AudioSource {

    private static final int CHUNK = 4096;

    private final InputStream in;
    private final byte[] ring;
    private final Object lock = new Object();
    private int head;
    private int size;
    private boolean sourceEnded;
    private boolean closed;
    private volatile Throwable failure;

    /** @param capacity how many bytes may wait for the sender (8,000 a second of G.711) */
    public StreamedAudio(InputStream in, int capacity) {
        if (capacity < 320) {
            throw new IllegalArgumentException("capacity must hold at least one 40 ms packet (320 bytes)");
        }
        this.in = in;
        this.ring = new byte[capacity];
    }

    /** Starts the reader; it may block in the stream, so the executor must not be an event loop. */
    public void start(Executor reader) {
        reader.execute(this::readAll);
    }

    private void readAll() {
        byte[] chunk = new byte[Math.min(CHUNK, ring.length)];
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                if (!put(chunk, n)) {
                    return;
                }
            }
        } catch (IOException e) {
            if (!isClosed()) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (lock) {
                sourceEnded = true;
            }
        }
    }

    /** Appends {@code n} bytes, waiting while the buffer is full; false once closed. */
    private boolean put(byte[] chunk, int n) throws InterruptedException {
        int at = 0;
        synchronized (lock) {
            while (at < n) {
                while (size == ring.length && !closed) {
                    lock.wait();
                }
                if (closed) {
                    return false;
                }
                int tail = (head + size) % ring.length;
                int count = Math.min(n - at, Math.min(ring.length - size, ring.length - tail));
                System.arraycopy(chunk, at, ring, tail, count);
                size += count;
                at += count;
            }
            return true;
        }
    }

    @Override
    public int take(byte[] into, int max) {
        synchronized (lock) {
            if (closed || (size == 0 && sourceEnded)) {
                return END;
            }
            if (size == 0) {
                return 0;
            }
            if (size < max && !sourceEnded) {
                return 0; // only whole packets while more may come: a short one would break the pacing
            }
            int n = Math.min(max, size);
            int first = Math.min(n, ring.length - head);
            System.arraycopy(ring, head, into, 0, first);
            System.arraycopy(ring, 0, into, first, n - first);
            head = (head + n) % ring.length;
            size -= n;
            lock.notifyAll();
            return n;
        }
    }

    @Override
    public boolean ended() {
        synchronized (lock) {
            return closed || (size == 0 && sourceEnded);
        }
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        try {
            in.close();
        } catch (IOException e) {
            // the broadcast is over either way; a stream that fails to close has nothing more to give
        }
    }
}
