package io.github.camelgb28181.manscdp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Response}/{@code DeviceInfo}: what the device is. */
public final class DeviceInfoResponse extends Envelope {

    @JsonProperty("DeviceName")
    private String deviceName;
    @JsonProperty("Manufacturer")
    private String manufacturer;
    @JsonProperty("Model")
    private String model;
    @JsonProperty("Firmware")
    private String firmware;
    @JsonProperty("Channel")
    private String channel;

    private DeviceInfoResponse() {
    }

    @Override
    protected String defaultRoot() {
        return "Response";
    }

    public String getDeviceName() {
        return deviceName;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public String getModel() {
        return model;
    }

    public String getFirmware() {
        return firmware;
    }

    /** The number of video channels, or null when absent or invalid. */
    public Integer getChannel() {
        return Values.toInteger(channel);
    }
}
