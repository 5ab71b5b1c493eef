package io.github.camelgb28181.platform;

/** A command for a device that is unknown or not online. */
public final class DeviceOfflineException extends Exception {

    private final String deviceId;

    public DeviceOfflineException(String deviceId, String message) {
        super(message);
        this.deviceId = deviceId;
    }

    public String deviceId() {
        return deviceId;
    }
}
