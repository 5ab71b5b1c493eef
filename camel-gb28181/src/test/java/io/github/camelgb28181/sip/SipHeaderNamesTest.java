package io.github.camelgb28181.sip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The allocation-free name table: the String and the byte lookups must agree with each other and with RFC 3261. */
class SipHeaderNamesTest {

    private static final List<String> KNOWN = List.of("Via", "From", "To", "Call-ID", "CSeq", "Contact",
            "Max-Forwards", "Content-Type", "Content-Length", "Expires", "Date", "User-Agent", "Server",
            "Authorization", "WWW-Authenticate", "Subject", "Event", "Subscription-State", "Route", "Record-Route",
            "Allow", "Supported", "X-GB-Ver", "Proxy-Authenticate", "Proxy-Authorization", "Require",
            "Proxy-Require", "Unsupported", "Allow-Events", "Content-Encoding", "Refer-To", "Min-Expires",
            "Retry-After", "Accept", "Warning", "Reason", "Monitor-User-Agent");

    private static String bytesLookup(String name) {
        byte[] padded = ("xx" + name + ":yy").getBytes(UTF_8); // a range inside a larger buffer, as in a datagram
        return SipHeaderNames.canonical(padded, 2, padded.length - 3);
    }

    @Test
    void everyKnownNameInAnyCaseIsFoundBothWays() {
        for (String name : KNOWN) {
            for (String spelling : List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT))) {
                assertSame(name, SipHeaderNames.canonical(spelling), spelling);
                assertSame(name, bytesLookup(spelling), spelling);
            }
        }
    }

    @Test
    void compactFormsExpandInEitherCase() {
        String[][] forms = { { "v", "Via" }, { "f", "From" }, { "t", "To" }, { "i", "Call-ID" }, { "m", "Contact" },
                { "c", "Content-Type" }, { "l", "Content-Length" }, { "s", "Subject" }, { "k", "Supported" },
                { "e", "Content-Encoding" }, { "o", "Event" }, { "u", "Allow-Events" }, { "r", "Refer-To" } };
        for (String[] f : forms) {
            assertEquals(f[1], SipHeaderNames.canonical(f[0]));
            assertEquals(f[1], SipHeaderNames.canonical(f[0].toUpperCase(Locale.ROOT)));
            assertEquals(f[1], bytesLookup(f[0].toUpperCase(Locale.ROOT)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "X-Custom", "Vias", "Vi", "Fro", "Call-I", "Call_ID", "a", "CSeq2", "Content-Length-",
            "ContentLength", "Via\u0000" })
    void unknownAndNearMissNamesAreNotTaken(String name) {
        assertSame(name, SipHeaderNames.canonical(name), "an unknown name is kept as sent");
        assertNull(bytesLookup(name));
    }

    @Test
    void onlyAsciiLettersFoldCase() {
        // U+212A KELVIN SIGN lower-cases to 'k' in Unicode, and '@' | 0x20 is '`': neither is the same header name
        assertNull(bytesLookup("\u212A"));
        assertEquals("\u212A", SipHeaderNames.canonical("\u212A"));
        assertNull(bytesLookup("T@"));
        byte[] latin1 = { (byte) 0xD6 }; // 'Ö' in ISO-8859-1, not a name byte at all
        assertNull(SipHeaderNames.canonical(latin1, 0, 1));
    }

    @Test
    void emptyRangeIsNoName() {
        assertNull(SipHeaderNames.canonical(new byte[] { 'V', 'i', 'a' }, 1, 1));
    }

    @Test
    void listHeadersAreTheOnesOfRfc3261Section7() {
        for (String list : List.of("Via", "Route", "Record-Route", "Contact", "Allow", "Supported", "Require",
                "Proxy-Require", "Unsupported", "Allow-Events")) {
            assertTrue(SipHeaderNames.isListHeader(list), list);
            assertTrue(SipHeaderNames.isListHeader(list.toLowerCase(Locale.ROOT)), list);
        }
        for (String single : List.of("Authorization", "WWW-Authenticate", "From", "Date", "X-Custom", "v")) {
            assertFalse(SipHeaderNames.isListHeader(single), single);
        }
    }
}
