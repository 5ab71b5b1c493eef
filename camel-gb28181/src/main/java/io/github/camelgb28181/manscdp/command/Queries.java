package io.github.camelgb28181.manscdp.command;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code <Query>} requests (GB/T 28181-2016 A.2.4, 2022 A.2.4 additions). Every query is answered by a
 * {@code <Response>} with the same CmdType and SN; Catalog, RecordInfo and the list queries may be answered by many
 * MESSAGEs.
 */
public final class Queries {

    /** Time format of MANSCDP time fields (A.2.1 dateTime, local time without zone). */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private Queries() {
    }

    /** A query with nothing after DeviceID. */
    public static Basic deviceInfo() {
        return new Basic("DeviceInfo");
    }

    public static Basic deviceStatus() {
        return new Basic("DeviceStatus");
    }

    public static Basic catalog() {
        return new Basic("Catalog");
    }

    public static Basic presetQuery() {
        return new Basic("PresetQuery");
    }

    /** 2022 A.2.4.11: the home position of a PTZ camera. */
    public static Basic homePositionQuery() {
        return new Basic("HomePositionQuery");
    }

    /** 2022: the list of cruise tracks. */
    public static Basic cruiseTrackListQuery() {
        return new Basic("CruiseTrackListQuery");
    }

    /** 2022 A.2.4.13: the current pan, tilt and zoom. */
    public static Basic ptzPosition() {
        return new Basic("PTZPosition");
    }

    /** 2022: SD card state. */
    public static Basic sdCardStatus() {
        return new Basic("SDCardStatus");
    }

    /**
     * A query whose body is the envelope only: DeviceInfo, DeviceStatus, Catalog, PresetQuery and the 2022
     * HomePositionQuery, CruiseTrackListQuery, PTZPosition, SDCardStatus. Any other CmdType is accepted too, for
     * vendor queries of the same shape; the command name is the CmdType.
     */
    public record Basic(String cmdType) implements QueryCommand {

        public Basic {
            if (!ManscdpXmlWriter.isXmlName(cmdType)) {
                throw new IllegalArgumentException("not a CmdType: '" + cmdType + "'");
            }
        }

        @Override
        public String commandName() {
            return cmdType;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            // envelope only
        }
    }

