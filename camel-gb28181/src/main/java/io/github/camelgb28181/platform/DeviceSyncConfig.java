package io.github.camelgb28181.platform;

/**
 * What the platform does on its own to keep its picture of a device current.
 *
 * @param deviceInfo              query DeviceInfo when a device comes online
 * @param configDownload          query ConfigDownload BasicParam when a device comes online, to learn its keep-alive
 *                                interval and count (GB/T 28181-2016 A.2.4.7); devices that do not answer are fine
 * @param catalog                 query the Catalog when a device comes online and store the channels
 * @param catalogOnChange         query the catalog again when a channel's status changes (catalog NOTIFY status
 *                                events, alarms, keep-alives that list faulty channels)
 * @param catalogRefreshMs        query every online device's catalog again at this interval; 0 for never
 * @param changeDebounceMs        a status-triggered catalog query waits this long so that a burst of changes gives one
 *                                query
 * @param responseTimeoutMs       how long to wait for DeviceInfo / ConfigDownload answers
 * @param catalogFirstTimeoutMs   how long to wait for the first catalog message (large NVRs and lower platforms need
 *                                up to ~2 minutes)
 * @param gapTimeoutMs            how long to wait between the messages of a multi-message answer
 */
public record DeviceSyncConfig(boolean deviceInfo, boolean configDownload, boolean catalog, boolean catalogOnChange,
                               long catalogRefreshMs, long changeDebounceMs, long responseTimeoutMs,
                               long catalogFirstTimeoutMs, long gapTimeoutMs) {

    /** Everything on, no periodic refresh, the GB-friendly timeouts. */
    public static final DeviceSyncConfig DEFAULTS = new DeviceSyncConfig(true, true, true, true, 0, 5000, 10_000,
            120_000, 10_000);
}
