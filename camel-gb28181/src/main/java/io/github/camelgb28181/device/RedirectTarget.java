package io.github.camelgb28181.device;

import io.github.camelgb28181.sip.HostPort;

import java.util.Locale;

/**
 * A server a REGISTER may be redirected to. The special target {@link #LOCAL} (written {@code local}) means "this
 * node": the device registers here, so a target list can include the node itself.
 */
public record RedirectTarget(String host, int port) {

    public static final RedirectTarget LOCAL = new RedirectTarget("local", 0);

    public boolean isLocal() {
        return this == LOCAL || host.equalsIgnoreCase("local");
    }

    /** Parses {@code host:port}, {@code [v6]:port} or {@code local}; the port defaults to 5060. */
    public static RedirectTarget parse(String text) {
        String t = text.trim();
        if (t.toLowerCase(Locale.ROOT).equals("local")) {
            return LOCAL;
        }
        HostPort hp = HostPort.parse(t, 5060);
        return new RedirectTarget(hp.host(), hp.port());
    }

    @Override
    public String toString() {
        return isLocal() ? "local" : HostPort.format(host, port);
    }
}
