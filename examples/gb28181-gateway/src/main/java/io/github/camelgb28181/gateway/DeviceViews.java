package io.github.camelgb28181.gateway;

import io.github.camelgb28181.Gb28181Constants;
import io.github.camelgb28181.device.Device;
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
        return view;
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
