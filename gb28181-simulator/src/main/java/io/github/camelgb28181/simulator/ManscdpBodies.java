package io.github.camelgb28181.simulator;

import io.github.camelgb28181.manscdp.command.Queries;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The MANSCDP bodies a simulated device sends (GB/T 28181-2016 Annex A): keep-alive, the Responses to the queries it
 * answers, and its Notify reports. Channel names are Chinese; every tenth uses a GBK-only character (喆) while the
 * body declares GB2312, as many devices do.
 */
final class ManscdpBodies {

    static final String MANUFACTURER = "camel-gb28181-sim";
    private static final String RESPONSE = "Response";
    private static final String NOTIFY = "Notify";

    private final SimulatorConfig config;

    ManscdpBodies(SimulatorConfig config) {
        this.config = config;
    }

    /** Channel {@code c}'s name. Public through {@link Simulator#channelName(int)} so tests can compare exactly. */
    static String channelName(int c) {
        return (c % 10 == 0 ? "喆" : "") + "通道" + (c + 1) + "号摄像机";
    }

    static String presetName(int p) {
        return "预置位" + p;
    }

    String keepalive(String deviceId, long sn) {
        return XmlLines.envelope(NOTIFY, "Keepalive", sn, deviceId).text("Status", "OK").finish(NOTIFY);
    }

    /** GB/T 28181-2016 A.2.5: the end of a playback or download's file (NotifyType 121), from the channel. */
    String mediaStatus(String channelId, long sn) {
        return XmlLines.envelope(NOTIFY, "MediaStatus", sn, channelId).text("NotifyType", "121").finish(NOTIFY);
    }

    String deviceInfo(String deviceId, long sn) {
        return XmlLines.envelope(RESPONSE, "DeviceInfo", sn, deviceId)
                .text("DeviceName", "模拟设备" + deviceId.substring(14))
                .text("Result", "OK")
                .text("Manufacturer", MANUFACTURER)
                .text("Model", "SIM-NVR")
                .text("Firmware", "V1.0.0")
                .number("Channel", config.channels())
                .finish(RESPONSE);
    }

    String deviceStatus(String deviceId, long sn, LocalDateTime now) {
        return XmlLines.envelope(RESPONSE, "DeviceStatus", sn, deviceId)
                .text("Result", "OK")
                .text("Online", "ONLINE")
                .text("Status", "OK")
                .text("Encode", "ON")
                .text("Record", "OFF")
                .text("DeviceTime", Queries.TIME.format(now))
                .openList("Alarmstatus", 0).close("Alarmstatus")
                .finish(RESPONSE);
    }

    /** Catalog items {@code [from, to)} of a device, announcing all of its channels in SumNum (A.2.6.4). */
    String catalogPage(int deviceIndex, long sn, int from, int to) {
        return catalogList(RESPONSE, deviceIndex, sn, from, to, null);
    }

    /** A catalog NOTIFY of a Catalog subscription (A.2.5.5): the items with their event. */
    String catalogNotify(int deviceIndex, long sn, int from, int to, String event) {
        return catalogList(NOTIFY, deviceIndex, sn, from, to, event);
    }

    private String catalogList(String root, int deviceIndex, long sn, int from, int to, String event) {
        String deviceId = config.idPlan().deviceId(deviceIndex);
        XmlLines x = XmlLines.envelope(root, "Catalog", sn, deviceId)
                .number("SumNum", config.channels())
                .openList("DeviceList", to - from);
        for (int c = from; c < to; c++) {
            x.open("Item")
                    .text("DeviceID", config.idPlan().channelId(deviceIndex, c, config.channels()))
                    .text("Name", channelName(c));
            if (event != null) {
                x.text("Event", event);
            }
            x.text("Manufacturer", MANUFACTURER)
                    .text("Model", "SIM-IPC")
                    .text("Owner", "Owner")
                    .text("CivilCode", deviceId.substring(0, 6))
                    .text("Address", "模拟路" + (c + 1) + "号")
                    .number("Parental", 0)
                    .text("ParentID", deviceId)
                    .number("RegisterWay", 1)
                    .number("Secrecy", 0)
                    .text("Status", "ON")
                    .open("Info").number("PTZType", 1).close("Info")
                    .close("Item");
        }
        return x.close("DeviceList").finish(root);
    }

