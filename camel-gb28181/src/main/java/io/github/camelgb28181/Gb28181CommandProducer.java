package io.github.camelgb28181;

import io.github.camelgb28181.manscdp.command.ManscdpCommand;
import io.github.camelgb28181.manscdp.command.ManscdpCommands;
import io.github.camelgb28181.platform.QueryResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.Map;

/**
 * gb28181:command: sends a MANSCDP query or control to a device. Commands the device answers with a Response
 * complete once it (all of it, for multi-message answers) arrived, with a typed body: the list of items for list
 * answers (catalog, records, presets…), the typed response otherwise (the {@link QueryResult} when the response could
 * only be read as an envelope). The others complete with the SIP status of the device's 200 OK.
 */
final class Gb28181CommandProducer extends Gb28181PlatformProducer {

    Gb28181CommandProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        ManscdpCommand command;
        String deviceId;
        String target;
        long timeout;
        try {
            Message in = exchange.getMessage();
            deviceId = requireDeviceId(exchange);
            target = in.getHeader(Gb28181Constants.CHANNEL_ID, deviceId, String.class);
            String name = in.getHeader(Gb28181Constants.COMMAND, getEndpoint().getCommand(), String.class);
            if (name == null) {
                throw new IllegalArgumentException("no command: set the command option or the "
                        + Gb28181Constants.COMMAND + " header");
            }
            Object body = in.getBody();
            @SuppressWarnings("unchecked")
            Map<String, ?> params = body instanceof Map<?, ?> m ? (Map<String, ?>) m : Map.of();
            command = ManscdpCommands.create(name, params);
            timeout = in.getHeader(Gb28181Constants.TIMEOUT, getEndpoint().getResponseTimeout(), Long.class);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (command.expectsResponse()) {
            return complete(exchange, callback, platform().request(deviceId, command, target, timeout,
                    getEndpoint().getGapTimeout()), (ex, result) -> setAnswer(ex.getMessage(), command, result));
        }
        int sn = platform().nextSn();
        return complete(exchange, callback, platform().control(deviceId, command, target, sn), (ex, response) -> {
            ex.getMessage().setBody(response.status());
            ex.getMessage().setHeader(Gb28181Constants.SIP_STATUS, response.status());
            ex.getMessage().setHeader(Gb28181Constants.SN, Integer.toString(sn));
        });
    }

    static void setAnswer(Message out, ManscdpCommand command, QueryResult result) {
        out.setBody(result.typedAnswer());
        out.setHeader(Gb28181Constants.QUERY_RESULT, result);
        out.setHeader(Gb28181Constants.COMPLETE, result.complete());
        out.setHeader(Gb28181Constants.SUM_NUM, result.expected());
        out.setHeader(Gb28181Constants.CMD_TYPE, command.responseCmdType());
    }
}
