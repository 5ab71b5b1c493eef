package io.github.camelgb28181.device;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipTransport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redirect targets, the built-in redirect policies and registration decisions. */
class RedirectPoliciesTest {

    private static final SipPeer SOURCE = SipPeer.of(SipTransport.UDP, "192.168.1.64", 5060);
    private static final String DEVICE = "34020000001320000001";

    private static final RedirectTarget A = new RedirectTarget("10.0.0.1", 5060);
    private static final RedirectTarget B = new RedirectTarget("10.0.0.2", 5061);
    private static final RedirectTarget C = new RedirectTarget("10.0.0.3", 5062);

    @Nested
    class TargetParse {

        @Test
        void hostAndPort() {
            RedirectTarget t = RedirectTarget.parse("10.0.0.2:5070");
            assertEquals("10.0.0.2", t.host());
            assertEquals(5070, t.port());
            assertFalse(t.isLocal());
            assertEquals("10.0.0.2:5070", t.toString());
        }

        @Test
        void hostnameWithSurroundingSpaces() {
            RedirectTarget t = RedirectTarget.parse("  sip2.example.com:5080 ");
            assertEquals(new RedirectTarget("sip2.example.com", 5080), t);
        }

        @Test
        void bracketedIpv6WithPort() {
            RedirectTarget t = RedirectTarget.parse("[::1]:5070");
            assertEquals("::1", t.host());
            assertEquals(5070, t.port());
            assertEquals("[::1]:5070", t.toString());
        }

        @Test
        void bracketedIpv6WithoutPortDefaults() {
            RedirectTarget t = RedirectTarget.parse("[fe80::1]");
            assertEquals("fe80::1", t.host());
            assertEquals(5060, t.port());
        }

        @Test
        void hostAloneDefaultsTo5060() {
            RedirectTarget t = RedirectTarget.parse("10.0.0.9");
            assertEquals("10.0.0.9", t.host());
            assertEquals(5060, t.port());
            assertEquals("10.0.0.9:5060", t.toString());
        }

        @ParameterizedTest
        @ValueSource(strings = { "local", "LOCAL", "Local", "  local  " })
        void localInAnyCase(String text) {
            RedirectTarget t = RedirectTarget.parse(text);
            assertSame(RedirectTarget.LOCAL, t);
            assertTrue(t.isLocal());
            assertEquals("local", t.toString());
        }

        @Test
        void localNamedTargetCountsAsLocal() {
            assertTrue(new RedirectTarget("LOCAL", 5060).isLocal());
            assertFalse(new RedirectTarget("localhost", 5060).isLocal());
        }

        @ParameterizedTest
        @ValueSource(strings = { "", "   ", "host:notaport", "host:70000", "[::1", "[::1]x5060" })
        void malformed(String text) {
            assertThrows(IllegalArgumentException.class, () -> RedirectTarget.parse(text));
        }

        @Test
        void targetList() {
            assertEquals(List.of(A, B, RedirectTarget.LOCAL),
                    RedirectPolicies.parseTargets("10.0.0.1:5060, 10.0.0.2:5061 ,,local,"));
            assertTrue(RedirectPolicies.parseTargets(null).isEmpty());
            assertTrue(RedirectPolicies.parseTargets(" ").isEmpty());
        }
    }

    @Nested
    class Create {

        @Test
        void noneKeepsEveryDeviceHere() {
            assertSame(RedirectPolicy.NONE, RedirectPolicies.create("none", null, null));
            assertSame(RedirectPolicy.NONE, RedirectPolicies.create(null, "10.0.0.1:5060", null));
            assertSame(RedirectPolicy.NONE, RedirectPolicies.create("  NONE ", null, null));
            assertSame(RedirectPolicy.NONE, RedirectPolicies.create("", null, null));
            assertSame(RedirectTarget.LOCAL, RedirectPolicy.NONE.select(DEVICE, SOURCE));
        }

        @Test
        void staticUsesFirstTarget() {
            RedirectPolicy p = RedirectPolicies.create("static", "10.0.0.2:5061,10.0.0.3:5062", null);
            for (int i = 0; i < 5; i++) {
                assertEquals(B, p.select("3402000000132000000" + i, SOURCE));
            }
        }

        @Test
        void roundRobinBothSpellings() {
            for (String name : new String[] { "roundRobin", "round-robin", "ROUNDROBIN" }) {
                RedirectPolicy p = RedirectPolicies.create(name, "10.0.0.1:5060,10.0.0.2:5061,10.0.0.3:5062", null);
                assertEquals(A, p.select(DEVICE, SOURCE), name);
                assertEquals(B, p.select(DEVICE, SOURCE), name);
            }
        }

        @Test
        void hashByName() {
            RedirectPolicy p = RedirectPolicies.create("hash", "10.0.0.1:5060,10.0.0.2:5061,10.0.0.3:5062", null);
            List<RedirectTarget> all = List.of(A, B, C);
            assertEquals(all.get(crcIndex(DEVICE, 3)), p.select(DEVICE, SOURCE));
        }

