package io.github.camelgb28181;

import io.github.camelgb28181.device.Device;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * gb28181:devices: reads the device registry. With {@link Gb28181Constants#DEVICE_ID} the body becomes that device
 * (null when unknown); otherwise a list of all devices ordered by ID.
 */
final class Gb28181DevicesProducer extends Gb28181PlatformProducer {

    Gb28181DevicesProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String deviceId = exchange.getMessage().getHeader(Gb28181Constants.DEVICE_ID, String.class);
        if (deviceId != null) {
            exchange.getMessage().setBody(platform().registry().get(deviceId));
        } else {
            List<Device> devices = new ArrayList<>(platform().registry().all());
            devices.sort(Comparator.comparing(Device::deviceId));
            exchange.getMessage().setBody(devices);
        }
        callback.done(true);
        return true;
    }
}