    /** RecordInfo answer page (A.2.6.6): files {@code [from, to)} of {@code files}. */
    String recordPage(String targetId, long sn, List<RecordPlan.RecordFile> files, int from, int to) {
        XmlLines x = XmlLines.envelope(RESPONSE, "RecordInfo", sn, targetId)
                .text("Name", "录像" + targetId.substring(14))
                .number("SumNum", files.size())
                .openList("RecordList", to - from);
        for (int i = from; i < to; i++) {
            RecordPlan.RecordFile f = files.get(i);
            x.open("Item")
                    .text("DeviceID", targetId)
                    .text("Name", "录像" + targetId.substring(14))
                    .text("FilePath", "/record/" + targetId + "/" + i + ".ps")
                    .text("Address", "模拟地址")
                    .text("StartTime", Queries.TIME.format(f.start()))
                    .text("EndTime", Queries.TIME.format(f.end()))
                    .number("Secrecy", 0)
                    .text("Type", "time")
                    .close("Item");
        }
        return x.close("RecordList").finish(RESPONSE);
    }

    /** PresetQuery answer page (A.2.6.8): presets {@code [from, to)}, numbered from 1. */
    String presetPage(String targetId, long sn, int from, int to) {
        XmlLines x = XmlLines.envelope(RESPONSE, "PresetQuery", sn, targetId)
                .number("SumNum", config.presets())
                .openList("PresetList", to - from);
        for (int p = from + 1; p <= to; p++) {
            x.open("Item").number("PresetID", p).text("PresetName", presetName(p)).close("Item");
        }
        return x.close("PresetList").finish(RESPONSE);
    }

    /** ConfigDownload answer (A.2.6.7) with BasicParam, whose heart-beat values the platform may adopt. */
    String configDownload(String deviceId, long sn) {
        return XmlLines.envelope(RESPONSE, "ConfigDownload", sn, deviceId)
                .text("Result", "OK")
                .open("BasicParam")
                .text("Name", "模拟设备" + deviceId.substring(14))
                .text("DeviceID", deviceId)
                .text("SIPServerID", config.serverId())
                .text("SIPServerIP", config.serverHost())
                .number("SIPServerPort", config.serverPort())
                .text("DomainName", config.domain())
                .number("Expiration", config.expiresSeconds())
                .number("HeartBeatInterval", config.keepaliveSeconds())
                .number("HeartBeatCount", config.keepaliveMisses())
                .close("BasicParam")
                .finish(RESPONSE);
    }

    /** A Response with only a Result, for controls that are answered (§9.3.1) and queries the simulator lacks. */
    String result(String cmdType, String deviceId, long sn) {
        return XmlLines.envelope(RESPONSE, cmdType, sn, deviceId).text("Result", "OK").finish(RESPONSE);
    }

    /** An alarm report (A.2.5.3): motion detection, a video alarm (method 5, type 2). */
    String alarm(String deviceId, long sn, LocalDateTime at, int priority) {
        return XmlLines.envelope(NOTIFY, "Alarm", sn, deviceId)
                .number("AlarmPriority", priority)
                .number("AlarmMethod", 5)
                .text("AlarmTime", Queries.TIME.format(at))
                .text("AlarmDescription", "移动侦测")
                .open("Info").number("AlarmType", 2).close("Info")
                .finish(NOTIFY);
    }

    /** A mobile-position report (A.2.5.6). */
    String mobilePosition(String deviceId, long sn, LocalDateTime at, double longitude, double latitude) {
        return XmlLines.envelope(NOTIFY, "MobilePosition", sn, deviceId)
                .text("Time", Queries.TIME.format(at))
                .text("Longitude", String.format(java.util.Locale.ROOT, "%.6f", longitude))
                .text("Latitude", String.format(java.util.Locale.ROOT, "%.6f", latitude))
                .text("Speed", "0.0")
                .text("Direction", "0.0")
                .text("Altitude", "0")
                .finish(NOTIFY);
    }
}
