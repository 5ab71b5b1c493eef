package io.github.camelgb28181.gateway;

import io.github.camelgb28181.Gb28181Constants;
import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.device.DeviceCatalog;
import io.github.camelgb28181.device.DeviceChannel;
import io.github.camelgb28181.manscdp.model.AlarmNotify;
import io.github.camelgb28181.manscdp.model.MobilePositionNotify;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory ring buffer of the most recent device events, safe for concurrent use. Keep-alives, which arrive
 * far more often than anything else, are kept in a buffer of their own ({@link #setKeepaliveCapacity(int)}), so
 * that they cannot push registrations and status changes out of the log.
 */
public class EventLog {

    /** The number of events returned when no limit is given. */
    public static final int DEFAULT_LIMIT = 100;

    private static final String KEEPALIVE = "KEEPALIVE";

    private final Deque<Entry> events = new ArrayDeque<>();
    private final Deque<Entry> keepalives = new ArrayDeque<>();
    private int capacity = 1000;
    private int keepaliveCapacity = 1000;
    private long sequence;

    private record Entry(long seq, Instant time, Map<String, Object> view) {
    }

    /**
     * Records the event of a gb28181:register, status, keepalive, alarm, mobilePosition or catalog exchange (its type in
     * the event type header) and returns a short
     * human-readable summary of its details (for the log line).
     */
    public String record(Exchange exchange) {
        Message in = exchange.getMessage();
        String type = in.getHeader(Gb28181Constants.EVENT_TYPE, String.class);
        String deviceId = in.getHeader(Gb28181Constants.DEVICE_ID, String.class);
        Instant time = in.getHeader(Gb28181Constants.EVENT_TIME, Instant.class);
        if (time == null) {
            time = Instant.now();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        putIfPresent(details, "reason", in.getHeader(Gb28181Constants.OFFLINE_REASON, String.class));
        putIfPresent(details, "detail", in.getHeader(Gb28181Constants.EVENT_DETAIL, String.class));
        putIfPresent(details, "transport", in.getHeader(Gb28181Constants.TRANSPORT, String.class));
        String host = in.getHeader(Gb28181Constants.REMOTE_HOST, String.class);
        if (host != null) {
            Integer port = in.getHeader(Gb28181Constants.REMOTE_PORT, Integer.class);
            details.put("remoteAddress", port == null ? host : host + ":" + port);
        }
        putIfPresent(details, "channelId", in.getHeader(Gb28181Constants.CHANNEL_ID, String.class));
        Object body = in.getBody();
        if (body instanceof Device device && ("REGISTERED".equals(type) || "REFRESHED".equals(type))) {
            details.put("expires", device.expires());
        } else if (body instanceof AlarmNotify alarm) {
            putIfPresent(details, "priority", alarm.getAlarmPriority());
            putIfPresent(details, "method", alarm.getAlarmMethod());
            putIfPresent(details, "alarmType", alarm.getAlarmType());
            putIfPresent(details, "alarmTime", alarm.getAlarmTime());
            putIfPresent(details, "description", alarm.getAlarmDescription());
            putIfPresent(details, "longitude", alarm.getLongitude());
            putIfPresent(details, "latitude", alarm.getLatitude());
        } else if (body instanceof MobilePositionNotify position) {
            putIfPresent(details, "positionTime", position.getTime());
            putIfPresent(details, "longitude", position.getLongitude());
            putIfPresent(details, "latitude", position.getLatitude());
            putIfPresent(details, "speed", position.getSpeed());
            putIfPresent(details, "direction", position.getDirection());
        } else if (body instanceof DeviceCatalog catalog) {
            details.put("channels", catalog.channels().size());
            details.put("complete", catalog.complete());
        } else if (body instanceof DeviceChannel channel) {
            putIfPresent(details, "name", channel.name());
        }
        record(type == null ? "UNKNOWN" : type, deviceId, time, details);
        return summary(details);
    }

    /** Records one event. */
    public void record(String type, String deviceId, Instant time, Map<String, Object> details) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", type);
        view.put("deviceId", deviceId);
        view.put("time", time.toString());
        view.put("details", details == null ? Map.of() : details);
        synchronized (this) {
            boolean keepalive = KEEPALIVE.equals(type);
            Deque<Entry> buffer = keepalive ? keepalives : events;
            buffer.addLast(new Entry(++sequence, time, view));
            trim(buffer, keepalive ? keepaliveCapacity : capacity);
        }
    }

    /**
     * The most recent events, oldest first and newest last.
     *
     * @param limit how many; null means {@value #DEFAULT_LIMIT}
     */
    public List<Map<String, Object>> recent(Integer limit) {
        int n = limit == null ? DEFAULT_LIMIT : Math.max(0, limit);
        List<Entry> all;
        synchronized (this) {
            all = new ArrayList<>(events.size() + keepalives.size());
            all.addAll(events);
            all.addAll(keepalives);
        }
        // events are dispatched on several threads: order by event time, then by arrival
        all.sort(Comparator.comparing(Entry::time).thenComparingLong(Entry::seq));
        List<Map<String, Object>> result = new ArrayList<>(Math.min(n, all.size()));
        for (Entry e : all.subList(Math.max(0, all.size() - n), all.size())) {
            result.add(e.view());
        }
        return result;
    }

    /** How many events are held now. */
    public synchronized int size() {
        return events.size() + keepalives.size();
    }

    public synchronized int getCapacity() {
        return capacity;
    }

    /** How many events other than keep-alives are kept (default 1000). */
    public synchronized void setCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        trim(events, capacity);
    }

    public synchronized int getKeepaliveCapacity() {
        return keepaliveCapacity;
    }

    /** How many keep-alive events are kept (default 1000). */
    public synchronized void setKeepaliveCapacity(int keepaliveCapacity) {
        if (keepaliveCapacity < 0) {
            throw new IllegalArgumentException("keepaliveCapacity must not be negative: " + keepaliveCapacity);
        }
        this.keepaliveCapacity = keepaliveCapacity;
        trim(keepalives, keepaliveCapacity);
    }

    private static void trim(Deque<Entry> buffer, int max) {
        while (buffer.size() > max) {
            buffer.removeFirst();
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String summary(Map<String, Object> details) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : details.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }
}
