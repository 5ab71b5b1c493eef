package io.github.camelgb28181.manscdp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code Info} of a catalog item: camera properties (GB/T 28181-2016 Annex A.2.4, 2022 additions in extra). */
public final class CatalogItemInfo extends Extensible {

    @JsonProperty("PTZType")
    private String ptzType;
    @JsonProperty("PositionType")
    private String positionType;
    @JsonProperty("RoomType")
    private String roomType;
    @JsonProperty("UseType")
    private String useType;
    @JsonProperty("SupplyLightType")
    private String supplyLightType;
    @JsonProperty("DirectionType")
    private String directionType;
    @JsonProperty("Resolution")
    private String resolution;
    @JsonProperty("BusinessGroupID")
    private String businessGroupId;
    @JsonProperty("DownloadSpeed")
    private String downloadSpeed;
    @JsonProperty("SVCSpaceSupportMode")
    private String svcSpaceSupportMode;
    @JsonProperty("SVCTimeSupportMode")
    private String svcTimeSupportMode;

    private CatalogItemInfo() {
    }

    /** 1 dome, 2 half-dome, 3 fixed box, 4 remote-controlled box (null when absent or invalid). */
    public Integer getPtzType() {
        return Values.toInteger(ptzType);
    }

    public Integer getPositionType() {
        return Values.toInteger(positionType);
    }

    public Integer getRoomType() {
        return Values.toInteger(roomType);
    }

    public Integer getUseType() {
        return Values.toInteger(useType);
    }

    public Integer getSupplyLightType() {
        return Values.toInteger(supplyLightType);
    }

    public Integer getDirectionType() {
        return Values.toInteger(directionType);
    }

    /** Supported resolutions as written, for example {@code 6/4/3}. */
    public String getResolution() {
        return resolution;
    }

    public String getBusinessGroupId() {
        return businessGroupId;
    }

    /** Supported download speeds as written, for example {@code 1/2/4/8}. */
    public String getDownloadSpeed() {
        return downloadSpeed;
    }

    public Integer getSvcSpaceSupportMode() {
        return Values.toInteger(svcSpaceSupportMode);
    }

    public Integer getSvcTimeSupportMode() {
        return Values.toInteger(svcTimeSupportMode);
    }

    @Override
    public String toString() {
        return "CatalogItemInfo[ptzType=" + ptzType + ", resolution=" + resolution + "]";
    }
}
