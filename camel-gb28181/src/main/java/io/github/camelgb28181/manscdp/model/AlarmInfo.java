package io.github.camelgb28181.manscdp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code Info} of an alarm notify: the alarm type and its parameter. */
public final class AlarmInfo extends Extensible {

    @JsonProperty("AlarmType")
    private String alarmType;
    @JsonProperty("AlarmTypeParam")
    private AlarmTypeParam alarmTypeParam;

    private AlarmInfo() {
    }

    /**
     * The type within the alarm method, for example for video alarms (method 5): 2 motion detection, 5 intrusion,
     * 6 tripwire, 8 loitering (null when absent or invalid).
     */
    public Integer getAlarmType() {
        return Values.toInteger(alarmType);
    }

    /** The {@code AlarmTypeParam}, or null. */
    public AlarmTypeParam getAlarmTypeParam() {
        return alarmTypeParam;
    }
}
