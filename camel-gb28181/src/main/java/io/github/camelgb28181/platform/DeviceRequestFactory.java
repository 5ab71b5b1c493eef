package io.github.camelgb28181.platform;

import io.github.camelgb28181.sip.HostPort;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipHeaders;
import io.github.camelgb28181.sip.SipIds;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipStack;

/**
 * Starts requests the platform sends to a device outside any dialog (MESSAGE, a first SUBSCRIBE): From the platform's
 * SIP ID in its domain with a fresh tag, To the device, a new Call-ID, CSeq 1, and a Request-URI naming the device at
 * the address its packets come from (the NAT mapping, not its Contact).
 */
final class DeviceRequestFactory {

    private final SipStack sip;
    private final String sipId;
    private final String domain;

    DeviceRequestFactory(SipStack sip, String sipId, String domain) {
        this.sip = sip;
        this.sipId = sipId;
        this.domain = domain;
    }

    String sipId() {
        return sipId;
    }

    SipHeaders.Builder headers(String deviceId, SipPeer peer, String method) {
        return SipHeaders.builder()
                .add(SipHeaderNames.VIA, sip.newVia(peer.transport()))
                .add(SipHeaderNames.FROM, "<sip:" + sipId + "@" + domain + ">;tag=" + SipIds.newTag())
                .add(SipHeaderNames.TO, "<sip:" + deviceId + "@" + domain + ">")
                .add(SipHeaderNames.CALL_ID, SipIds.newCallId(sip.advertisedHost()))
                .add(SipHeaderNames.CSEQ, "1 " + method)
                .add(SipHeaderNames.MAX_FORWARDS, 70);
    }

    static String requestUri(String deviceId, SipPeer peer) {
        return "sip:" + deviceId + "@" + HostPort.format(peer.host(), peer.port());
    }
}
