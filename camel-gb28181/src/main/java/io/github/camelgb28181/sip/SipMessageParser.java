package io.github.camelgb28181.sip;

import io.github.camelgb28181.util.Ascii;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses SIP messages from bytes. One instance per stack; stateless and thread-safe.
 *
 * <p>Tolerant where real devices deviate and harmless (compact names, any header case, folded lines, LF-only line
 * ends, a body behind {@code Content-Length: 0} on UDP, trailing NUL padding), strict where leniency would let one
 * message be read as two (duplicate or conflicting Content-Length, bare CR or NUL inside headers, a declared length
 * beyond the datagram or the size limit).
 */
public final class SipMessageParser {

    /** The default size limit of one message, headers and body together. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024;

    private static final String[] SINGLE_VALUED = {
            SipHeaderNames.CALL_ID, SipHeaderNames.CSEQ, SipHeaderNames.FROM, SipHeaderNames.TO,
            SipHeaderNames.CONTENT_LENGTH, SipHeaderNames.MAX_FORWARDS };

    private final int maxMessageSize;

    public SipMessageParser(int maxMessageSize) {
        if (maxMessageSize < 512) {
            throw new IllegalArgumentException("maxMessageSize must be at least 512 bytes: " + maxMessageSize);
        }
        this.maxMessageSize = maxMessageSize;
    }

    public int maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * Parses one UDP datagram. The body runs to the declared Content-Length, or to the end of the datagram when the
     * header is absent (RFC 3261 §18.3) or, as some cameras send, is 0 while a body follows.
     */
    public SipMessage parseDatagram(byte[] data, int offset, int length) throws SipParseException {
        if (length > maxMessageSize) {
            throw new SipParseException(413, "message of " + length + " bytes exceeds the limit of " + maxMessageSize,
                    null);
        }
        int start = skipLeadingLineBreaks(data, offset, offset + length);
        int end = offset + length;
        int headerEnd = findHeaderEnd(data, start, end);
        if (headerEnd < 0) {
            // RFC 3261 §7.5: a message without the empty line is still complete when it is a whole datagram
            headerEnd = end;
        }
        Head head = parseHead(data, start, headerEnd);
        int available = end - headerEnd;
        int declared = head.contentLength;
        byte[] body;
        if (declared < 0) {
            body = Arrays.copyOfRange(data, headerEnd, trimPadding(data, headerEnd, end));
        } else if (declared > available) {
            throw head.error(400, "Content-Length " + declared + " exceeds the " + available + " body bytes received");
        } else if (declared == 0 && trimPadding(data, headerEnd, end) > headerEnd) {
            // quirk: devices that send "Content-Length: 0" followed by an XML body (SPEC §5); read the body anyway
            body = Arrays.copyOfRange(data, headerEnd, trimPadding(data, headerEnd, end));
        } else {
            body = Arrays.copyOfRange(data, headerEnd, headerEnd + declared);
        }
        return head.build(body);
    }

    /**
     * Parses one message cut from a stream by {@link #frameLength}: the body is exactly what the frame holds after the
     * header section.
     */
    public SipMessage parseFrame(byte[] data, int offset, int length) throws SipParseException {
        int start = skipLeadingLineBreaks(data, offset, offset + length);
        int end = offset + length;
        int headerEnd = findHeaderEnd(data, start, end);
        if (headerEnd < 0) {
            throw new SipParseException(400, "no empty line after the header section", null);
        }
        Head head = parseHead(data, start, headerEnd);
        return head.build(Arrays.copyOfRange(data, headerEnd, end));
    }

    /**
     * For stream transports: the number of bytes of the next complete message starting at {@code offset} (leading
     * CRLF keep-alives included), or {@code -1} when more bytes are needed. Throws when the bytes can never form a
     * message within the limit.
     */
    public int frameLength(byte[] data, int offset, int length) throws SipParseException {
        int end = offset + length;
        int start = skipLeadingLineBreaks(data, offset, end);
        int headerEnd = findHeaderEnd(data, start, end);
        if (headerEnd < 0) {
            if (end - start > maxMessageSize) {
                throw new SipParseException(413, "header section exceeds the limit of " + maxMessageSize, null);
            }
            return -1;
        }
        int contentLength = scanContentLength(data, start, headerEnd);
        if (contentLength < 0) {
            contentLength = 0; // RFC 3261 §18.3: mandatory on streams; a missing one is read as no body
        }
        long total = (long) (headerEnd - start) + contentLength;
        if (total > maxMessageSize) {
            throw new SipParseException(413, "message of " + total + " bytes exceeds the limit of " + maxMessageSize,
                    null);
        }
        long needed = (headerEnd - offset) + (long) contentLength;
        return needed <= length ? (int) needed : -1;
    }

