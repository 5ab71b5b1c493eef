package io.github.camelgb28181.manscdp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What every MANSCDP message carries: the root ({@code Query}, {@code Control}, {@code Response}, {@code Notify}),
 * {@code CmdType}, {@code SN}, {@code DeviceID}, the {@code Result} of responses, and the unknown elements
 * ({@link #getExtra()}). The subclasses add the typed body of one message kind; {@link Envelopes#typeFor} says which
 * class a root and command are read into.
 */
public abstract class Envelope extends Extensible {

    private transient String root;

    @JsonProperty("CmdType")
    private String cmdType;
    @JsonProperty("SN")
    private String sn;
    @JsonProperty("DeviceID")
    private String deviceId;
    @JsonProperty("Result")
    private String result;

    protected Envelope() {
    }

    /** The root element's name as the device wrote it; for typed classes read by other means, their usual root. */
    public String getRoot() {
        return root != null ? root : defaultRoot();
    }

    /** The root this kind of message has; null when it varies. */
    protected String defaultRoot() {
        return null;
    }

    final void root(String name) {
        this.root = name;
    }

    public String getCmdType() {
        return cmdType;
    }

    /** The sequence number as written (correlates a response with its query). */
    public String getSn() {
        return sn;
    }

    /** The sequence number as a number, or null when absent or not a number. */
    public Long getSnNumber() {
        return Values.toLong(sn);
    }

    public String getDeviceId() {
        return deviceId;
    }

    /** {@code OK} or {@code ERROR} in responses; null when absent. */
    public String getResult() {
        return result;
    }

    /** Whether a {@code Result} is present and says {@code OK} (any case). */
    public boolean isResultOk() {
        return "OK".equalsIgnoreCase(result);
    }

    /** Whether this is the given root and command (both compared ignoring case). */
    public boolean is(String rootName, String command) {
        return rootName.equalsIgnoreCase(getRoot()) && command.equalsIgnoreCase(cmdType);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[root=" + getRoot() + ", cmdType=" + cmdType + ", sn=" + sn
                + ", deviceId=" + deviceId + (result != null ? ", result=" + result : "") + "]";
    }
}
