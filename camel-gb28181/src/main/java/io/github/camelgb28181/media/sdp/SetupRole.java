package io.github.camelgb28181.media.sdp;

import java.util.Locale;

/**
 * The {@code a=setup:} role of RFC 4145 §4: who opens the TCP connection that carries RTP (RFC 4571 framing). In a GB
 * offer it is the platform's own role, in the answer the device's.
 */
public enum SetupRole {
    /** This side connects. */
    ACTIVE,
    /** This side listens. */
    PASSIVE,
    /** Either; the answerer chooses. */
    ACTPASS,
    /** Keep the existing connection. */
    HOLDCONN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role written in an attribute value (case ignored), or {@code null} for anything else. */
    public static SetupRole parse(String value) {
        if (value == null) {
            return null;
        }
        for (SetupRole r : values()) {
            if (r.name().equalsIgnoreCase(value.trim())) {
                return r;
            }
        }
        return null;
    }
}
