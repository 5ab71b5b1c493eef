package io.github.camelgb28181.media.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.github.camelgb28181.media.sdp.SdpParseException.Reason;

/**
 * Parses SDP bodies as GB/T 28181 devices send them. Stateless and thread-safe.
 *
 * <p>Tolerant where devices deviate harmlessly: CRLF, LF or bare CR line ends, blanks around values, NUL bytes anywhere
 * (SPEC §5: C stacks pad or terminate bodies with them), runs of spaces between fields, lines out of RFC 4566 order
 * (session-only lines such as {@code s=} or {@code t=} after an {@code m=} still count for the session), unknown line
 * types (kept). Strict where guessing would send media to the wrong place: a malformed {@code c=}, {@code m=},
 * {@code o=} or {@code t=}, and two different values for one single-valued line at the same level. Bounded in bytes
 * and lines.
 */
public final class SdpParser {

    /** Real GB bodies are under 1 KiB; 16 KiB leaves room for verbose platforms while bounding memory. */
    public static final int DEFAULT_MAX_SIZE = 16 * 1024;
    public static final int DEFAULT_MAX_LINES = 256;

    private final int maxSize;
    private final int maxLines;

    public SdpParser() {
        this(DEFAULT_MAX_SIZE, DEFAULT_MAX_LINES);
    }

    public SdpParser(int maxSize, int maxLines) {
        if (maxSize < 64 || maxLines < 4) {
            throw new IllegalArgumentException("limits too small: " + maxSize + " bytes, " + maxLines + " lines");
        }
        this.maxSize = maxSize;
        this.maxLines = maxLines;
    }

    public SessionDescription parse(byte[] data) throws SdpParseException {
        return parse(data, 0, data.length);
    }

