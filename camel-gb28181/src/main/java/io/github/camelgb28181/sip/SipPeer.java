package io.github.camelgb28181.sip;

import java.net.InetSocketAddress;
import java.util.Objects;

/** Where a message came from or goes to: transport plus socket address. */
public record SipPeer(SipTransport transport, InetSocketAddress address) {

    public SipPeer {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
    }

    public static SipPeer of(SipTransport transport, String host, int port) {
        return new SipPeer(transport, new InetSocketAddress(host, port));
    }

    public String host() {
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public String toString() {
        return transport + ":" + HostPort.format(host(), port());
    }
}
