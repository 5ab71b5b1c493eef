package io.github.camelgb28181.device;

import io.github.camelgb28181.media.sdp.MediaTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-device setting lists ({@code deviceTransports}, {@code deviceStreamFlavours}, {@code deviceCharsets}). */
class DevicePrefixMapTest {

    private static DevicePrefixMap<MediaTransport> transports(String spec) {
        return DevicePrefixMap.parse(spec, "transport", MediaTransport::parse);
    }

    @Test
    void theLongestMatchingPrefixWins() {
        DevicePrefixMap<MediaTransport> m = transports(" 3402000000132 = tcp-passive ,,34020000001320000002=UDP,"
                + "34=tcp_active");
        assertEquals(MediaTransport.TCP_PASSIVE, m.lookup("34020000001320000001"));
        assertEquals(MediaTransport.UDP, m.lookup("34020000001320000002"));
        assertEquals(MediaTransport.TCP_ACTIVE, m.lookup("34020000001310000001"));
        assertNull(m.lookup("44020000001320000001"));
        assertNull(m.lookup(null));
    }

    @Test
    void nullAndBlankAreEmpty() {
        assertTrue(transports(null).isEmpty());
        assertTrue(transports("  ").isEmpty());
        assertNull(transports("").lookup("34020000001320000001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3402000000132", "=udp", "3402000000132=", "3402000000132=carrier-pigeon",
                            "3402000000132:udp", "\u0000=\u0000"})
    void malformedPairsAreRefusedWithTheirText(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> transports(spec));
        assertTrue(e.getMessage().contains("transport"), e.getMessage());
    }

    @Test
    void aLongHostileListIsReadOrRefusedWithoutHarm() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append("3402").append(i).append("=udp,");
        }
        DevicePrefixMap<MediaTransport> m = transports(sb.toString());
        assertEquals(MediaTransport.UDP, m.lookup("34029999"));
    }
}
