package io.github.camelgb28181;

import io.github.camelgb28181.platform.SubscriptionType;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

import java.util.Locale;

/**
 * gb28181:subscribe: subscribes to a device's catalog, alarm, mobile-position or PTZ-position events (kept alive
 * by the platform); expires 0 unsubscribes. The body becomes the {@code Subscription} (null after unsubscribing).
 * NOTIFYs arrive at gb28181:message consumers.
 */
final class Gb28181SubscribeProducer extends Gb28181PlatformProducer {

    Gb28181SubscribeProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    static SubscriptionType typeOf(String event) {
        if (event == null) {
            throw new IllegalArgumentException("gb28181:subscribe needs the event option");
        }
        return switch (event.toLowerCase(Locale.ROOT)) {
            case "catalog" -> SubscriptionType.CATALOG;
            case "alarm" -> SubscriptionType.ALARM;
            case "mobileposition" -> SubscriptionType.MOBILE_POSITION;
            case "ptzposition" -> SubscriptionType.PTZ_POSITION;
            default -> throw new IllegalArgumentException("unknown subscription event '" + event
                    + "' (catalog, alarm, mobilePosition, ptzPosition)");
        };
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String deviceId;
        SubscriptionType type;
        int expires;
        try {
            deviceId = requireDeviceId(exchange);
            type = typeOf(getEndpoint().getEvent());
            expires = exchange.getMessage().getHeader(Gb28181Constants.EXPIRES, getEndpoint().getExpires(),
                    Integer.class);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (expires <= 0) {
            return complete(exchange, callback, platform().unsubscribe(deviceId, type),
                    (ex, nothing) -> ex.getMessage().setBody(null));
        }
        return complete(exchange, callback, platform().subscribe(deviceId, type, expires),
                (ex, subscription) -> ex.getMessage().setBody(subscription));
    }
}
