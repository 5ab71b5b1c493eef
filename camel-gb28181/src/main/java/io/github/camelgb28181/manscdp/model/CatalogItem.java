package io.github.camelgb28181.manscdp.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One {@code Item} of a catalog: a channel (camera), device, civil-code region, business group or virtual
 * organisation ({@link #getKind()}). In a catalog NOTIFY the item also carries an {@link #getEvent() Event}.
 */
public final class CatalogItem extends Extensible {

    @JsonProperty("DeviceID")
    private String deviceId;
    @JsonProperty("Event")
    private String event;
    @JsonProperty("Name")
    private String name;
    @JsonProperty("Manufacturer")
    private String manufacturer;
    @JsonProperty("Model")
    private String model;
    @JsonProperty("Owner")
    private String owner;
    @JsonProperty("CivilCode")
    private String civilCode;
    @JsonProperty("Block")
    private String block;
    @JsonProperty("Address")
    private String address;
    @JsonProperty("Parental")
    private String parental;
    @JsonProperty("ParentID")
    private String parentId;
    @JsonProperty("SafetyWay")
    private String safetyWay;
    @JsonProperty("RegisterWay")
    private String registerWay;
    @JsonProperty("CertNum")
    private String certNum;
    @JsonProperty("Certifiable")
    private String certifiable;
    @JsonProperty("ErrCode")
    private String errCode;
    @JsonProperty("EndTime")
    private String endTime;
    @JsonProperty("Secrecy")
    private String secrecy;
    @JsonProperty("IPAddress")
    private String ipAddress;
    @JsonProperty("Port")
    private String port;
    @JsonProperty("Password")
    private String password;
    @JsonProperty("Status")
    private String status;
    @JsonProperty("Longitude")
    private String longitude;
    @JsonProperty("Latitude")
    private String latitude;
    @JsonProperty("BusinessGroupID")
    private String businessGroupId;
    @JsonProperty("Info")
    private CatalogItemInfo info;

    private CatalogItem() {
    }

    public String getDeviceId() {
        return deviceId;
    }

    /** What the item kind is, derived from {@link #getDeviceId()}. */
    public CatalogItemKind getKind() {
        return CatalogItemKind.of(deviceId);
    }

    /** Catalog NOTIFY only: {@code ON}, {@code OFF}, {@code VLOST}, {@code DEFECT}, {@code ADD}, {@code DEL}, {@code UPDATE}. */
    public String getEvent() {
        return event;
    }

    public String getName() {
        return name;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public String getModel() {
        return model;
    }

    public String getOwner() {
        return owner;
    }

    public String getCivilCode() {
        return civilCode;
    }

    public String getBlock() {
        return block;
    }

    public String getAddress() {
        return address;
    }

    /** 1 when the item has children, 0 when not; null when absent or invalid. */
    public Integer getParental() {
        return Values.toInteger(parental);
    }

    /** The parent ID(s) as written; some platforms give a path {@code a/b/c}. */
    public String getParentId() {
        return parentId;
    }

    /** The parent IDs split on {@code /} (empty when absent). */
    public List<String> getParentIds() {
        if (parentId == null || parentId.isBlank()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String p : parentId.split("/")) {
            if (!p.isBlank()) {
                ids.add(p.trim());
            }
        }
        return List.copyOf(ids);
    }

    public Integer getSafetyWay() {
        return Values.toInteger(safetyWay);
    }

    public Integer getRegisterWay() {
        return Values.toInteger(registerWay);
    }

    public String getCertNum() {
        return certNum;
    }

    public Integer getCertifiable() {
        return Values.toInteger(certifiable);
    }

    public Integer getErrCode() {
        return Values.toInteger(errCode);
    }

    public String getEndTime() {
        return endTime;
    }

    public LocalDateTime getEndDateTime() {
        return Values.toDateTime(endTime);
    }

    public Integer getSecrecy() {
        return Values.toInteger(secrecy);
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public Integer getPort() {
        return Values.toInteger(port);
    }

    public String getPassword() {
        return password;
    }

    /** {@code ON}/{@code OFF} (some devices: {@code ONLINE}/{@code OFFLINE}, {@code OK}). */
    public String getStatus() {
        return status;
    }

    /** Whether {@link #getStatus()} says the item is online. */
    public boolean isOnline() {
        return "ON".equalsIgnoreCase(status) || "ONLINE".equalsIgnoreCase(status) || "OK".equalsIgnoreCase(status);
    }

    public Double getLongitude() {
        return Values.toDouble(longitude);
    }

    public Double getLatitude() {
        return Values.toDouble(latitude);
    }

    /** The business group of a virtual organisation; falls back to the one in {@code Info}. */
    public String getBusinessGroupId() {
        return businessGroupId != null || info == null ? businessGroupId : info.getBusinessGroupId();
    }

    /** The {@code Info} element, or null. */
    public CatalogItemInfo getInfo() {
        return info;
    }

    @Override
    public String toString() {
        return "CatalogItem[deviceId=" + deviceId + ", name=" + name + ", kind=" + getKind()
                + (event != null ? ", event=" + event : "") + ", status=" + status + "]";
    }
}
