package io.github.camelgb28181.sip;

/** A host (name, IPv4 or bracketed IPv6) with an optional port ({@code -1} when absent). */
public record HostPort(String host, int port) {

    public static HostPort parse(String text, int defaultPort) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (t.charAt(0) == '[') {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unterminated IPv6 reference: " + text);
            }
            String host = t.substring(1, close);
            if (close + 1 < t.length()) {
                if (t.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("bad host:port " + text);
                }
                return new HostPort(host, parsePort(t.substring(close + 2), text));
            }
            return new HostPort(host, defaultPort);
        }
        int colon = t.lastIndexOf(':');
        if (colon >= 0 && t.indexOf(':') == colon) {
            return new HostPort(t.substring(0, colon), parsePort(t.substring(colon + 1), text));
        }
        return new HostPort(t, defaultPort);
    }

    private static int parsePort(String p, String whole) {
        try {
            int port = Integer.parseInt(p.trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + whole);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port: " + whole);
        }
    }

    public static String format(String host, int port) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port > 0 ? h + ":" + port : h;
    }

    @Override
    public String toString() {
        return format(host, port);
    }
}
