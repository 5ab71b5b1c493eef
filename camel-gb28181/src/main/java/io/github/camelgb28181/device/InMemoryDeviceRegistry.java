package io.github.camelgb28181.device;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The default registry: a concurrent map in this JVM. */
public final class InMemoryDeviceRegistry implements DeviceRegistry {

    private final ConcurrentHashMap<String, Device> devices = new ConcurrentHashMap<>();

    @Override
    public Device get(String deviceId) {
        return devices.get(deviceId);
    }

    @Override
    public Device update(String deviceId, UnaryOperator<Device> change) {
        return devices.compute(deviceId, (id, current) -> change.apply(current));
    }

    @Override
    public Device remove(String deviceId) {
        return devices.remove(deviceId);
    }

    @Override
    public Collection<Device> all() {
        return List.copyOf(devices.values());
    }

    @Override
    public int size() {
        return devices.size();
    }
}