        @Test
        void prefixByName() {
            RedirectPolicy p = RedirectPolicies.create("prefix", "10.0.0.3:5062", "3401=10.0.0.1:5060");
            assertEquals(A, p.select("34010000001320000001", SOURCE));
            assertEquals(C, p.select("11010000001320000001", SOURCE));
        }

        @Test
        void unknownName() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RedirectPolicies.create("random", "10.0.0.1:5060", null));
            assertTrue(e.getMessage().contains("unknown redirect policy 'random'"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = { "static", "roundRobin", "round-robin", "hash" })
        void policyWithoutTargets(String name) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RedirectPolicies.create(name, null, null));
            assertTrue(e.getMessage().contains("needs at least one target"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> RedirectPolicies.create(name, " , ", null));
        }

        @ParameterizedTest
        @ValueSource(strings = { "3401", "=10.0.0.1:5060", "3401=10.0.0.1:5060;3402" })
        void badPrefixEntry(String prefixes) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RedirectPolicies.create("prefix", null, prefixes));
            assertTrue(e.getMessage().contains("must be prefix=target"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = { "34a1=10.0.0.1:5060", "abc=local", "-1=local", "34 01=local" })
        void nonDigitPrefix(String prefixes) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RedirectPolicies.create("prefix", null, prefixes));
            assertTrue(e.getMessage().contains("must be digits"), e.getMessage());
        }

        @Test
        void badTargetInPrefixEntry() {
            assertThrows(IllegalArgumentException.class,
                    () -> RedirectPolicies.create("prefix", null, "3401=host:port"));
        }

        @Test
        void parsePrefixesKeepsOrderAndTrims() {
            Map<String, RedirectTarget> m = RedirectPolicies.parsePrefixes(" 3401 = 10.0.0.1:5060 ;; 3402=local;");
            Map<String, RedirectTarget> expected = new LinkedHashMap<>();
            expected.put("3401", A);
            expected.put("3402", RedirectTarget.LOCAL);
            assertEquals(expected, m);
            assertEquals(List.of("3401", "3402"), List.copyOf(m.keySet()));
            assertTrue(RedirectPolicies.parsePrefixes(null).isEmpty());
        }
    }

    @Nested
    class RoundRobin {

        @Test
        void cyclesOverThreeTargetsInOrder() {
            RedirectPolicy p = RedirectPolicies.roundRobin(List.of(A, B, C));
            RedirectTarget[] expected = { A, B, C, A, B, C, A, B, C, A };
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], p.select(DEVICE, SOURCE), "call " + i);
            }
        }

        @Test
        void ignoresDeviceId() {
            RedirectPolicy p = RedirectPolicies.roundRobin(List.of(A, B));
            assertEquals(A, p.select("1", SOURCE));
            assertEquals(B, p.select("1", SOURCE));
            assertEquals(A, p.select("2", SOURCE));
        }

        @Test
        void copiesTheList() {
            List<RedirectTarget> list = new java.util.ArrayList<>(List.of(A, B));
            RedirectPolicy p = RedirectPolicies.roundRobin(list);
            list.clear();
            assertEquals(A, p.select(DEVICE, SOURCE));
            assertEquals(B, p.select(DEVICE, SOURCE));
        }

        @Test
        void independentPoliciesHaveIndependentCounters() {
            RedirectPolicy p1 = RedirectPolicies.roundRobin(List.of(A, B, C));
            RedirectPolicy p2 = RedirectPolicies.roundRobin(List.of(A, B, C));
            assertEquals(A, p1.select(DEVICE, SOURCE));
            assertEquals(B, p1.select(DEVICE, SOURCE));
            assertEquals(A, p2.select(DEVICE, SOURCE));
        }
    }

    private static int crcIndex(String deviceId, int n) {
        CRC32 crc = new CRC32();
        crc.update(deviceId.getBytes(StandardCharsets.US_ASCII));
        return (int) (crc.getValue() % n);
    }

    @Nested
    class Hash {

        private final List<RedirectTarget> targets = List.of(A, B, C);

        @Test
        void equalsCrc32ModuloTargetCount() {
            RedirectPolicy p = RedirectPolicies.hash(targets);
            for (int i = 0; i < 50; i++) {
                String id = String.format("340200000013200%05d", i);
                assertEquals(targets.get(crcIndex(id, 3)), p.select(id, SOURCE), id);
                assertEquals(crcIndex(id, 3), RedirectPolicies.hashIndex(id, 3), id);
            }
        }

        @Test
        void knownCrcValue() {
            // CRC32("123456789") is the standard check value 0xCBF43926 = 3421780262; 3421780262 % 3 = 2
            assertEquals(2, RedirectPolicies.hashIndex("123456789", 3));
            assertEquals(C, RedirectPolicies.hash(targets).select("123456789", SOURCE));
            assertEquals(3421780262L % 7, RedirectPolicies.hashIndex("123456789", 7));
        }

        @Test
        void stableAcrossCallsAndInstances() {
            RedirectPolicy p1 = RedirectPolicies.hash(targets);
            RedirectPolicy p2 = RedirectPolicies.hash(List.of(A, B, C));
            RedirectTarget first = p1.select(DEVICE, SOURCE);
            for (int i = 0; i < 10; i++) {
                assertEquals(first, p1.select(DEVICE, SOURCE));
                assertEquals(first, p2.select(DEVICE, SOURCE));
            }
            assertEquals(targets.get(crcIndex(DEVICE, 3)), first);
        }

        @Test
        void spreadsOverAllTargets() {
            RedirectPolicy p = RedirectPolicies.hash(targets);
            Set<RedirectTarget> seen = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                seen.add(p.select(String.format("340200000013200%05d", i), SOURCE));
            }
            assertEquals(Set.of(A, B, C), seen);
        }

        @Test
        void singleTargetAlwaysChosen() {
            RedirectPolicy p = RedirectPolicies.hash(List.of(B));
            assertEquals(B, p.select(DEVICE, SOURCE));
            assertEquals(B, p.select("x", SOURCE));
        }
    }

    @Nested
    class Prefix {

        private final RedirectTarget r3401 = new RedirectTarget("10.34.1.1", 5060);
        private final RedirectTarget r340100 = new RedirectTarget("10.34.1.100", 5070);

        @Test
        void longestMatchWinsWhateverTheOrder() {
            Map<String, RedirectTarget> shortFirst = new LinkedHashMap<>();
            shortFirst.put("3401", r3401);
            shortFirst.put("340100", r340100);
            Map<String, RedirectTarget> longFirst = new LinkedHashMap<>();
            longFirst.put("340100", r340100);
            longFirst.put("3401", r3401);
            for (Map<String, RedirectTarget> m : List.of(shortFirst, longFirst)) {
                RedirectPolicy p = RedirectPolicies.prefix(m, A);
                assertEquals(r340100, p.select("34010000001320000001", SOURCE));
                assertEquals(r3401, p.select("34011200001320000001", SOURCE));
                assertEquals(r3401, p.select("34010100001320000001", SOURCE));
                assertEquals(A, p.select("34020000001320000001", SOURCE));
            }
        }

        @Test
        void fromConfigurationText() {
            RedirectPolicy p = RedirectPolicies.create("prefix", "10.0.0.1:5060,10.0.0.2:5061",
                    "3401=10.34.1.1;340100=10.34.1.100:5070;3402=local");
            assertEquals(r340100, p.select("34010000001320000001", SOURCE));
            assertEquals(r3401, p.select("34019900001320000001", SOURCE));
            assertSame(RedirectTarget.LOCAL, p.select("34020000001320000001", SOURCE));
            assertEquals(A, p.select("11010000001320000001", SOURCE), "no match goes to the first target");
        }

        @Test
        void noTargetsFallsBackToLocal() {
            RedirectPolicy p = RedirectPolicies.create("prefix", null, "3401=10.34.1.1");
            assertEquals(r3401, p.select("34010000001320000001", SOURCE));
            assertSame(RedirectTarget.LOCAL, p.select("44010000001320000001", SOURCE));
            RedirectPolicy empty = RedirectPolicies.create("prefix", "", "");
            assertSame(RedirectTarget.LOCAL, empty.select(DEVICE, SOURCE));
        }

        @Test
        void prefixMustMatchFromTheStart() {
            RedirectPolicy p = RedirectPolicies.prefix(Map.of("3401", r3401), B);
            assertEquals(B, p.select("00340100001320000001", SOURCE));
            assertEquals(B, p.select("340", SOURCE), "shorter than the prefix");
        }
    }

    @Nested
    class Decision {

        @Test
        void redirectToLocalIsAccept() {
            assertSame(RegistrationDecision.ACCEPT, RegistrationDecision.redirect(RedirectTarget.LOCAL));
            assertSame(RegistrationDecision.ACCEPT, RegistrationDecision.redirect(RedirectTarget.parse("LOCAL")));
            assertSame(RegistrationDecision.ACCEPT, RegistrationDecision.redirect(new RedirectTarget("local", 1)));
        }

        @Test
        void acceptShape() {
            assertEquals(RegistrationDecision.Kind.ACCEPT, RegistrationDecision.ACCEPT.kind());
            assertEquals(0, RegistrationDecision.ACCEPT.rejectStatus());
            assertNull(RegistrationDecision.ACCEPT.target());
        }

        @Test
        void redirectElsewhere() {
            RegistrationDecision d = RegistrationDecision.redirect(B);
            assertEquals(RegistrationDecision.Kind.REDIRECT, d.kind());
            assertEquals(B, d.target());
            assertEquals(0, d.rejectStatus());
        }

        @ParameterizedTest
        @ValueSource(ints = { 400, 403, 503, 603, 699 })
        void rejectWithErrorStatus(int status) {
            RegistrationDecision d = RegistrationDecision.reject(status);
            assertEquals(RegistrationDecision.Kind.REJECT, d.kind());
            assertEquals(status, d.rejectStatus());
            assertNull(d.target());
        }

        @ParameterizedTest
        @ValueSource(ints = { 200, 0, -1, 100, 302, 399, 700, 999 })
        void rejectWithNonErrorStatusThrows(int status) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RegistrationDecision.reject(status));
            assertTrue(e.getMessage().endsWith(": " + status), e.getMessage());
        }
    }
}
