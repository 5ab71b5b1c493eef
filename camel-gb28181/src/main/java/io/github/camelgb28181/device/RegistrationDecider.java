package io.github.camelgb28181.device;

import io.github.camelgb28181.sip.SipPeer;

import java.util.concurrent.CompletionStage;

/**
 * Decides about an authenticated REGISTER (accept, reject, redirect). The Camel layer implements it with a route;
 * without one the configured {@link RedirectPolicy} decides.
 */
@FunctionalInterface
public interface RegistrationDecider {

    CompletionStage<RegistrationDecision> decide(String deviceId, SipPeer source, int expires, boolean refresh);
}
