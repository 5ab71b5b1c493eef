package io.github.camelgb28181.manscdp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code AlarmTypeParam} of an alarm's {@code Info}. */
public final class AlarmTypeParam extends Extensible {

    @JsonProperty("EventType")
    private String eventType;

    private AlarmTypeParam() {
    }

    /** For device-fault alarms and intrusion: 1 entering, 2 leaving (null when absent or invalid). */
    public Integer getEventType() {
        return Values.toInteger(eventType);
    }
}
