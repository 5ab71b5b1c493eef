package io.github.camelgb28181.device;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/** The default registry: a concurrent map in this JVM. */
public final class InMemoryDeviceRegistry implements DeviceRegistry {

    private final ConcurrentHashMap<String, Device> devices = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, Device>> watchers = new CopyOnWriteArrayList<>();

    @Override
    public Device get(String deviceId) {
        return devices.get(deviceId);
    }

    @Override
    public Device update(String deviceId, UnaryOperator<Device> change) {
        return devices.compute(deviceId, (id, current) -> {
            Device next = change.apply(current);
            if (next != current) {
                notifyWatchers(id, next);
            }
            return next;
        });
    }

    @Override
    public Device remove(String deviceId) {
        Device[] removed = new Device[1];
        devices.computeIfPresent(deviceId, (id, current) -> {
            removed[0] = current;
            notifyWatchers(id, null);
            return null;
        });
        return removed[0];
    }

    @Override
    public boolean watch(BiConsumer<String, Device> watcher) {
        watchers.add(watcher);
        return true;
    }

    private void notifyWatchers(String deviceId, Device value) {
        for (BiConsumer<String, Device> w : watchers) {
            w.accept(deviceId, value);
        }
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
