package io.github.camelgb28181.manscdp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One {@code Item} of a DeviceStatus {@code Alarmstatus} list. */
public final class AlarmStatusItem extends Extensible {

    @JsonProperty("DeviceID")
    private String deviceId;
    @JsonProperty("DutyStatus")
    private String dutyStatus;

    private AlarmStatusItem() {
    }

    public String getDeviceId() {
        return deviceId;
    }

    /** {@code ONDUTY}, {@code OFFDUTY} or {@code ALARM}. */
    public String getDutyStatus() {
        return dutyStatus;
    }

    @Override
    public String toString() {
        return "AlarmStatusItem[deviceId=" + deviceId + ", dutyStatus=" + dutyStatus + "]";
    }
}
