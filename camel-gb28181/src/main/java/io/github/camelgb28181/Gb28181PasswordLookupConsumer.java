package io.github.camelgb28181;

import io.github.camelgb28181.device.PasswordLookup;
import io.github.camelgb28181.platform.Gb28181Platform;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.concurrent.CompletionStage;

/**
 * gb28181:passwordLookup: a route returns a device's registration password as the body (null or empty for the
 * global password). Body and {@link Gb28181Constants#DEVICE_ID} carry the device ID in.
 */
final class Gb28181PasswordLookupConsumer extends Gb28181Consumer implements PasswordLookup {

    Gb28181PasswordLookupConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void attach(Gb28181Platform platform) {
        if (platform.passwordLookup() != null) {
            throw new IllegalStateException("only one gb28181:passwordLookup route may run per component");
        }
        platform.setPasswordLookup(this);
    }

    @Override
    protected void detach(Gb28181Platform platform) {
        platform.setPasswordLookup(null);
    }

    @Override
    public CompletionStage<String> passwordFor(String deviceId) {
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(deviceId);
        exchange.getIn().setHeader(Gb28181Constants.DEVICE_ID, deviceId);
        return request(exchange, out -> {
            String password = out.getBody(String.class);
            return password == null || password.isEmpty() ? null : password;
        }, "passwordLookup");
    }
}
