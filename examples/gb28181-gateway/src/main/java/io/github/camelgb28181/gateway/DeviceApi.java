package io.github.camelgb28181.gateway;

import io.github.camelgb28181.Gb28181Constants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the HTTP requests of the device API into gb28181:command requests: the command name, the device and channel
 * headers and the parameter map. Every parameter is checked here, so that a bad request gets a 400 naming the
 * parameter before anything is sent to a device.
 */
public class DeviceApi {

    private static final Set<String> PTZ_COMMANDS = Set.of("left", "right", "up", "down", "upleft", "upright",
            "downleft", "downright", "zoomin", "zoomout", "irisopen", "irisclose", "focusnear", "focusfar", "stop");

    /** POST …/channels/{channelId}/ptz?cmd=…&speed=1..255 */
    public void ptz(Exchange exchange) {
        Message in = exchange.getMessage();
        String cmd = required(in, "cmd").toLowerCase(Locale.ROOT);
        if (!PTZ_COMMANDS.contains(cmd)) {
            throw new IllegalArgumentException("cmd must be one of " + PTZ_COMMANDS.stream().sorted().toList());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("action", cmd);
        String speed = in.getHeader("speed", String.class);
        if (speed != null && !cmd.equals("stop")) {
            int s = integer("speed", speed, 1, 255);
            if (cmd.startsWith("zoom")) {
                params.put("zoomSpeed", Math.max(1, s * 15 / 255)); // zoom speed is 4 bits (Annex A.3)
            } else {
                params.put("speed", s);
            }
        }
        command(in, "PTZ", channel(in), params);
    }

    /** POST …/channels/{channelId}/presets/{preset}?action=set|call|delete */
    public void preset(Exchange exchange) {
        Message in = exchange.getMessage();
        String action = required(in, "action").toLowerCase(Locale.ROOT);
        if (!Set.of("set", "call", "delete").contains(action)) {
            throw new IllegalArgumentException("action must be set, call or delete");
        }
        int preset = integer("preset", required(in, "preset"), 1, 255);
        command(in, "PTZ", channel(in), Map.of("action", "preset" + action, "preset", preset));
    }

    /** GET …/channels/{channelId}/presets */
    public void presets(Exchange exchange) {
        Message in = exchange.getMessage();
        command(in, "PresetQuery", channel(in), Map.of());
    }

    /** POST /api/devices/{deviceId}/guard?on=true|false */
    public void guard(Exchange exchange) {
        Message in = exchange.getMessage();
        String on = required(in, "on");
        if (!on.equals("true") && !on.equals("false")) {
            throw new IllegalArgumentException("on must be true or false");
        }
        command(in, "GuardCmd", null, Map.of("action", on.equals("true") ? "SetGuard" : "ResetGuard"));
    }

    /** GET /api/devices/{deviceId}/records?channel=…&start=…&end=… (ISO-8601; without an offset: the gateway's zone) */
    public void records(Exchange exchange) {
        Message in = exchange.getMessage();
        String channel = required(in, "channel");
        LocalDateTime start = time("start", required(in, "start"));
        LocalDateTime end = time("end", required(in, "end"));
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        command(in, "RecordInfo", channel, Map.of("startTime", start, "endTime", end));
    }

    /** POST /api/devices/{deviceId}/catalog */
    public void catalog(Exchange exchange) {
        command(exchange.getMessage(), "Catalog", null, Map.of());
    }

    /** POST …/channels/{channelId}/play?transport=udp|tcp-passive|tcp-active&stream=main|sub&record=&hls=&push=&audio= */
    public void play(Exchange exchange) {
        stream(exchange.getMessage(), "play");
    }

    /** POST …/channels/{channelId}/playback?start=…&end=…&transport=… */
    public void playback(Exchange exchange) {
        stream(exchange.getMessage(), "playback");
    }

    /** POST …/channels/{channelId}/download?start=…&end=…&speed=1..32&transport=… */
    public void download(Exchange exchange) {
        stream(exchange.getMessage(), "download");
    }

    /** GET …/channels/{channelId}/snapshot?count=1..10&interval=ms: JPEG of the channel's latest key frame. */
    public void snapshot(Exchange exchange) {
        Message in = exchange.getMessage();
        String deviceId = required(in, "deviceId");
        String channel = channel(in);
        String count = in.getHeader("count", "1", String.class);
        String interval = in.getHeader("interval", "1000", String.class);
        StringBuilder target = new StringBuilder("gb28181:snapshot?snapshotCount=")
                .append(integer("count", count, 1, 10))
                .append("&snapshotInterval=").append(integer("interval", interval, 0, 60_000));
        in.removeHeaders("*");
        in.setHeader(Gb28181Constants.DEVICE_ID, deviceId);
        in.setHeader(Gb28181Constants.CHANNEL_ID, channel);
        exchange.setVariable("target", target.toString());
    }

    /** POST /api/streams/{streamId}/control?action=pause|resume|speed|seek&value=… */
    public void control(Exchange exchange) {
        Message in = exchange.getMessage();
        String streamId = required(in, "streamId");
        String action = required(in, "action");
        String value = in.getHeader("value", String.class);
        in.removeHeaders("*");
        in.setHeader(Gb28181Constants.STREAM_ID, streamId);
        in.setHeader(Gb28181Constants.ACTION, action);
        if (value != null) {
            in.setHeader(Gb28181Constants.VALUE, value);
        }
        exchange.setVariable("target", "gb28181:playbackControl");
    }

    /** DELETE /api/streams/{streamId} */
    public void stop(Exchange exchange) {
        Message in = exchange.getMessage();
        String streamId = required(in, "streamId");
        in.removeHeaders("*");
        in.setHeader(Gb28181Constants.STREAM_ID, streamId);
        exchange.setVariable("target", "gb28181:stop");
    }

    private static void stream(Message in, String type) {
        String deviceId = required(in, "deviceId");
        String channel = channel(in);
        String transport = in.getHeader("transport", "udp", String.class).trim();
        if (!Set.of("udp", "tcp-passive", "tcp-active").contains(transport)) {
            throw new IllegalArgumentException("transport must be udp, tcp-passive or tcp-active");
        }
        String stream = in.getHeader("stream", String.class);
        if (stream != null && !Set.of("main", "sub").contains(stream)) {
            throw new IllegalArgumentException("stream must be main or sub");
        }
        StringBuilder target = new StringBuilder("gb28181:").append(type).append("?transport=").append(transport);
        if (stream != null) {
            target.append("&stream=").append(stream);
        }
        LocalDateTime start = null;
        LocalDateTime end = null;
        if (!type.equals("play")) {
            start = time("start", required(in, "start"));
            end = time("end", required(in, "end"));
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("end must be after start");
            }
            if (type.equals("download") && in.getHeader("speed") != null) {
                target.append("&downloadSpeed=").append(integer("speed", in.getHeader("speed", String.class), 1, 32));
            }
        }
        boolean record = flag(in, "record");
        boolean hls = flag(in, "hls");
        String push = in.getHeader("push", String.class);
        String audio = in.getHeader("audio", String.class);
        in.removeHeaders("*");
        in.setHeader(Gb28181Constants.DEVICE_ID, deviceId);
        in.setHeader(Gb28181Constants.CHANNEL_ID, channel);
        in.setHeader(Gb28181Constants.RECORD, record);
        in.setHeader(Gb28181Constants.HLS, hls);
        if (push != null && !push.isBlank()) {
            // checked by the producer before any INVITE: rtmp://, rtmps:// or rtsp:// only
            in.setHeader(Gb28181Constants.PUSH, push.trim());
        }
        if (audio != null && !audio.isBlank()) {
            in.setHeader(Gb28181Constants.BRIDGE_AUDIO, audio.trim()); // auto, aac or drop: checked by the producer
        }
        if (start != null) {
            in.setHeader(Gb28181Constants.START_TIME, start.toString());
            in.setHeader(Gb28181Constants.END_TIME, end.toString());
        }
        in.getExchange().setVariable("target", target.toString());
    }

    private static void command(Message in, String name, String channel, Map<String, Object> params) {
        String deviceId = required(in, "deviceId");
        in.removeHeaders("*");
        in.setHeader(Gb28181Constants.DEVICE_ID, deviceId);
        in.setHeader(Gb28181Constants.COMMAND, name);
        if (channel != null) {
            in.setHeader(Gb28181Constants.CHANNEL_ID, channel);
        }
        in.setBody(params);
        in.getExchange().setVariable("target", "gb28181:command");
    }

    private static boolean flag(Message in, String name) {
        String v = in.getHeader(name, String.class);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false");
        };
    }

    private static String channel(Message in) {
        return required(in, "channelId");
    }

    private static String required(Message in, String name) {
        String v = in.getHeader(name, String.class);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v.trim();
    }

    private static int integer(String name, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new IllegalArgumentException(name + " must be an integer from " + min + " to " + max);
    }

    /** GB devices keep local time without a zone (A.2.1 date-time type), so an offset is converted to ours. */
    private static LocalDateTime time(String name, String text) {
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(name + " must be an ISO-8601 date-time, e.g. 2026-11-21T08:00:00");
            }
        }
    }
}
