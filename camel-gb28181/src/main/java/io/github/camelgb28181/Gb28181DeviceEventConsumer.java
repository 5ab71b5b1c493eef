package io.github.camelgb28181;

import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.device.DeviceEvent;
import io.github.camelgb28181.device.DeviceEventListener;
import io.github.camelgb28181.platform.Gb28181Platform;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.util.EnumSet;
import java.util.Set;

/** gb28181:register, gb28181:status and gb28181:keepalive: device events as exchanges, the device as the body. */
final class Gb28181DeviceEventConsumer extends Gb28181Consumer implements DeviceEventListener {

    private final Set<DeviceEvent.Type> types;

    Gb28181DeviceEventConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.types = switch (endpoint.getType()) {
            case register -> EnumSet.of(DeviceEvent.Type.REGISTERED, DeviceEvent.Type.REFRESHED,
                    DeviceEvent.Type.UNREGISTERED, DeviceEvent.Type.REDIRECTED, DeviceEvent.Type.REJECTED);
            case status -> EnumSet.of(DeviceEvent.Type.ONLINE, DeviceEvent.Type.OFFLINE);
            case keepalive -> EnumSet.of(DeviceEvent.Type.KEEPALIVE);
            default -> throw new IllegalArgumentException("not a device event endpoint: " + endpoint.getType());
        };
    }

    @Override
    protected void attach(Gb28181Platform platform) {
        platform.addDeviceListener(this);
    }

    @Override
    protected void detach(Gb28181Platform platform) {
        platform.removeDeviceListener(this);
    }

    @Override
    public void onEvent(DeviceEvent event) {
        if (!types.contains(event.type()) || !matchesDevice(event.deviceId())) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        Device device = event.device();
        in.setBody(device);
        in.setHeader(Gb28181Constants.DEVICE_ID, event.deviceId());
        in.setHeader(Gb28181Constants.EVENT_TYPE, event.type().name());
        in.setHeader(Gb28181Constants.EVENT_TIME, event.time());
        if (event.offlineReason() != null && event.type() != DeviceEvent.Type.ONLINE) {
            in.setHeader(Gb28181Constants.OFFLINE_REASON, event.offlineReason().name());
        }
        if (event.detail() != null) {
            in.setHeader(Gb28181Constants.EVENT_DETAIL, event.detail());
        }
        if (device != null) {
            setSourceHeaders(in, device.peer());
        }
        dispatch(exchange);
    }
}
