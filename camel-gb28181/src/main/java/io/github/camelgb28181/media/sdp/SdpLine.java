package io.github.camelgb28181.media.sdp;

/**
 * A line the model does not interpret ({@code i=}, {@code b=}, {@code e=}, vendor letters, extra {@code t=}), kept so
 * that nothing a device sent is lost and a rewritten description says the same.
 */
public record SdpLine(char type, String value) {

    public SdpLine {
        if (!((type >= 'a' && type <= 'z') || (type >= 'A' && type <= 'Z'))) {
            throw new IllegalArgumentException("line type is not a letter: " + (int) type);
        }
        SdpText.requireLineSafe("line value", value);
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
