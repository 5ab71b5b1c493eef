package io.github.camelgb28181.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Via header value: {@code SIP/2.0/UDP host:port;branch=z9hG4bK...;rport;received=...} (RFC 3261 §20.42,
 * RFC 3581 for rport).
 */
public record Via(String transport, String host, int port, Map<String, String> params) {

    /** The magic cookie that marks an RFC 3261 branch (§8.1.1.7). */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public Via {
        params = Map.copyOf(params);
    }

    public static Via parse(String value) {
        String v = value.trim();
        int slash2 = nthIndexOf(v, '/', 1);
        if (!v.regionMatches(true, 0, "SIP/2.0/", 0, 8) || slash2 < 0) {
            throw new IllegalArgumentException("Via without SIP/2.0/transport: " + value);
        }
        int sp = indexOfWhitespace(v, slash2);
        if (sp < 0) {
            throw new IllegalArgumentException("Via without sent-by: " + value);
        }
        String transport = v.substring(slash2 + 1, sp).trim().toUpperCase(Locale.ROOT);
        String rest = v.substring(sp).trim();
        int semi = rest.indexOf(';');
        String sentBy = (semi < 0 ? rest : rest.substring(0, semi)).trim();
        HostPort hp = HostPort.parse(sentBy, -1);
        Map<String, String> params = semi < 0 ? Map.of() : SipParameters.parse(rest.substring(semi));
        return new Via(transport, hp.host(), hp.port(), params);
    }

    public String branch() {
        return params.get("branch");
    }

    public boolean hasRport() {
        return params.containsKey("rport");
    }

    public String received() {
        return params.get("received");
    }

    /** A copy with one parameter set (an empty value makes a flag such as {@code rport}). */
    public Via withParam(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new Via(transport, host, port, copy);
    }

    public String sentBy() {
        return HostPort.format(host, port);
    }

    @Override
    public String toString() {
        return "SIP/2.0/" + transport + " " + sentBy() + SipParameters.format(params);
    }

    private static int nthIndexOf(String s, char c, int n) {
        int idx = -1;
        for (int i = 0; i <= n; i++) {
            idx = s.indexOf(c, idx + 1);
            if (idx < 0) {
                return -1;
            }
        }
        return idx;
    }

    private static int indexOfWhitespace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ' ' || ch == '\t') {
                return i;
            }
        }
        return -1;
    }
}