    /** RecordInfo {@code <Type>}. */
    public enum RecordType {
        TIME, ALARM, MANUAL, ALL;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static RecordType of(String s) {
            for (RecordType t : values()) {
                if (t.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("record type must be time, alarm, manual or all, got '" + s + "'");
        }
    }

    /**
     * Record file search (A.2.4.5): StartTime, EndTime, optional FilePath and Address, Secrecy, Type, optional
     * RecorderID, IndistinctQuery (2016). Times are local device time, written to the second.
     */
    public record RecordInfo(LocalDateTime startTime, LocalDateTime endTime, String filePath, String address,
                             int secrecy, RecordType type, String recorderId, int indistinctQuery)
            implements QueryCommand {

        public RecordInfo {
            if (startTime == null || endTime == null) {
                throw new IllegalArgumentException("RecordInfo needs a start and an end time");
            }
            startTime = startTime.truncatedTo(ChronoUnit.SECONDS);
            endTime = endTime.truncatedTo(ChronoUnit.SECONDS);
            if (endTime.isBefore(startTime)) {
                throw new IllegalArgumentException("RecordInfo end time " + endTime + " is before start time "
                        + startTime);
            }
            zeroOrOne("Secrecy", secrecy);
            zeroOrOne("IndistinctQuery", indistinctQuery);
            if (type == null) {
                type = RecordType.ALL;
            }
        }

        /** All records between two times: Secrecy 0, Type all, IndistinctQuery 0. */
        public static RecordInfo between(LocalDateTime startTime, LocalDateTime endTime) {
            return new RecordInfo(startTime, endTime, null, null, 0, RecordType.ALL, null, 0);
        }

        public RecordInfo withType(RecordType t) {
            return new RecordInfo(startTime, endTime, filePath, address, secrecy, t, recorderId, indistinctQuery);
        }

        @Override
        public String commandName() {
            return "RecordInfo";
        }

        @Override
        public String cmdType() {
            return "RecordInfo";
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("StartTime", TIME.format(startTime))
                    .element("EndTime", TIME.format(endTime))
                    .element("FilePath", filePath)
                    .element("Address", address)
                    .element("Secrecy", secrecy)
                    .element("Type", type.value())
                    .element("RecorderID", recorderId)
                    .element("IndistinctQuery", indistinctQuery);
        }
    }

    /** ConfigType values of ConfigDownload (2016 A.2.4.6, 2022 additions). */
    public static final String BASIC_PARAM = "BasicParam";
    public static final String VIDEO_PARAM_OPT = "VideoParamOpt";
    public static final String SVAC_ENCODE_CONFIG = "SVACEncodeConfig";
    public static final String SVAC_DECODE_CONFIG = "SVACDecodeConfig";
    public static final String VIDEO_PARAM_ATTRIBUTE = "VideoParamAttribute";
    public static final String VIDEO_RECORD_PLAN = "VideoRecordPlan";
    public static final String VIDEO_ALARM_RECORD = "VideoAlarmRecord";
    public static final String PICTURE_MASK = "PictureMask";
    public static final String FRAME_MIRROR = "FrameMirror";
    public static final String ALARM_REPORT = "AlarmReport";
    public static final String OSD_CONFIG = "OSDConfig";
    public static final String SNAP_SHOT_CONFIG = "SnapShotConfig";

    private static final Pattern CONFIG_TYPE = Pattern.compile("[A-Za-z0-9]+");

    /**
     * Device configuration query (A.2.4.6). {@code configType} is one type or several joined by {@code /}, for
     * example {@code BasicParam/VideoParamOpt}; each part must be a plain word (vendor types are let through).
     */
    public record ConfigDownload(String configType) implements QueryCommand {

        public ConfigDownload {
            if (configType == null || configType.isBlank()) {
                throw new IllegalArgumentException("ConfigDownload needs a ConfigType");
            }
            List<String> parts = new ArrayList<>();
            for (String p : configType.split("/", -1)) {
                String t = p.trim();
                if (!CONFIG_TYPE.matcher(t).matches()) {
                    throw new IllegalArgumentException("bad ConfigType part '" + p + "' in '" + configType + "'");
                }
                parts.add(t);
            }
            configType = String.join("/", parts);
        }

        public static ConfigDownload of(String... types) {
            return new ConfigDownload(String.join("/", types));
        }

        @Override
        public String commandName() {
            return "ConfigDownload";
        }

        @Override
        public String cmdType() {
            return "ConfigDownload";
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("ConfigType", configType);
        }
    }

    /**
     * Alarm query (A.2.4.7, CmdType {@code Alarm}); every condition optional. Priorities are 0 (all) to 4; alarm
     * method and type are strings because they may combine values ({@code 1/2}).
     */
    public record AlarmQuery(Integer startAlarmPriority, Integer endAlarmPriority, String alarmMethod,
                             String alarmType, LocalDateTime startAlarmTime, LocalDateTime endAlarmTime)
            implements QueryCommand {

        public AlarmQuery {
            priority("StartAlarmPriority", startAlarmPriority);
            priority("EndAlarmPriority", endAlarmPriority);
            startAlarmTime = startAlarmTime == null ? null : startAlarmTime.truncatedTo(ChronoUnit.SECONDS);
            endAlarmTime = endAlarmTime == null ? null : endAlarmTime.truncatedTo(ChronoUnit.SECONDS);
            if (startAlarmTime != null && endAlarmTime != null && endAlarmTime.isBefore(startAlarmTime)) {
                throw new IllegalArgumentException("EndAlarmTime is before StartAlarmTime");
            }
        }

        /** No conditions: every alarm. */
        public static AlarmQuery all() {
            return new AlarmQuery(null, null, null, null, null, null);
        }

        private static void priority(String what, Integer p) {
            if (p != null && (p < 0 || p > 4)) {
                throw new IllegalArgumentException(what + " must be 0–4, got " + p);
            }
        }

        @Override
        public String commandName() {
            return "AlarmQuery";
        }

        @Override
        public String cmdType() {
            return "Alarm";
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("StartAlarmPriority", startAlarmPriority)
                    .element("EndAlarmPriority", endAlarmPriority)
                    .element("AlarmMethod", alarmMethod)
                    .element("AlarmType", alarmType)
                    .element("StartAlarmTime", startAlarmTime == null ? null : TIME.format(startAlarmTime))
                    .element("EndAlarmTime", endAlarmTime == null ? null : TIME.format(endAlarmTime));
        }
    }

    /** Mobile device position query (A.2.4.8, CmdType {@code MobilePosition}), optional report interval in seconds. */
    public record MobilePositionQuery(Integer interval) implements QueryCommand {

        public MobilePositionQuery {
            if (interval != null && interval < 1) {
                throw new IllegalArgumentException("MobilePosition Interval must be at least 1 second, got "
                        + interval);
            }
        }

        @Override
        public String commandName() {
            return "MobilePositionQuery";
        }

        @Override
        public String cmdType() {
            return "MobilePosition";
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("Interval", interval);
        }
    }

    /** 2022 A.2.4.12: the points of one cruise track, by its number (0 or more). */
    public record CruiseTrackQuery(int number) implements QueryCommand {

        public CruiseTrackQuery {
            if (number < 0) {
                throw new IllegalArgumentException("cruise track Number must not be negative, got " + number);
            }
        }

        @Override
        public String commandName() {
            return "CruiseTrackQuery";
        }

        @Override
        public String cmdType() {
            return "CruiseTrackQuery";
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("Number", number);
        }
    }

    static void zeroOrOne(String what, int v) {
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException(what + " must be 0 or 1, got " + v);
        }
    }
}
