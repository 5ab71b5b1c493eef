package io.github.camelgb28181.manscdp.command;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds a command from its stable name and simple parameter values, for callers that get both as data (a Camel
 * producer mapping a {@code CamelGb28181Command} header, a YAML route, an HTTP API). Names and parameter keys are
 * case-insensitive; values may be Strings or the matching Java type (numbers, booleans, {@link LocalDateTime},
 * {@link PtzCmd}). Unknown parameter keys are refused so that a misspelt key is not silently ignored.
 *
 * <table>
 * <caption>Commands and their parameters</caption>
 * <tr><th>name</th><th>parameters</th></tr>
 * <tr><td>DeviceInfo, DeviceStatus, Catalog, PresetQuery, HomePositionQuery, CruiseTrackListQuery, PTZPosition,
 * SDCardStatus</td><td>none</td></tr>
 * <tr><td>RecordInfo</td><td>startTime, endTime (required, {@code yyyy-MM-dd'T'HH:mm:ss} or with a space), filePath,
 * address, secrecy (0), type (time|alarm|manual|all, all), recorderId, indistinctQuery (0)</td></tr>
 * <tr><td>ConfigDownload</td><td>configType (required, e.g. {@code BasicParam/VideoParamOpt})</td></tr>
 * <tr><td>AlarmQuery</td><td>startAlarmPriority, endAlarmPriority, alarmMethod, alarmType, startAlarmTime,
 * endAlarmTime</td></tr>
 * <tr><td>MobilePositionQuery</td><td>interval</td></tr>
 * <tr><td>CruiseTrackQuery</td><td>number (required)</td></tr>
 * <tr><td>PTZ</td><td>ptzCmd (16 hex characters) or action (below); controlPriority (5); address (1)</td></tr>
 * <tr><td>TeleBoot, IFrameCmd</td><td>none; IFrameCmd: correctedSpelling (false: {@code IFameCmd} as in the
 * standard)</td></tr>
 * <tr><td>RecordCmd</td><td>action (Record|StopRecord), streamNumber</td></tr>
 * <tr><td>GuardCmd</td><td>action (SetGuard|ResetGuard)</td></tr>
 * <tr><td>AlarmCmd</td><td>alarmMethod, alarmType</td></tr>
 * <tr><td>DragZoomIn, DragZoomOut</td><td>length, width, midPointX, midPointY, lengthX, lengthY</td></tr>
 * <tr><td>HomePosition</td><td>enabled, resetTime, presetIndex</td></tr>
 * <tr><td>DeviceConfig</td><td>section (BasicParam); for BasicParam: name, expiration, heartBeatInterval,
 * heartBeatCount, positionCapability, longitude, latitude; for another section every other key is a child element,
 * written as given</td></tr>
 * <tr><td>SnapShotConfig</td><td>snapNum, interval, uploadUrl, sessionId</td></tr>
 * <tr><td>PTZPreciseCtrl</td><td>pan, tilt, zoom</td></tr>
 * <tr><td>FormatSDCard</td><td>index</td></tr>
 * <tr><td>TargetTrack</td><td>action (Auto|Manual|Stop), deviceId2, and for Manual the area: length, width,
 * midPointX, midPointY, lengthX, lengthY</td></tr>
 * <tr><td>DeviceUpgrade</td><td>firmware, fileUrl, manufacturer, sessionId</td></tr>
 * </table>
 *
 * <p>PTZ actions (case, {@code _} and {@code -} ignored): {@code stop}; {@code up down left right upleft upright
 * downleft downright} with {@code panSpeed}, {@code tiltSpeed} or {@code speed} for both (0–255, default 128) and an
 * optional {@code zoom} (in|out) with {@code zoomSpeed} (0–15, default 8); {@code zoomin zoomout} with
 * {@code zoomSpeed}; {@code irisopen irisclose focusnear focusfar} with {@code speed} (default 128), or {@code fi}
 * with {@code iris} (open|close), {@code focus} (near|far), {@code focusSpeed}, {@code irisSpeed}; {@code fistop};
 * {@code presetset presetcall presetdelete} with {@code preset}; {@code cruiseadd} ({@code group}, {@code preset}),
 * {@code cruisedelete} ({@code group}, {@code preset}, 0 or absent = whole cruise), {@code cruisespeed}
 * ({@code group}, {@code speed}), {@code cruisedwell} ({@code group}, {@code dwellTime} seconds),
 * {@code cruisestart} ({@code group}), {@code cruisestop}; {@code scanstart scanleft scanright} ({@code group}),
 * {@code scanspeed} ({@code group}, {@code speed}), {@code scanstop}; {@code auxon auxoff} ({@code aux}, default 1),
 * {@code wiperon wiperoff}. Groups default to 0 (WVP and most clients number cruise and scan groups from 0).
 */
