package io.github.camelgb28181.media.sdp;

import java.util.List;
import java.util.Locale;

/** The direction attribute of a media line (RFC 4566 §6); GB offers for live video say {@code recvonly}. */
public enum MediaDirection {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    public String attributeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first direction flag among the attributes, or {@code null}. */
    public static MediaDirection of(List<SdpAttribute> attributes) {
        for (SdpAttribute a : attributes) {
            for (MediaDirection d : values()) {
                if (a.name().equalsIgnoreCase(d.attributeName())) {
                    return d;
                }
            }
        }
        return null;
    }
}
