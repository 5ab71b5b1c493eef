package io.github.camelgb28181.manscdp.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;

/** The {@code Info} of a keep-alive: the IDs of faulty channels. */
public final class KeepaliveInfo extends Extensible {

    @JacksonXmlElementWrapper(useWrapping = false)
    @JsonProperty("DeviceID")
    private List<String> deviceIds;

    private KeepaliveInfo() {
    }

    /** The faulty channels' IDs (never null). */
    public List<String> getDeviceIds() {
        return Values.list(deviceIds);
    }
}
