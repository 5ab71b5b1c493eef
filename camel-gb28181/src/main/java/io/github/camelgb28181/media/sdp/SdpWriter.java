package io.github.camelgb28181.media.sdp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link SessionDescription} as text. Lines go in the order of RFC 4566 §5 with CRLF ends, the GB extensions
 * {@code y=} and {@code f=} after a section's attributes as the standard's examples place them: some devices read the
 * body with fixed expectations and reject an INVITE whose lines are out of that order.
 */
public final class SdpWriter {

    /** Where uninterpreted lines go: those of these types before {@code u=}, {@code c=}, after {@code c=}, after t=. */
    private static final String BEFORE_URI = "i";
    private static final String BEFORE_CONNECTION = "ep";
    private static final String BEFORE_TIME = "b";
    private static final String AFTER_TIME = "trzk";
    private static final String KNOWN = BEFORE_URI + BEFORE_CONNECTION + BEFORE_TIME + AFTER_TIME;
    private static final String MEDIA_BEFORE_CONNECTION = "i";
    private static final String MEDIA_BEFORE_ATTRIBUTES = "bk";
    private static final String MEDIA_KNOWN = MEDIA_BEFORE_CONNECTION + MEDIA_BEFORE_ATTRIBUTES;

    private SdpWriter() {
    }

    public static String write(SessionDescription sd) {
        StringBuilder sb = new StringBuilder(512);
        line(sb, 'v', Integer.toString(sd.version()));
        if (sd.origin() != null) {
            line(sb, 'o', sd.origin().toString());
        }
        if (sd.sessionName() != null) {
            line(sb, 's', sd.sessionName());
        }
        others(sb, sd.otherLines(), BEFORE_URI, true);
        if (sd.uri() != null) {
            line(sb, 'u', sd.uri());
        }
        others(sb, sd.otherLines(), BEFORE_CONNECTION, true);
        if (sd.connection() != null) {
            line(sb, 'c', sd.connection().toString());
        }
        others(sb, sd.otherLines(), BEFORE_TIME, true);
        if (sd.time() != null) {
            line(sb, 't', sd.time().toString());
        }
        others(sb, sd.otherLines(), AFTER_TIME, true);
        attributesAndExtensions(sb, sd.attributes(), sd.ssrc(), sd.format());
        others(sb, sd.otherLines(), KNOWN, false);
        for (MediaDescription m : sd.media()) {
            line(sb, 'm', m.mediaLine());
            others(sb, m.otherLines(), MEDIA_BEFORE_CONNECTION, true);
            if (m.connection() != null) {
                line(sb, 'c', m.connection().toString());
            }
            others(sb, m.otherLines(), MEDIA_BEFORE_ATTRIBUTES, true);
            attributesAndExtensions(sb, m.attributes(), m.ssrc(), m.format());
            others(sb, m.otherLines(), MEDIA_KNOWN, false);
        }
        return sb.toString();
    }

    public static byte[] toBytes(SessionDescription sd) {
        return write(sd).getBytes(StandardCharsets.UTF_8);
    }

    private static void attributesAndExtensions(StringBuilder sb, List<SdpAttribute> attributes, String ssrc,
                                                String format) {
        for (SdpAttribute a : attributes) {
            line(sb, 'a', a.toString());
        }
        if (ssrc != null) {
            line(sb, 'y', ssrc);
        }
        if (format != null) {
            line(sb, 'f', format);
        }
    }

    /** Writes the lines whose type is (or, with {@code in == false}, is not) among {@code types}. */
    private static void others(StringBuilder sb, List<SdpLine> lines, String types, boolean in) {
        for (SdpLine l : lines) {
            if ((types.indexOf(l.type()) >= 0) == in) {
                line(sb, l.type(), l.value());
            }
        }
    }

    private static void line(StringBuilder sb, char type, String value) {
        sb.append(type).append('=').append(value).append("\r\n");
    }
}
