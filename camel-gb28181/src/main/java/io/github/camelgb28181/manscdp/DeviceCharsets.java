package io.github.camelgb28181.manscdp;

import io.github.camelgb28181.device.DevicePrefixMap;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Per-device charset overrides, by device ID or ID prefix (the longest prefix wins): for devices whose bodies cannot
 * be decoded by their declaration (UTF-8 bytes declared GB2312 that happen to look like GBK, say) and which expect
 * their own charset in what the platform sends. Devices without an override are decoded by detection and sent
 * {@code GB2312} (SPEC §4), encoded as GB18030 so GBK-only characters survive.
 *
 * <p>Written as {@code 34020000001320000001=UTF-8,3402000000132=GBK}.
 */
public final class DeviceCharsets {

    public static final DeviceCharsets NONE = new DeviceCharsets(DevicePrefixMap.empty());

    private final DevicePrefixMap<Charset> byPrefix;

    private DeviceCharsets(DevicePrefixMap<Charset> byPrefix) {
        this.byPrefix = byPrefix;
    }

    /**
     * Reads {@code prefix=charset} pairs separated by commas; null or blank gives {@link #NONE}.
     *
     * @throws IllegalArgumentException for a malformed pair or an unknown charset
     */
    public static DeviceCharsets parse(String spec) {
        DevicePrefixMap<Charset> map = DevicePrefixMap.parse(spec, "charset", Charset::forName);
        return map.isEmpty() ? NONE : new DeviceCharsets(map);
    }

    /** The override for a device, or null when it has none. */
    public Charset overrideFor(String deviceId) {
        return byPrefix.lookup(deviceId);
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
