package io.github.camelgb28181.media.sdp;

import java.util.List;

/**
 * {@code a=<name>} (a flag such as {@code recvonly}) or {@code a=<name>:<value>} (RFC 4566 §5.13). The value is kept
 * as written.
 */
public record SdpAttribute(String name, String value) {

    public SdpAttribute {
        SdpText.requireToken("attribute name", name);
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("attribute name holds ':': " + SdpText.printable(name));
        }
        SdpText.requireLineSafe("attribute value", value);
    }

    public static SdpAttribute flag(String name) {
        return new SdpAttribute(name, null);
    }

    public static SdpAttribute of(String name, String value) {
        return new SdpAttribute(name, value);
    }

    public static SdpAttribute parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new SdpAttribute(text.trim(), null);
        }
        return new SdpAttribute(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    public boolean isFlag() {
        return value == null;
    }

    /**
     * The value of the first attribute with this name ({@code ""} for a flag), or {@code null}. Names compare without
     * case: devices write {@code streamMode}, {@code streammode} and {@code StreamMode} for the same thing.
     */
    public static String find(List<SdpAttribute> attributes, String name) {
        for (SdpAttribute a : attributes) {
            if (a.name.equalsIgnoreCase(name)) {
                return a.value == null ? "" : a.value;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}
