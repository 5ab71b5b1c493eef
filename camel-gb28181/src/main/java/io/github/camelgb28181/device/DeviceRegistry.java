package io.github.camelgb28181.device;

import java.util.Collection;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Where devices are kept. The default is in memory; a cluster can back it with a shared store. Implementations must
 * be thread-safe and make {@link #update} atomic per device.
 */
public interface DeviceRegistry {

    Device get(String deviceId);

    /**
     * Atomically replaces the device with {@code change.apply(current)} ({@code current} null when unknown); a null
     * result removes it. Returns the new value.
     */
    Device update(String deviceId, UnaryOperator<Device> change);

    Device remove(String deviceId);

    Collection<Device> all();

    int size();

    /**
     * Asks to be told of every change: {@code watcher} receives the device ID and its new value (null when removed)
     * inside the atomic update, so that the changes of one device arrive in the order they were made. Liveness uses
     * it to keep a deadline per device instead of scanning them all; the watcher is quick and never calls the
     * registry. Returns false when the store cannot report every change (one shared with other nodes): callers then
     * fall back to scanning {@link #all()}.
     */
    default boolean watch(BiConsumer<String, Device> watcher) {
        return false;
    }
}
