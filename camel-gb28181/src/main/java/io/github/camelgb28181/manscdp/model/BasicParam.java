package io.github.camelgb28181.manscdp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code BasicParam} of a {@code ConfigDownload} response: the device's SIP registration settings. */
public final class BasicParam extends Extensible {

    @JsonProperty("Name")
    private String name;
    @JsonProperty("DeviceID")
    private String deviceId;
    @JsonProperty("SIPServerID")
    private String sipServerId;
    @JsonProperty("SIPServerIP")
    private String sipServerIp;
    @JsonProperty("SIPServerPort")
    private String sipServerPort;
    @JsonProperty("DomainName")
    private String domainName;
    @JsonProperty("Expiration")
    private String expiration;
    @JsonProperty("Password")
    private String password;
    @JsonProperty("HeartBeatInterval")
    private String heartBeatInterval;
    @JsonProperty("HeartBeatCount")
    private String heartBeatCount;

    private BasicParam() {
    }

    public String getName() {
        return name;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public String getSipServerId() {
        return sipServerId;
    }

    public String getSipServerIp() {
        return sipServerIp;
    }

    public Integer getSipServerPort() {
        return Values.toInteger(sipServerPort);
    }

    public String getDomainName() {
        return domainName;
    }

    /** Registration expiry in seconds. */
    public Integer getExpiration() {
        return Values.toInteger(expiration);
    }

    public String getPassword() {
        return password;
    }

    /** Keep-alive interval in seconds. */
    public Integer getHeartBeatInterval() {
        return Values.toInteger(heartBeatInterval);
    }

    /** Missed keep-alives before the device counts as offline. */
    public Integer getHeartBeatCount() {
        return Values.toInteger(heartBeatCount);
    }

    @Override
    public String toString() {
        return "BasicParam[deviceId=" + deviceId + ", sipServerId=" + sipServerId + ", expiration=" + expiration
                + ", heartBeatInterval=" + heartBeatInterval + ", heartBeatCount=" + heartBeatCount + "]";
    }
}
