package io.github.camelgb28181.manscdp.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Notify}/{@code Keepalive}: the device is alive; {@code Info} may list faulty channels. */
public final class KeepaliveNotify extends Envelope {

    @JsonProperty("Status")
    private String status;
    @JsonProperty("Info")
    private KeepaliveInfo info;

    private KeepaliveNotify() {
    }

    @Override
    protected String defaultRoot() {
        return "Notify";
    }

    /** {@code OK} or {@code ERROR}. */
    public String getStatus() {
        return status;
    }

    public boolean isStatusOk() {
        return "OK".equalsIgnoreCase(status);
    }

    /** The {@code Info} element, or null. */
    public KeepaliveInfo getInfo() {
        return info;
    }

    /** The IDs of the faulty channels listed in {@code Info} (never null). */
    public List<String> getFaultyChannels() {
        return info == null ? List.of() : info.getDeviceIds();
    }
}
