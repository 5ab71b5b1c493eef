package io.github.camelgb28181;

import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.sip.SipPeer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Base of the consumers: holds the shared platform while started and hands exchanges to the route. */
abstract class Gb28181Consumer extends DefaultConsumer {

    private Gb28181Platform platform;

    Gb28181Consumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public Gb28181Endpoint getEndpoint() {
        return (Gb28181Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        platform = getEndpoint().getComponent().acquirePlatform();
        attach(platform);
    }

    @Override
    protected void doStop() throws Exception {
        if (platform != null) {
            detach(platform);
            platform = null;
            getEndpoint().getComponent().releasePlatform();
        }
        super.doStop();
    }

    protected abstract void attach(Gb28181Platform platform);

    protected abstract void detach(Gb28181Platform platform);

    /** Runs the route; failures go to the consumer's exception handler (or the route's, with bridgeErrorHandler). */
    protected void dispatch(Exchange exchange) {
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing GB28181 exchange", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        });
    }

    /**
     * Runs the route as a request and completes with {@code answer} applied to its result message; a failed
     * exchange (after the exception handler has seen it) or a failing {@code answer} completes exceptionally.
     */
    protected <T> CompletableFuture<T> request(Exchange exchange, Function<Message, T> answer, String what) {
        CompletableFuture<T> result = new CompletableFuture<>();
        getAsyncProcessor().process(exchange, doneSync -> {
            try {
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException(what + " route failed", exchange, exchange.getException());
                    result.completeExceptionally(exchange.getException());
                } else {
                    result.complete(answer.apply(exchange.getMessage()));
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                releaseExchange(exchange, false);
            }
        });
        return result;
    }

    /** Where the device's packets come from: host, port and transport headers. */
    protected static void setSourceHeaders(Message in, SipPeer source) {
        in.setHeader(Gb28181Constants.REMOTE_HOST, source.host());
        in.setHeader(Gb28181Constants.REMOTE_PORT, source.port());
        in.setHeader(Gb28181Constants.TRANSPORT, source.transport().name());
    }

    protected boolean matchesDevice(String deviceId) {
        String filter = getEndpoint().getDeviceId();
        return filter == null || filter.equals(deviceId);
    }
}
