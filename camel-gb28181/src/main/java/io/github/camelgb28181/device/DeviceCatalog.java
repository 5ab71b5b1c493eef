package io.github.camelgb28181.device;

import java.util.List;

/**
 * A device's catalog as one answer delivered it, after its parts were aggregated.
 *
 * @param deviceId the device
 * @param sumNum   the total the device announced ({@code SumNum}), or -1 when it announced none
 * @param channels the entries in the order they arrived
 * @param complete whether every announced entry arrived (false: the gap or first-message timer fired first)
 */
public record DeviceCatalog(String deviceId, int sumNum, List<DeviceChannel> channels, boolean complete) {

    public DeviceCatalog {
        channels = List.copyOf(channels);
    }
}
