package io.github.camelgb28181.device;

import java.util.Collection;
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
}
