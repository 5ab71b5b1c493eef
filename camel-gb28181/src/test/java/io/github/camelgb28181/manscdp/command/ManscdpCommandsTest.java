package io.github.camelgb28181.manscdp.command;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static io.github.camelgb28181.manscdp.command.Xml.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Building commands from a stable name and simple values, as a Camel producer does. */
class ManscdpCommandsTest {

    private static final String CH = "34020000001320000001";

    private static PtzCmd ptz(Map<String, ?> params) {
        ManscdpCommand c = ManscdpCommands.create("PTZ", params);
        assertInstanceOf(Controls.Ptz.class, c);
        return ((Controls.Ptz) c).ptzCmd();
    }

    @Test
    void everyNameBuildsACommandReportingThatName() throws Exception {
        Map<String, Map<String, ?>> params = new HashMap<>();
        params.put("RecordInfo", Map.of("startTime", "2024-05-01T08:00:00", "endTime", "2024-05-01 09:00:00"));
        params.put("ConfigDownload", Map.of("configType", "BasicParam"));
        params.put("CruiseTrackQuery", Map.of("number", 1));
        params.put("PTZ", Map.of("action", "stop"));
        params.put("RecordCmd", Map.of("action", "Record"));
        params.put("GuardCmd", Map.of("action", "SetGuard"));
        Map<String, Object> area = Map.of("length", 10, "width", 10, "midPointX", 5, "midPointY", 5, "lengthX", 2,
                "lengthY", 2);
        params.put("DragZoomIn", area);
        params.put("DragZoomOut", area);
        params.put("HomePosition", Map.of("enabled", "0"));
        params.put("DeviceConfig", Map.of("heartBeatInterval", "30"));
        params.put("SnapShotConfig", Map.of("snapNum", 1, "interval", 1, "uploadUrl", "http://x", "sessionId", "s"));
        params.put("PTZPreciseCtrl", Map.of("pan", 1, "tilt", 2, "zoom", 3));
        params.put("FormatSDCard", Map.of("index", 1));
        params.put("TargetTrack", Map.of("action", "Auto"));
        params.put("DeviceUpgrade", Map.of("firmware", "f", "fileUrl", "u", "manufacturer", "m", "sessionId", "s"));
        assertEquals(28, ManscdpCommands.names().size());
        for (String name : ManscdpCommands.names()) {
            ManscdpCommand c = ManscdpCommands.create(name, params.getOrDefault(name, Map.of()));
            assertEquals(name, c.commandName());
            Element e = Xml.parse(c.toXml(1, CH));
            assertEquals(c.root().element(), e.getNodeName());
            assertEquals(c.cmdType(), text(e, "CmdType"));
            // names are case-insensitive
            assertEquals(c, ManscdpCommands.create(name.toUpperCase(), params.getOrDefault(name, Map.of())));
        }
    }

