package io.github.camelgb28181;

import io.github.camelgb28181.manscdp.command.ManscdpCommand;
import io.github.camelgb28181.manscdp.command.ManscdpCommands;
import io.github.camelgb28181.platform.QueryResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.Map;
import java.util.Set;

/**
 * gb28181:command: sends a MANSCDP query or control to a device. Commands the device answers with a Response
 * complete with a {@link QueryResult} body once it (all of it, for multi-message answers) arrived; the others with
 * the SIP status of the device's 200 OK.
 */
final class Gb28181CommandProducer extends Gb28181PlatformProducer {

    /** Answers that may span several MESSAGEs and carry SumNum (GB/T 28181-2016 A.2.6). */
    private static final Set<String> MULTI_MESSAGE = Set.of("catalog", "recordinfo", "presetquery",
            "cruisetracklistquery", "cruisetrackquery", "alarm", "configdownload");

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
            boolean multi = MULTI_MESSAGE.contains(command.responseCmdType().toLowerCase());
            return complete(exchange, callback, platform().query(deviceId, command.responseCmdType(),
                    sn -> command.toXml(sn, target), multi, timeout, getEndpoint().getGapTimeout()), (ex, result) -> {
                        ex.getMessage().setBody(result);
                        ex.getMessage().setHeader(Gb28181Constants.COMPLETE, result.complete());
                        ex.getMessage().setHeader(Gb28181Constants.CMD_TYPE, command.responseCmdType());
                    });
        }
        int sn = platform().nextSn();
        return complete(exchange, callback, platform().sendManscdp(deviceId, command.toXml(sn, target)),
                (ex, response) -> {
                    ex.getMessage().setBody(response.status());
                    ex.getMessage().setHeader(Gb28181Constants.SIP_STATUS, response.status());
                    ex.getMessage().setHeader(Gb28181Constants.SN, Integer.toString(sn));
                });
    }
}
