package io.github.camelgb28181;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * gb28181:channels: reads the stored catalog of the device in {@link Gb28181Constants#DEVICE_ID}: the list of its
 * channels (and regions, groups…) in the order the device listed them; with {@link Gb28181Constants#CHANNEL_ID} that
 * one entry (null when unknown). Reading never asks the device; a gb28181:command Catalog refreshes the store.
 */
final class Gb28181ChannelsProducer extends Gb28181PlatformProducer {

    Gb28181ChannelsProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            String deviceId = requireDeviceId(exchange);
            String channelId = exchange.getMessage().getHeader(Gb28181Constants.CHANNEL_ID, String.class);
            exchange.getMessage().setBody(channelId != null ? platform().channels().get(deviceId, channelId)
                    : platform().channels().channels(deviceId));
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }
}
