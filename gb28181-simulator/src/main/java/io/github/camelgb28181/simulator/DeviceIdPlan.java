package io.github.camelgb28181.simulator;

import io.github.camelgb28181.util.Ascii;

/**
 * Makes the 20-digit GB28181 IDs (SPEC §4: 10-digit centre code, 3-digit type, 1-digit network flag, 6-digit serial)
 * of simulated devices and their channels, and finds the device a channel ID belongs to without a table.
 *
 * <p>Device {@code i} is {@code prefix} followed by serial {@code firstSerial + i}, zero-padded to 20 digits.
 * Channel {@code c} of device {@code i} is the device's 10-digit centre code, type {@code 131} (camera) and the
 * 7-digit number {@code i × channels + c + 1}: INVITEs name the channel in their Request-URI, and the number leads
 * straight back to the device.
 *
 * @param prefix      leading digits of every device ID (type code included), 1 to 19 digits
 * @param firstSerial serial of device 0
 */
public record DeviceIdPlan(String prefix, long firstSerial) {

    /** IDC 34020000 00, type 132 (IPC), network flag 0, serials from 1. */
    public static final DeviceIdPlan DEFAULT = new DeviceIdPlan("34020000001320", 1);

    /** Channel numbers available to all devices of one plan (7 digits). */
    public static final long CHANNEL_SERIALS = 9_999_999;

    private static final String CHANNEL_TYPE = "131";

    public DeviceIdPlan {
        if (prefix == null || prefix.isEmpty() || prefix.length() > 19 || !Ascii.isDigits(prefix)) {
            throw new IllegalArgumentException("device ID prefix must be 1 to 19 digits, got '" + prefix + "'");
        }
        if (firstSerial < 0 || firstSerial >= pow10(20 - prefix.length())) {
            throw new IllegalArgumentException("first serial " + firstSerial + " does not fit in "
                    + (20 - prefix.length()) + " digits");
        }
    }

    /** How many device IDs the plan can make. */
    public int capacity() {
        return (int) Math.min(Integer.MAX_VALUE, pow10(20 - prefix.length()) - firstSerial);
    }

    public String deviceId(int index) {
        return prefix + pad(firstSerial + index, 20 - prefix.length());
    }

    /** The index of a device ID of this plan, or -1. */
    public int deviceIndex(String id) {
        if (id == null || id.length() != 20 || !id.startsWith(prefix) || !Ascii.isDigits(id)) {
            return -1;
        }
        long index = Long.parseLong(id.substring(prefix.length())) - firstSerial;
        return index < 0 || index >= capacity() ? -1 : (int) index;
    }

    public String channelId(int deviceIndex, int channel, int channelsPerDevice) {
        return deviceId(deviceIndex).substring(0, 10) + CHANNEL_TYPE
               + pad((long) deviceIndex * channelsPerDevice + channel + 1, 7);
    }

    /** The index of the device a channel ID of this plan belongs to, or -1. */
    public int deviceIndexOfChannel(String id, int channelsPerDevice) {
        if (channelsPerDevice <= 0 || id == null || id.length() != 20 || !Ascii.isDigits(id)
            || !id.startsWith(CHANNEL_TYPE, 10)) {
            return -1;
        }
        long number = Long.parseLong(id.substring(13)) - 1;
        return number < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, number / channelsPerDevice);
    }

    private static String pad(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    private static long pow10(int n) {
        long v = 1;
        for (int i = 0; i < n && v < Long.MAX_VALUE / 10; i++) {
            v *= 10;
        }
        return v;
    }

}
