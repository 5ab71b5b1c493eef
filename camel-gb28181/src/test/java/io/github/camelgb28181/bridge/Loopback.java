package io.github.camelgb28181.bridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.fail;

/** Ports on 127.0.0.1 for receivers the tests start. */
public final class Loopback {

    private static final long LISTEN_WAIT_MILLIS = 20_000;

    private Loopback() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until something listens on {@code port} without connecting to it (a one-shot receiver such as
     * {@code ffmpeg -listen 1} would take a probe connection for its publisher): Linux lists listening TCP sockets in
     * /proc/net/tcp with state 0A.
     */
    public static void awaitListening(int port, Process receiver) throws IOException, InterruptedException {
        String local = String.format(Locale.ROOT, ":%04X ", port);
        long deadline = System.currentTimeMillis() + LISTEN_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path path = Path.of(table);
                if (!Files.exists(path)) {
                    continue;
                }
                for (String line : Files.readAllLines(path)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && (fields[1] + " ").endsWith(local) && fields[3].equals("0A")) {
                        return;
                    }
                }
            }
            if (receiver != null && !receiver.isAlive()) {
                fail("receiver exited with " + receiver.exitValue() + " before listening on " + port);
            }
            Thread.sleep(20);
        }
        fail("nothing listened on port " + port);
    }
}
