package io.github.camelgb28181.sip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Parsing and formatting of {@code ;name=value} parameter lists (RFC 3261 §25.1 generic-param). */
final class SipParameters {

    private SipParameters() {
    }

    /** Parses {@code ;a=1;b;c="x"} (the leading semicolon optional); names are lower-cased, a flag maps to "". */
    static Map<String, String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        // by index rather than split(";"): Via, From and To of every message come through here
        int n = text.length();
        for (int from = 0; from < n; ) {
            int semi = text.indexOf(';', from);
            int end = semi < 0 ? n : semi;
            int f = skipBlanks(text, from, end);
            int t = trimEnd(text, f, end);
            if (f < t) {
                int eq = text.indexOf('=', f);
                if (eq < 0 || eq >= t) {
                    params.put(text.substring(f, t).toLowerCase(Locale.ROOT), "");
                } else {
                    String name = text.substring(f, trimEnd(text, f, eq)).toLowerCase(Locale.ROOT);
                    int vf = skipBlanks(text, eq + 1, t);
                    params.put(name, unquote(text.substring(vf, t)));
                }
            }
            from = end + 1;
        }
        return Collections.unmodifiableMap(params);
    }

    /** String.trim() by index: what it removes are the characters up to SP. */
    private static int skipBlanks(String s, int from, int end) {
        int i = from;
        while (i < end && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int from, int end) {
        int i = end;
        while (i > from && s.charAt(i - 1) <= ' ') {
            i--;
        }
        return i;
    }

    static String format(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            sb.append(';').append(k);
            if (v != null && !v.isEmpty()) {
                sb.append('=').append(v);
            }
        });
        return sb.toString();
    }

    static String unquote(String v) {
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
