package io.github.camelgb28181.manscdp.command;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Writes a MANSCDP body: one element per line with CRLF, no indentation, like the GB/T 28181 Annex A examples and
 * what devices are tested against. Text is escaped ({@code & < >}, and CR as {@code &#13;} so it is not normalised
 * away); characters the declared charset cannot encode become numeric character references; characters XML 1.0 does
 * not allow at all (most C0 controls, lone surrogates) are refused, because a device would reject the whole body.
 *
 * <p>Not thread-safe; one writer per body.
 */
public final class ManscdpXmlWriter {

    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern ENC_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final String EOL = "\r\n";

    private final StringBuilder sb = new StringBuilder(256);
    private final CharsetEncoder encoder;
    private final Deque<String> open = new ArrayDeque<>();

    private ManscdpXmlWriter(Charset charset) {
        this.encoder = charset.newEncoder();
    }

    static String document(ManscdpCommand command, int sn, String deviceId, String charsetName) {
        if (sn < 0) {
            throw new IllegalArgumentException("SN must not be negative, got " + sn);
        }
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("device ID is blank");
        }
        Charset charset = charset(charsetName);
        ManscdpXmlWriter w = new ManscdpXmlWriter(charset);
        w.sb.append("<?xml version=\"1.0\" encoding=\"").append(charsetName.trim()).append("\"?>").append(EOL);
        String root = command.root().element();
        w.start(root);
        w.element("CmdType", command.cmdType());
        w.element("SN", sn);
        w.element("DeviceID", deviceId.trim());
        command.writeFields(w);
        w.end();
        if (!w.open.isEmpty()) {
            throw new IllegalStateException("element <" + w.open.peek() + "> of " + command.commandName()
                    + " left open");
        }
        return w.sb.toString();
    }

    static Charset charset(String charsetName) {
        if (charsetName == null || !ENC_NAME.matcher(charsetName.trim()).matches()) {
            throw new IllegalArgumentException("not a charset name: '" + charsetName + "'");
        }
        try {
            Charset c = Charset.forName(charsetName.trim());
            if (!c.canEncode()) {
                throw new IllegalArgumentException("charset " + charsetName + " cannot encode");
            }
            return c;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unsupported charset: '" + charsetName + "'", e);
        }
    }

    /** Opens an element that will hold other elements. */
    public ManscdpXmlWriter start(String name) {
        checkName(name);
        sb.append('<').append(name).append('>').append(EOL);
        open.push(name);
        return this;
    }

    /** Closes the element opened last. */
    public ManscdpXmlWriter end() {
        if (open.isEmpty()) {
            throw new IllegalStateException("no element open");
        }
        sb.append("</").append(open.pop()).append('>').append(EOL);
        return this;
    }

    /** A text element; nothing is written for a null value, so optional fields can be passed as they are. */
    public ManscdpXmlWriter element(String name, String value) {
        if (value == null) {
            return this;
        }
        checkName(name);
        sb.append('<').append(name).append('>');
        appendEscaped(value);
        sb.append("</").append(name).append('>').append(EOL);
        return this;
    }

    public ManscdpXmlWriter element(String name, long value) {
        return element(name, Long.toString(value));
    }

    /** An integer element, or nothing for null. */
    public ManscdpXmlWriter element(String name, Integer value) {
        return value == null ? this : element(name, value.toString());
    }

    /** A decimal element in plain notation without trailing zeros ({@code 12.5}, {@code 90}, {@code -0.25}). */
    public ManscdpXmlWriter element(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        if (d.signum() == 0) {
            d = BigDecimal.ZERO;
        }
        return element(name, d.toPlainString());
    }

    private void appendEscaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); continue;
                case '<': sb.append("&lt;"); continue;
                case '>': sb.append("&gt;"); continue;
                case '\r': sb.append("&#13;"); continue;
                case '\t':
                case '\n': sb.append(c); continue;
                default: break;
            }
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("text has an unpaired surrogate at index " + i);
            } else {
                cp = c;
            }
            if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
                throw new IllegalArgumentException(String.format(
                        "character U+%04X is not allowed in XML 1.0 (text index %d)", cp, i));
            }
            String s = new String(Character.toChars(cp));
            if (cp < 0x80 || encoder.canEncode(s)) {
                sb.append(s);
            } else {
                sb.append("&#x").append(Integer.toHexString(cp).toUpperCase()).append(';');
            }
        }
    }

    static boolean isXmlName(String name) {
        return name != null && XML_NAME.matcher(name).matches() && !name.regionMatches(true, 0, "xml", 0, 3);
    }

    private static void checkName(String name) {
        if (!isXmlName(name)) {
            throw new IllegalArgumentException("not an element name: '" + name + "'");
        }
    }
}
