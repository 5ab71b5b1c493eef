package io.github.camelgb28181.sip;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The parameters of an {@code Authorization: Digest ...} header (RFC 2617 §3.2.2, RFC 3261 §22.4). */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String qop, String nc, String cnonce) {

    public static DigestCredentials parse(String header) {
        String h = header.trim();
        if (!h.regionMatches(true, 0, "Digest", 0, 6) || h.length() < 7 || !Character.isWhitespace(h.charAt(6))) {
            throw new IllegalArgumentException("not a Digest authorization");
        }
        Map<String, String> p = parseParams(h.substring(7));
        String username = p.get("username");
        String nonce = p.get("nonce");
        String response = p.get("response");
        if (username == null || nonce == null || response == null || p.get("uri") == null) {
            throw new IllegalArgumentException("Digest authorization lacks username, nonce, uri or response");
        }
        return new DigestCredentials(username, p.get("realm"), nonce, p.get("uri"), response, p.get("algorithm"),
                p.get("qop"), p.get("nc"), p.get("cnonce"));
    }

    /** The parameters of a {@code Digest ...} challenge or answer, names lower-cased. */
    public static Map<String, String> parameters(String header) {
        String h = header.trim();
        return parseParams(h.regionMatches(true, 0, "Digest", 0, 6) ? h.substring(6) : h);
    }

    /** Splits {@code a="x, y", b=z} honouring quotes; names lower-cased. */
    static Map<String, String> parseParams(String s) {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            String value;
            if (i < n && s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated quoted value for " + name);
                }
                value = s.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = s.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                value = s.substring(i, end).trim();
                i = end;
            }
            params.put(name, value);
        }
        return params;
    }
}
