package io.github.camelgb28181.sip;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header value types: Via, SipAddress, SipUri, CSeq and HostPort. */
class SipValueTypesTest {

    @Nested
    class ViaTest {

        @Test
        void gb28181ViaWithRportFlagAndBranch() {
            Via via = Via.parse("SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK2672759896");
            assertEquals("UDP", via.transport());
            assertEquals("192.168.1.64", via.host());
            assertEquals(5060, via.port());
            assertTrue(via.hasRport());
            assertEquals("", via.params().get("rport"), "a flag parameter maps to the empty string");
            assertEquals("z9hG4bK2672759896", via.branch());
            assertTrue(via.branch().startsWith(Via.MAGIC_COOKIE));
            assertNull(via.received());
            assertEquals("192.168.1.64:5060", via.sentBy());
        }

        @Test
        void rportWithValueAndReceived() {
            Via via = Via.parse("SIP/2.0/UDP 192.168.1.64:5060;rport=40123;received=10.0.0.7;branch=z9hG4bKabc");
            assertTrue(via.hasRport());
            assertEquals("40123", via.params().get("rport"));
            assertEquals("10.0.0.7", via.received());
            assertEquals("z9hG4bKabc", via.branch());
        }

        @Test
        void withoutRport() {
            Via via = Via.parse("SIP/2.0/TCP 10.1.2.3:5060;branch=z9hG4bK1");
            assertFalse(via.hasRport());
            assertEquals("TCP", via.transport());
        }

        @Test
        void transportIsUpperCasedAndParamNamesLowerCased() {
            Via via = Via.parse("sip/2.0/tcp cam.example.com:5070;BRANCH=z9hG4bKMixedCase;RPort");
            assertEquals("TCP", via.transport());
            assertEquals("cam.example.com", via.host());
            assertEquals(5070, via.port());
            assertEquals("z9hG4bKMixedCase", via.branch(), "parameter values keep their case");
            assertTrue(via.hasRport());
        }

        @Test
        void missingPortIsMinusOneAndSentByIsHostOnly() {
            Via via = Via.parse("SIP/2.0/UDP 192.168.1.64;branch=z9hG4bK77");
            assertEquals("192.168.1.64", via.host());
            assertEquals(-1, via.port());
            assertEquals("192.168.1.64", via.sentBy());
            assertEquals("SIP/2.0/UDP 192.168.1.64;branch=z9hG4bK77", via.toString());
        }

        @Test
        void noParametersAtAll() {
            Via via = Via.parse("SIP/2.0/UDP 192.168.1.64:5060");
            assertEquals(5060, via.port());
            assertTrue(via.params().isEmpty());
            assertNull(via.branch());
        }

        @Test
        void ipv6SentByWithPort() {
            Via via = Via.parse("SIP/2.0/UDP [2001:db8::64]:5060;rport;branch=z9hG4bK6");
            assertEquals("2001:db8::64", via.host());
            assertEquals(5060, via.port());
            assertEquals("[2001:db8::64]:5060", via.sentBy());
            assertEquals(via, Via.parse(via.toString()), "toString must parse back to an equal Via");
        }

        @Test
        void ipv6SentByWithoutPort() {
            Via via = Via.parse("SIP/2.0/TCP [::1];branch=z9hG4bK6");
            assertEquals("::1", via.host());
            assertEquals(-1, via.port());
            assertEquals("[::1]", via.sentBy(), "RFC 3261 sent-by needs an IPv6reference, port or not");
            assertEquals("SIP/2.0/TCP [::1];branch=z9hG4bK6", via.toString());
            assertEquals(via, Via.parse(via.toString()));
        }

        @Test
        void whitespaceBeforeParametersAndAroundValue() {
            Via via = Via.parse("  SIP/2.0/UDP   192.168.1.64:5060 ;branch=z9hG4bK9 ; rport  ");
            assertEquals("192.168.1.64", via.host());
            assertEquals(5060, via.port());
            assertEquals("z9hG4bK9", via.branch());
            assertTrue(via.hasRport());
        }

