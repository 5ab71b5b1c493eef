package io.github.camelgb28181.manscdp.model;

import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Response}/{@code DeviceStatus}: online state, recording, encoding, clock and alarm duty states. */
public final class DeviceStatusResponse extends Envelope {

    @JsonProperty("Online")
    private String online;
    @JsonProperty("Status")
    private String status;
    @JsonProperty("Reason")
    private String reason;
    @JsonProperty("Encode")
    private String encode;
    @JsonProperty("Record")
    private String record;
    @JsonProperty("DeviceTime")
    private String deviceTime;
    @JsonProperty("Alarmstatus")
    private ItemList<AlarmStatusItem> alarmStatus;

    private DeviceStatusResponse() {
    }

    @Override
    protected String defaultRoot() {
        return "Response";
    }

    /** {@code ONLINE} or {@code OFFLINE}. */
    public String getOnline() {
        return online;
    }

    public boolean isOnline() {
        return "ONLINE".equalsIgnoreCase(online) || "ON".equalsIgnoreCase(online);
    }

    /** {@code OK} or {@code ERROR} (the device's working state). */
    public String getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    /** {@code ON} or {@code OFF}. */
    public String getEncode() {
        return encode;
    }

    /** {@code ON} or {@code OFF}. */
    public String getRecord() {
        return record;
    }

    public String getDeviceTime() {
        return deviceTime;
    }

    public LocalDateTime getDeviceDateTime() {
        return Values.toDateTime(deviceTime);
    }

    /** The {@code Alarmstatus} list (never null). */
    public ItemList<AlarmStatusItem> getAlarmStatusList() {
        return ItemList.orEmpty(alarmStatus);
    }

    public List<AlarmStatusItem> getAlarmStatus() {
        return getAlarmStatusList().getItems();
    }
}
