package io.github.camelgb28181.sip;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes SIP messages. Content-Length is always computed from the body. Header values are checked for CR, LF and
 * NUL so that a value taken from a device (an ID, a name) can never inject a header or split the message.
 */
public final class SipMessageEncoder {

    /** What {@link #measure} returns for text with CR, LF or NUL: no valid length is this. */
    private static final int UNSAFE = Integer.MIN_VALUE;

    private SipMessageEncoder() {
    }

    /**
     * The message's bytes in one array of the exact size: a first pass checks every value for CR, LF and NUL and
     * measures it, a second writes, so nothing is copied twice (this runs for every response and retransmission).
     * ASCII text, nearly all of it, is copied byte for byte; other text goes through the UTF-8 encoder.
     */
    public static byte[] encode(SipMessage message) {
        String startLine = message.startLine();
        int startLength = measure(startLine);
        if (startLength == UNSAFE) {
            throw new IllegalArgumentException("start line contains a CR, LF or NUL character");
        }
        byte[] body = message.body();
        String contentLength = Integer.toString(body.length);
        List<SipHeaders.SipHeader> fields = message.headers().fields();
        int[] valueLengths = new int[fields.size()];
        int size = Math.abs(startLength) + 2;
        for (int i = 0; i < fields.size(); i++) {
            SipHeaders.SipHeader h = fields.get(i);
            if (isContentLength(h)) {
                continue;
            }
            if (!SipMessageParser.isToken(h.name())) { // a token is ASCII
                throw new IllegalArgumentException("header name is not a token: '"
                        + SipMessageParser.abbreviate(h.name()) + "'");
            }
            valueLengths[i] = measure(h.value());
            if (valueLengths[i] == UNSAFE) {
                throw new IllegalArgumentException("header " + h.name() + " contains a CR, LF or NUL character");
            }
            size += h.name().length() + 2 + Math.abs(valueLengths[i]) + 2;
        }
        size += SipHeaderNames.CONTENT_LENGTH.length() + 2 + contentLength.length() + 4 + body.length;
        byte[] out = new byte[size];
        int pos = writeText(out, 0, startLine, startLength);
        pos = crlf(out, pos);
        for (int i = 0; i < fields.size(); i++) {
            SipHeaders.SipHeader h = fields.get(i);
            if (!isContentLength(h)) {
                pos = writeField(out, pos, h.name(), h.value(), valueLengths[i]);
            }
        }
        pos = writeField(out, pos, SipHeaderNames.CONTENT_LENGTH, contentLength, contentLength.length());
        pos = crlf(out, pos);
        System.arraycopy(body, 0, out, pos, body.length);
        return out;
    }

    public static void encode(SipMessage message, ByteBuf out) {
        out.writeBytes(encode(message));
    }

    /**
     * The UTF-8 length of {@code text}, negated when it is not ASCII, or {@link #UNSAFE}: the safety check the
     * encoder needs anyway tells on the way which copy the text can have.
     */
    private static int measure(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return UNSAFE;
            }
            ascii &= c < 0x80;
        }
        // an empty text is ASCII whatever the sign says: -0 is 0
        return ascii ? text.length() : -text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isContentLength(SipHeaders.SipHeader h) {
        return h.name().equalsIgnoreCase(SipHeaderNames.CONTENT_LENGTH);
    }

    private static int writeField(byte[] out, int pos, String name, String value, int valueLength) {
        int p = writeText(out, pos, name, name.length());
        out[p++] = ':';
        out[p++] = ' ';
        return crlf(out, writeText(out, p, value, valueLength));
    }

    private static int crlf(byte[] out, int pos) {
        out[pos] = '\r';
        out[pos + 1] = '\n';
        return pos + 2;
    }

    /** Writes text measured by {@link #measure} (a negative length: not ASCII). */
    @SuppressWarnings("deprecation")
    private static int writeText(byte[] out, int pos, String s, int measured) {
        if (measured < 0) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, out, pos, bytes.length);
            return pos + bytes.length;
        }
        // the low byte of each char, which for ASCII is its UTF-8 encoding; an array copy for compact strings
        s.getBytes(0, s.length(), out, pos);
        return pos + s.length();
    }
}
