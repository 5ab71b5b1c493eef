package io.github.camelgb28181.device;

/** Why a device went offline. */
public enum OfflineReason {
    /** Its registration expired without a refresh. */
    EXPIRED,
    /** It missed the configured number of keep-alives (GB/T 28181-2016 §9.6: default 3 × 60 s). */
    KEEPALIVE_TIMEOUT,
    /** It unregistered (REGISTER with Expires 0). */
    UNREGISTERED,
    /** The platform removed it (API call or shutdown). */
    REMOVED
}
