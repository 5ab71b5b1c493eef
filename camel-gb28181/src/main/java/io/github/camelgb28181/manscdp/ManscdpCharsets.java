package io.github.camelgb28181.manscdp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Charset handling for MANSCDP bodies. Devices declare {@code GB2312} but use GBK/GB18030 characters, and some send
 * UTF-8 while declaring GB2312 (SPEC §4), so GB-family declarations are decoded as GB18030 (a superset) unless the
 * bytes are valid multi-byte UTF-8.
 */
public final class ManscdpCharsets {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private ManscdpCharsets() {
    }

    /** Decodes a body by its declaration, repairing the GB2312-versus-UTF-8 confusion. */
    public static String decode(byte[] body) {
        String declared = declaredEncoding(body);
        if (declared != null && declared.toUpperCase(Locale.ROOT).startsWith("UTF")) {
            return new String(body, StandardCharsets.UTF_8);
        }
        if (hasNonAscii(body) && isValidUtf8(body)) {
            return new String(body, StandardCharsets.UTF_8);
        }
        return new String(body, GB18030);
    }

    /**
     * Decodes a body with a per-device charset override: a device known to send, say, UTF-8 while declaring GB2312
     * (or GBK bytes that happen to be valid UTF-8) is configured once and decoded exactly.
     *
     * @param override the charset to use, or null to detect it as {@link #decode(byte[])} does
     */
    public static String decode(byte[] body, Charset override) {
        return override == null ? decode(body) : new String(body, override);
    }

    /** The encoding named in the XML declaration, or null. */
    static String declaredEncoding(byte[] body) {
        int limit = Math.min(body.length, 200);
        String head = new String(body, 0, limit, StandardCharsets.ISO_8859_1);
        int decl = head.indexOf("<?xml");
        if (decl < 0) {
            return null;
        }
        int end = head.indexOf("?>", decl);
        String d = end < 0 ? head.substring(decl) : head.substring(decl, end);
        int enc = d.indexOf("encoding");
        if (enc < 0) {
            return null;
        }
        int q1 = indexOfQuote(d, enc);
        if (q1 < 0) {
            return null;
        }
        int q2 = d.indexOf(d.charAt(q1), q1 + 1);
        return q2 < 0 ? null : d.substring(q1 + 1, q2).trim();
    }

    private static int indexOfQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasNonAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return true;
            }
        }
        return false;
    }

    static boolean isValidUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
