package io.github.camelgb28181;

import io.github.camelgb28181.device.Device;
import io.github.camelgb28181.platform.Gb28181Platform;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * gb28181:devices: reads the device registry. With {@link Gb28181Constants#DEVICE_ID} the body becomes that device
 * (null when unknown); otherwise a list of all devices ordered by ID.
 */
final class Gb28181DevicesProducer extends DefaultProducer {

    private Gb28181Platform platform;

    Gb28181DevicesProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public Gb28181Endpoint getEndpoint() {
        return (Gb28181Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        platform = getEndpoint().getComponent().acquirePlatform();
    }

    @Override
    protected void doStop() throws Exception {
        if (platform != null) {
            platform = null;
            getEndpoint().getComponent().releasePlatform();
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        String deviceId = exchange.getMessage().getHeader(Gb28181Constants.DEVICE_ID, String.class);
        if (deviceId != null) {
            exchange.getMessage().setBody(platform.registry().get(deviceId));
            return;
        }
        List<Device> devices = new ArrayList<>(platform.registry().all());
        devices.sort(Comparator.comparing(Device::deviceId));
        exchange.getMessage().setBody(devices);
    }
}
