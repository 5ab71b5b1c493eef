package io.github.camelgb28181.device;

import java.time.Instant;

/**
 * What a device says about itself in its DeviceInfo response (GB/T 28181-2016 A.2.6.5) plus what its catalog
 * showed: kept with the device so that listings need no round trip.
 *
 * @param name         the device name, or null until known
 * @param manufacturer the manufacturer, or null
 * @param model        the model, or null
 * @param firmware     the firmware version, or null
 * @param channelCount the number of channels the device reported (DeviceInfo {@code Channel}), or -1
 * @param catalogAt    when the catalog was last stored, or null
 */
public record DeviceDetails(String name, String manufacturer, String model, String firmware, int channelCount,
                            Instant catalogAt) {

    /** Nothing known yet. */
    public static final DeviceDetails UNKNOWN = new DeviceDetails(null, null, null, null, -1, null);

    public DeviceDetails withCatalogAt(Instant at) {
        return new DeviceDetails(name, manufacturer, model, firmware, channelCount, at);
    }
}
