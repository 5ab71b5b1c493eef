package io.github.camelgb28181;

import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.QueryListener;
import io.github.camelgb28181.platform.QueryResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * gb28181:recordInfo, gb28181:deviceInfo, gb28181:deviceStatus: the answers to those queries — whoever asked (a
 * route's gb28181:command, or the platform's own queries when a device comes online) — once complete or timed out
 * with a partial result. Body: the list of items for record answers, the typed response otherwise.
 */
final class Gb28181AnswerConsumer extends Gb28181Consumer implements QueryListener {

    private final String cmdType;

    Gb28181AnswerConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.cmdType = switch (endpoint.getType()) {
            case recordInfo -> "RecordInfo";
            case deviceInfo -> "DeviceInfo";
            case deviceStatus -> "DeviceStatus";
            default -> throw new IllegalArgumentException("not a query answer endpoint: " + endpoint.getType());
        };
    }

    @Override
    protected void attach(Gb28181Platform platform) {
        platform.addQueryListener(this);
    }

    @Override
    protected void detach(Gb28181Platform platform) {
        platform.removeQueryListener(this);
    }

    @Override
    public void onQueryResult(String deviceId, String answerCmdType, QueryResult result) {
        if (!cmdType.equalsIgnoreCase(answerCmdType) || !matchesDevice(deviceId) || result.messages().isEmpty()) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(result.typedAnswer());
        in.setHeader(Gb28181Constants.DEVICE_ID, deviceId);
        in.setHeader(Gb28181Constants.CHANNEL_ID, result.first().deviceId());
        in.setHeader(Gb28181Constants.CMD_TYPE, answerCmdType);
        in.setHeader(Gb28181Constants.SN, result.first().sn());
        in.setHeader(Gb28181Constants.COMPLETE, result.complete());
        in.setHeader(Gb28181Constants.SUM_NUM, result.expected());
        in.setHeader(Gb28181Constants.QUERY_RESULT, result);
        dispatch(exchange);
    }
}
