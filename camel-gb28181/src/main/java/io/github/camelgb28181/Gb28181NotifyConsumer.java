package io.github.camelgb28181;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.model.AlarmNotify;
import io.github.camelgb28181.manscdp.model.Envelope;
import io.github.camelgb28181.manscdp.model.MediaStatusNotify;
import io.github.camelgb28181.manscdp.model.MobilePositionNotify;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.ManscdpListener;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * gb28181:alarm, gb28181:mobilePosition, gb28181:mediaStatus: one exchange per notification of that kind, in a
 * MESSAGE or in a NOTIFY of a subscription, with the typed body and its key values as headers.
 */
final class Gb28181NotifyConsumer extends Gb28181Consumer implements ManscdpListener {

    private final Class<? extends Envelope> kind;

    Gb28181NotifyConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.kind = switch (endpoint.getType()) {
            case alarm -> AlarmNotify.class;
            case mobilePosition -> MobilePositionNotify.class;
            case mediaStatus -> MediaStatusNotify.class;
            default -> throw new IllegalArgumentException("not a notification endpoint: " + endpoint.getType());
        };
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
    public void onMessage(String deviceId, SipRequest request, SipPeer source, ManscdpMessage message, String error) {
        if (message == null || !kind.isInstance(message.document()) || !matchesDevice(deviceId)) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(message.document());
        in.setHeader(Gb28181Constants.DEVICE_ID, deviceId);
        in.setHeader(Gb28181Constants.CHANNEL_ID, message.deviceId());
        in.setHeader(Gb28181Constants.CMD_TYPE, message.cmdType());
        in.setHeader(Gb28181Constants.SN, message.sn());
        setSourceHeaders(in, source);
        if (message.document() instanceof AlarmNotify alarm) {
            in.setHeader(Gb28181Constants.ALARM_PRIORITY, alarm.getAlarmPriority());
            in.setHeader(Gb28181Constants.ALARM_METHOD, alarm.getAlarmMethod());
            in.setHeader(Gb28181Constants.ALARM_TYPE, alarm.getAlarmType());
            in.setHeader(Gb28181Constants.DEVICE_TIME, alarm.getAlarmTime());
        } else if (message.document() instanceof MobilePositionNotify position) {
            in.setHeader(Gb28181Constants.DEVICE_TIME, position.getTime());
        } else if (message.document() instanceof MediaStatusNotify status) {
            in.setHeader(Gb28181Constants.NOTIFY_TYPE, status.getNotifyType());
        }
        dispatch(exchange);
    }
}
