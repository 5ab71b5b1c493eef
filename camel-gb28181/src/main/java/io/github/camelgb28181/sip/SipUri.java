package io.github.camelgb28181.sip;

import java.util.Locale;
import java.util.Map;

/**
 * A SIP URI, {@code sip:user@host:port;params} (RFC 3261 §19.1). GB28181 puts the 20-digit device or server ID in
 * the user part and the domain (10 digits) or an address in the host part.
 */
public record SipUri(String scheme, String user, String host, int port, Map<String, String> params) {

    public SipUri {
        params = Map.copyOf(params);
    }

    public static SipUri of(String user, String host, int port) {
        return new SipUri("sip", user, host, port, Map.of());
    }

    public static SipUri parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("URI without scheme: " + text);
        }
        String scheme = t.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            throw new IllegalArgumentException("not a SIP URI: " + text);
        }
        String rest = t.substring(colon + 1);
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        int at = rest.lastIndexOf('@');
        String user = null;
        if (at >= 0) {
            user = rest.substring(0, at);
            int userParam = user.indexOf(';');
            int pw = user.indexOf(':');
            if (pw >= 0) {
                user = user.substring(0, pw);
            } else if (userParam >= 0) {
                user = user.substring(0, userParam);
            }
            rest = rest.substring(at + 1);
        }
        int semi = rest.indexOf(';');
        String hostPort = semi < 0 ? rest : rest.substring(0, semi);
        Map<String, String> params = semi < 0 ? Map.of() : SipParameters.parse(rest.substring(semi));
        HostPort hp = HostPort.parse(hostPort, -1);
        return new SipUri(scheme, user, hp.host(), hp.port(), params);
    }

    public String transportParam() {
        return params.get("transport");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme).append(':');
        if (user != null) {
            sb.append(user).append('@');
        }
        sb.append(HostPort.format(host, port));
        sb.append(SipParameters.format(params));
        return sb.toString();
    }
}
