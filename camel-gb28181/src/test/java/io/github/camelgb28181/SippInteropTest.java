package io.github.camelgb28181;

import io.github.camelgb28181.device.Device;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * sipp (Debian package sip-tester) as an independent device: digest registration and a keep-alive against the
 * component, over UDP and TCP. Required in CI (CI=true); skipped elsewhere when sipp is not installed.
 */
class SippInteropTest extends Gb28181TestSupport {

    static final String SIPP = "sipp";

    static boolean sippInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, SIPP))) {
                return true;
            }
        }
        return false;
    }

    static void requireSipp() {
        if (!sippInstalled()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("sipp is required in CI: apt-get install -y sip-tester");
            }
            Assumptions.abort("sipp not installed (apt-get install -y sip-tester)");
        }
    }

    /** Runs a sipp scenario as one call against 127.0.0.1:port; returns the exit code (0 = every step passed). */
    static SippRun runSipp(String scenario, int port, String transport, String deviceId, String password)
            throws IOException, InterruptedException, URISyntaxException {
        Path file = Path.of(SippInteropTest.class.getResource("/sipp/" + scenario).toURI());
        Path log = Files.createTempFile("sipp", ".log");
        List<String> cmd = List.of(SIPP, "127.0.0.1:" + port, "-sf", file.toString(), "-m", "1", "-i", "127.0.0.1",
                "-p", Integer.toString(freeUdpPort()), "-t", transport.equals("tcp") ? "t1" : "u1", "-set", "devid",
                deviceId, "-au", deviceId, "-ap", password, "-set", "srv", SERVER_ID, "-set", "dom", DOMAIN, "-timeout", "20s", "-timeout_error",
                "-nostdin", "-trace_err", "-error_file", log.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("sipp", ".out").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("sipp did not finish");
        }
        return new SippRun(p.exitValue(), Files.exists(log) ? Files.readString(log) : "");
    }

    static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    record SippRun(int exitCode, String errors) {
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "tcp" })
    void sippRegistersWithDigestAndKeepsAlive(String transport) throws Exception {
        requireSipp();
        CamelContext server = startServer(c -> { });
        String id = "34020000001320000077";
        SippRun run = runSipp("register-keepalive.xml", sipPort(server), transport, id, PASSWORD);
        assertEquals(0, run.exitCode(), "sipp scenario failed: " + run.errors());
        awaitEvent("REGISTERED", id);
        awaitEvent("KEEPALIVE", id);
        Device d = server.getComponent("gb28181", Gb28181Component.class).getPlatform().registry().get(id);
        assertNotNull(d);
        assertTrue(d.online());
        assertNotNull(d.lastKeepaliveAt());
        assertEquals(transport.toUpperCase(), d.transport().name());
    }

    @Test
    void sippWithWrongPasswordFails() throws Exception {
        requireSipp();
        CamelContext server = startServer(c -> { });
        SippRun run = runSipp("register-keepalive.xml", sipPort(server), "udp", "34020000001320000078", "nope");
        assertNotEquals(0, run.exitCode(), "a wrong password must not get a 200");
        assertTrue(run.errors().contains("403"), run.errors());
    }
}