        @Test
        void withParamReturnsCopyAndKeepsOriginal() {
            Via via = Via.parse("SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK1");
            Via stamped = via.withParam("received", "172.16.0.9").withParam("rport", "40000");
            assertEquals("172.16.0.9", stamped.received());
            assertEquals("40000", stamped.params().get("rport"));
            assertEquals("z9hG4bK1", stamped.branch());
            assertNull(via.received(), "the original is immutable");
            assertEquals("", via.params().get("rport"));
            Via reparsed = Via.parse(stamped.toString());
            assertEquals(stamped, reparsed);
        }

        @Test
        void paramsAreImmutable() {
            Via via = Via.parse("SIP/2.0/UDP h:1;branch=z9hG4bK1");
            assertThrows(UnsupportedOperationException.class, () -> via.params().put("x", "y"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "SIP/2.0 192.168.1.64:5060",          // no transport
                "SIP/2.0/UDP",                         // no sent-by
                "SIP/2.0/UDP;branch=z9hG4bK1",         // no sent-by
                "SIP/3.0/UDP 192.168.1.64:5060",       // wrong version
                "HTTP/1.1 192.168.1.64",               // not SIP
                "SIP/2.0/UDP 192.168.1.64:abc",        // bad port
                "SIP/2.0/UDP 192.168.1.64:70000",      // port out of range
                "SIP/2.0/UDP 192.168.1.64:",           // empty port
                "SIP/2.0/UDP [2001:db8::1",            // unterminated IPv6
                "SIP/2.0/UDP ;branch=z9hG4bK1",        // empty host
                "" })
        void rejectsMalformedVia(String value) {
            assertThrows(IllegalArgumentException.class, () -> Via.parse(value));
        }
    }

    @Nested
    class SipAddressTest {

        @Test
        void gb28181FromWithTag() {
            SipAddress a = SipAddress.parse("<sip:34020000001320000001@3402000000>;tag=308835751");
            assertNull(a.displayName());
            assertEquals("34020000001320000001", a.user());
            assertEquals("3402000000", a.uri().host());
            assertEquals(-1, a.uri().port());
            assertEquals("308835751", a.tag());
        }

        @Test
        void quotedDisplayName() {
            SipAddress a = SipAddress.parse("\"Camera 1\" <sip:34020000001320000001@3402000000>;tag=abc");
            assertEquals("Camera 1", a.displayName());
            assertEquals("34020000001320000001", a.user());
            assertEquals("abc", a.tag());
        }

        @Test
        void quotedDisplayNameContainingSpecialCharacters() {
            SipAddress a = SipAddress.parse("\"Gate <East>, lobby; 2\" <sip:cam@10.0.0.1:5060>;tag=9");
            assertEquals("Gate <East>, lobby; 2", a.displayName(),
                    "'<' ',' and ';' inside quotes belong to the display name");
            assertEquals("cam", a.user());
            assertEquals("10.0.0.1", a.uri().host());
            assertEquals(5060, a.uri().port());
            assertEquals("9", a.tag());
        }

        @Test
        void unquotedDisplayName() {
            SipAddress a = SipAddress.parse("Camera <sip:cam@10.0.0.1>");
            assertEquals("Camera", a.displayName());
            assertNull(a.tag());
        }

        @Test
        void chineseDisplayName() {
            SipAddress a = SipAddress.parse("\"前门摄像头\" <sip:34020000001320000001@3402000000>;tag=1");
            assertEquals("前门摄像头", a.displayName());
        }

        @Test
        void addrSpecWithoutAngleBracketsTreatsParametersAsHeaderParameters() {
            SipAddress a = SipAddress.parse("sip:34020000001320000001@3402000000;tag=123;expires=60");
            assertNull(a.displayName());
            assertEquals("34020000001320000001", a.user());
            assertEquals("3402000000", a.uri().host());
            assertTrue(a.uri().params().isEmpty(), "in addr-spec form the parameters are header parameters");
            assertEquals("123", a.tag());
            assertEquals("60", a.params().get("expires"));
        }

