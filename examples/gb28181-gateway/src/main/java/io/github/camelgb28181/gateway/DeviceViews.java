package io.github.camelgb28181.gateway;

import io.github.camelgb28181.Gb28181Constants;
import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.device.DeviceChannel;
import io.github.camelgb28181.device.DeviceDetails;
import io.github.camelgb28181.manscdp.model.Envelope;
import io.github.camelgb28181.media.rtp.StreamStatistics;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.manscdp.model.PresetItem;
import io.github.camelgb28181.manscdp.model.RecordItem;
import io.github.camelgb28181.platform.DeviceOfflineException;
import io.github.camelgb28181.platform.QueryTimeoutException;
import io.github.camelgb28181.platform.SipStatusException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Header;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the component's {@link Device} records into plain maps for the JSON API, so that Jackson needs no setup for
 * records or {@link Instant} (times become ISO-8601 strings, or null).
 */
public class DeviceViews {

    /** The JSON view of all devices. */
    public List<Map<String, Object>> toViews(Collection<Device> devices) {
        List<Map<String, Object>> views = new ArrayList<>();
        if (devices != null) {
            for (Device device : devices) {
                views.add(toView(device));
            }
        }
        return views;
    }

    /** The JSON view of one device. */
    public Map<String, Object> toView(Device device) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("deviceId", device.deviceId());
        view.put("online", device.online());
        view.put("transport", device.transport().name());
        view.put("remoteAddress", device.remoteHost());
        view.put("remotePort", device.remotePort());
        view.put("registeredAt", iso(device.registeredAt()));
        view.put("lastKeepaliveAt", iso(device.lastKeepaliveAt()));
        view.put("expires", device.expires());
        DeviceDetails d = device.details();
        view.put("name", d.name());
        view.put("manufacturer", d.manufacturer());
        view.put("model", d.model());
        view.put("firmware", d.firmware());
        view.put("channelCount", d.channelCount() < 0 ? null : d.channelCount());
        return view;
    }

    /** The JSON view of a device's stored catalog. */
    public List<Map<String, Object>> channelViews(List<DeviceChannel> channels) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (DeviceChannel c : channels) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("channelId", c.channelId());
            view.put("name", c.name());
            view.put("manufacturer", c.manufacturer());
            view.put("model", c.model());
            view.put("status", c.status());
            view.put("online", c.online());
            view.put("kind", c.kind().name());
            view.put("parentId", c.parentId());
            view.put("civilCode", c.civilCode());
            view.put("address", c.address());
            view.put("ptzType", c.ptzType());
            view.put("longitude", c.longitude());
            view.put("latitude", c.latitude());
            views.add(view);
        }
        return views;
    }

    /** The JSON view of what a gb28181:command answered. */
    public Object answer(Exchange exchange) {
        Message m = exchange.getMessage();
        Object body = m.getBody();
        String command = m.getHeader(Gb28181Constants.COMMAND, String.class);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("deviceId", m.getHeader(Gb28181Constants.DEVICE_ID));
        if (body instanceof StreamSession session) {
            return streamView(session);
        }
        if (body instanceof Integer sipStatus) {
            view.put("sipStatus", sipStatus);
            return view;
        }
        view.put("complete", m.getHeader(Gb28181Constants.COMPLETE));
        List<Map<String, Object>> items = new ArrayList<>();
        if (body instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof RecordItem r) {
                    items.add(record(r));
                } else if (o instanceof PresetItem p) {
                    Map<String, Object> preset = new LinkedHashMap<>();
                    preset.put("presetId", p.getPresetNumber() != null ? p.getPresetNumber() : p.getPresetId());
                    preset.put("name", p.getPresetName());
                    items.add(preset);
                }
            }
        }
        switch (command == null ? "" : command) {
            case "Catalog" -> view.put("channels", body instanceof List<?> l ? l.size() : 0);
            case "RecordInfo" -> view.put("records", items);
            case "PresetQuery" -> view.put("presets", items);
            default -> view.put("result", body instanceof Envelope e ? e.getResult() : null);
        }
        return view;
    }

    /** The JSON view of running streams. */
    public List<Map<String, Object>> streamViews(List<StreamSession> sessions) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (StreamSession s : sessions) {
            views.add(streamView(s));
        }
        return views;
    }

    /** The JSON view of one stream, with its receive statistics. */
    public Map<String, Object> streamView(StreamSession s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("streamId", s.streamId());
        view.put("deviceId", s.deviceId());
        view.put("channelId", s.channelId());
        view.put("type", s.type().name());
        view.put("ssrc", s.ssrc());
        view.put("port", s.localPort());
        view.put("transport", s.transport().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        view.put("state", s.state().name());
        view.put("remoteAddress", s.remoteHost() == null ? null : s.remoteHost() + ":" + s.remotePort());
        view.put("codec", s.codec() == null ? null : s.codec().name());
        view.put("width", s.width());
        view.put("height", s.height());
        view.put("createdAt", iso(s.createdAt()));
        // what players open: the bridge starts on the first request
        view.put("flv", "/live/" + s.streamId() + ".flv");
        view.put("hls", "/live/" + s.streamId() + "/index.m3u8");
        StreamStatistics st = s.statistics();
        if (st != null) {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("packets", st.packets());
            stats.put("bytes", st.bytes());
            stats.put("lost", st.lost());
            stats.put("reordered", st.reordered());
            stats.put("frames", st.frames());
            stats.put("keyFrames", st.keyFrames());
            stats.put("droppedFrames", st.droppedFrames());
            stats.put("fps", st.framesPerSecond());
            stats.put("bitrate", st.bitsPerSecond());
            view.put("statistics", stats);
        }
        return view;
    }

    private static Map<String, Object> record(RecordItem r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("deviceId", r.getDeviceId());
        view.put("name", r.getName());
        view.put("filePath", r.getFilePath());
        view.put("address", r.getAddress());
        view.put("startTime", r.getStartTime());
        view.put("endTime", r.getEndTime());
        view.put("type", r.getType());
        view.put("secrecy", r.getSecrecy());
        view.put("fileSize", r.getFileSize());
        return view;
    }

    /**
     * The JSON error answer for a failed device request, with the HTTP status that says what went wrong: 400 bad
     * parameters, 404 device unknown or offline, 504 no answer in time, 502 the device refused.
     */
    public Map<String, Object> failure(Exchange exchange) {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        while (e instanceof org.apache.camel.CamelExecutionException && e.getCause() != null) {
            e = e.getCause();
        }
        int status;
        if (e instanceof IllegalArgumentException) {
            status = 400;
        } else if (e instanceof DeviceOfflineException || e instanceof java.util.NoSuchElementException) {
            status = 404;
        } else if (e instanceof QueryTimeoutException || e instanceof java.util.concurrent.TimeoutException) {
            status = 504;
        } else if (e instanceof SipStatusException) {
            status = 502;
        } else {
            status = 500;
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return error(status, e == null ? "unknown error" : e.getMessage());
    }

    /** The JSON body of an error answer. */
    public Map<String, Object> error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        return body;
    }

    /** The JSON body of the 404 answer for an unknown device. */
    public Map<String, Object> deviceNotFound(@Header(Gb28181Constants.DEVICE_ID) String deviceId) {
        Map<String, Object> body = error(404, "device not found");
        body.put("deviceId", deviceId);
        return body;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
