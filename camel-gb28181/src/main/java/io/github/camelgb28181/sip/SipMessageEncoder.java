package io.github.camelgb28181.sip;

import io.netty.buffer.ByteBuf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes SIP messages. Content-Length is always computed from the body. Header values are checked for CR, LF and
 * NUL so that a value taken from a device (an ID, a name) can never inject a header or split the message.
 */
public final class SipMessageEncoder {

    private static final byte[] CRLF = { '\r', '\n' };
    private static final byte[] COLON_SP = { ':', ' ' };

    private SipMessageEncoder() {
    }

    public static byte[] encode(SipMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + message.body().length);
        if (!isSafe(message.startLine())) {
            throw new IllegalArgumentException("start line contains a CR, LF or NUL character");
        }
        writeText(out, message.startLine());
        out.writeBytes(CRLF);
        for (SipHeaders.SipHeader h : message.headers().fields()) {
            if (h.name().equalsIgnoreCase(SipHeaderNames.CONTENT_LENGTH)) {
                continue;
            }
            checkSafe(h.name(), h.value());
            writeText(out, h.name());
            out.writeBytes(COLON_SP);
            writeText(out, h.value());
            out.writeBytes(CRLF);
        }
        writeText(out, SipHeaderNames.CONTENT_LENGTH);
        out.writeBytes(COLON_SP);
        writeText(out, Integer.toString(message.body().length));
        out.writeBytes(CRLF);
        out.writeBytes(CRLF);
        out.writeBytes(message.body());
        return out.toByteArray();
    }

    public static void encode(SipMessage message, ByteBuf out) {
        out.writeBytes(encode(message));
    }

    private static void writeText(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
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