        @Test
        void uriParametersInsideAngleBracketsStayWithTheUri() {
            SipAddress a = SipAddress.parse("<sip:cam@10.0.0.1:5060;transport=tcp;lr>;tag=55;expires=3600");
            assertEquals("tcp", a.uri().transportParam());
            assertEquals("", a.uri().params().get("lr"));
            assertEquals(Map.of("tag", "55", "expires", "3600"), a.params());
        }

        @Test
        void noTag() {
            assertNull(SipAddress.parse("<sip:34020000002000000001@3402000000>").tag());
        }

        @Test
        void withTagAndToStringRoundTrip() {
            SipAddress a = SipAddress.parse("\"Cam\" <sip:34020000002000000001@3402000000>");
            SipAddress tagged = a.withTag("883271650");
            assertEquals("883271650", tagged.tag());
            assertNull(a.tag(), "withTag returns a copy");
            assertEquals("\"Cam\" <sip:34020000002000000001@3402000000>;tag=883271650", tagged.toString());
            assertEquals(tagged, SipAddress.parse(tagged.toString()));
        }

        @Test
        void ofUri() {
            SipAddress a = SipAddress.of(SipUri.of("34020000002000000001", "3402000000", -1));
            assertEquals("<sip:34020000002000000001@3402000000>", a.toString());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "<sip:34020000001320000001@3402000000",   // unterminated
                "<http://example.com/>",                  // not SIP
                "\"Cam\" <>",                             // empty URI
                "34020000001320000001@3402000000",        // no scheme
                "<sip:>;tag=1",                           // empty host
                "<tel:+8613800000000>;tag=1",             // not SIP
                "" })
        void rejectsMalformedAddresses(String value) {
            assertThrows(IllegalArgumentException.class, () -> SipAddress.parse(value));
        }
    }

    @Nested
    class SipUriTest {

        @Test
        void gb28181DeviceIdAndDomain() {
            SipUri u = SipUri.parse("sip:34020000001320000001@3402000000");
            assertEquals("sip", u.scheme());
            assertEquals("34020000001320000001", u.user());
            assertEquals("3402000000", u.host());
            assertEquals(-1, u.port());
            assertTrue(u.params().isEmpty());
            assertEquals("sip:34020000001320000001@3402000000", u.toString());
        }

        @Test
        void userHostAndPort() {
            SipUri u = SipUri.parse("sip:34020000001320000001@192.168.1.64:5060");
            assertEquals("34020000001320000001", u.user());
            assertEquals("192.168.1.64", u.host());
            assertEquals(5060, u.port());
        }

        @Test
        void noUserWithParameters() {
            SipUri u = SipUri.parse("sip:192.168.1.1:5060;transport=UDP;lr");
            assertNull(u.user());
            assertEquals("192.168.1.1", u.host());
            assertEquals(5060, u.port());
            assertEquals("UDP", u.transportParam());
            assertEquals("", u.params().get("lr"));
            assertEquals(u, SipUri.parse(u.toString()));
        }

        @Test
        void schemeIsCaseInsensitiveAndSipsAccepted() {
            assertEquals("sip", SipUri.parse("SIP:a@b").scheme());
            SipUri s = SipUri.parse("sips:a@b:5061");
            assertEquals("sips", s.scheme());
            assertEquals(5061, s.port());
        }

        @Test
        void passwordAndUserParametersAreNotPartOfTheUser() {
            assertEquals("alice", SipUri.parse("sip:alice:secret@example.com").user());
            assertEquals("alice", SipUri.parse("sip:alice;phone-context=x@example.com").user());
        }

        @Test
        void uriHeadersAreDropped() {
            SipUri u = SipUri.parse("sip:alice@example.com;transport=tcp?subject=hi&priority=urgent");
            assertEquals("example.com", u.host());
            assertEquals("tcp", u.transportParam());
            assertEquals(1, u.params().size());
        }

        @Test
        void ipv6Host() {
            SipUri u = SipUri.parse("sip:cam@[2001:db8::1]:5070");
            assertEquals("cam", u.user());
            assertEquals("2001:db8::1", u.host());
            assertEquals(5070, u.port());
            assertEquals("sip:cam@[2001:db8::1]:5070", u.toString());
        }

