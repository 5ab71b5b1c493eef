package io.github.camelgb28181.platform;

import io.github.camelgb28181.sip.SipDialog;

import java.time.Instant;

/**
 * An active subscription: the dialog the device's 2xx created and until when the device granted it.
 *
 * @param deviceId  the device subscribed to
 * @param type      what is subscribed
 * @param dialog    the SUBSCRIBE dialog; NOTIFYs arrive and refreshes go within it
 * @param expiresAt when it lapses unless refreshed
 */
public record Subscription(String deviceId, SubscriptionType type, SipDialog dialog, Instant expiresAt) {
}
