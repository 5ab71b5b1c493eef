package io.github.camelgb28181.platform;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipRequest;

/** Receives every MANSCDP message a device sends (keep-alives included), after it has been answered. */
@FunctionalInterface
public interface ManscdpListener {

    /**
     * @param deviceId the sending device (From user)
     * @param message  the parsed message, or null when {@code error} is set
     * @param error    why the body could not be read, or null
     */
    void onMessage(String deviceId, SipRequest request, SipPeer source, ManscdpMessage message, String error);
}
