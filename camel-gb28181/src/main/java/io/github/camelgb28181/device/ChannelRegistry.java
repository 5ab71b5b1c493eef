package io.github.camelgb28181.device;

import java.util.Collection;
import java.util.List;

/**
 * Where the catalogs of devices are kept, per device. The default is in memory; a cluster can back it with a shared
 * store. Implementations must be thread-safe.
 */
public interface ChannelRegistry {

    /** Replaces the whole catalog of a device (after a complete catalog query). */
    void replace(String deviceId, Collection<DeviceChannel> channels);

    /** Adds or replaces one entry (catalog NOTIFY ADD/UPDATE/ON/OFF…, or a partial catalog). */
    void put(DeviceChannel channel);

    /** Removes one entry (catalog NOTIFY DEL); returns it, or null when unknown. */
    DeviceChannel remove(String deviceId, String channelId);

    DeviceChannel get(String deviceId, String channelId);

    /** The entries of a device in the order the device listed them; empty when none are known. */
    List<DeviceChannel> channels(String deviceId);

    /** Forgets a device's catalog. */
    void removeDevice(String deviceId);
}
