package io.github.camelgb28181.media.port;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds out whether another program holds a port by binding it briefly. Both sockets are closed before returning,
 * so the caller can bind the port right after; a program that grabs it in between is caught when the caller binds.
 */
final class PortProbe {

    private PortProbe() {
    }

    static boolean udpFree(InetAddress address, int port) {
        try (DatagramSocket s = new DatagramSocket(null)) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false; // EADDRINUSE or EACCES: either way the port is not ours to hand out
        }
    }

    static boolean tcpFree(InetAddress address, int port) {
        try (ServerSocket s = new ServerSocket()) {
            // without SO_REUSEADDR the bind also fails while an old connection on the port is in TIME_WAIT, which
            // keeps a port whose last stream just ended out of use a little longer: the safe side
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(address, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
