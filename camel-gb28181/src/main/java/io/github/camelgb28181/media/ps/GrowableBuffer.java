package io.github.camelgb28181.media.ps;

import java.util.Arrays;

/** A reusable byte buffer that grows by doubling up to a cap, so a stream settles at its largest frame's size. */
final class GrowableBuffer {

    private static final int INITIAL = 4096;

    private final int cap;
    private byte[] bytes = new byte[0];
    private int length;

    GrowableBuffer(int cap) {
        this.cap = cap;
    }

    /** Appends, or returns {@code false} and appends nothing when the cap would be passed. */
    boolean append(byte[] data, int offset, int count) {
        long needed = (long) length + count;
        if (needed > cap) {
            return false;
        }
        if (needed > bytes.length) {
            int size = (int) Math.min(cap, Math.max(needed, Math.max(INITIAL, (long) bytes.length * 2)));
            bytes = Arrays.copyOf(bytes, size);
        }
        System.arraycopy(data, offset, bytes, length, count);
        length += count;
        return true;
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    byte[] copy() {
        return Arrays.copyOf(bytes, length);
    }

    void clear() {
        length = 0;
    }
}