    @Test
    void unknownNamesAndParametersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManscdpCommands.create("Reboot"));
        assertTrue(e.getMessage().contains("TeleBoot"), "lists the known names: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ManscdpCommands.create(" "));
        e = assertThrows(IllegalArgumentException.class,
                () -> ManscdpCommands.create("PTZ", Map.of("action", "left", "sped", 5)));
        assertTrue(e.getMessage().contains("sped"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ManscdpCommands.create("Catalog", Map.of("x", 1)));
        assertTrue(e.getMessage().contains("takes none"), e.getMessage());
        Map<String, Object> twice = new LinkedHashMap<>();
        twice.put("action", "stop");
        twice.put("ACTION", "stop");
        assertThrows(IllegalArgumentException.class, () -> ManscdpCommands.create("PTZ", twice));
    }

    @Test
    void errorsNameTheCommandAndTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManscdpCommands.create("PTZ", Map.of("action", "left", "panSpeed", "fast")));
        assertTrue(e.getMessage().startsWith("PTZ: "), e.getMessage());
        assertTrue(e.getMessage().contains("panSpeed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ManscdpCommands.create("RecordInfo",
                Map.of("startTime", "yesterday", "endTime", "2024-05-01T09:00:00")));
        assertTrue(e.getMessage().contains("startTime"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ManscdpCommands.create("CruiseTrackQuery"));
        assertTrue(e.getMessage().contains("number is required"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ManscdpCommands.create("PTZ", Map.of("action", "presetcall", "preset", 300)));
        assertTrue(e.getMessage().contains("preset number"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ManscdpCommands.create("PTZ", Map.of("action", "moonwalk")));
        assertThrows(IllegalArgumentException.class,
                () -> ManscdpCommands.create("PTZ", Map.of("action", "stop", "ptzCmd", PtzCmd.STOP_HEX)));
        assertThrows(IllegalArgumentException.class,
                () -> ManscdpCommands.create("PTZ", Map.of("ptzCmd", "A50F0100000000B6")));
        assertThrows(IllegalArgumentException.class,
                () -> ManscdpCommands.create("PTZ", Map.of("action", "left", "speed", 3_000_000_000L)));
    }

    @Test
    void ptzActions() {
        assertEquals(PtzCmd.stop(), ptz(Map.of("action", "stop")));
        assertEquals(PtzCmd.stop(), ptz(Map.of("action", "cruise_stop")));
        assertEquals(PtzCmd.stop(), ptz(Map.of("action", "scanStop")));
        assertEquals(PtzCmd.move(PtzCmd.Direction.LEFT, 128), ptz(Map.of("action", "left")));
        assertEquals(PtzCmd.move(PtzCmd.Direction.UP_LEFT, 50), ptz(Map.of("action", "up-left", "speed", "50")));
        assertEquals(PtzCmd.move(PtzCmd.Direction.DOWN_RIGHT, 10, 20),
                ptz(Map.of("action", "DOWNRIGHT", "panSpeed", 10, "tiltSpeed", "20")));
        assertEquals(PtzCmd.ptz(PtzCmd.Pan.RIGHT, PtzCmd.Tilt.UP, PtzCmd.Zoom.IN, 30, 30, 8),
                ptz(Map.of("action", "upright", "speed", 30, "zoom", "in")));
        assertEquals(PtzCmd.zoom(PtzCmd.Zoom.IN, 8), ptz(Map.of("action", "zoomin")));
        assertEquals(PtzCmd.zoom(PtzCmd.Zoom.OUT, 3), ptz(Map.of("action", "zoom_out", "zoomSpeed", 3)));
        assertEquals(PtzCmd.iris(PtzCmd.Iris.OPEN, 128), ptz(Map.of("action", "irisOpen")));
        assertEquals(PtzCmd.iris(PtzCmd.Iris.CLOSE, 5), ptz(Map.of("action", "iris_close", "speed", 5)));
        assertEquals(PtzCmd.focus(PtzCmd.Focus.NEAR, 128), ptz(Map.of("action", "focusnear")));
        assertEquals(PtzCmd.focus(PtzCmd.Focus.FAR, 7), ptz(Map.of("action", "focusfar", "speed", 7)));
        assertEquals(PtzCmd.fi(PtzCmd.Iris.CLOSE, PtzCmd.Focus.FAR, 1, 2),
                ptz(Map.of("action", "fi", "iris", "close", "focus", "far", "focusSpeed", 1, "irisSpeed", 2)));
        assertEquals(PtzCmd.fiStop(), ptz(Map.of("action", "fistop")));
        assertEquals(PtzCmd.setPreset(3), ptz(Map.of("action", "presetset", "preset", 3)));
        assertEquals(PtzCmd.callPreset(3), ptz(Map.of("action", "gotoPreset", "preset", "3")));
        assertEquals(PtzCmd.deletePreset(3), ptz(Map.of("action", "preset_delete", "preset", 3)));
        assertEquals(PtzCmd.addCruisePoint(2, 5), ptz(Map.of("action", "cruiseadd", "group", 2, "preset", 5)));
        assertEquals(PtzCmd.deleteCruise(2), ptz(Map.of("action", "cruisedelete", "group", 2)));
        assertEquals(PtzCmd.deleteCruisePoint(2, 5), ptz(Map.of("action", "cruisedelete", "group", 2, "preset", 5)));
        assertEquals(PtzCmd.setCruiseSpeed(2, 256), ptz(Map.of("action", "cruisespeed", "group", 2, "speed", 256)));
        assertEquals(PtzCmd.setCruiseDwellTime(2, 5),
                ptz(Map.of("action", "cruisedwell", "group", 2, "dwellTime", 5)));
        assertEquals(PtzCmd.startCruise(4), ptz(Map.of("action", "cruisestart", "group", 4)));
        assertEquals(PtzCmd.startScan(0), ptz(Map.of("action", "scanstart")));
        assertEquals(PtzCmd.setScanLeftBound(1), ptz(Map.of("action", "scanleft", "group", 1)));
        assertEquals(PtzCmd.setScanRightBound(1), ptz(Map.of("action", "scanright", "group", 1)));
        assertEquals(PtzCmd.setScanSpeed(1, 100), ptz(Map.of("action", "scanspeed", "group", 1, "speed", 100)));
        assertEquals(PtzCmd.auxOn(1), ptz(Map.of("action", "auxon")));
        assertEquals(PtzCmd.auxOff(3), ptz(Map.of("action", "auxoff", "aux", 3)));
        assertEquals(PtzCmd.wiperOn(), ptz(Map.of("action", "wiperOn")));
        assertEquals(PtzCmd.wiperOff(), ptz(Map.of("action", "wiper_off")));
        assertEquals(PtzCmd.stop().withAddress(5), ptz(Map.of("action", "stop", "address", 5)));
        // a raw frame, as hex or as a PtzCmd
        assertEquals(PtzCmd.callPreset(255), ptz(Map.of("ptzCmd", "a50f018200ff0036")));
        assertEquals(PtzCmd.wiperOn(), ptz(Map.of("ptzCmd", PtzCmd.wiperOn())));
        // control priority
        Controls.Ptz c = (Controls.Ptz) ManscdpCommands.create("ptz", Map.of("action", "stop", "controlPriority", 2));
        assertEquals(2, c.controlPriority());
    }

    @Test
    void queriesFromValues() {
        Queries.RecordInfo r = (Queries.RecordInfo) ManscdpCommands.create("RecordInfo",
                Map.of("startTime", LocalDateTime.of(2024, 5, 1, 8, 0), "endTime", "2024-05-01T09:00:00.500",
                        "type", "time", "filePath", "p", "address", "a", "recorderId", "r", "secrecy", 0,
                        "indistinctQuery", "1"));
        assertEquals(new Queries.RecordInfo(LocalDateTime.of(2024, 5, 1, 8, 0), LocalDateTime.of(2024, 5, 1, 9, 0),
                "p", "a", 0, Queries.RecordType.TIME, "r", 1), r);
        assertEquals(new Queries.AlarmQuery(0, 4, "1/2", null, null, LocalDateTime.of(2024, 1, 2, 3, 4, 5)),
                ManscdpCommands.create("AlarmQuery", Map.of("startAlarmPriority", "0", "endAlarmPriority", 4,
                        "alarmMethod", "1/2", "endAlarmTime", "2024-01-02 03:04:05")));
        assertEquals(new Queries.MobilePositionQuery(5), ManscdpCommands.create("MobilePositionQuery",
                Map.of("interval", 5)));
        assertEquals(Queries.ConfigDownload.of("BasicParam", "VideoParamOpt"),
                ManscdpCommands.create("configdownload", Map.of("configType", "BasicParam/VideoParamOpt")));
        // blank values count as absent
        assertEquals(new Queries.MobilePositionQuery(null), ManscdpCommands.create("MobilePositionQuery",
                Map.of("interval", " ")));
    }

    @Test
    void controlsFromValues() {
        assertEquals(new Controls.RecordCmd(Controls.RecordAction.STOP_RECORD, 1),
                ManscdpCommands.create("RecordCmd", Map.of("action", "StopRecord", "streamNumber", "1")));
        assertEquals(new Controls.GuardCmd(Controls.GuardAction.RESET_GUARD),
                ManscdpCommands.create("GuardCmd", Map.of("action", "resetguard")));
        assertEquals(new Controls.AlarmCmd("2", "1"),
                ManscdpCommands.create("AlarmCmd", Map.of("alarmMethod", 2, "alarmType", 1)));
        assertEquals(new Controls.IFrameCmd(true),
                ManscdpCommands.create("IFrameCmd", Map.of("correctedSpelling", "true")));
        assertEquals(Controls.HomePosition.enable(30, 2), ManscdpCommands.create("HomePosition",
                Map.of("enabled", true, "resetTime", 30, "presetIndex", 2)));
        assertEquals(Controls.DeviceConfig.basicParam("门", 3600, 60, 3, null, null, 30.5),
                ManscdpCommands.create("DeviceConfig", Map.of("name", "门", "expiration", 3600,
                        "heartBeatInterval", "60", "heartBeatCount", 3, "latitude", "30.5")));
        Map<String, Object> osd = new LinkedHashMap<>();
        osd.put("section", "OSDConfig");
        osd.put("TimeEnable", 1);
        osd.put("TextEnable", "0");
        Controls.DeviceConfig dc = (Controls.DeviceConfig) ManscdpCommands.create("DeviceConfig", osd);
        assertEquals("OSDConfig", dc.section());
        assertEquals(List.of("TimeEnable", "TextEnable"), List.copyOf(dc.fields().keySet()));
        assertEquals(new Controls.PtzPreciseCtrl(10.5, -3, 2), ManscdpCommands.create("PTZPreciseCtrl",
                Map.of("pan", "10.5", "tilt", -3, "zoom", 2.0)));
        Map<String, Object> track = new HashMap<>(Map.of("action", "manual", "deviceId2", "34020000001320000002",
                "length", 10, "width", 10, "midPointX", 5, "midPointY", 5, "lengthX", 2, "lengthY", 2));
        assertEquals(new Controls.TargetTrack(Controls.TrackMode.MANUAL, "34020000001320000002",
                new Controls.Area(10, 10, 5, 5, 2, 2)), ManscdpCommands.create("TargetTrack", track));
        track.remove("lengthY");
        assertThrows(IllegalArgumentException.class, () -> ManscdpCommands.create("TargetTrack", track));
        assertEquals(new Controls.SnapShotConfig(3, 1, "http://u", "sid"), ManscdpCommands.create("SnapShotConfig",
                Map.of("snapNum", "3", "interval", 1, "uploadUrl", "http://u", "sessionId", "sid")));
        assertEquals(new Controls.DeviceUpgrade("f", "u", "m", "s"), ManscdpCommands.create("DeviceUpgrade",
                Map.of("firmware", "f", "fileUrl", "u", "manufacturer", "m", "sessionId", "s")));
        assertEquals(new Controls.FormatSDCard(2), ManscdpCommands.create("FormatSDCard", Map.of("index", "2")));
        assertThrows(IllegalArgumentException.class,
                () -> ManscdpCommands.create("HomePosition", Map.of("enabled", "maybe")));
    }
}
