package io.github.camelgb28181.manscdp.model;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Notify}/{@code MobilePosition}: the position of a mobile device. */
public final class MobilePositionNotify extends Envelope {

    @JsonProperty("Time")
    private String time;
    @JsonProperty("Longitude")
    private String longitude;
    @JsonProperty("Latitude")
    private String latitude;
    @JsonProperty("Speed")
    private String speed;
    @JsonProperty("Direction")
    private String direction;
    @JsonProperty("Altitude")
    private String altitude;

    private MobilePositionNotify() {
    }

    @Override
    protected String defaultRoot() {
        return "Notify";
    }

    public String getTime() {
        return time;
    }

    public LocalDateTime getDateTime() {
        return Values.toDateTime(time);
    }

    public Double getLongitude() {
        return Values.toDouble(longitude);
    }

    public Double getLatitude() {
        return Values.toDouble(latitude);
    }

    /** Speed in km/h, or null. */
    public Double getSpeed() {
        return Values.toDouble(speed);
    }

    /** Direction in degrees clockwise from north, or null. */
    public Double getDirection() {
        return Values.toDouble(direction);
    }

    /** Altitude in metres, or null. */
    public Double getAltitude() {
        return Values.toDouble(altitude);
    }
}
