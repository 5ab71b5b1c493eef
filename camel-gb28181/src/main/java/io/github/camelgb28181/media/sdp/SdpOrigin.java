package io.github.camelgb28181.media.sdp;

import java.util.List;
import java.util.Objects;

/**
 * {@code o=<username> <sess-id> <sess-version> IN IP4 <address>} (RFC 4566 §5.2). GB/T 28181 puts the sender's
 * device or platform ID in the username. Session ID and version stay text: devices write 0, timestamps or numbers
 * beyond 64 bits, and nothing in the platform computes with them.
 */
public record SdpOrigin(String username, String sessionId, String sessionVersion, SdpConnection address) {

    public SdpOrigin {
        SdpText.requireToken("origin username", username);
        SdpText.requireToken("origin session id", sessionId);
        SdpText.requireToken("origin session version", sessionVersion);
        Objects.requireNonNull(address, "address");
    }

    public static SdpOrigin parse(String value) {
        List<String> f = SdpText.fields(value);
        if (f.size() != 6) {
            throw new IllegalArgumentException("expected six fields: " + SdpText.printable(value));
        }
        return new SdpOrigin(f.get(0), f.get(1), f.get(2), SdpConnection.fromFields(f.get(3), f.get(4), f.get(5)));
    }

    @Override
    public String toString() {
        return username + " " + sessionId + " " + sessionVersion + " " + address;
    }
}
