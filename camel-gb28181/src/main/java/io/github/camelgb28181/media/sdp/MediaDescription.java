package io.github.camelgb28181.media.sdp;

import java.util.List;

/**
 * One {@code m=} section: {@code m=<media> <port>[/<count>] <protocol> <formats...>} and the lines that follow it.
 * {@code y=} and {@code f=} are GB/T 28181 extensions that devices write after the media's attributes; they are kept
 * as written ({@code null} when absent) and checked by {@link SdpAnswer}.
 *
 * @param media      {@code video} or {@code audio}
 * @param port       0–65535; 0 in an answer means the stream was refused
 * @param portCount  the {@code /<count>} suffix, 1 when absent
 * @param protocol   as written, e.g. {@code RTP/AVP} or {@code TCP/RTP/AVP}
 * @param formats    payload types as written
 * @param connection the media-level {@code c=}, or {@code null}
 * @param otherLines lines the model does not interpret, in the order received
 */
public record MediaDescription(String media, int port, int portCount, String protocol, List<String> formats,
                               SdpConnection connection, List<SdpAttribute> attributes, String ssrc, String format,
                               List<SdpLine> otherLines) {

    public MediaDescription {
        SdpText.requireToken("media", media);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (portCount < 1) {
            throw new IllegalArgumentException("port count must be positive: " + portCount);
        }
        SdpText.requireToken("protocol", protocol);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("media line without formats");
        }
        for (String f : formats) {
            SdpText.requireToken("format", f);
        }
        formats = List.copyOf(formats);
        attributes = List.copyOf(attributes);
        otherLines = List.copyOf(otherLines);
        SdpText.requireLineSafe("y", ssrc);
        SdpText.requireLineSafe("f", format);
    }

    /** A media line with formats and attributes and nothing else. */
    public static MediaDescription of(String media, int port, String protocol, List<String> formats,
                                      List<SdpAttribute> attributes) {
        return new MediaDescription(media, port, 1, protocol, formats, null, attributes, null, null, List.of());
    }

    /**
     * Whether RTP runs over TCP (RFC 4571). GB/T 28181 writes {@code TCP/RTP/AVP}; devices also send it in lower case
     * and some use the {@code RTP/AVP/TCP} spelling of RTSP, so all three count.
     */
    public boolean isTcp() {
        return protocol.equalsIgnoreCase("TCP/RTP/AVP") || protocol.equalsIgnoreCase("RTP/AVP/TCP");
    }

    /** The value of the first attribute with this name ({@code ""} for a flag), or {@code null}. */
    public String attribute(String name) {
        return SdpAttribute.find(attributes, name);
    }

    public boolean hasAttribute(String name) {
        return attribute(name) != null;
    }

    /** The direction written at this level, or {@code null}. */
    public MediaDirection direction() {
        return MediaDirection.of(attributes);
    }

    /** The {@code a=setup:} role written at this level, or {@code null} when absent or unknown. */
    public SetupRole setup() {
        return SetupRole.parse(attribute("setup"));
    }

    public List<RtpMap> rtpMaps() {
        return RtpMap.of(attributes);
    }

    public MediaDescription withConnection(SdpConnection c) {
        return new MediaDescription(media, port, portCount, protocol, formats, c, attributes, ssrc, format,
                otherLines);
    }

    public MediaDescription withSsrc(String y) {
        return new MediaDescription(media, port, portCount, protocol, formats, connection, attributes, y, format,
                otherLines);
    }

    public MediaDescription withFormat(String f) {
        return new MediaDescription(media, port, portCount, protocol, formats, connection, attributes, ssrc, f,
                otherLines);
    }

    /** The {@code m=} value. */
    public String mediaLine() {
        StringBuilder sb = new StringBuilder(40).append(media).append(' ').append(port);
        if (portCount > 1) {
            sb.append('/').append(portCount);
        }
        sb.append(' ').append(protocol);
        for (String f : formats) {
            sb.append(' ').append(f);
        }
        return sb.toString();
    }
}