        @Test
        void ofFormats() {
            assertEquals("sip:34020000002000000001@192.168.1.10:5060",
                    SipUri.of("34020000002000000001", "192.168.1.10", 5060).toString());
            assertEquals("sip:192.168.1.10", SipUri.of(null, "192.168.1.10", -1).toString());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "34020000001320000001@3402000000",  // no scheme
                ":a@b",                             // empty scheme
                "tel:+8613800000000",               // not SIP
                "http://example.com",               // not SIP
                "sip:",                             // empty host
                "sip:user@",                        // empty host
                "sip:user@host:99999",              // port out of range
                "sip:user@host:port",               // non-numeric port
                "sip:user@[::1" })                  // unterminated IPv6
        void rejectsMalformedUris(String value) {
            assertThrows(IllegalArgumentException.class, () -> SipUri.parse(value));
        }
    }

    @Nested
    class CSeqTest {

        @Test
        void numberAndMethod() {
            CSeq c = CSeq.parse("20 MESSAGE");
            assertEquals(20L, c.number());
            assertEquals("MESSAGE", c.method());
            assertEquals("20 MESSAGE", c.toString());
        }

        @Test
        void surroundingAndInnerWhitespace() {
            CSeq c = CSeq.parse("  7    REGISTER  ");
            assertEquals(7L, c.number());
            assertEquals("REGISTER", c.method());
        }

        @Test
        void bounds() {
            assertEquals(0L, CSeq.parse("0 ACK").number());
            assertEquals(4294967295L, CSeq.parse("4294967295 INVITE").number(), "2^32-1 is the largest allowed");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "4294967296 INVITE",        // 2^32
                "99999999999999999999 X",   // overflows long
                "-1 MESSAGE",
                "abc MESSAGE",
                "1.5 MESSAGE",
                "20",                       // no method
                "20   ",                    // no method
                "MESSAGE",
                " MESSAGE 20",
                "" })
        void rejectsMalformed(String value) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CSeq.parse(value));
            assertTrue(e.getMessage().startsWith("CSeq"), e.getMessage());
        }
    }

    @Nested
    class HostPortTest {

        @Test
        void hostOnlyUsesDefaultPort() {
            assertEquals(new HostPort("192.168.1.64", -1), HostPort.parse("192.168.1.64", -1));
            assertEquals(new HostPort("example.com", 5060), HostPort.parse("example.com", 5060));
        }

        @Test
        void hostAndPort() {
            assertEquals(new HostPort("192.168.1.64", 5060), HostPort.parse(" 192.168.1.64:5060 ", -1));
            assertEquals(new HostPort("h", 0), HostPort.parse("h:0", -1));
            assertEquals(new HostPort("h", 65535), HostPort.parse("h:65535", -1));
        }

        @Test
        void bracketedIpv6() {
            assertEquals(new HostPort("::1", 5060), HostPort.parse("[::1]:5060", -1));
            assertEquals(new HostPort("2001:db8::1", 7), HostPort.parse("[2001:db8::1]", 7));
        }

        @Test
        void bareIpv6IsAHostWithoutPort() {
            assertEquals(new HostPort("2001:db8::1", -1), HostPort.parse("2001:db8::1", -1));
        }

        @Test
        void format() {
            assertEquals("192.168.1.64:5060", HostPort.format("192.168.1.64", 5060));
            assertEquals("192.168.1.64", HostPort.format("192.168.1.64", -1));
            assertEquals("192.168.1.64", HostPort.format("192.168.1.64", 0), "port 0 is not written");
            assertEquals("[::1]:5060", HostPort.format("::1", 5060));
            assertEquals("[::1]", HostPort.format("::1", -1));
            assertEquals("[::1]:5060", HostPort.format("[::1]", 5060), "already bracketed stays as is");
            assertEquals("[2001:db8::1]:5070", new HostPort("2001:db8::1", 5070).toString());
        }

        @ParameterizedTest
        @ValueSource(strings = { "", "   ", "h:", "h:-1", "h:65536", "h:x", "[::1", "[::1]5060", "[::1]:", "[::1]:x" })
        void rejectsMalformed(String value) {
            assertThrows(IllegalArgumentException.class, () -> HostPort.parse(value, -1));
        }
    }
}
