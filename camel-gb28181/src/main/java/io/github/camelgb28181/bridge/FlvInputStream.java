package io.github.camelgb28181.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP-FLV viewer as an {@link InputStream}, for HTTP servers that stream a response body from one (Camel's
 * platform-http, servlets): the bytes a {@link FlvStream} delivers, header and current GOP first, then live.
 *
 * <p>Reading blocks until bytes arrive; end of stream when the bridge ends. A reader that stops reading (a
 * vanished browser whose connection the server has not noticed) fills the small buffer, the next write waits
 * {@code stallTimeout} and then fails, which ends this viewer's subscription — so a dead viewer never holds an
 * executor thread for longer than that. Closing the stream unsubscribes at once.
 */
public final class FlvInputStream extends InputStream implements FlvSink {

    private static final byte[] END = new byte[0];
    private static final long END_CHECK_MILLIS = 200;

    private final BlockingQueue<byte[]> chunks;
    private final long stallTimeoutNanos;
    private volatile FlvSubscription subscription;
    private volatile boolean closed;
    private volatile boolean sinkEnded;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /**
     * Subscribes a new viewer to {@code stream}.
     *
     * @param bufferedChunks how many chunks (tags or tag runs) may wait for the reader
     * @param stallTimeout   how long a write waits for a reader that does not read before the viewer is dropped
     */
    public static FlvInputStream subscribe(FlvStream stream, int bufferedChunks, Duration stallTimeout) {
        FlvInputStream in = new FlvInputStream(bufferedChunks, stallTimeout);
        in.subscription = stream.subscribe(in);
        return in;
    }

    private FlvInputStream(int bufferedChunks, Duration stallTimeout) {
        if (bufferedChunks < 1) {
            throw new IllegalArgumentException("at least one chunk must fit");
        }
        this.chunks = new ArrayBlockingQueue<>(bufferedChunks + 1); // + the end marker
        this.stallTimeoutNanos = stallTimeout.toNanos();
    }

    @Override
    public void write(byte[] chunk) throws IOException {
        if (closed) {
            throw new IOException("the viewer closed its stream");
        }
        try {
            if (!chunks.offer(chunk, stallTimeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new IOException("the viewer read nothing for " + Duration.ofNanos(stallTimeoutNanos));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void end() {
        // never blocks the executor: with a full buffer the marker does not fit, and the reader finds the flag
        // once it has drained what was delivered
        sinkEnded = true;
        chunks.offer(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    /** Makes {@code current} hold unread bytes; false at the end. */
    private boolean fill() throws IOException {
        while (position == current.length) {
            if (ended || closed) {
                return false;
            }
            try {
                byte[] next = chunks.poll(END_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (sinkEnded && chunks.isEmpty()) {
                        ended = true;
                        return false;
                    }
                    continue;
                }
                if (next == END) {
                    ended = true;
                    return false;
                }
                current = next;
                position = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for video", e);
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            FlvSubscription s = subscription;
            if (s != null) {
                s.close();
            }
            chunks.clear();
            chunks.offer(END); // wakes a waiting reader
        }
    }
}
