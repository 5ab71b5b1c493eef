package io.github.camelgb28181.device;

/**
 * One change of a device's catalog from a catalog NOTIFY (GB/T 28181-2016 A.2.5): {@code ADD}, {@code DEL},
 * {@code UPDATE}, or a status event {@code ON}, {@code OFF}, {@code VLOST} (video lost), {@code DEFECT} (fault).
 *
 * @param deviceId the device that notified
 * @param event    the event as written, upper-cased
 * @param channel  the entry after the change (for DEL, the entry as it was, or as the notification described it)
 */
public record CatalogChange(String deviceId, String event, DeviceChannel channel) {

    /** Whether the event is about the entry's status rather than its existence or description. */
    public boolean isStatusChange() {
        return switch (event) {
            case "ON", "OFF", "VLOST", "DEFECT" -> true;
            default -> false;
        };
    }
}
