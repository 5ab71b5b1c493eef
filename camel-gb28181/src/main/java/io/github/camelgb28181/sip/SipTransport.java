package io.github.camelgb28181.sip;

import java.util.Locale;

/** The transports GB28181 signalling runs over (GB/T 28181-2016 §4.2: UDP mandatory, TCP optional). */
public enum SipTransport {
    UDP,
    TCP;

    /** Reads "udp", "UDP", "tcp"; anything else is an error. */
    public static SipTransport parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public boolean isReliable() {
        return this == TCP;
    }
}
