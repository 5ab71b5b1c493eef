package io.github.camelgb28181.manscdp.model;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Notify}/{@code Alarm}: an alarm raised by a device or channel. */
public final class AlarmNotify extends Envelope {

    @JsonProperty("AlarmPriority")
    private String alarmPriority;
    @JsonProperty("AlarmMethod")
    private String alarmMethod;
    @JsonProperty("AlarmTime")
    private String alarmTime;
    @JsonProperty("AlarmDescription")
    private String alarmDescription;
    @JsonProperty("Longitude")
    private String longitude;
    @JsonProperty("Latitude")
    private String latitude;
    @JsonProperty("Info")
    private AlarmInfo info;

    private AlarmNotify() {
    }

    @Override
    protected String defaultRoot() {
        return "Notify";
    }

    /** 1 first-level (most urgent) to 4 fourth-level, or null. */
    public Integer getAlarmPriority() {
        return Values.toInteger(alarmPriority);
    }

    /**
     * The alarm method as written: 1 telephone, 2 device, 3 SMS, 4 GPS, 5 video, 6 device fault, 7 other (some
     * devices write several, for example {@code 2/5}).
     */
    public String getAlarmMethod() {
        return alarmMethod;
    }

    /** The alarm method as a number, or null when absent or not a single number. */
    public Integer getAlarmMethodNumber() {
        return Values.toInteger(alarmMethod);
    }

    public String getAlarmTime() {
        return alarmTime;
    }

    public LocalDateTime getAlarmDateTime() {
        return Values.toDateTime(alarmTime);
    }

    public String getAlarmDescription() {
        return alarmDescription;
    }

    public Double getLongitude() {
        return Values.toDouble(longitude);
    }

    public Double getLatitude() {
        return Values.toDouble(latitude);
    }

    /** The {@code Info} element, or null. */
    public AlarmInfo getInfo() {
        return info;
    }

    /** {@code Info/AlarmType}, or null. */
    public Integer getAlarmType() {
        return info == null ? null : info.getAlarmType();
    }

    /** {@code Info/AlarmTypeParam/EventType}, or null. */
    public Integer getEventType() {
        return info == null || info.getAlarmTypeParam() == null ? null : info.getAlarmTypeParam().getEventType();
    }
}
