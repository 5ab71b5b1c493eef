package io.github.camelgb28181.simulator;

import io.github.camelgb28181.sip.SipTransport;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorCommandLineTest {

    @Test
    void theDocumentedExampleIsRead() {
        SimulatorCommandLine cli = SimulatorCommandLine.parse("--server", "127.0.0.1:5060", "--server-id",
                "34020000002000000001", "--domain", "3402000000", "--password", "12345678", "--devices", "10000",
                "--rate", "500/s", "--keepalive", "60", "--channels", "4", "--transport", "udp", "--duration", "120");
        SimulatorConfig c = cli.config();
        assertEquals("127.0.0.1", c.serverHost());
        assertEquals(5060, c.serverPort());
        assertEquals(10_000, c.devices());
        assertEquals(500.0, c.registrationsPerSecond());
        assertEquals(60, c.keepaliveSeconds());
        assertEquals(4, c.channels());
        assertEquals(SipTransport.UDP, c.transport());
        assertEquals(120, cli.durationSeconds());
        assertEquals(FaultProfile.NONE, c.faults());
    }

    @Test
    void faultsAndQuirksAreRead() {
        SimulatorConfig c = SimulatorCommandLine.parse("--drop-rate", "0.25", "--answer-delay", "700",
                "--no-keepalive", "--quirks", "content-length-zero,contact-without-port", "--transport", "TCP",
                "--id-prefix", "3402000000118", "--first-serial", "5").config();
        assertEquals(0.25, c.faults().dropRate());
        assertEquals(700, c.faults().answerDelayMs());
        assertTrue(c.faults().keepalivesSuspended());
        assertEquals(Set.of(VendorQuirk.values()), c.faults().quirks());
        assertEquals(SipTransport.TCP, c.transport());
        assertEquals("34020000001180000005", c.idPlan().deviceId(0));
    }

    @Test
    void mediaOptionsAndMediaFaultsAreRead() {
        SimulatorConfig c = SimulatorCommandLine.parse("--stream", "cam.h265", "--fps", "30", "--audio",
                "--media-threads", "3", "--packet-loss", "0.02", "--wrong-ssrc", "--invite-delay", "1500",
                "--silent-media").config();
        assertEquals(new MediaSettings(true, java.nio.file.Path.of("cam.h265"), 30, true, 3), c.media());
        assertEquals(0.02, c.faults().packetLossRate());
        assertTrue(c.faults().wrongSsrc());
        assertTrue(c.faults().noMedia());
        assertEquals(1500, c.faults().inviteAnswerDelayMs());
        assertEquals(MediaSettings.DEFAULT, SimulatorCommandLine.parse().config().media());
        assertEquals(false, SimulatorCommandLine.parse("--no-media").config().media().enabled());
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommandLine.parse("--fps", "0"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommandLine.parse("--packet-loss", "2"));
    }

    @Test
    void badInputIsReportedNotThrownAsSomethingElse() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommandLine.parse("--devices"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommandLine.parse("--devices", "many"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommandLine.parse("--devices", "0"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommandLine.parse("--frobnicate", "1"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommandLine.parse("--drop-rate", "1.5"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommandLine.parse("--quirks", "nonsense"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommandLine.parse("--transport", "sctp"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommandLine.parse("--server", "[::1"));
    }
}
