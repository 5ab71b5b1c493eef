package io.github.camelgb28181.manscdp;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-device charset overrides, by device ID or ID prefix (the longest prefix wins): for devices whose bodies cannot
 * be decoded by their declaration (UTF-8 bytes declared GB2312 that happen to look like GBK, say) and which expect
 * their own charset in what the platform sends. Devices without an override are decoded by detection and sent
 * {@code GB2312} (SPEC §4), encoded as GB18030 so GBK-only characters survive.
 *
 * <p>Written as {@code 34020000001320000001=UTF-8,3402000000132=GBK}.
 */
public final class DeviceCharsets {

    public static final DeviceCharsets NONE = new DeviceCharsets(Map.of());

    private final Map<String, Charset> byPrefix;

    private DeviceCharsets(Map<String, Charset> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
    }

    /**
     * Reads {@code prefix=charset} pairs separated by commas; null or blank gives {@link #NONE}.
     *
     * @throws IllegalArgumentException for a malformed pair or an unknown charset
     */
    public static DeviceCharsets parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, Charset> map = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("device charset '" + pair.trim()
                        + "' is not deviceIdOrPrefix=charset");
            }
            String prefix = pair.substring(0, eq).trim();
            String name = pair.substring(eq + 1).trim();
            try {
                map.put(prefix, Charset.forName(name));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new IllegalArgumentException("unknown charset '" + name + "' for device " + prefix, e);
            }
        }
        return new DeviceCharsets(map);
    }

    /** The override for a device, or null when it has none. */
    public Charset overrideFor(String deviceId) {
        if (byPrefix.isEmpty() || deviceId == null) {
            return null;
        }
        Charset best = null;
        int bestLength = -1;
        for (Map.Entry<String, Charset> e : byPrefix.entrySet()) {
            if (deviceId.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return best;
    }

    /** The charset name to declare in bodies sent to a device. */
    public String declaredFor(String deviceId) {
        Charset c = overrideFor(deviceId);
        return c == null ? "GB2312" : c.name();
    }

    /** The charset to encode bodies sent to a device with; GB2312 declarations are written as GB18030 bytes. */
    public Charset encodingFor(String deviceId) {
        Charset c = overrideFor(deviceId);
        if (c == null || c.name().toUpperCase(Locale.ROOT).startsWith("GB")) {
            return ManscdpCharsets.GB18030;
        }
        return c;
    }
}
