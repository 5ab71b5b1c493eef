package io.github.camelgb28181.device;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Catalogs in memory: one insertion-ordered map per device, guarded by that map's own lock. */
public final class InMemoryChannelRegistry implements ChannelRegistry {

    private final Map<String, Map<String, DeviceChannel>> byDevice = new ConcurrentHashMap<>();

    private Map<String, DeviceChannel> of(String deviceId) {
        return byDevice.computeIfAbsent(deviceId, id -> new LinkedHashMap<>());
    }

    @Override
    public void replace(String deviceId, Collection<DeviceChannel> channels) {
        Map<String, DeviceChannel> fresh = new LinkedHashMap<>();
        for (DeviceChannel c : channels) {
            fresh.put(c.channelId(), c);
        }
        byDevice.put(deviceId, fresh);
    }

    @Override
    public void put(DeviceChannel channel) {
        Map<String, DeviceChannel> m = of(channel.deviceId());
        synchronized (m) {
            m.put(channel.channelId(), channel);
        }
    }

    @Override
    public DeviceChannel remove(String deviceId, String channelId) {
        Map<String, DeviceChannel> m = byDevice.get(deviceId);
        if (m == null) {
            return null;
        }
        synchronized (m) {
            return m.remove(channelId);
        }
    }

    @Override
    public DeviceChannel get(String deviceId, String channelId) {
        Map<String, DeviceChannel> m = byDevice.get(deviceId);
        if (m == null) {
            return null;
        }
        synchronized (m) {
            return m.get(channelId);
        }
    }

    @Override
    public List<DeviceChannel> channels(String deviceId) {
        Map<String, DeviceChannel> m = byDevice.get(deviceId);
        if (m == null) {
            return List.of();
        }
        synchronized (m) {
            return List.copyOf(m.values());
        }
    }

    @Override
    public void removeDevice(String deviceId) {
        byDevice.remove(deviceId);
    }
}
