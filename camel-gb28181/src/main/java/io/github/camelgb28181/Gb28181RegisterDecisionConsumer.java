package io.github.camelgb28181;

import io.github.camelgb28181.device.RedirectTarget;
import io.github.camelgb28181.device.RegistrationDecider;
import io.github.camelgb28181.device.RegistrationDecision;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.sip.SipPeer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * gb28181:registerDecision: a route decides about each authenticated REGISTER by setting the
 * {@link Gb28181Constants#REGISTER_DECISION} header (accept, reject, redirect).
 */
final class Gb28181RegisterDecisionConsumer extends Gb28181Consumer implements RegistrationDecider {

    Gb28181RegisterDecisionConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void attach(Gb28181Platform platform) {
        if (platform.registrationDecider() != null) {
            throw new IllegalStateException("only one gb28181:registerDecision route may run per component");
        }
        platform.setRegistrationDecider(this);
    }

    @Override
    protected void detach(Gb28181Platform platform) {
        platform.setRegistrationDecider(null);
    }

    @Override
    public CompletionStage<RegistrationDecision> decide(String deviceId, SipPeer source, int expires,
                                                        boolean refresh) {
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(deviceId);
        in.setHeader(Gb28181Constants.DEVICE_ID, deviceId);
        setSourceHeaders(in, source);
        in.setHeader(Gb28181Constants.EXPIRES, expires);
        in.setHeader(Gb28181Constants.REFRESH, refresh);
        return request(exchange, Gb28181RegisterDecisionConsumer::decisionOf, "registerDecision");
    }

    static RegistrationDecision decisionOf(Message out) {
        String decision = out.getHeader(Gb28181Constants.REGISTER_DECISION, "accept", String.class);
        return switch (decision.trim().toLowerCase(Locale.ROOT)) {
            case "accept" -> RegistrationDecision.ACCEPT;
            case "reject" -> RegistrationDecision.reject(out.getHeader(Gb28181Constants.REJECT_STATUS, 403,
                    Integer.class));
            case "redirect" -> {
                String target = out.getHeader(Gb28181Constants.REDIRECT_TARGET, String.class);
                if (target == null || target.isBlank()) {
                    throw new IllegalArgumentException("redirect decision without " + Gb28181Constants.REDIRECT_TARGET);
                }
                yield RegistrationDecision.redirect(RedirectTarget.parse(target));
            }
            default -> throw new IllegalArgumentException("unknown register decision '" + decision + "'");
        };
    }
}
