package io.github.camelgb28181;

import io.github.camelgb28181.media.sdp.MediaTransport;
import io.github.camelgb28181.media.sdp.SubStreamFlavour;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.StreamBridges;
import io.github.camelgb28181.util.Completions;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/** Base of the producers: holds the shared platform while started and completes exchanges from futures. */
abstract class Gb28181PlatformProducer extends DefaultAsyncProducer {

    private Gb28181Platform platform;

    Gb28181PlatformProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public Gb28181Endpoint getEndpoint() {
        return (Gb28181Endpoint) super.getEndpoint();
    }

    protected Gb28181Platform platform() {
        return platform;
    }

    /** The platform's media bridges, created on first use. */
    protected StreamBridges bridges() {
        return getEndpoint().getComponent().getStreamBridges();
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

    /** The device a command is for: the CamelGb28181DeviceId header, which is required. */
    protected static String requireDeviceId(Exchange exchange) {
        String id = exchange.getMessage().getHeader(Gb28181Constants.DEVICE_ID, String.class);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("header " + Gb28181Constants.DEVICE_ID + " is required");
        }
        return id;
    }

    /** Completes the exchange when the stage does: no thread waits for the device. */
    protected <T> boolean complete(Exchange exchange, AsyncCallback callback, CompletionStage<T> stage,
                                   BiConsumer<Exchange, T> onResult) {
        stage.whenComplete((value, error) -> {
            try {
                if (error != null) {
                    exchange.setException(Completions.cause(error));
                } else {
                    onResult.accept(exchange, value);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    /** The header's transport, else the endpoint's, else the device's default (deviceTransports), else UDP. */
    protected MediaTransport transport(Message in, Gb28181Endpoint e, String deviceId) {
        String text = in.getHeader(Gb28181Constants.MEDIA_TRANSPORT, e.getTransport(), String.class);
        return text != null ? MediaTransport.parse(text) : platform().defaultTransport(deviceId);
    }

    /** The endpoint's sub-stream attribute flavour, else the device's default (deviceStreamFlavours). */
    protected SubStreamFlavour flavour(Gb28181Endpoint e, String deviceId) {
        return e.getSubStreamFlavour() != null ? SubStreamFlavour.parse(e.getSubStreamFlavour())
                : platform().defaultStreamFlavour(deviceId);
    }
}
