package io.github.camelgb28181.device;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a device. {@code device} is the snapshot right after the event (for UNREGISTERED and
 * OFFLINE, the last known state).
 */
public record DeviceEvent(Type type, String deviceId, Device device, OfflineReason offlineReason, String detail,
                          Instant time) {

    public enum Type {
        /** A new registration (first REGISTER, or a REGISTER with a new Call-ID). */
        REGISTERED,
        /** A refresh of the current registration (same Call-ID). */
        REFRESHED,
        /** Expires 0 received and accepted. */
        UNREGISTERED,
        /** The device became online. */
        ONLINE,
        /** The device became offline; see {@link DeviceEvent#offlineReason()}. */
        OFFLINE,
        /** A keep-alive was received and recorded. */
        KEEPALIVE,
        /** The REGISTER was answered with 302 to another server; {@code detail} is the target. */
        REDIRECTED,
        /** The REGISTER was refused; {@code detail} says why. */
        REJECTED
    }

    public DeviceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(time, "time");
    }

    public static DeviceEvent of(Type type, Device device, Instant time) {
        return new DeviceEvent(type, device.deviceId(), device, device.offlineReason(), null, time);
    }
}
