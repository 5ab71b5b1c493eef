package io.github.camelgb28181.device;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Per-device settings keyed by device ID or ID prefix, the longest prefix winning: GB/T 28181 IDs start with the
 * administrative region and the device type (D.1), so a prefix names "all cameras of this site" or "all NVRs of this
 * vendor's range" in one entry. Written as {@code 34020000001320000001=value,3402000000132=other}.
 *
 * @param <V> the setting's type
 */
public final class DevicePrefixMap<V> {

    private static final DevicePrefixMap<?> EMPTY = new DevicePrefixMap<>(Map.of());

    private final Map<String, V> byPrefix;

    private DevicePrefixMap(Map<String, V> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
    }

    @SuppressWarnings("unchecked")
    public static <V> DevicePrefixMap<V> empty() {
        return (DevicePrefixMap<V>) EMPTY;
    }

    /**
     * Reads {@code prefix=value} pairs separated by commas; null or blank gives an empty map.
     *
     * @param what  what the values are, for error messages ("charset", "transport")
     * @param value reads one value; throws IllegalArgumentException for one it does not know
     * @throws IllegalArgumentException for a malformed pair or an unknown value
     */
    public static <V> DevicePrefixMap<V> parse(String spec, String what, Function<String, V> value) {
        if (spec == null || spec.isBlank()) {
            return empty();
        }
        Map<String, V> map = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("device " + what + " '" + pair.trim()
                        + "' is not deviceIdOrPrefix=" + what);
            }
            String prefix = pair.substring(0, eq).trim();
            String text = pair.substring(eq + 1).trim();
            try {
                map.put(prefix, value.apply(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown " + what + " '" + text + "' for device " + prefix, e);
            }
        }
        return new DevicePrefixMap<>(map);
    }

    /** The value of the longest prefix of {@code deviceId}, or null when none matches. */
    public V lookup(String deviceId) {
        if (byPrefix.isEmpty() || deviceId == null) {
            return null;
        }
        V best = null;
        int bestLength = -1;
        for (Map.Entry<String, V> e : byPrefix.entrySet()) {
            if (deviceId.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return best;
    }

    public boolean isEmpty() {
        return byPrefix.isEmpty();
    }
}
