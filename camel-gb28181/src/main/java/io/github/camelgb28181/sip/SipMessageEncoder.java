package io.github.camelgb28181.sip;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes SIP messages. Content-Length is always computed from the body. Header values are checked for CR, LF and
 * NUL so that a value taken from a device (an ID, a name) can never inject a header or split the message.
 */
public final class SipMessageEncoder {

    private SipMessageEncoder() {
    }

    /**
     * The message's bytes in one array of the exact size: a first pass checks and measures, a second writes, so
     * nothing is copied twice (this runs for every response and retransmission).
     */
    public static byte[] encode(SipMessage message) {
        String startLine = message.startLine();
        if (!isSafe(startLine)) {
            throw new IllegalArgumentException("start line contains a CR, LF or NUL character");
        }
        byte[] body = message.body();
        String contentLength = Integer.toString(body.length);
        List<SipHeaders.SipHeader> fields = message.headers().fields();
        int size = utf8Length(startLine) + 2;
        for (SipHeaders.SipHeader h : fields) {
            if (!isContentLength(h)) {
                checkSafe(h.name(), h.value());
                size += utf8Length(h.name()) + 2 + utf8Length(h.value()) + 2;
            }
        }
        size += SipHeaderNames.CONTENT_LENGTH.length() + 2 + contentLength.length() + 4 + body.length;
        byte[] out = new byte[size];
        int pos = writeLine(out, 0, startLine);
        for (SipHeaders.SipHeader h : fields) {
            if (!isContentLength(h)) {
                pos = writeField(out, pos, h.name(), h.value());
            }
        }
        pos = writeField(out, pos, SipHeaderNames.CONTENT_LENGTH, contentLength);
        out[pos++] = '\r';
        out[pos++] = '\n';
        System.arraycopy(body, 0, out, pos, body.length);
        return out;
    }

    public static void encode(SipMessage message, ByteBuf out) {
        out.writeBytes(encode(message));
    }

    private static boolean isContentLength(SipHeaders.SipHeader h) {
        return h.name().equalsIgnoreCase(SipHeaderNames.CONTENT_LENGTH);
    }

    private static int writeField(byte[] out, int pos, String name, String value) {
        int p = writeText(out, pos, name);
        out[p++] = ':';
        out[p++] = ' ';
        return writeLine(out, p, value);
    }

    private static int writeLine(byte[] out, int pos, String text) {
        int p = writeText(out, pos, text);
        out[p++] = '\r';
        out[p++] = '\n';
        return p;
    }

    /** Header text is nearly always ASCII, written char by char; anything else goes through the UTF-8 encoder. */
    private static int writeText(byte[] out, int pos, String s) {
        if (!isAscii(s)) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, out, pos, bytes.length);
            return pos + bytes.length;
        }
        for (int i = 0; i < s.length(); i++) {
            out[pos + i] = (byte) s.charAt(i);
        }
        return pos + s.length();
    }

    private static int utf8Length(String s) {
        return isAscii(s) ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void checkSafe(String name, String value) {
        if (!SipMessageParser.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: '" + SipMessageParser.abbreviate(name)
                    + "'");
        }
        if (!isSafe(value)) {
            throw new IllegalArgumentException("header " + name + " contains a CR, LF or NUL character");
        }
    }

    private static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return false;
            }
        }
        return true;
    }
}
