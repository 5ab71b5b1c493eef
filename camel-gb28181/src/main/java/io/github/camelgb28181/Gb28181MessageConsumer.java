package io.github.camelgb28181;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.ManscdpListener;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** gb28181:message: every MANSCDP message a device sends; body = the parsed message (raw bytes when unreadable). */
final class Gb28181MessageConsumer extends Gb28181Consumer implements ManscdpListener {

    private final Set<String> cmdTypes;

    Gb28181MessageConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        String filter = endpoint.getCmdType();
        this.cmdTypes = filter == null ? Set.of()
                : Arrays.stream(filter.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(String::toLowerCase).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void attach(Gb28181Platform platform) {
        platform.addMessageListener(this);
    }

    @Override
    protected void detach(Gb28181Platform platform) {
        platform.removeMessageListener(this);
    }

    @Override
    public void onMessage(String deviceId, SipRequest request, SipPeer source, ManscdpMessage message,
                          String error) {
        if (!matchesDevice(deviceId)) {
            return;
        }
        if (!cmdTypes.isEmpty() && (message == null || !cmdTypes.contains(message.cmdType().toLowerCase()))) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setHeader(Gb28181Constants.DEVICE_ID, deviceId);
        setSourceHeaders(in, source);
        if (message != null) {
            in.setBody(message);
            in.setHeader(Gb28181Constants.CMD_TYPE, message.cmdType());
            in.setHeader(Gb28181Constants.MESSAGE_ROOT, message.root());
            in.setHeader(Gb28181Constants.SN, message.sn());
        } else {
            in.setBody(request.body());
            in.setHeader(Gb28181Constants.PARSE_ERROR, error);
        }
        dispatch(exchange);
    }
}
