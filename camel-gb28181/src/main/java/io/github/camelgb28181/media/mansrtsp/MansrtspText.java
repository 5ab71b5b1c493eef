package io.github.camelgb28181.media.mansrtsp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a MANSRTSP body into its start line and headers, within limits. Shared by requests and responses, which
 * have the same shape (RFC 2326 §6, §7).
 */
final class MansrtspText {

    /** The lines of a message: the start line and the header lines up to the first empty line. */
    record Lines(String startLine, List<String[]> headers) {

        /** The value of a header (name without case), {@code null} when absent; two of them are an error. */
        String single(String name) throws MansrtspParseException {
            String found = null;
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    if (found != null) {
                        throw new MansrtspParseException("more than one " + name + " header");
                    }
                    found = h[1];
                }
            }
            return found;
        }
    }

    private MansrtspText() {
    }

    static Lines split(byte[] data, int offset, int length, int maxSize, int maxHeaders)
            throws MansrtspParseException {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + data.length);
        }
        if (length > maxSize) {
            throw new MansrtspParseException("body of " + length + " bytes exceeds the limit of " + maxSize);
        }
        // ISO-8859-1 maps every byte to one char, so nothing here can fail to decode; non-ASCII is refused below
        String text = new String(data, offset, length, StandardCharsets.ISO_8859_1);
        String startLine = null;
        List<String[]> headers = new ArrayList<>(4);
        int i = 0;
        int n = trimmedEnd(text);
        while (i < n) {
            int start = i;
            while (i < n && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                i++;
            }
            String line = text.substring(start, i);
            if (i < n && text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i++;
            }
            i++;
            if (line.isEmpty()) {
                if (startLine == null) {
                    continue; // leading empty lines, as some senders start the body with CRLF
                }
                break; // the end of the headers; MANSRTSP has no body
            }
            checkCharacters(line);
            if (startLine == null) {
                startLine = line.trim();
            } else {
                if (headers.size() == maxHeaders) {
                    throw new MansrtspParseException("more than " + maxHeaders + " headers");
                }
                headers.add(header(line));
            }
        }
        if (startLine == null) {
            throw new MansrtspParseException("empty body");
        }
        return new Lines(startLine, headers);
    }

    /** The end of the text without trailing NUL padding and blanks (SPEC §5: C stacks pad bodies with NUL). */
    private static int trimmedEnd(String text) {
        int e = text.length();
        while (e > 0 && (text.charAt(e - 1) == 0 || text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
            e--;
        }
        return e;
    }

    private static void checkCharacters(String line) throws MansrtspParseException {
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if ((c < 0x20 && c != '\t') || c >= 0x7F) {
                throw new MansrtspParseException("byte 0x" + Integer.toHexString(c) + " in line '" + printable(line)
                        + "'");
            }
        }
    }

    private static String[] header(String line) throws MansrtspParseException {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw new MansrtspParseException("folded header line: '" + printable(line) + "'");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new MansrtspParseException("header line without name and colon: '" + printable(line) + "'");
        }
        String name = line.substring(0, colon).trim();
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                throw new MansrtspParseException("invalid header name: '" + printable(name) + "'");
            }
        }
        return new String[] { name, line.substring(colon + 1).trim() };
    }

    /** RFC 2326 §12.17: the sequence number; GB peers keep it within 32 bits like SIP's CSeq. */
    static long cseq(String value) throws MansrtspParseException {
        if (value == null) {
            return -1;
        }
        long n = 0;
        if (value.isEmpty() || value.length() > 10) {
            throw new MansrtspParseException("bad CSeq: '" + printable(value) + "'");
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c < '0' || c > '9') {
                throw new MansrtspParseException("bad CSeq: '" + printable(value) + "'");
            }
            n = n * 10 + (c - '0');
        }
        if (n > 0xFFFF_FFFFL) {
            throw new MansrtspParseException("CSeq beyond 32 bits: " + value);
        }
        return n;
    }

    /** Whether a protocol token is one GB peers use: {@code RTSP/1.0}, or {@code MANSRTSP/1.0} as 2011 wrote it. */
    static MansrtspRequest.Version version(String token) {
        return switch (token.toUpperCase(Locale.ROOT)) {
            case "RTSP/1.0" -> MansrtspRequest.Version.RTSP_1_0;
            case "MANSRTSP/1.0" -> MansrtspRequest.Version.MANSRTSP_1_0;
            default -> null;
        };
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 80));
        for (int k = 0; k < s.length() && sb.length() < 80; k++) {
            char c = s.charAt(k);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return s.length() > 80 ? sb + "..." : sb.toString();
    }
}
