package io.github.camelgb28181.media.sdp;

/**
 * How a device wants to be told which of its streams (main, sub, third...) to send. GB/T 28181-2022 defines
 * {@code a=streamnumber:N}; older devices each read one vendor attribute and ignore the others, so the flavour is a
 * per-device setting (SPEC §4).
 */
public enum SubStreamFlavour {
    /** No stream selection: the device sends its default (main) stream. */
    NONE(null),
    /** {@code a=streamnumber:N} (GB/T 28181-2022): 0 main, 1 sub, 2 third... */
    STREAMNUMBER("streamnumber"),
    /** {@code a=stream:N}. */
    STREAM("stream"),
    /** {@code a=streamprofile:N}. */
    STREAMPROFILE("streamprofile"),
    /**
     * {@code a=streamMode:main|sub}, two streams only (TP-Link). Written in lower case, the form public
     * integrations send these devices; answers are read without regard to case.
     */
    STREAMMODE("streamMode");

    private final String attributeName;

    SubStreamFlavour(String attributeName) {
        this.attributeName = attributeName;
    }

    /**
     * Reads a flavour by its name or attribute name, in any case (streamnumber, stream, streamprofile, streamMode,
     * none).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static SubStreamFlavour parse(String text) {
        String t = text.trim();
        for (SubStreamFlavour f : values()) {
            if (f.name().equalsIgnoreCase(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("stream flavour must be streamnumber, stream, streamprofile, streamMode or"
                + " none, not '" + text + "'");
    }

    /** The attribute name, {@code null} for {@link #NONE}. */
    public String attributeName() {
        return attributeName;
    }

    /**
     * The attribute that selects stream {@code index} (0 = main), or {@code null} for {@link #NONE}.
     *
     * @throws IllegalArgumentException for a negative index, or an index above 1 with {@link #STREAMMODE}
     */
    public SdpAttribute attribute(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("stream index must not be negative: " + index);
        }
        if (this == NONE) {
            return null;
        }
        if (this == STREAMMODE) {
            if (index > 1) {
                throw new IllegalArgumentException("streamMode knows only main and sub, not stream " + index);
            }
            return SdpAttribute.of(attributeName, index == 0 ? "main" : "sub");
        }
        return SdpAttribute.of(attributeName, Integer.toString(index));
    }
}
