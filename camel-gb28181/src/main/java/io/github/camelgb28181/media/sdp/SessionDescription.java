package io.github.camelgb28181.media.sdp;

import java.util.List;
import java.util.function.Function;

/**
 * An SDP session description (RFC 4566) with the GB/T 28181 extensions. Fields a device left out are {@code null};
 * lines the model does not interpret are kept in {@link #otherLines()} so that nothing is lost.
 *
 * @param version     {@code v=}, always 0
 * @param origin      {@code o=}, or {@code null}
 * @param sessionName {@code s=}: {@code Play}, {@code Playback}, {@code Download} or {@code Talk} in GB sessions
 * @param uri         {@code u=}: {@code <channelId>:<type>} for Playback and Download, or {@code null}
 * @param connection  the session-level {@code c=}, or {@code null}
 * @param time        {@code t=}, or {@code null}
 * @param ssrc        a {@code y=} written before the first {@code m=}, as written, or {@code null}
 * @param format      an {@code f=} written before the first {@code m=}, as written, or {@code null}
 */
public record SessionDescription(int version, SdpOrigin origin, String sessionName, String uri,
                                 SdpConnection connection, SdpTime time, List<SdpAttribute> attributes, String ssrc,
                                 String format, List<SdpLine> otherLines, List<MediaDescription> media) {

    public SessionDescription {
        if (version != 0) {
            throw new IllegalArgumentException("SDP version must be 0: " + version);
        }
        SdpText.requireLineSafe("s", sessionName);
        SdpText.requireLineSafe("u", uri);
        SdpText.requireLineSafe("y", ssrc);
        SdpText.requireLineSafe("f", format);
        attributes = List.copyOf(attributes);
        otherLines = List.copyOf(otherLines);
        media = List.copyOf(media);
    }

    /** The value of the first session-level attribute with this name ({@code ""} for a flag), or {@code null}. */
    public String attribute(String name) {
        return SdpAttribute.find(attributes, name);
    }

    /** The first media section of this type ({@code video}, {@code audio}), or {@code null}. */
    public MediaDescription firstMedia(String type) {
        for (MediaDescription m : media) {
            if (m.media().equalsIgnoreCase(type)) {
                return m;
            }
        }
        return null;
    }

    /** The connection that applies to a media section: its own {@code c=}, else the session's (RFC 4566 §5.7). */
    public SdpConnection connectionFor(MediaDescription m) {
        return m.connection() != null ? m.connection() : connection;
    }

    /**
     * The {@code y=} that applies to a media section: its own, else one written at session level, else the one of
     * another section. GB/T 28181 means {@code y=} for the whole session and writes it once at the end of the body,
     * where RFC 4566 reading puts it into the last media section; a Talk answer with one audio line per direction
     * then has it only under the second.
     */
    public String ssrcFor(MediaDescription m) {
        return sessionWide(m, MediaDescription::ssrc, ssrc);
    }

    /** The {@code f=} that applies to a media section, found the same way as {@link #ssrcFor}. */
    public String formatFor(MediaDescription m) {
        return sessionWide(m, MediaDescription::format, format);
    }

    private String sessionWide(MediaDescription m, Function<MediaDescription, String> field, String sessionValue) {
        if (field.apply(m) != null) {
            return field.apply(m);
        }
        if (sessionValue != null) {
            return sessionValue;
        }
        for (MediaDescription other : media) {
            if (field.apply(other) != null) {
                return field.apply(other);
            }
        }
        return null;
    }

    /** The direction that applies to a media section: its own, else the session's, else sendrecv (RFC 4566 §6). */
    public MediaDirection directionFor(MediaDescription m) {
        MediaDirection d = m.direction();
        if (d == null) {
            d = MediaDirection.of(attributes);
        }
        return d == null ? MediaDirection.SENDRECV : d;
    }

    /** The setup role that applies to a media section: its own, else the session's, else {@code null}. */
    public SetupRole setupFor(MediaDescription m) {
        SetupRole r = m.setup();
        return r != null ? r : SetupRole.parse(attribute("setup"));
    }

    /** The same description with the media sections replaced. */
    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return new SessionDescription(version, origin, sessionName, uri, connection, time, attributes, ssrc, format,
                otherLines, newMedia);
    }

    /** The description as SDP text with CRLF line ends. */
    @Override
    public String toString() {
        return SdpWriter.write(this);
    }
}
