package io.github.camelgb28181.manscdp.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelgb28181.manscdp.command.Controls.Area;
import io.github.camelgb28181.manscdp.command.ManscdpCommand.Root;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static io.github.camelgb28181.manscdp.command.Xml.at;
import static io.github.camelgb28181.manscdp.command.Xml.checkEnvelope;
import static io.github.camelgb28181.manscdp.command.Xml.childNames;
import static io.github.camelgb28181.manscdp.command.Xml.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Control bodies (GB/T 28181-2016 A.2.3, 2022 additions) and which of them a device answers. */
class ControlsTest {

    private static final String CH = "34020000001320000001";
    private static final Area AREA = new Area(1920, 1080, 960, 540, 200, 100);

    @Test
    void ptzWithControlPriority() throws Exception {
        Controls.Ptz c = new Controls.Ptz(PtzCmd.move(PtzCmd.Direction.LEFT, 0x1E));
        assertEquals("PTZ", c.commandName());
        assertEquals(Root.CONTROL, c.root());
        assertFalse(c.expectsResponse());
        Element e = checkEnvelope(c.toXml(11, CH), "Control", "DeviceControl", 11, CH, "PTZCmd", "Info");
        // 165+15+1+2+30+30+0 = 243 = 0xF3
        assertEquals("A50F01021E1E00F3", text(e, "PTZCmd"));
        assertEquals(List.of("ControlPriority"), childNames(at(e, "Info")));
        assertEquals("5", text(e, "Info/ControlPriority"));
        assertEquals("1", text(Xml.parse(new Controls.Ptz(PtzCmd.stop(), 1).toXml(1, CH)), "Info/ControlPriority"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.Ptz(null));
        assertThrows(IllegalArgumentException.class, () -> new Controls.Ptz(PtzCmd.stop(), 0));
    }

    @Test
    void ptzStopBodyIsExact() {
        assertEquals("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Control>\r\n<CmdType>DeviceControl</CmdType>\r\n"
                + "<SN>3</SN>\r\n<DeviceID>" + CH + "</DeviceID>\r\n<PTZCmd>A50F0100000000B5</PTZCmd>\r\n"
                + "<Info>\r\n<ControlPriority>5</ControlPriority>\r\n</Info>\r\n</Control>\r\n",
                new Controls.Ptz(PtzCmd.stop()).toXml(3, CH));
    }

    @Test
    void teleBootAndIFrame() throws Exception {
        Controls.TeleBoot t = new Controls.TeleBoot();
        assertFalse(t.expectsResponse());
        assertEquals("Boot", text(checkEnvelope(t.toXml(1, CH), "Control", "DeviceControl", 1, CH, "TeleBoot"),
                "TeleBoot"));

        Controls.IFrameCmd i = new Controls.IFrameCmd();
        assertEquals("IFrameCmd", i.commandName());
        assertFalse(i.expectsResponse());
        // the 2016 standard's own spelling is the default
        assertEquals("Send", text(checkEnvelope(i.toXml(2, CH), "Control", "DeviceControl", 2, CH, "IFameCmd"),
                "IFameCmd"));
        checkEnvelope(new Controls.IFrameCmd(true).toXml(2, CH), "Control", "DeviceControl", 2, CH, "IFrameCmd");
    }

    @Test
    void recordGuardAlarm() throws Exception {
        Controls.RecordCmd r = new Controls.RecordCmd(Controls.RecordAction.RECORD);
        assertTrue(r.expectsResponse());
        assertEquals("DeviceControl", r.responseCmdType());
        assertEquals("Record", text(checkEnvelope(r.toXml(1, CH), "Control", "DeviceControl", 1, CH, "RecordCmd"),
                "RecordCmd"));
        Element e = checkEnvelope(new Controls.RecordCmd(Controls.RecordAction.STOP_RECORD, 1).toXml(2, CH),
                "Control", "DeviceControl", 2, CH, "RecordCmd", "StreamNumber");
        assertEquals("StopRecord", text(e, "RecordCmd"));
        assertEquals("1", text(e, "StreamNumber"));
        assertEquals(Controls.RecordAction.STOP_RECORD, Controls.RecordAction.of("stoprecord"));
        assertEquals(Controls.RecordAction.STOP_RECORD, Controls.RecordAction.of("STOP_RECORD"));
        assertThrows(IllegalArgumentException.class, () -> Controls.RecordAction.of("pause"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.RecordCmd(null));
        assertThrows(IllegalArgumentException.class, () -> new Controls.RecordCmd(Controls.RecordAction.RECORD, -1));

        Controls.GuardCmd g = new Controls.GuardCmd(Controls.GuardAction.SET_GUARD);
        assertTrue(g.expectsResponse());
        assertEquals("SetGuard", text(checkEnvelope(g.toXml(3, CH), "Control", "DeviceControl", 3, CH, "GuardCmd"),
                "GuardCmd"));
        assertEquals("ResetGuard", text(Xml.parse(new Controls.GuardCmd(Controls.GuardAction.of("ResetGuard"))
                .toXml(3, CH)), "GuardCmd"));

        Controls.AlarmCmd a = new Controls.AlarmCmd();
        assertTrue(a.expectsResponse());
        assertEquals("ResetAlarm", text(checkEnvelope(a.toXml(4, CH), "Control", "DeviceControl", 4, CH,
                "AlarmCmd"), "AlarmCmd"));
        Element ai = checkEnvelope(new Controls.AlarmCmd("2", "1").toXml(4, CH), "Control", "DeviceControl", 4, CH,
                "AlarmCmd", "Info");
        assertEquals(List.of("AlarmMethod", "AlarmType"), childNames(at(ai, "Info")));
        assertEquals("2", text(ai, "Info/AlarmMethod"));
        assertEquals("1", text(ai, "Info/AlarmType"));
        Element am = Xml.parse(new Controls.AlarmCmd("5", null).toXml(4, CH));
        assertEquals(List.of("AlarmMethod"), childNames(at(am, "Info")));
    }

    @Test
    void dragZoom() throws Exception {
        for (boolean in : new boolean[] {true, false}) {
            Controls.DragZoom d = in ? Controls.DragZoom.in(AREA) : Controls.DragZoom.out(AREA);
            String name = in ? "DragZoomIn" : "DragZoomOut";
            assertEquals(name, d.commandName());
            assertFalse(d.expectsResponse());
            Element e = checkEnvelope(d.toXml(5, CH), "Control", "DeviceControl", 5, CH, name);
            assertEquals(List.of("Length", "Width", "MidPointX", "MidPointY", "LengthX", "LengthY"),
                    childNames(at(e, name)));
            assertEquals("1920", text(e, name + "/Length"));
            assertEquals("1080", text(e, name + "/Width"));
            assertEquals("960", text(e, name + "/MidPointX"));
            assertEquals("540", text(e, name + "/MidPointY"));
            assertEquals("200", text(e, name + "/LengthX"));
            assertEquals("100", text(e, name + "/LengthY"));
        }
        assertThrows(IllegalArgumentException.class, () -> new Area(-1, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Controls.DragZoom.in(null));
    }

    @Test
    void homePosition() throws Exception {
        Controls.HomePosition h = Controls.HomePosition.enable(100, 1);
        assertTrue(h.expectsResponse());
        Element e = checkEnvelope(h.toXml(6, CH), "Control", "DeviceControl", 6, CH, "HomePosition");
        assertEquals(List.of("Enabled", "ResetTime", "PresetIndex"), childNames(at(e, "HomePosition")));
        assertEquals("1", text(e, "HomePosition/Enabled"));
        assertEquals("100", text(e, "HomePosition/ResetTime"));
        assertEquals("1", text(e, "HomePosition/PresetIndex"));
        Element off = Xml.parse(Controls.HomePosition.disable().toXml(6, CH));
        assertEquals(List.of("Enabled"), childNames(at(off, "HomePosition")));
        assertEquals("0", text(off, "HomePosition/Enabled"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.HomePosition(true, null, 1));
        assertThrows(IllegalArgumentException.class, () -> Controls.HomePosition.enable(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> Controls.HomePosition.enable(10, 256));
    }

    @Test
    void deviceConfigBasicParamOnlyTheFieldsGiven() throws Exception {
        Controls.DeviceConfig c = Controls.DeviceConfig.basicParam("前门 <A&B>", 3600, 60, 3, null, null, null);
        assertEquals("DeviceConfig", c.cmdType());
        assertEquals("DeviceConfig", c.responseCmdType());
        assertTrue(c.expectsResponse());
        Element e = checkEnvelope(c.toXml(7, CH), "Control", "DeviceConfig", 7, CH, "BasicParam");
        assertEquals(List.of("Name", "Expiration", "HeartBeatInterval", "HeartBeatCount"),
                childNames(at(e, "BasicParam")));
        assertEquals("前门 <A&B>", text(e, "BasicParam/Name"));
        assertEquals("3600", text(e, "BasicParam/Expiration"));
        assertEquals("60", text(e, "BasicParam/HeartBeatInterval"));
        assertEquals("3", text(e, "BasicParam/HeartBeatCount"));

        Element p = Xml.parse(Controls.DeviceConfig.basicParam(null, null, 30, null, 1, 116.3975, 39.9087)
                .toXml(7, CH));
        assertEquals(List.of("HeartBeatInterval", "PositionCapability", "Longitude", "Latitude"),
                childNames(at(p, "BasicParam")));
        assertEquals("116.3975", text(p, "BasicParam/Longitude"));
        assertEquals("39.9087", text(p, "BasicParam/Latitude"));

        assertThrows(IllegalArgumentException.class,
                () -> Controls.DeviceConfig.basicParam(null, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> Controls.DeviceConfig.basicParam(null, null, 0, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> Controls.DeviceConfig.basicParam(null, null, null, null, null, 181.0, null));
        assertThrows(IllegalArgumentException.class,
                () -> Controls.DeviceConfig.basicParam(null, null, null, null, null, null, -91.0));
    }

    @Test
    void deviceConfigOtherSectionKeepsOrder() throws Exception {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("FrameMirrorType", "2");
        f.put("Extra", "x&y");
        Element e = checkEnvelope(new Controls.DeviceConfig("FrameMirror", f).toXml(8, CH), "Control",
                "DeviceConfig", 8, CH, "FrameMirror");
        assertEquals(List.of("FrameMirrorType", "Extra"), childNames(at(e, "FrameMirror")));
        assertEquals("x&y", text(e, "FrameMirror/Extra"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.DeviceConfig("Bad Name", f));
        assertThrows(IllegalArgumentException.class, () -> new Controls.DeviceConfig("OSDConfig", Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Controls.DeviceConfig("OSDConfig", Map.of("a<b", "1")));
        // the record keeps its own, unmodifiable copy
        Controls.DeviceConfig dc = new Controls.DeviceConfig("FrameMirror", f);
        f.put("Later", "1");
        assertEquals(List.of("FrameMirrorType", "Extra"), List.copyOf(dc.fields().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> dc.fields().put("x", "y"));
    }

    @Test
    void snapShotConfig() throws Exception {
        Controls.SnapShotConfig s = new Controls.SnapShotConfig(3, 2, "http://10.0.0.1/upload?a=1&b=2",
                "0123456789abcdef0123456789abcdef");
        assertEquals("DeviceConfig", s.cmdType());
        assertEquals("SnapShotConfig", s.commandName());
        assertTrue(s.expectsResponse());
        Element e = checkEnvelope(s.toXml(9, CH), "Control", "DeviceConfig", 9, CH, "SnapShotConfig");
        assertEquals(List.of("SnapNum", "Interval", "UploadURL", "SessionID"), childNames(at(e, "SnapShotConfig")));
        assertEquals("3", text(e, "SnapShotConfig/SnapNum"));
        assertEquals("2", text(e, "SnapShotConfig/Interval"));
        assertEquals("http://10.0.0.1/upload?a=1&b=2", text(e, "SnapShotConfig/UploadURL"));
        assertEquals("0123456789abcdef0123456789abcdef", text(e, "SnapShotConfig/SessionID"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.SnapShotConfig(0, 1, "u", "s"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.SnapShotConfig(11, 1, "u", "s"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.SnapShotConfig(1, 0, "u", "s"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.SnapShotConfig(1, 1, " ", "s"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.SnapShotConfig(1, 1, "u", "s".repeat(129)));
    }

    @Test
    void ptzPreciseCtrl() throws Exception {
        Controls.PtzPreciseCtrl p = new Controls.PtzPreciseCtrl(180.5, -15, 2.0);
        assertFalse(p.expectsResponse());
        Element e = checkEnvelope(p.toXml(10, CH), "Control", "DeviceControl", 10, CH, "PTZPreciseCtrl");
        assertEquals(List.of("Pan", "Tilt", "Zoom"), childNames(at(e, "PTZPreciseCtrl")));
        assertEquals("180.5", text(e, "PTZPreciseCtrl/Pan"));
        assertEquals("-15", text(e, "PTZPreciseCtrl/Tilt"));
        assertEquals("2", text(e, "PTZPreciseCtrl/Zoom"));
        assertEquals("0", text(Xml.parse(new Controls.PtzPreciseCtrl(0, -0.0, 1).toXml(1, CH)), "PTZPreciseCtrl/Tilt"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.PtzPreciseCtrl(360.1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Controls.PtzPreciseCtrl(-1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Controls.PtzPreciseCtrl(0, 91, 1));
        assertThrows(IllegalArgumentException.class, () -> new Controls.PtzPreciseCtrl(0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new Controls.PtzPreciseCtrl(Double.NaN, 0, 1));
    }

    @Test
    void formatSdCardAndTargetTrack() throws Exception {
        Controls.FormatSDCard f = new Controls.FormatSDCard(1);
        assertFalse(f.expectsResponse());
        assertEquals("1", text(checkEnvelope(f.toXml(11, CH), "Control", "DeviceControl", 11, CH, "FormatSDCard"),
                "FormatSDCard"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.FormatSDCard(-1));

        Controls.TargetTrack auto = new Controls.TargetTrack(Controls.TrackMode.AUTO, null, null);
        assertFalse(auto.expectsResponse());
        assertEquals("Auto", text(checkEnvelope(auto.toXml(12, CH), "Control", "DeviceControl", 12, CH,
                "TargetTrack"), "TargetTrack"));
        Controls.TargetTrack manual = new Controls.TargetTrack(Controls.TrackMode.MANUAL, "34020000001320000002",
                AREA);
        Element e = checkEnvelope(manual.toXml(13, CH), "Control", "DeviceControl", 13, CH, "TargetTrack",
                "DeviceID2", "TargetArea");
        assertEquals("Manual", text(e, "TargetTrack"));
        assertEquals("34020000001320000002", text(e, "DeviceID2"));
        assertEquals(List.of("Length", "Width", "MidPointX", "MidPointY", "LengthX", "LengthY"),
                childNames(at(e, "TargetArea")));
        assertEquals("200", text(e, "TargetArea/LengthX"));
        assertEquals("Stop", text(Xml.parse(new Controls.TargetTrack(Controls.TrackMode.of("stop"), " ", null)
                .toXml(14, CH)), "TargetTrack"));
        assertNull(new Controls.TargetTrack(Controls.TrackMode.STOP, " ", null).deviceId2());
        assertThrows(IllegalArgumentException.class,
                () -> new Controls.TargetTrack(Controls.TrackMode.MANUAL, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Controls.TargetTrack(null, null, null));
    }

    @Test
    void deviceUpgrade() throws Exception {
        Controls.DeviceUpgrade u = new Controls.DeviceUpgrade("V5.7.3", "http://fw.example/a.bin?x=1&y=2", "海康威视",
                "s-1");
        assertTrue(u.expectsResponse());
        Element e = checkEnvelope(u.toXml(15, CH), "Control", "DeviceControl", 15, CH, "DeviceUpgrade");
        assertEquals(List.of("Firmware", "FileURL", "Manufacturer", "SessionID"), childNames(at(e, "DeviceUpgrade")));
        assertEquals("V5.7.3", text(e, "DeviceUpgrade/Firmware"));
        assertEquals("http://fw.example/a.bin?x=1&y=2", text(e, "DeviceUpgrade/FileURL"));
        assertEquals("海康威视", text(e, "DeviceUpgrade/Manufacturer"));
        assertEquals("s-1", text(e, "DeviceUpgrade/SessionID"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.DeviceUpgrade("", "u", "m", "s"));
        assertThrows(IllegalArgumentException.class, () -> new Controls.DeviceUpgrade("f", "u", "m", null));
    }

    /** GB/T 28181-2016 §9.3.1 and the 2022 text: which controls get a Response. */
    @Test
    void responseExpectations() {
        List<ManscdpCommand> answered = List.of(new Controls.RecordCmd(Controls.RecordAction.RECORD),
                new Controls.GuardCmd(Controls.GuardAction.SET_GUARD), new Controls.AlarmCmd(),
                Controls.HomePosition.disable(), Controls.DeviceConfig.basicParam("n", null, null, null, null, null,
                        null), new Controls.SnapShotConfig(1, 1, "u", "s"),
                new Controls.DeviceUpgrade("f", "u", "m", "s"));
        List<ManscdpCommand> unanswered = List.of(new Controls.Ptz(PtzCmd.stop()), new Controls.TeleBoot(),
                new Controls.IFrameCmd(), Controls.DragZoom.in(AREA), Controls.DragZoom.out(AREA),
                new Controls.PtzPreciseCtrl(1, 1, 1), new Controls.FormatSDCard(1),
                new Controls.TargetTrack(Controls.TrackMode.STOP, null, null));
        answered.forEach(c -> assertTrue(c.expectsResponse(), c.commandName()));
        unanswered.forEach(c -> assertFalse(c.expectsResponse(), c.commandName()));
        answered.forEach(c -> assertEquals(Root.CONTROL, c.root()));
        unanswered.forEach(c -> assertEquals("DeviceControl", c.cmdType()));
    }
}