public final class ManscdpCommands {

    /** Pan/tilt and FI speed used when a PTZ action is given without one: the middle of 0–255. */
    public static final int DEFAULT_SPEED = 128;
    /** Zoom speed used when a zoom is given without one: the middle of 0–15. */
    public static final int DEFAULT_ZOOM_SPEED = 8;

    private static final Map<String, Factory> FACTORIES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Set<String> NAMES;
    private static final String[] AREA_KEYS = {"length", "width", "midPointX", "midPointY", "lengthX", "lengthY"};

    private interface Factory {
        ManscdpCommand create(Params p);
    }

    static {
        basic("DeviceInfo", Queries.deviceInfo());
        basic("DeviceStatus", Queries.deviceStatus());
        basic("Catalog", Queries.catalog());
        basic("PresetQuery", Queries.presetQuery());
        basic("HomePositionQuery", Queries.homePositionQuery());
        basic("CruiseTrackListQuery", Queries.cruiseTrackListQuery());
        basic("PTZPosition", Queries.ptzPosition());
        basic("SDCardStatus", Queries.sdCardStatus());
        register("RecordInfo", p -> {
            p.allow("startTime", "endTime", "filePath", "address", "secrecy", "type", "recorderId", "indistinctQuery");
            String type = p.string("type");
            return new Queries.RecordInfo(p.requiredTime("startTime"), p.requiredTime("endTime"), p.string("filePath"),
                    p.string("address"), p.integer("secrecy", 0), type == null ? null : Queries.RecordType.of(type),
                    p.string("recorderId"), p.integer("indistinctQuery", 0));
        });
        register("ConfigDownload", p -> {
            p.allow("configType");
            return new Queries.ConfigDownload(p.required("configType"));
        });
        register("AlarmQuery", p -> {
            p.allow("startAlarmPriority", "endAlarmPriority", "alarmMethod", "alarmType", "startAlarmTime",
                    "endAlarmTime");
            return new Queries.AlarmQuery(p.integer("startAlarmPriority"), p.integer("endAlarmPriority"),
                    p.string("alarmMethod"), p.string("alarmType"), p.time("startAlarmTime"), p.time("endAlarmTime"));
        });
        register("MobilePositionQuery", p -> {
            p.allow("interval");
            return new Queries.MobilePositionQuery(p.integer("interval"));
        });
        register("CruiseTrackQuery", p -> {
            p.allow("number");
            return new Queries.CruiseTrackQuery(p.requiredInt("number"));
        });

        register("PTZ", ManscdpCommands::ptz);
        register("TeleBoot", p -> {
            p.allow();
            return new Controls.TeleBoot();
        });
        register("IFrameCmd", p -> {
            p.allow("correctedSpelling");
            return new Controls.IFrameCmd(p.bool("correctedSpelling", false));
        });
        register("RecordCmd", p -> {
            p.allow("action", "streamNumber");
            return new Controls.RecordCmd(Controls.RecordAction.of(p.required("action")), p.integer("streamNumber"));
        });
        register("GuardCmd", p -> {
            p.allow("action");
            return new Controls.GuardCmd(Controls.GuardAction.of(p.required("action")));
        });
        register("AlarmCmd", p -> {
            p.allow("alarmMethod", "alarmType");
            return new Controls.AlarmCmd(p.string("alarmMethod"), p.string("alarmType"));
        });
        register("DragZoomIn", p -> {
            p.allow(AREA_KEYS);
            return Controls.DragZoom.in(area(p));
        });
        register("DragZoomOut", p -> {
            p.allow(AREA_KEYS);
            return Controls.DragZoom.out(area(p));
        });
        register("HomePosition", p -> {
            p.allow("enabled", "resetTime", "presetIndex");
            return new Controls.HomePosition(p.requiredBool("enabled"), p.integer("resetTime"),
                    p.integer("presetIndex"));
        });
        register("DeviceConfig", ManscdpCommands::deviceConfig);
        register("SnapShotConfig", p -> {
            p.allow("snapNum", "interval", "uploadUrl", "sessionId");
            return new Controls.SnapShotConfig(p.requiredInt("snapNum"), p.requiredInt("interval"),
                    p.required("uploadUrl"), p.required("sessionId"));
        });
        register("PTZPreciseCtrl", p -> {
            p.allow("pan", "tilt", "zoom");
            return new Controls.PtzPreciseCtrl(p.requiredDouble("pan"), p.requiredDouble("tilt"),
                    p.requiredDouble("zoom"));
        });
        register("FormatSDCard", p -> {
            p.allow("index");
            return new Controls.FormatSDCard(p.requiredInt("index"));
        });
        register("TargetTrack", p -> {
            String[] keys = new String[AREA_KEYS.length + 2];
            System.arraycopy(AREA_KEYS, 0, keys, 0, AREA_KEYS.length);
            keys[AREA_KEYS.length] = "action";
            keys[AREA_KEYS.length + 1] = "deviceId2";
            p.allow(keys);
            boolean hasArea = false;
            for (String k : AREA_KEYS) {
                hasArea |= p.has(k);
            }
            return new Controls.TargetTrack(Controls.TrackMode.of(p.required("action")), p.string("deviceId2"),
                    hasArea ? area(p) : null);
        });
        register("DeviceUpgrade", p -> {
            p.allow("firmware", "fileUrl", "manufacturer", "sessionId");
            return new Controls.DeviceUpgrade(p.required("firmware"), p.required("fileUrl"),
                    p.required("manufacturer"), p.required("sessionId"));
        });
        NAMES = Collections.unmodifiableSet(new TreeSet<>(FACTORIES.keySet()));
    }

