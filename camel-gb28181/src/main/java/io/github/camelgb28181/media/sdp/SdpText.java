package io.github.camelgb28181.media.sdp;

import java.util.ArrayList;
import java.util.List;

/** Checks and splitting shared by the SDP value types. */
final class SdpText {

    private SdpText() {
    }

    /**
     * Rejects characters that would end a line or the text early when written: a value holding CR or LF would let a
     * caller-supplied string (a channel ID, an address) inject SDP lines; NUL cuts the body short on C stacks.
     */
    static String requireLineSafe(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(field + " holds a line break or NUL: " + printable(value));
            }
        }
        return value;
    }

    /** A value that must be one non-empty field: no blanks, no control characters. */
    static String requireToken(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                throw new IllegalArgumentException(field + " holds a blank or control character: " + printable(value));
            }
        }
        return value;
    }

    /** Splits on runs of spaces and tabs: devices write {@code m=video 9999  RTP/AVP 96} with two spaces. */
    static List<String> fields(String value) {
        List<String> out = new ArrayList<>(8);
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && isBlank(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(value.substring(start, i));
            }
        }
        return out;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Parses a non-negative decimal of at most {@code maxDigits} digits, or returns -1. */
    static long parseUnsigned(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 80));
        for (int i = 0; i < s.length() && sb.length() < 80; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return s.length() > 80 ? sb + "..." : sb.toString();
    }
}
