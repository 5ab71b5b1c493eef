package io.github.camelgb28181.media.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The network part of {@code c=} and {@code o=}: {@code IN IP4 192.168.1.64} or {@code IN IP6 ::1} (RFC 4566 §5.7). */
public record SdpConnection(AddressType addressType, String address) {

    /** The address types GB/T 28181 uses; the network type is always {@code IN}. */
    public enum AddressType {
        IP4, IP6
    }

    public SdpConnection {
        Objects.requireNonNull(addressType, "addressType");
        SdpText.requireToken("connection address", address);
    }

    /** An IPv6 connection when the address holds a colon, else IPv4 (host names are IPv4 by GB practice). */
    public static SdpConnection of(String address) {
        return new SdpConnection(address.indexOf(':') >= 0 ? AddressType.IP6 : AddressType.IP4, address);
    }

    /**
     * Parses {@code IN IP4 <address>[/ttl[/count]]}. Network and address type are read case-insensitively (a few
     * cameras write {@code in ip4}); the multicast suffix is dropped because GB media is unicast.
     */
    public static SdpConnection parse(String value) {
        List<String> f = SdpText.fields(value);
        if (f.size() != 3) {
            throw new IllegalArgumentException("expected 'IN IP4|IP6 <address>': " + SdpText.printable(value));
        }
        return fromFields(f.get(0), f.get(1), f.get(2));
    }

    static SdpConnection fromFields(String netType, String addrType, String address) {
        if (!netType.equalsIgnoreCase("IN")) {
            throw new IllegalArgumentException("network type is not IN: " + SdpText.printable(netType));
        }
        AddressType type;
        switch (addrType.toUpperCase(Locale.ROOT)) {
            case "IP4" -> type = AddressType.IP4;
            case "IP6" -> type = AddressType.IP6;
            default -> throw new IllegalArgumentException("address type is not IP4/IP6: " + SdpText.printable(addrType));
        }
        int slash = address.indexOf('/');
        return new SdpConnection(type, slash < 0 ? address : address.substring(0, slash));
    }

    @Override
    public String toString() {
        return "IN " + addressType + " " + address;
    }
}
