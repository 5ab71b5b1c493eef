package io.github.camelgb28181.media.port;

/** Which socket types a stream will open on its port, and therefore which must be free there. */
public enum PortProtocol {
    UDP(true, false),
    TCP(false, true),
    /** When the transport is not known yet, e.g. a device that may answer a TCP offer with UDP. */
    UDP_AND_TCP(true, true);

    private final boolean udp;
    private final boolean tcp;

    PortProtocol(boolean udp, boolean tcp) {
        this.udp = udp;
        this.tcp = tcp;
    }

    public boolean udp() {
        return udp;
    }

    public boolean tcp() {
        return tcp;
    }
}