    public SessionDescription parse(byte[] data, int offset, int length) throws SdpParseException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length > maxSize) {
            throw new SdpParseException(Reason.TOO_LARGE, length + " bytes exceed the limit of " + maxSize);
        }
        return parseText(new String(data, offset, length, StandardCharsets.UTF_8));
    }

    public SessionDescription parse(String text) throws SdpParseException {
        if (text.length() > maxSize) {
            throw new SdpParseException(Reason.TOO_LARGE, text.length() + " characters exceed the limit of " + maxSize);
        }
        return parseText(text);
    }

    private SessionDescription parseText(String text) throws SdpParseException {
        Session session = new Session();
        Section section = null;
        int lines = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            String line = stripped(text, start, i);
            i++;
            if (line.isEmpty()) {
                continue;
            }
            if (++lines > maxLines) {
                throw new SdpParseException(Reason.TOO_MANY_LINES, "more than " + maxLines + " lines");
            }
            checkLine(line);
            char type = line.charAt(0);
            String value = line.substring(2).trim();
            if (type == 'm') {
                section = new Section(parseMediaLine(value));
                session.media.add(section);
            } else {
                Level level = section != null ? section : session;
                if (!session.takeSessionLine(type, value)) {
                    level.take(type, value);
                }
            }
        }
        try {
            return session.build();
        } catch (IllegalArgumentException e) {
            // the checks above leave nothing for the records to refuse; this keeps the promise of a typed error
            throw new SdpParseException(Reason.MALFORMED_LINE, e.getMessage());
        }
    }

    /** The characters of a line without NULs and surrounding blanks. */
    private static String stripped(String text, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && isPadding(text.charAt(s))) {
            s++;
        }
        while (e > s && isPadding(text.charAt(e - 1))) {
            e--;
        }
        String line = text.substring(s, e);
        return line.indexOf('\0') < 0 ? line : line.replace("\0", "");
    }

    private static boolean isPadding(char c) {
        return c == ' ' || c == '\t' || c == '\0';
    }

    private static void checkLine(String line) throws SdpParseException {
        char type = line.charAt(0);
        boolean letter = (type >= 'a' && type <= 'z') || (type >= 'A' && type <= 'Z');
        if (line.length() < 2 || !letter || line.charAt(1) != '=') {
            throw new SdpParseException(Reason.MALFORMED_LINE, "not '<letter>=<value>': " + SdpText.printable(line));
        }
        for (int k = 2; k < line.length(); k++) {
            char c = line.charAt(k);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new SdpParseException(Reason.MALFORMED_LINE,
                        "control character " + (int) c + " in line: " + SdpText.printable(line));
            }
        }
    }

    private static MediaDescription parseMediaLine(String value) throws SdpParseException {
        List<String> f = SdpText.fields(value);
        if (f.size() < 4) {
            throw new SdpParseException(Reason.BAD_MEDIA,
                    "expected '<media> <port> <proto> <fmt...>': " + SdpText.printable(value));
        }
        String portSpec = f.get(1);
        int slash = portSpec.indexOf('/');
        long port = SdpText.parseUnsigned(slash < 0 ? portSpec : portSpec.substring(0, slash), 5);
        long count = slash < 0 ? 1 : SdpText.parseUnsigned(portSpec.substring(slash + 1), 5);
        if (port < 0 || port > 65535 || count < 1) {
            throw new SdpParseException(Reason.BAD_MEDIA, "bad port: " + SdpText.printable(portSpec));
        }
        return new MediaDescription(f.get(0), (int) port, (int) count, f.get(2), f.subList(3, f.size()), null,
                List.of(), null, null, List.of());
    }

    /** Parses a value with a value type's parser, turning its refusal into the typed error. */
    private static <T> T read(Reason reason, char type, String value, Function<String, T> parser)
            throws SdpParseException {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new SdpParseException(reason, type + "=" + e.getMessage());
        }
    }

    private static <T> T once(T current, T next, char type) throws SdpParseException {
        if (current != null && !current.equals(next)) {
            throw new SdpParseException(Reason.DUPLICATE_FIELD,
                    "two different '" + type + "=' lines: '" + SdpText.printable(String.valueOf(current)) + "' and '"
                            + SdpText.printable(String.valueOf(next)) + "'");
        }
        return next;
    }

    /** What a session and a media section share: connection, attributes, GB extensions, other lines. */
    private static class Level {
        SdpConnection connection;
        final List<SdpAttribute> attributes = new ArrayList<>();
        String ssrc;
        String format;
        final List<SdpLine> others = new ArrayList<>();

        void take(char type, String value) throws SdpParseException {
            switch (type) {
                case 'c' -> connection = once(connection, read(Reason.BAD_CONNECTION, type, value,
                        SdpConnection::parse), type);
                case 'a' -> {
                    SdpAttribute a = attribute(value);
                    if (a != null) {
                        attributes.add(a);
                    } else {
                        others.add(new SdpLine(type, value)); // "a=" or "a=:x": kept, not interpreted
                    }
                }
                case 'y' -> ssrc = once(ssrc, value, type);
                case 'f' -> format = once(format, value, type);
                default -> others.add(new SdpLine(type, value));
            }
        }

        private static SdpAttribute attribute(String value) {
            try {
                return SdpAttribute.parse(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private static final class Section extends Level {
        final MediaDescription line;

        Section(MediaDescription line) {
            this.line = line;
        }

        MediaDescription build() {
            return new MediaDescription(line.media(), line.port(), line.portCount(), line.protocol(), line.formats(),
                    connection, attributes, ssrc, format, others);
        }
    }

    private static final class Session extends Level {
        SdpOrigin origin;
        String name;
        String uri;
        SdpTime time;
        final List<Section> media = new ArrayList<>();

        /** Takes the session-only lines wherever they stand; false for lines that belong to the current level. */
        boolean takeSessionLine(char type, String value) throws SdpParseException {
            switch (type) {
                case 'v' -> {
                    if (!value.equals("0")) {
                        throw new SdpParseException(Reason.BAD_VERSION, "v=" + SdpText.printable(value));
                    }
                }
                case 'o' -> origin = once(origin, read(Reason.BAD_ORIGIN, type, value, SdpOrigin::parse), type);
                case 's' -> name = once(name, value, type);
                case 'u' -> uri = once(uri, value, type);
                case 't' -> {
                    if (time == null) {
                        time = read(Reason.BAD_TIME, type, value, SdpTime::parse);
                    } else {
                        others.add(new SdpLine(type, value)); // further time descriptions (RFC 4566 §5.9)
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        SessionDescription build() {
            List<MediaDescription> built = new ArrayList<>(media.size());
            for (Section s : media) {
                built.add(s.build());
            }
            return new SessionDescription(0, origin, name, uri, connection, time, attributes, ssrc, format, others,
                    built);
        }
    }
}
