package io.github.camelgb28181.manscdp.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <Control>} requests (GB/T 28181-2016 A.2.3, 2022 additions). All but device configuration have CmdType
 * {@code DeviceControl}; configuration, including the 2022 snapshot configuration, has CmdType {@code DeviceConfig}.
 * Which of them the device answers with a {@code <Response>} is documented at {@link ManscdpCommand#expectsResponse()}.
 */
public final class Controls {

    private Controls() {
    }

    private static final String DEVICE_CONFIG = "DeviceConfig";

    // ---------------------------------------------------------------- PTZ

    /**
     * PTZ/FI/preset/cruise/scan/aux instruction (A.2.3.1.2) with {@code <Info><ControlPriority>}; 5 unless given.
     * Not answered.
     */
    public record Ptz(PtzCmd ptzCmd, int controlPriority) implements DeviceControlCommand {

        public static final int DEFAULT_PRIORITY = 5;

        public Ptz {
            if (ptzCmd == null) {
                throw new IllegalArgumentException("PTZCmd is null");
            }
            if (controlPriority < 1) {
                throw new IllegalArgumentException("ControlPriority must be 1 or more, got " + controlPriority);
            }
        }

        public Ptz(PtzCmd ptzCmd) {
            this(ptzCmd, DEFAULT_PRIORITY);
        }

        @Override
        public String commandName() {
            return "PTZ";
        }

        @Override
        public boolean expectsResponse() {
            return false;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("PTZCmd", ptzCmd.toHex()).start("Info").element("ControlPriority", controlPriority).end();
        }
    }

    // ---------------------------------------------------------------- simple controls

    /** Remote reboot (A.2.3.1.3, {@code <TeleBoot>Boot</TeleBoot>}). Not answered: the device restarts. */
    public record TeleBoot() implements DeviceControlCommand {

        @Override
        public String commandName() {
            return "TeleBoot";
        }

        @Override
        public boolean expectsResponse() {
            return false;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("TeleBoot", "Boot");
        }
    }

    /** {@code <RecordCmd>} values. */
    public enum RecordAction {
        RECORD("Record"), STOP_RECORD("StopRecord");

        private final String value;

        RecordAction(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static RecordAction of(String s) {
            return pick(RecordAction.class, s, RecordAction::value);
        }
    }

    /**
     * Start or stop manual recording (A.2.3.1.4); the 2022 text adds an optional {@code <StreamNumber>} (0 main
     * stream, 1 sub stream …). Answered.
     */
    public record RecordCmd(RecordAction action, Integer streamNumber) implements DeviceControlCommand {

        public RecordCmd {
            if (action == null) {
                throw new IllegalArgumentException("RecordCmd needs Record or StopRecord");
            }
            if (streamNumber != null && streamNumber < 0) {
                throw new IllegalArgumentException("StreamNumber must not be negative, got " + streamNumber);
            }
        }

        public RecordCmd(RecordAction action) {
            this(action, null);
        }

        @Override
        public String commandName() {
            return "RecordCmd";
        }

        @Override
        public boolean expectsResponse() {
            return true;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("RecordCmd", action.value()).element("StreamNumber", streamNumber);
        }
    }

    /** {@code <GuardCmd>} values. */
    public enum GuardAction {
        SET_GUARD("SetGuard"), RESET_GUARD("ResetGuard");

        private final String value;

        GuardAction(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static GuardAction of(String s) {
            return pick(GuardAction.class, s, GuardAction::value);
        }
    }

    /** Arm (SetGuard) or disarm (ResetGuard) alarm inputs (A.2.3.1.5). Answered. */
    public record GuardCmd(GuardAction action) implements DeviceControlCommand {

        public GuardCmd {
            if (action == null) {
                throw new IllegalArgumentException("GuardCmd needs SetGuard or ResetGuard");
            }
        }

        @Override
        public String commandName() {
            return "GuardCmd";
        }

        @Override
        public boolean expectsResponse() {
            return true;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("GuardCmd", action.value());
        }
    }

    /**
     * Alarm reset (A.2.3.1.6, {@code <AlarmCmd>ResetAlarm</AlarmCmd>}), optionally for one alarm method and type in
     * {@code <Info>}. Answered.
     */
    public record AlarmCmd(String alarmMethod, String alarmType) implements DeviceControlCommand {

        /** Resets every alarm. */
        public AlarmCmd() {
            this(null, null);
        }

        @Override
        public String commandName() {
            return "AlarmCmd";
        }

        @Override
        public boolean expectsResponse() {
            return true;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("AlarmCmd", "ResetAlarm");
            if (alarmMethod != null || alarmType != null) {
                out.start("Info").element("AlarmMethod", alarmMethod).element("AlarmType", alarmType).end();
            }
        }
    }

    /**
     * Force an I-frame (A.2.3.1.7, value {@code Send}). The 2016 standard's schema and example spell the element
     * {@code IFameCmd}, and devices and platforms implement that spelling, so it is the default;
     * {@code IFrameCmd} can be chosen for devices that want the corrected name. Not answered.
     */
    public record IFrameCmd(boolean correctedSpelling) implements DeviceControlCommand {

        public static final String STANDARD_ELEMENT = "IFameCmd";
        public static final String CORRECTED_ELEMENT = "IFrameCmd";

        public IFrameCmd() {
            this(false);
        }

        public String element() {
            return correctedSpelling ? CORRECTED_ELEMENT : STANDARD_ELEMENT;
        }

        @Override
        public String commandName() {
            return "IFrameCmd";
        }

        @Override
        public boolean expectsResponse() {
            return false;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element(element(), "Send");
        }
    }

    // ---------------------------------------------------------------- drag zoom, target area

    /**
     * A rectangle on the picture (A.2.3.1.8): the size in pixels of the playing window ({@code Length} ×
     * {@code Width}), the rectangle's centre ({@code MidPointX}, {@code MidPointY}) and its size ({@code LengthX} ×
     * {@code LengthY}), all in window pixels, 0 or more.
     */
    public record Area(int length, int width, int midPointX, int midPointY, int lengthX, int lengthY) {

        public Area {
            nonNegative("Length", length);
            nonNegative("Width", width);
            nonNegative("MidPointX", midPointX);
            nonNegative("MidPointY", midPointY);
            nonNegative("LengthX", lengthX);
            nonNegative("LengthY", lengthY);
        }

        void write(ManscdpXmlWriter out) {
            out.element("Length", length).element("Width", width).element("MidPointX", midPointX)
                    .element("MidPointY", midPointY).element("LengthX", lengthX).element("LengthY", lengthY);
        }
    }

    /** Drag zoom in ({@code <DragZoomIn>}) or out ({@code <DragZoomOut>}) to a rectangle (A.2.3.1.8/9). Not answered. */
    public record DragZoom(boolean zoomIn, Area area) implements DeviceControlCommand {

        public DragZoom {
            if (area == null) {
                throw new IllegalArgumentException("drag zoom needs an area");
            }
        }

        public static DragZoom in(Area area) {
            return new DragZoom(true, area);
        }

        public static DragZoom out(Area area) {
            return new DragZoom(false, area);
        }

        @Override
        public String commandName() {
            return zoomIn ? "DragZoomIn" : "DragZoomOut";
        }

        @Override
        public boolean expectsResponse() {
            return false;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.start(commandName());
            area.write(out);
            out.end();
        }
    }

    // ---------------------------------------------------------------- home position

    /**
     * Home position (看守位, A.2.3.1.10): when enabled, the camera returns to preset {@code presetIndex} (0–255) after
     * {@code resetTime} seconds without control. Both are required when enabling and optional when disabling.
     * Answered.
     */
    public record HomePosition(boolean enabled, Integer resetTime, Integer presetIndex) implements DeviceControlCommand {

        public HomePosition {
            if (enabled && (resetTime == null || presetIndex == null)) {
                throw new IllegalArgumentException("enabling the home position needs ResetTime and PresetIndex");
            }
            if (resetTime != null && resetTime < 0) {
                throw new IllegalArgumentException("ResetTime must not be negative, got " + resetTime);
            }
            if (presetIndex != null && (presetIndex < 0 || presetIndex > 255)) {
                throw new IllegalArgumentException("PresetIndex must be 0–255, got " + presetIndex);
            }
        }

        public static HomePosition enable(int resetTimeSeconds, int presetIndex) {
            return new HomePosition(true, resetTimeSeconds, presetIndex);
        }

        public static HomePosition disable() {
            return new HomePosition(false, null, null);
        }

        @Override
        public String commandName() {
            return "HomePosition";
        }

        @Override
        public boolean expectsResponse() {
            return true;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.start("HomePosition").element("Enabled", enabled ? 1 : 0).element("ResetTime", resetTime)
                    .element("PresetIndex", presetIndex).end();
        }
    }

    // ---------------------------------------------------------------- device configuration

    /**
     * Device configuration (A.2.3.2, CmdType {@code DeviceConfig}): one section such as {@code BasicParam},
     * {@code VideoParamAttribute} or {@code OSDConfig} with the child elements given, in the order given. Only the
     * fields given are sent, so the device keeps the others. Answered.
     */
    public record DeviceConfig(String section, Map<String, String> fields) implements ControlCommand {

        public DeviceConfig {
            if (!ManscdpXmlWriter.isXmlName(section)) {
                throw new IllegalArgumentException("not a configuration section name: '" + section + "'");
            }
            if (fields == null || fields.isEmpty()) {
                throw new IllegalArgumentException("DeviceConfig " + section + " needs at least one field");
            }
            Map<String, String> copy = new LinkedHashMap<>();
            fields.forEach((k, v) -> {
                if (!ManscdpXmlWriter.isXmlName(k)) {
                    throw new IllegalArgumentException("not an element name: '" + k + "'");
                }
                if (v == null) {
                    throw new IllegalArgumentException("DeviceConfig field " + k + " is null");
                }
                copy.put(k, v);
            });
            fields = Collections.unmodifiableMap(copy);
        }

        /**
         * {@code BasicParam}: device name, registration expiry (s), keep-alive interval (s) and count, and position
         * capability, longitude, latitude; every one optional (null), at least one required.
         */
        public static DeviceConfig basicParam(String name, Integer expiration, Integer heartBeatInterval,
                                              Integer heartBeatCount, Integer positionCapability, Double longitude,
                                              Double latitude) {
            Map<String, String> f = new LinkedHashMap<>();
            if (name != null) {
                f.put("Name", name);
            }
            putPositive(f, "Expiration", expiration);
            putPositive(f, "HeartBeatInterval", heartBeatInterval);
            putPositive(f, "HeartBeatCount", heartBeatCount);
            if (positionCapability != null) {
                if (positionCapability < 0) {
                    throw new IllegalArgumentException("PositionCapability must not be negative");
                }
                f.put("PositionCapability", positionCapability.toString());
            }
            if (longitude != null) {
                checkDegrees("Longitude", longitude, 180);
                f.put("Longitude", plain(longitude));
            }
            if (latitude != null) {
                checkDegrees("Latitude", latitude, 90);
                f.put("Latitude", plain(latitude));
            }
            if (f.isEmpty()) {
                throw new IllegalArgumentException("BasicParam needs at least one field");
            }
            return new DeviceConfig("BasicParam", f);
        }

        private static void putPositive(Map<String, String> f, String name, Integer v) {
            if (v != null) {
                if (v < 1) {
                    throw new IllegalArgumentException(name + " must be 1 or more, got " + v);
                }
                f.put(name, v.toString());
            }
        }

        private static void checkDegrees(String what, double v, double max) {
            if (!Double.isFinite(v) || v < -max || v > max) {
                throw new IllegalArgumentException(what + " must be between -" + (int) max + " and " + (int) max
                        + ", got " + v);
            }
        }

        @Override
        public String commandName() {
            return "DeviceConfig";
        }

        @Override
        public String cmdType() {
            return DEVICE_CONFIG;
        }

        @Override
        public boolean expectsResponse() {
            return true;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.start(section);
            fields.forEach(out::element);
            out.end();
        }
    }

    /**
     * 2022 snapshot configuration (图像抓拍配置, a DeviceConfig section): take {@code snapNum} pictures (1–10)
     * {@code interval} seconds apart (1 or more) and upload them to {@code uploadUrl}; the device reports
     * {@code UploadSnapShotFinished} with {@code sessionId}, which the platform chooses (1–128 characters; the 2022
     * text asks for 32 or more). Answered (device configuration).
     */
    public record SnapShotConfig(int snapNum, int interval, String uploadUrl, String sessionId)
            implements ControlCommand {

        public SnapShotConfig {
            if (snapNum < 1 || snapNum > 10) {
                throw new IllegalArgumentException("SnapNum must be 1–10, got " + snapNum);
            }
            if (interval < 1) {
                throw new IllegalArgumentException("snapshot Interval must be at least 1 second, got " + interval);
            }
            requireText("UploadURL", uploadUrl);
            requireText("SessionID", sessionId);
            if (sessionId.length() > 128) {
                throw new IllegalArgumentException("SessionID must be at most 128 characters, got "
                        + sessionId.length());
            }
        }

        @Override
        public String commandName() {
            return "SnapShotConfig";
        }

        @Override
        public String cmdType() {
            return DEVICE_CONFIG;
        }

        @Override
        public boolean expectsResponse() {
            return true;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.start("SnapShotConfig").element("SnapNum", snapNum).element("Interval", interval)
                    .element("UploadURL", uploadUrl).element("SessionID", sessionId).end();
        }
    }

    // ---------------------------------------------------------------- 2022 controls

    /**
     * 2022 PTZ precise control: go to an absolute pan (0–360°), tilt (-90–90°; cameras typically allow -30–90) and
     * zoom ratio (0 or more). Not answered; read the result with the PTZPosition query.
     */
    public record PtzPreciseCtrl(double pan, double tilt, double zoom) implements DeviceControlCommand {

        public PtzPreciseCtrl {
            if (!Double.isFinite(pan) || pan < 0 || pan > 360) {
                throw new IllegalArgumentException("Pan must be 0–360 degrees, got " + pan);
            }
            if (!Double.isFinite(tilt) || tilt < -90 || tilt > 90) {
                throw new IllegalArgumentException("Tilt must be -90–90 degrees, got " + tilt);
            }
            if (!Double.isFinite(zoom) || zoom < 0) {
                throw new IllegalArgumentException("Zoom must be a ratio of 0 or more, got " + zoom);
            }
        }

        @Override
        public String commandName() {
            return "PTZPreciseCtrl";
        }

        @Override
        public boolean expectsResponse() {
            return false;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.start("PTZPreciseCtrl").element("Pan", pan).element("Tilt", tilt).element("Zoom", zoom).end();
        }
    }

    /** 2022: format storage card number {@code index} (as numbered in the SDCardStatus response). Not answered. */
    public record FormatSDCard(int index) implements DeviceControlCommand {

        public FormatSDCard {
            if (index < 0) {
                throw new IllegalArgumentException("SD card index must not be negative, got " + index);
            }
        }

        @Override
        public String commandName() {
            return "FormatSDCard";
        }

        @Override
        public boolean expectsResponse() {
            return false;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("FormatSDCard", index);
        }
    }

    /** {@code <TargetTrack>} values. */
    public enum TrackMode {
        AUTO("Auto"), MANUAL("Manual"), STOP("Stop");

        private final String value;

        TrackMode(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static TrackMode of(String s) {
            return pick(TrackMode.class, s, TrackMode::value);
        }
    }

    /**
     * 2022 target tracking: Auto, Manual (a {@code TargetArea} to follow is required) or Stop; {@code deviceId2}
     * optionally names the detail camera of a master/slave pair. Not answered.
     */
    public record TargetTrack(TrackMode mode, String deviceId2, Area targetArea) implements DeviceControlCommand {

        public TargetTrack {
            if (mode == null) {
                throw new IllegalArgumentException("TargetTrack needs Auto, Manual or Stop");
            }
            if (mode == TrackMode.MANUAL && targetArea == null) {
                throw new IllegalArgumentException("manual TargetTrack needs a TargetArea");
            }
            if (deviceId2 != null && deviceId2.isBlank()) {
                deviceId2 = null;
            }
        }

        @Override
        public String commandName() {
            return "TargetTrack";
        }

        @Override
        public boolean expectsResponse() {
            return false;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.element("TargetTrack", mode.value()).element("DeviceID2", deviceId2);
            if (targetArea != null) {
                out.start("TargetArea");
                targetArea.write(out);
                out.end();
            }
        }
    }

    /**
     * 2022 software upgrade: firmware version, where to download it, the manufacturer and a platform-chosen session
     * ID echoed in the device's upgrade result. Answered.
     */
    public record DeviceUpgrade(String firmware, String fileUrl, String manufacturer, String sessionId)
            implements DeviceControlCommand {

        public DeviceUpgrade {
            requireText("Firmware", firmware);
            requireText("FileURL", fileUrl);
            requireText("Manufacturer", manufacturer);
            requireText("SessionID", sessionId);
        }

        @Override
        public String commandName() {
            return "DeviceUpgrade";
        }

        @Override
        public boolean expectsResponse() {
            return true;
        }

        @Override
        public void writeFields(ManscdpXmlWriter out) {
            out.start("DeviceUpgrade").element("Firmware", firmware).element("FileURL", fileUrl)
                    .element("Manufacturer", manufacturer).element("SessionID", sessionId).end();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void requireText(String what, String v) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static void nonNegative(String what, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + v);
        }
    }

    private static String plain(double v) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** Enum by constant name or by wire value, case and separators ignored. */
    static <E extends Enum<E>> E pick(Class<E> type, String s, java.util.function.Function<E, String> wire) {
        if (s != null) {
            String n = PtzCmd.normalise(s);
            for (E e : type.getEnumConstants()) {
                if (PtzCmd.normalise(e.name()).equals(n) || PtzCmd.normalise(wire.apply(e)).equals(n)) {
                    return e;
                }
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(wire.apply(e));
        }
        throw new IllegalArgumentException("expected one of " + allowed + ", got '" + s + "'");
    }
}
