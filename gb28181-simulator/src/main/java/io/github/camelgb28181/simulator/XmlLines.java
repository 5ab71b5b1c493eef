package io.github.camelgb28181.simulator;

import io.github.camelgb28181.manscdp.ManscdpCharsets;

/**
 * A MANSCDP body as devices write it: declaration naming GB2312, one element per CRLF-terminated line (GB/T 28181
 * Annex A layout). The text is encoded as GB18030: identical bytes for GB2312 characters, and names using GBK-only
 * characters (common on real devices) survive. Not thread-safe; one per body.
 */
final class XmlLines {

    private static final String EOL = "\r\n";

    private final StringBuilder sb = new StringBuilder(512);

    XmlLines(String root) {
        sb.append("<?xml version=\"1.0\" encoding=\"GB2312\"?>").append(EOL);
        open(root);
    }

    /** The envelope every message carries (A.2.1): root, CmdType, SN, DeviceID. */
    static XmlLines envelope(String root, String cmdType, long sn, String deviceId) {
        return new XmlLines(root).text("CmdType", cmdType).text("SN", Long.toString(sn)).text("DeviceID", deviceId);
    }

    XmlLines open(String name) {
        sb.append('<').append(name).append('>').append(EOL);
        return this;
    }

    /** Opens a list element with its {@code Num} attribute. */
    XmlLines openList(String name, int num) {
        sb.append('<').append(name).append(" Num=\"").append(num).append("\">").append(EOL);
        return this;
    }

    XmlLines close(String name) {
        sb.append("</").append(name).append('>').append(EOL);
        return this;
    }

    XmlLines text(String name, String value) {
        sb.append('<').append(name).append('>');
        escape(value);
        sb.append("</").append(name).append('>').append(EOL);
        return this;
    }

    XmlLines number(String name, long value) {
        sb.append('<').append(name).append('>').append(value).append("</").append(name).append('>').append(EOL);
        return this;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
    }

    /** Closes the root and returns the text. */
    String finish(String root) {
        close(root);
        return sb.toString();
    }

    static byte[] encode(String xml) {
        return xml.getBytes(ManscdpCharsets.GB18030);
    }
}
