package io.github.camelgb28181.sip;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A name-addr or addr-spec with header parameters, as in From, To and Contact (RFC 3261 §20.10, §20.20, §20.39):
 * {@code "Name" <sip:user@host>;tag=abc}.
 */
public record SipAddress(String displayName, SipUri uri, Map<String, String> params) {

    public SipAddress {
        params = Map.copyOf(params);
    }

    public static SipAddress of(SipUri uri) {
        return new SipAddress(null, uri, Map.of());
    }

    public static SipAddress parse(String value) {
        String v = value.trim();
        int lt = indexOfUnquoted(v, '<');
        if (lt >= 0) {
            int gt = v.indexOf('>', lt);
            if (gt < 0) {
                throw new IllegalArgumentException("unterminated <uri>: " + value);
            }
            String name = v.substring(0, lt).trim();
            String display = name.isEmpty() ? null : SipParameters.unquote(name);
            SipUri uri = SipUri.parse(v.substring(lt + 1, gt));
            Map<String, String> params = SipParameters.parse(v.substring(gt + 1));
            return new SipAddress(display, uri, params);
        }
        // addr-spec form: header parameters follow the URI, so URI parameters cannot be present (§20.10)
        int semi = v.indexOf(';');
        SipUri uri = SipUri.parse(semi < 0 ? v : v.substring(0, semi));
        Map<String, String> params = semi < 0 ? Map.of() : SipParameters.parse(v.substring(semi));
        return new SipAddress(null, uri, params);
    }

    public String tag() {
        return params.get("tag");
    }

    public String user() {
        return uri.user();
    }

    public SipAddress withTag(String tag) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put("tag", tag);
        return new SipAddress(displayName, uri, copy);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (displayName != null) {
            sb.append('"').append(displayName).append("\" ");
        }
        sb.append('<').append(uri).append('>');
        sb.append(SipParameters.format(params));
        return sb.toString();
    }

    private static int indexOfUnquoted(String s, char c) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
