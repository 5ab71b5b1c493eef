package io.github.camelgb28181.bridge;

import java.util.ArrayList;
import java.util.List;

/**
 * The units since the last video key frame, so a late-joining output starts at once instead of waiting up to a
 * whole GOP. Bounded in bytes; a GOP that does not fit is not cached at all. Not thread-safe: the bridge guards it.
 */
final class GopCache {

    private final long maxBytes;
    private final List<StreamUnit> units = new ArrayList<>();
    private long bytes;
    private boolean active;

    GopCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void add(StreamUnit unit) {
        if (unit.isVideoKeyFrame()) {
            clear();
            active = true;
        }
        if (!active) {
            return;
        }
        units.add(unit);
        bytes += unit.unit().data().length;
        if (bytes > maxBytes) {
            clear();
        }
    }

    /** The cached GOP, key frame first; empty while there is none. */
    List<StreamUnit> units() {
        return List.copyOf(units);
    }

    /** The key frame that starts the cached GOP, {@code null} while there is none. */
    StreamUnit keyFrame() {
        return units.isEmpty() ? null : units.get(0);
    }

    void clear() {
        units.clear();
        bytes = 0;
        active = false;
    }
}