    /** Bytes at the start that are only CR/LF: RFC 5626 keep-alive pings, or the tail of a previous message. */
    public static int skipLeadingLineBreaks(byte[] data, int from, int end) {
        int i = from;
        while (i < end && (data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** Index just after the empty line that ends the header section (CRLFCRLF or LFLF), or -1. */
    static int findHeaderEnd(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            if (data[i] == '\n') {
                if (i + 1 < end && data[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < end && data[i + 1] == '\r' && data[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    private static int trimPadding(byte[] data, int from, int end) {
        int e = end;
        while (e > from && (data[e - 1] == 0 || data[e - 1] == '\r' || data[e - 1] == '\n' || data[e - 1] == ' ')) {
            e--;
        }
        return e;
    }

    /** Finds Content-Length (or compact {@code l}) in a header section without building strings. */
    private static int scanContentLength(byte[] data, int from, int end) throws SipParseException {
        int lineStart = from;
        int found = -1;
        for (int i = from; i <= end; i++) {
            if (i == end || data[i] == '\n') {
                int value = contentLengthOfLine(data, lineStart, i);
                if (value != -1) {
                    if (found != -1 && found != value) {
                        throw new SipParseException(400, "conflicting Content-Length headers", null);
                    }
                    found = value;
                }
                lineStart = i + 1;
            }
        }
        return found;
    }

    private static int contentLengthOfLine(byte[] data, int from, int end) throws SipParseException {
        int colon = -1;
        for (int i = from; i < end; i++) {
            if (data[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return -1;
        }
        int nameEnd = colon;
        while (nameEnd > from && (data[nameEnd - 1] == ' ' || data[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        int nameLen = nameEnd - from;
        boolean matches = nameLen == 1 ? (data[from] | 0x20) == 'l'
                : nameLen == 14 && new String(data, from, 14, StandardCharsets.ISO_8859_1)
                        .equalsIgnoreCase("Content-Length");
        if (!matches) {
            return -1;
        }
        return parseContentLength(new String(data, colon + 1, end - colon - 1, StandardCharsets.ISO_8859_1).trim());
    }

    private static int parseContentLength(String v) throws SipParseException {
        if (v.isEmpty() || v.length() > 9) {
            throw new SipParseException(400, "bad Content-Length: '" + v + "'", null);
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                throw new SipParseException(400, "bad Content-Length: '" + v + "'", null);
            }
        }
        return Integer.parseInt(v);
    }

    private Head parseHead(byte[] data, int start, int headerEnd) throws SipParseException {
        for (int i = start; i < headerEnd; i++) {
            byte b = data[i];
            if (b == 0) {
                throw new SipParseException(400, "NUL byte in the header section", null);
            }
            if (b == '\r' && (i + 1 >= headerEnd || data[i + 1] != '\n')) {
                throw new SipParseException(400, "bare CR in the header section", null);
            }
        }
        // Lines are cut and decoded straight from the bytes: LF is ASCII, so no UTF-8 sequence spans two lines,
        // and every CR here precedes an LF (bare ones were refused above). A header costs its value's String only.
        int lineEnd = lineEnd(data, start, headerEnd);
        if (contentEnd(data, start, lineEnd) == start) {
            throw new SipParseException(400, "empty message", null);
        }
        Head head = new Head();
        parseStartLine(new String(data, start, contentEnd(data, start, lineEnd) - start, StandardCharsets.UTF_8),
                head);
        SipHeaders.Builder headers = SipHeaders.builder();
        HeaderLine pending = new HeaderLine();
        for (int from = lineEnd + 1; from < headerEnd; from = lineEnd + 1) {
            lineEnd = lineEnd(data, from, headerEnd);
            int to = contentEnd(data, from, lineEnd);
            if (to == from) {
                break;
            }
            byte first = data[from];
            if (first == ' ' || first == '\t') {
                if (pending.name == null) {
                    throw head.error(400, "continuation line before any header");
                }
                pending.fold(data, from, to); // RFC 3261 §7.3.1: folding is replaced by one space
                continue;
            }
            if (pending.name != null) {
                addHeader(headers, pending.name, pending.value(data));
            }
            int colon = indexOf(data, from, to, (byte) ':');
            if (colon <= from) {
                head.headers = headers.buildOnce();
                throw head.error(400, "header line without a name and colon: '"
                        + abbreviate(new String(data, from, to - from, StandardCharsets.UTF_8)) + "'");
            }
            int nameEnd = colon;
            while (nameEnd > from && (data[nameEnd - 1] == ' ' || data[nameEnd - 1] == '\t')) {
                nameEnd--; // RFC 3261 HCOLON: only SP and HTAB may stand between a header name and its colon
            }
            String name = SipHeaderNames.canonical(data, from, nameEnd);
            if (name == null) {
                name = new String(data, from, nameEnd - from, StandardCharsets.UTF_8);
                if (!isToken(name)) {
                    head.headers = headers.buildOnce();
                    throw head.error(400, "invalid header name: '" + abbreviate(name) + "'");
                }
            }
            pending.start(name, colon + 1, to);
        }
        if (pending.name != null) {
            addHeader(headers, pending.name, pending.value(data));
        }
        head.headers = headers.buildOnce();
        head.validate();
        return head;
    }

    /** Index of the LF that ends the line starting at {@code from}, or {@code end}. */
    private static int lineEnd(byte[] data, int from, int end) {
        int i = indexOf(data, from, end, (byte) '\n');
        return i < 0 ? end : i;
    }

    /** The end of a line's content: its CR, if any, is not part of it. */
    private static int contentEnd(byte[] data, int from, int lineEnd) {
        return lineEnd > from && data[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    }

    private static int indexOf(byte[] data, int from, int end, byte b) {
        for (int i = from; i < end; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** String.trim() on bytes: what it removes (code points up to SP) are single bytes in UTF-8 too. */
    private static String decodeTrimmed(byte[] data, int from, int to) {
        int f = from;
        int t = to;
        while (f < t && (data[f] & 0xFF) <= ' ') {
            f++;
        }
        while (t > f && (data[t - 1] & 0xFF) <= ' ') {
            t--;
        }
        return new String(data, f, t - f, StandardCharsets.UTF_8);
    }

    /**
     * The header being read: its name and where its value lies in the bytes, until a continuation line makes the
     * value a folded copy. Reused for every header of a message.
     */
    private static final class HeaderLine {
        String name;
        int valueFrom;
        int valueTo;
        StringBuilder folded;

        void start(String headerName, int from, int to) {
            name = headerName;
            valueFrom = from;
            valueTo = to;
            folded = null;
        }

        void fold(byte[] data, int from, int to) {
            if (folded == null) {
                folded = new StringBuilder(new String(data, valueFrom, valueTo - valueFrom, StandardCharsets.UTF_8));
            }
            folded.append(' ').append(decodeTrimmed(data, from, to));
        }

        String value(byte[] data) {
            return folded == null ? decodeTrimmed(data, valueFrom, valueTo) : folded.toString().trim();
        }
    }

    private static void addHeader(SipHeaders.Builder headers, String canonical, String value) {
        if (value.indexOf(',') >= 0 && SipHeaderNames.isListHeader(canonical)) {
            for (String part : splitList(value)) {
                headers.addCanonical(canonical, part);
            }
        } else {
            headers.addCanonical(canonical, value);
        }
    }

    /** Splits a comma-separated header value, ignoring commas inside quotes and angle brackets. */
    static java.util.List<String> splitList(String value) {
        java.util.List<String> parts = new java.util.ArrayList<>(2);
        boolean quoted = false;
        int angle = 0;
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\') {
                i++; // RFC 3261 §25.1 quoted-pair: the next character is literal, even a quote
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                String part = value.substring(from, i).trim();
                if (!part.isEmpty()) {
                    parts.add(part);
                }
                from = i + 1;
            }
        }
        String last = value.substring(from).trim();
        if (!last.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    private static void parseStartLine(String line, Head head) throws SipParseException {
        if (line.regionMatches(true, 0, "SIP/2.0 ", 0, 8)) {
            int sp = line.indexOf(' ', 8);
            String code = sp < 0 ? line.substring(8) : line.substring(8, sp);
            if (code.length() != 3 || !Ascii.isDigits(code)) {
                throw new SipParseException(400, "bad status code in '" + abbreviate(line) + "'", null);
            }
            int status = Integer.parseInt(code);
            if (status < 100 || status > 699) {
                throw new SipParseException(400, "status code out of range: " + status, null);
            }
            head.status = status;
            head.reason = sp < 0 ? "" : line.substring(sp + 1).trim();
            return;
        }
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
            throw new SipParseException(400, "malformed start line: '" + abbreviate(line) + "'", null);
        }
        String method = line.substring(0, sp1);
        String uri = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (!isToken(method)) {
            throw new SipParseException(400, "invalid method: '" + abbreviate(method) + "'", null);
        }
        if (!version.equalsIgnoreCase("SIP/2.0")) {
            throw new SipParseException(400, "unsupported version: '" + abbreviate(version) + "'", null);
        }
        if (uri.isEmpty() || uri.indexOf(':') < 0) {
            throw new SipParseException(400, "malformed Request-URI: '" + abbreviate(uri) + "'", null);
        }
        head.method = method;
        head.uri = uri;
    }


    /** RFC 3261 §25.1 token. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-.!%*_+`'~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }

    /** What was read of the start line and headers; turns into the message once the body is known. */
    private static final class Head {
        String method;
        String uri;
        int status;
        String reason;
        SipHeaders headers = SipHeaders.EMPTY;
        int contentLength = -1;
        CSeq cseq;
        Via topVia;
        SipAddress from;
        SipAddress to;

        boolean isRequest() {
            return method != null;
        }

        SipParseException error(int code, String message) {
            SipRequest partial = isRequest() ? new SipRequest(method, uri, headers, null) : null;
            return new SipParseException(code, message, partial);
        }

        void validate() throws SipParseException {
            for (String single : SINGLE_VALUED) {
                if (headers.count(single) > 1) {
                    throw error(400, "more than one " + single + " header");
                }
            }
            String cl = headers.first(SipHeaderNames.CONTENT_LENGTH);
            if (cl != null) {
                try {
                    contentLength = parseContentLength(cl.trim());
                } catch (SipParseException e) {
                    throw error(e.status(), e.getMessage());
                }
            }
            String[] required = isRequest()
                    ? new String[] { SipHeaderNames.VIA, SipHeaderNames.FROM, SipHeaderNames.TO,
                            SipHeaderNames.CALL_ID, SipHeaderNames.CSEQ }
                    : new String[] { SipHeaderNames.VIA, SipHeaderNames.CALL_ID, SipHeaderNames.CSEQ };
            for (String name : required) {
                String v = headers.first(name);
                if (v == null || v.isBlank()) {
                    // still a partial request: canRespond() decides whether Via and CSeq allow an answer
                    throw error(400, "missing " + name + " header");
                }
            }
            try {
                cseq = CSeq.parse(headers.first(SipHeaderNames.CSEQ));
                if (isRequest() && !cseq.method().equals(method)) {
                    throw error(400, "CSeq method " + cseq.method() + " does not match " + method);
                }
                topVia = Via.parse(headers.first(SipHeaderNames.VIA));
                if (isRequest()) {
                    from = SipAddress.parse(headers.first(SipHeaderNames.FROM));
                    to = SipAddress.parse(headers.first(SipHeaderNames.TO));
                }
            } catch (IllegalArgumentException e) {
                throw error(400, e.getMessage());
            }
        }

        SipMessage build(byte[] body) {
            SipMessage m = isRequest() ? new SipRequest(method, uri, headers, body)
                    : new SipResponse(status, reason, headers, body);
            m.remember(cseq, topVia, from, to);
            return m;
        }
    }
}
