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
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                params.put(p.toLowerCase(Locale.ROOT), "");
            } else {
                params.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), unquote(p.substring(eq + 1).trim()));
            }
        }
        return Collections.unmodifiableMap(params);
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
