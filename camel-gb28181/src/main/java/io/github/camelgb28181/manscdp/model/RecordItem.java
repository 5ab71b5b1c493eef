package io.github.camelgb28181.manscdp.model;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One recording of a {@code RecordInfo} response. */
public final class RecordItem extends Extensible {

    @JsonProperty("DeviceID")
    private String deviceId;
    @JsonProperty("Name")
    private String name;
    @JsonProperty("FilePath")
    private String filePath;
    @JsonProperty("Address")
    private String address;
    @JsonProperty("StartTime")
    private String startTime;
    @JsonProperty("EndTime")
    private String endTime;
    @JsonProperty("Secrecy")
    private String secrecy;
    @JsonProperty("Type")
    private String type;
    @JsonProperty("RecorderID")
    private String recorderId;
    @JsonProperty("FileSize")
    private String fileSize;

    private RecordItem() {
    }

    public String getDeviceId() {
        return deviceId;
    }

    public String getName() {
        return name;
    }

    public String getFilePath() {
        return filePath;
    }

    public String getAddress() {
        return address;
    }

    public String getStartTime() {
        return startTime;
    }

    public LocalDateTime getStartDateTime() {
        return Values.toDateTime(startTime);
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

    /** {@code time}, {@code alarm}, {@code manual} or {@code all}. */
    public String getType() {
        return type;
    }

    public String getRecorderId() {
        return recorderId;
    }

    /** The file size in bytes, or null when absent or invalid. */
    public Long getFileSize() {
        return Values.toLong(fileSize);
    }

    @Override
    public String toString() {
        return "RecordItem[deviceId=" + deviceId + ", startTime=" + startTime + ", endTime=" + endTime + ", type="
                + type + "]";
    }
}