    private ManscdpCommands() {
    }

    private static void basic(String name, ManscdpCommand command) {
        register(name, p -> {
            p.allow();
            return command;
        });
    }

    private static void register(String name, Factory f) {
        FACTORIES.put(name, f);
    }

    /** The stable command names, as {@link ManscdpCommand#commandName()} reports them. */
    public static Set<String> names() {
        return NAMES;
    }

    /** A command without parameters (a basic query, TeleBoot, IFrameCmd). */
    public static ManscdpCommand create(String name) {
        return create(name, Map.of());
    }

    /**
     * The command of that name built from the parameters.
     *
     * @throws IllegalArgumentException for an unknown name, an unknown, missing or malformed parameter, or a value
     *                                  out of range
     */
    public static ManscdpCommand create(String name, Map<String, ?> params) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("command name is blank; known: " + NAMES);
        }
        Factory f = FACTORIES.get(name.trim());
        if (f == null) {
            throw new IllegalArgumentException("unknown MANSCDP command '" + name + "'; known: " + NAMES);
        }
        try {
            return f.create(new Params(params == null ? Map.of() : params));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name.trim() + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- PTZ actions

    private static ManscdpCommand ptz(Params p) {
        p.allow("ptzCmd", "action", "controlPriority", "address", "speed", "panSpeed", "tiltSpeed", "zoom",
                "zoomSpeed", "iris", "focus", "focusSpeed", "irisSpeed", "preset", "group", "dwellTime", "aux");
        int priority = p.integer("controlPriority", Controls.Ptz.DEFAULT_PRIORITY);
        PtzCmd cmd;
        if (p.has("ptzCmd")) {
            if (p.has("action")) {
                throw new IllegalArgumentException("give either ptzCmd or action, not both");
            }
            Object raw = p.raw("ptzCmd");
            cmd = raw instanceof PtzCmd ? (PtzCmd) raw : PtzCmd.parse(raw.toString());
        } else {
            cmd = ptzAction(PtzCmd.normalise(p.required("action")), p);
        }
        if (p.has("address")) {
            cmd = cmd.withAddress(p.requiredInt("address"));
        }
        return new Controls.Ptz(cmd, priority);
    }

    private static PtzCmd ptzAction(String action, Params p) {
        int speed = p.integer("speed", DEFAULT_SPEED);
        int group = p.integer("group", 0);
        switch (action) {
            case "stop":
            case "cruisestop":
            case "scanstop":
                return PtzCmd.stop();
            case "zoomin":
                return PtzCmd.zoom(PtzCmd.Zoom.IN, p.integer("zoomSpeed", DEFAULT_ZOOM_SPEED));
            case "zoomout":
                return PtzCmd.zoom(PtzCmd.Zoom.OUT, p.integer("zoomSpeed", DEFAULT_ZOOM_SPEED));
            case "irisopen":
                return PtzCmd.iris(PtzCmd.Iris.OPEN, speed);
            case "irisclose":
                return PtzCmd.iris(PtzCmd.Iris.CLOSE, speed);
            case "focusnear":
                return PtzCmd.focus(PtzCmd.Focus.NEAR, speed);
            case "focusfar":
                return PtzCmd.focus(PtzCmd.Focus.FAR, speed);
            case "fi":
                return PtzCmd.fi(p.choice("iris", PtzCmd.Iris.class, PtzCmd.Iris.NONE),
                        p.choice("focus", PtzCmd.Focus.class, PtzCmd.Focus.NONE),
                        p.integer("focusSpeed", DEFAULT_SPEED), p.integer("irisSpeed", DEFAULT_SPEED));
            case "fistop":
                return PtzCmd.fiStop();
            case "presetset":
            case "setpreset":
                return PtzCmd.setPreset(p.requiredInt("preset"));
            case "presetcall":
            case "callpreset":
            case "gotopreset":
                return PtzCmd.callPreset(p.requiredInt("preset"));
            case "presetdelete":
            case "deletepreset":
                return PtzCmd.deletePreset(p.requiredInt("preset"));
            case "cruiseadd":
                return PtzCmd.addCruisePoint(group, p.requiredInt("preset"));
            case "cruisedelete":
                return PtzCmd.deleteCruisePoint(group, p.integer("preset", 0));
            case "cruisespeed":
                return PtzCmd.setCruiseSpeed(group, p.requiredInt("speed"));
            case "cruisedwell":
                return PtzCmd.setCruiseDwellTime(group, p.requiredInt("dwellTime"));
            case "cruisestart":
                return PtzCmd.startCruise(group);
            case "scanstart":
                return PtzCmd.startScan(group);
            case "scanleft":
                return PtzCmd.setScanLeftBound(group);
            case "scanright":
                return PtzCmd.setScanRightBound(group);
            case "scanspeed":
                return PtzCmd.setScanSpeed(group, p.requiredInt("speed"));
            case "auxon":
                return PtzCmd.auxOn(p.integer("aux", 1));
            case "auxoff":
                return PtzCmd.auxOff(p.integer("aux", 1));
            case "wiperon":
                return PtzCmd.wiperOn();
            case "wiperoff":
                return PtzCmd.wiperOff();
            default:
                PtzCmd.Direction d;
                try {
                    d = PtzCmd.Direction.of(action);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown PTZ action '" + action + "'");
                }
                PtzCmd.Zoom zoom = p.choice("zoom", PtzCmd.Zoom.class, PtzCmd.Zoom.NONE);
                int zoomSpeed = zoom == PtzCmd.Zoom.NONE ? p.integer("zoomSpeed", 0)
                        : p.integer("zoomSpeed", DEFAULT_ZOOM_SPEED);
                return PtzCmd.ptz(d.pan(), d.tilt(), zoom, p.integer("panSpeed", speed),
                        p.integer("tiltSpeed", speed), zoomSpeed);
        }
    }

    private static Controls.Area area(Params p) {
        return new Controls.Area(p.requiredInt("length"), p.requiredInt("width"), p.requiredInt("midPointX"),
                p.requiredInt("midPointY"), p.requiredInt("lengthX"), p.requiredInt("lengthY"));
    }

    private static ManscdpCommand deviceConfig(Params p) {
        String section = p.has("section") ? p.required("section") : "BasicParam";
        if (section.equals("BasicParam")) {
            p.allow("section", "name", "expiration", "heartBeatInterval", "heartBeatCount", "positionCapability",
                    "longitude", "latitude");
            return Controls.DeviceConfig.basicParam(p.string("name"), p.integer("expiration"),
                    p.integer("heartBeatInterval"), p.integer("heartBeatCount"), p.integer("positionCapability"),
                    p.decimal("longitude"), p.decimal("latitude"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        p.values.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("section")) {
                if (v == null) {
                    throw new IllegalArgumentException("parameter " + k + " is null");
                }
                fields.put(k, v.toString());
            }
        });
        return new Controls.DeviceConfig(section, fields);
    }

    // ---------------------------------------------------------------- parameter access

    /** Case-insensitive view of the parameters with typed getters that name the key in their errors. */
    private static final class Params {
        final Map<String, Object> values;
        private final Map<String, Object> byKey = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Params(Map<String, ?> params) {
            values = new LinkedHashMap<>(params);
            params.forEach((k, v) -> {
                if (k == null) {
                    throw new IllegalArgumentException("parameter with a null name");
                }
                if (byKey.containsKey(k)) {
                    throw new IllegalArgumentException("parameter " + k + " given twice (names ignore case)");
                }
                byKey.put(k, v);
            });
        }

        void allow(String... keys) {
            Set<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            allowed.addAll(java.util.Arrays.asList(keys));
            for (String k : byKey.keySet()) {
                if (!allowed.contains(k)) {
                    throw new IllegalArgumentException("unknown parameter '" + k + "'"
                            + (keys.length == 0 ? " (takes none)" : "; allowed: " + String.join(", ", keys)));
                }
            }
        }

        boolean has(String key) {
            Object v = byKey.get(key);
            return v != null && !(v instanceof String && ((String) v).isBlank());
        }

        Object raw(String key) {
            return has(key) ? byKey.get(key) : null;
        }

        String string(String key) {
            Object v = raw(key);
            return v == null ? null : v.toString();
        }

        String required(String key) {
            String s = string(key);
            if (s == null) {
                throw new IllegalArgumentException("parameter " + key + " is required");
            }
            return s.trim();
        }

        Integer integer(String key) {
            return convert(key, v -> {
                if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    return ((Number) v).intValue();
                }
                if (v instanceof Long) {
                    return Math.toIntExact((Long) v);
                }
                return Integer.valueOf(v.toString().trim());
            }, "an integer");
        }

        int integer(String key, int dflt) {
            Integer v = integer(key);
            return v == null ? dflt : v;
        }

        int requiredInt(String key) {
            required(key);
            return integer(key);
        }

        Double decimal(String key) {
            return convert(key, v -> v instanceof Number ? ((Number) v).doubleValue()
                    : Double.valueOf(v.toString().trim()), "a number");
        }

        double requiredDouble(String key) {
            required(key);
            return decimal(key);
        }

        boolean bool(String key, boolean dflt) {
            Boolean b = convert(key, v -> {
                if (v instanceof Boolean) {
                    return (Boolean) v;
                }
                String s = v.toString().trim().toLowerCase(Locale.ROOT);
                switch (s) {
                    case "true": case "1": case "yes": case "on": return true;
                    case "false": case "0": case "no": case "off": return false;
                    default: throw new IllegalArgumentException(s);
                }
            }, "true/false or 1/0");
            return b == null ? dflt : b;
        }

        boolean requiredBool(String key) {
            required(key);
            return bool(key, false);
        }

        LocalDateTime time(String key) {
            return convert(key, v -> v instanceof LocalDateTime ? (LocalDateTime) v
                    : LocalDateTime.parse(v.toString().trim().replace(' ', 'T')), "a time like 2024-05-01T08:30:00");
        }

        LocalDateTime requiredTime(String key) {
            required(key);
            return time(key);
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, E dflt) {
            String s = string(key);
            return s == null ? dflt : Controls.pick(type, s, e -> e.name());
        }

        private <T> T convert(String key, Function<Object, T> f, String expected) {
            Object v = raw(key);
            if (v == null) {
                return null;
            }
            try {
                return f.apply(v);
            } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
                throw new IllegalArgumentException("parameter " + key + " must be " + expected + ", got '" + v + "'");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter " + key + " must be " + expected + ", got '" + v + "'");
            }
        }
    }
}
