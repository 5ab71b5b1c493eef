package io.github.camelgb28181.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import io.github.camelgb28181.sip.DigestAuthenticator.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-side HTTP Digest (RFC 2617 / RFC 2069) as used for GB28181 REGISTER, and the Authorization parser. */
class DigestAuthenticatorTest {

    private static final String REALM = "3402000000";
    private static final String USER = "34020000001320000001";
    private static final String PASSWORD = "12345678";
    private static final String URI = "sip:34020000002000000001@3402000000";
    private static final String METHOD = "REGISTER";
    private static final long TTL = 60_000;
    private static final long T0 = 1_700_000_000_000L;

    /** MD5 computed here, independently of the class under test. */
    private static String md5(String s) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static DigestCredentials qopCredentials(String nonce, String nc, String cnonce, String password) {
        String response = DigestAuthenticator.clientResponse(USER, REALM, password, METHOD, URI, nonce, "auth", nc,
                cnonce);
        return new DigestCredentials(USER, REALM, nonce, URI, response, "MD5", "auth", nc, cnonce);
    }

    private static DigestCredentials rfc2069Credentials(String nonce, String password) {
        String response = DigestAuthenticator.clientResponse(USER, REALM, password, METHOD, URI, nonce, null, null,
                null);
        return new DigestCredentials(USER, REALM, nonce, URI, response, null, null, null, null);
    }

    @Nested
    class ClientResponse {

        @Test
        void rfc2617Section35ExampleVector() {
            String response = DigestAuthenticator.clientResponse("Mufasa", "testrealm@host.com", "Circle Of Life",
                    "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b");
            assertEquals("6629fae49393a05397450978507c4ef1", response);
        }

        @Test
        void md5HexOfKnownInputs() {
            // HA1 and HA2 of the RFC 2617 example
            assertEquals("939e7578ed9e3c518a452acee763bce9",
                    DigestAuthenticator.md5Hex("Mufasa:testrealm@host.com:Circle Of Life"));
            assertEquals("39aff3a2bab6126f332b942af96d3366", DigestAuthenticator.md5Hex("GET:/dir/index.html"));
            assertEquals("d41d8cd98f00b204e9800998ecf8427e", DigestAuthenticator.md5Hex(""));
        }

        @Test
        void rfc2069WithoutQopMatchesIndependentComputation() throws Exception {
            String nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
            String ha1 = md5("Mufasa:testrealm@host.com:Circle Of Life");
            String ha2 = md5("GET:/dir/index.html");
            String expected = md5(ha1 + ":" + nonce + ":" + ha2);

            String response = DigestAuthenticator.clientResponse("Mufasa", "testrealm@host.com", "Circle Of Life",
                    "GET", "/dir/index.html", nonce, null, null, null);
            assertEquals(expected, response);
            assertEquals(32, response.length());
            assertNotEquals("6629fae49393a05397450978507c4ef1", response, "no-qop must differ from the qop answer");
        }

        @Test
        void qopAnswerMatchesIndependentComputationForGb28181Values() throws Exception {
            String nonce = "a1b2c3";
            String ha1 = md5(USER + ":" + REALM + ":" + PASSWORD);
            String ha2 = md5(METHOD + ":" + URI);
            String expected = md5(ha1 + ":" + nonce + ":00000001:deadbeef:auth:" + ha2);
            assertEquals(expected, DigestAuthenticator.clientResponse(USER, REALM, PASSWORD, METHOD, URI, nonce,
                    "auth", "00000001", "deadbeef"));
        }
    }

    @Nested
    class Challenge {

        private final DigestAuthenticator auth = new DigestAuthenticator(REALM, TTL);

        @Test
        void containsRealmNonceAlgorithmAndQop() {
            String challenge = auth.challenge(false);
            assertTrue(challenge.startsWith("Digest "), challenge);
            assertTrue(challenge.contains("realm=\"3402000000\""), challenge);
            assertTrue(challenge.contains("algorithm=MD5"), challenge);
            assertTrue(challenge.contains("qop=\"auth\""), challenge);
            assertFalse(challenge.toLowerCase(Locale.ROOT).contains("stale"), challenge);

            Map<String, String> p = DigestCredentials.parameters(challenge);
            assertEquals(REALM, p.get("realm"));
            assertEquals("MD5", p.get("algorithm"));
            assertEquals("auth", p.get("qop"));
            assertNull(p.get("stale"));
            String nonce = p.get("nonce");
            assertTrue(nonce.length() >= 41 && nonce.length() <= 64, nonce);
            assertTrue(nonce.matches("[0-9a-f]+"), nonce);
            assertEquals(REALM, auth.realm());
        }

        @Test
        void staleOnlyWhenAsked() {
            String challenge = auth.challenge(true);
            assertTrue(challenge.endsWith(", stale=TRUE"), challenge);
            assertEquals("TRUE", DigestCredentials.parameters(challenge).get("stale"));
            assertEquals(REALM, DigestCredentials.parameters(challenge).get("realm"));
        }

        @Test
        void everyChallengeHasAFreshNonce() {
            String n1 = DigestCredentials.parameters(auth.challenge(false)).get("nonce");
            String n2 = DigestCredentials.parameters(auth.challenge(false)).get("nonce");
            assertNotEquals(n1, n2);
            assertNotEquals(auth.newNonce(T0), auth.newNonce(T0), "same instant must still give distinct nonces");
        }

        @Test
        void nonceFromChallengeVerifiesThroughPublicApi() {
            String nonce = DigestCredentials.parameters(auth.challenge(false)).get("nonce");
            assertEquals(Verdict.OK, auth.verify(qopCredentials(nonce, "00000001", "0a4f113b", PASSWORD), METHOD,
                    PASSWORD));
            assertEquals(Verdict.OK, auth.verify(rfc2069Credentials(nonce, PASSWORD), METHOD, PASSWORD));
        }
    }

    @Nested
    class Verify {

        private final DigestAuthenticator auth = new DigestAuthenticator(REALM, TTL);

        @Test
        void okWithQop() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.OK,
                    auth.verify(qopCredentials(nonce, "00000001", "0a4f113b", PASSWORD), METHOD, PASSWORD, T0 + 1000));
        }

        @Test
        void okWithoutQopRfc2069() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.OK, auth.verify(rfc2069Credentials(nonce, PASSWORD), METHOD, PASSWORD, T0 + 1000));
        }

        @Test
        void okWhenRealmOmittedByClient() {
            String nonce = auth.newNonce(T0);
            String response = DigestAuthenticator.clientResponse(USER, REALM, PASSWORD, METHOD, URI, nonce, null,
                    null, null);
            DigestCredentials c = new DigestCredentials(USER, null, nonce, URI, response, null, null, null, null);
            assertEquals(Verdict.OK, auth.verify(c, METHOD, PASSWORD, T0));
        }

        @Test
        void okWithLowerCaseAlgorithmName() {
            String nonce = auth.newNonce(T0);
            DigestCredentials q = qopCredentials(nonce, "00000001", "c1", PASSWORD);
            DigestCredentials c = new DigestCredentials(q.username(), q.realm(), q.nonce(), q.uri(), q.response(),
                    "md5", q.qop(), q.nc(), q.cnonce());
            assertEquals(Verdict.OK, auth.verify(c, METHOD, PASSWORD, T0));
        }

        @Test
        void wrongPasswordWithQop() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.WRONG_PASSWORD,
                    auth.verify(qopCredentials(nonce, "00000001", "c1", "wrong"), METHOD, PASSWORD, T0));
        }

        @Test
        void wrongPasswordWithoutQop() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.WRONG_PASSWORD,
                    auth.verify(rfc2069Credentials(nonce, "wrong"), METHOD, PASSWORD, T0));
        }

        @Test
        void wrongMethodIsWrongPassword() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.WRONG_PASSWORD,
                    auth.verify(rfc2069Credentials(nonce, PASSWORD), "MESSAGE", PASSWORD, T0));
        }

        @Test
        void upperCaseResponseHexIsAccepted() {
            String nonce = auth.newNonce(T0);
            DigestCredentials q = qopCredentials(nonce, "00000001", "c1", PASSWORD);
            DigestCredentials upper = new DigestCredentials(q.username(), q.realm(), q.nonce(), q.uri(),
                    q.response().toUpperCase(Locale.ROOT), q.algorithm(), q.qop(), q.nc(), q.cnonce());
            assertNotEquals(q.response(), upper.response());
            assertEquals(Verdict.OK, auth.verify(upper, METHOD, PASSWORD, T0));
        }

        @Test
        void nonceFromAnotherInstanceIsInvalid() {
            DigestAuthenticator other = new DigestAuthenticator(REALM, TTL);
            String foreign = other.newNonce(T0);
            assertEquals(Verdict.OK,
                    other.verify(qopCredentials(foreign, "00000001", "c1", PASSWORD), METHOD, PASSWORD, T0));
            assertEquals(Verdict.INVALID,
                    auth.verify(qopCredentials(foreign, "00000001", "c1", PASSWORD), METHOD, PASSWORD, T0));
            assertEquals(Verdict.INVALID, auth.verify(rfc2069Credentials(foreign, PASSWORD), METHOD, PASSWORD, T0));
        }

        @Test
        void tamperedSignatureIsInvalid() {
            String nonce = auth.newNonce(T0);
            char last = nonce.charAt(nonce.length() - 1);
            String tampered = nonce.substring(0, nonce.length() - 1) + (last == '0' ? '1' : '0');
            assertEquals(Verdict.INVALID, auth.verify(rfc2069Credentials(tampered, PASSWORD), METHOD, PASSWORD, T0));
        }

        @Test
        void tamperedTimestampIsInvalid() {
            // pushing the issue time forward would defeat the TTL if it were not signed
            String nonce = auth.newNonce(T0);
            String later = Long.toHexString(T0 + 3_600_000);
            assertEquals(Long.toHexString(T0).length(), later.length());
            String tampered = later + nonce.substring(later.length());
            assertNotEquals(nonce, tampered);
            assertEquals(Verdict.INVALID,
                    auth.verify(rfc2069Credentials(tampered, PASSWORD), METHOD, PASSWORD, T0 + 3_600_000));
        }

        @Test
        void upperCasedNonceIsInvalid() {
            String nonce = auth.newNonce(T0);
            String upper = nonce.toUpperCase(Locale.ROOT);
            assertNotEquals(nonce, upper);
            assertEquals(Verdict.INVALID, auth.verify(rfc2069Credentials(upper, PASSWORD), METHOD, PASSWORD, T0));
        }

        @ParameterizedTest
        @ValueSource(strings = { "", "x", "garbage", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" })
        void garbageNonceIsInvalid(String nonce) {
            assertEquals(Verdict.INVALID, auth.verify(rfc2069Credentials(nonce, PASSWORD), METHOD, PASSWORD, T0));
            assertEquals(Verdict.INVALID,
                    auth.verify(qopCredentials(nonce, "00000001", "c1", PASSWORD), METHOD, PASSWORD, T0));
        }

        @Test
        void tooShortNonceIsInvalid() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.INVALID,
                    auth.verify(rfc2069Credentials(nonce.substring(0, 40), PASSWORD), METHOD, PASSWORD, T0));
            assertEquals(Verdict.INVALID,
                    auth.verify(rfc2069Credentials(nonce.substring(1), PASSWORD), METHOD, PASSWORD, T0));
        }

        @Test
        void tooLongNonceIsInvalid() {
            String nonce = auth.newNonce(T0);
            StringBuilder padded = new StringBuilder();
            while (padded.length() + nonce.length() <= 64) {
                padded.append('0');
            }
            String longNonce = padded + nonce;
            assertTrue(longNonce.length() > 64);
            assertEquals(Verdict.INVALID,
                    auth.verify(rfc2069Credentials(longNonce, PASSWORD), METHOD, PASSWORD, T0));
            assertEquals(Verdict.INVALID,
                    auth.verify(rfc2069Credentials(nonce + "00", PASSWORD), METHOD, PASSWORD, T0));
        }

        @Test
        void sha256AlgorithmIsInvalid() {
            String nonce = auth.newNonce(T0);
            DigestCredentials q = qopCredentials(nonce, "00000001", "c1", PASSWORD);
            DigestCredentials c = new DigestCredentials(q.username(), q.realm(), q.nonce(), q.uri(), q.response(),
                    "SHA-256", q.qop(), q.nc(), q.cnonce());
            assertEquals(Verdict.INVALID, auth.verify(c, METHOD, PASSWORD, T0));
        }

        @Test
        void otherRealmIsInvalid() {
            String nonce = auth.newNonce(T0);
            String response = DigestAuthenticator.clientResponse(USER, "3401000000", PASSWORD, METHOD, URI, nonce,
                    null, null, null);
            DigestCredentials c = new DigestCredentials(USER, "3401000000", nonce, URI, response, "MD5", null, null,
                    null);
            assertEquals(Verdict.INVALID, auth.verify(c, METHOD, PASSWORD, T0));
        }

        @Test
        void qopAuthWithoutNcIsInvalid() {
            String nonce = auth.newNonce(T0);
            DigestCredentials q = qopCredentials(nonce, "00000001", "c1", PASSWORD);
            DigestCredentials c = new DigestCredentials(q.username(), q.realm(), q.nonce(), q.uri(), q.response(),
                    q.algorithm(), "auth", null, "c1");
            assertEquals(Verdict.INVALID, auth.verify(c, METHOD, PASSWORD, T0));
        }

        @Test
        void qopAuthWithoutCnonceIsInvalid() {
            String nonce = auth.newNonce(T0);
            DigestCredentials q = qopCredentials(nonce, "00000001", "c1", PASSWORD);
            DigestCredentials c = new DigestCredentials(q.username(), q.realm(), q.nonce(), q.uri(), q.response(),
                    q.algorithm(), "auth", "00000001", null);
            assertEquals(Verdict.INVALID, auth.verify(c, METHOD, PASSWORD, T0));
        }

        @Test
        void qopAuthIntIsInvalid() {
            String nonce = auth.newNonce(T0);
            String response = DigestAuthenticator.clientResponse(USER, REALM, PASSWORD, METHOD, URI, nonce,
                    "auth-int", "00000001", "c1");
            DigestCredentials c = new DigestCredentials(USER, REALM, nonce, URI, response, "MD5", "auth-int",
                    "00000001", "c1");
            assertEquals(Verdict.INVALID, auth.verify(c, METHOD, PASSWORD, T0));
        }

        @ParameterizedTest
        @ValueSource(strings = { "zzzzzzzz", "0000000g", "", "1 2", "0x000001", "-0000001", "+0000001" })
        void nonHexNcIsInvalid(String nc) {
            // the response is computed correctly for this nc, so only the nc syntax can make it fail
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.INVALID, auth.verify(qopCredentials(nonce, nc, "c1", PASSWORD), METHOD, PASSWORD, T0));
        }

        @Test
        void negativeNcCannotBypassReplayDetection() {
            String nonce = auth.newNonce(T0);
            DigestCredentials c = qopCredentials(nonce, "-1", "c1", PASSWORD);
            Verdict first = auth.verify(c, METHOD, PASSWORD, T0);
            Verdict replay = auth.verify(c, METHOD, PASSWORD, T0 + 1);
            assertNotEquals(Verdict.OK, replay, "a replayed answer must never be accepted (first: " + first + ")");
        }

        @Test
        void upperCaseHexNcIsAccepted() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.OK,
                    auth.verify(qopCredentials(nonce, "0000000A", "c1", PASSWORD), METHOD, PASSWORD, T0));
            assertEquals(Verdict.OK,
                    auth.verify(qopCredentials(nonce, "0000000b", "c1", PASSWORD), METHOD, PASSWORD, T0));
            assertEquals(Verdict.STALE,
                    auth.verify(qopCredentials(nonce, "0000000B", "c1", PASSWORD), METHOD, PASSWORD, T0));
        }

        @Test
        void staleAfterTtl() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.OK,
                    auth.verify(rfc2069Credentials(nonce, PASSWORD), METHOD, PASSWORD, T0 + TTL), "TTL is inclusive");
            assertEquals(Verdict.STALE,
                    auth.verify(rfc2069Credentials(nonce, PASSWORD), METHOD, PASSWORD, T0 + TTL + 1));
            assertEquals(Verdict.STALE, auth.verify(qopCredentials(nonce, "00000001", "c1", PASSWORD), METHOD,
                    PASSWORD, T0 + TTL + 1));
        }

        @Test
        void staleNonceDoesNotConsumeTheCount() {
            DigestAuthenticator shortLived = new DigestAuthenticator(REALM, 1000);
            String nonce = shortLived.newNonce(T0);
            assertEquals(Verdict.STALE, shortLived.verify(qopCredentials(nonce, "00000001", "c1", PASSWORD), METHOD,
                    PASSWORD, T0 + 5000));
            String fresh = shortLived.newNonce(T0 + 5000);
            assertEquals(Verdict.OK, shortLived.verify(qopCredentials(fresh, "00000001", "c1", PASSWORD), METHOD,
                    PASSWORD, T0 + 5000));
        }

        @Test
        void replayedNcIsStaleAndGrowingNcIsOk() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.OK,
                    auth.verify(qopCredentials(nonce, "00000001", "c1", PASSWORD), METHOD, PASSWORD, T0));
            assertEquals(Verdict.STALE,
                    auth.verify(qopCredentials(nonce, "00000001", "c1", PASSWORD), METHOD, PASSWORD, T0 + 1));
            assertEquals(Verdict.OK,
                    auth.verify(qopCredentials(nonce, "00000002", "c2", PASSWORD), METHOD, PASSWORD, T0 + 2));
            assertEquals(Verdict.STALE,
                    auth.verify(qopCredentials(nonce, "00000002", "c2", PASSWORD), METHOD, PASSWORD, T0 + 3));
            assertEquals(Verdict.STALE,
                    auth.verify(qopCredentials(nonce, "00000001", "c3", PASSWORD), METHOD, PASSWORD, T0 + 4),
                    "a lower nc is a replay too");
            assertEquals(Verdict.OK,
                    auth.verify(qopCredentials(nonce, "00000010", "c4", PASSWORD), METHOD, PASSWORD, T0 + 5),
                    "nc may skip values");
        }

        @Test
        void ncIsTrackedPerNonce() {
            String n1 = auth.newNonce(T0);
            String n2 = auth.newNonce(T0);
            assertEquals(Verdict.OK, auth.verify(qopCredentials(n1, "00000001", "c1", PASSWORD), METHOD, PASSWORD, T0));
            assertEquals(Verdict.OK, auth.verify(qopCredentials(n2, "00000001", "c1", PASSWORD), METHOD, PASSWORD, T0));
        }

        @Test
        void wrongPasswordDoesNotConsumeTheCount() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.WRONG_PASSWORD,
                    auth.verify(qopCredentials(nonce, "00000005", "c1", "wrong"), METHOD, PASSWORD, T0));
            assertEquals(Verdict.OK,
                    auth.verify(qopCredentials(nonce, "00000005", "c1", PASSWORD), METHOD, PASSWORD, T0));
        }

        @Test
        void rfc2069AnswerMayBeRepeatedWithinTtl() {
            String nonce = auth.newNonce(T0);
            assertEquals(Verdict.OK, auth.verify(rfc2069Credentials(nonce, PASSWORD), METHOD, PASSWORD, T0));
            assertEquals(Verdict.OK, auth.verify(rfc2069Credentials(nonce, PASSWORD), METHOD, PASSWORD, T0 + 10));
        }

        @Test
        void parsedHeaderVerifies() {
            String nonce = auth.newNonce(T0);
            String response = DigestAuthenticator.clientResponse(USER, REALM, PASSWORD, METHOD, URI, nonce, "auth",
                    "00000001", "0a4f113b");
            String header = "Digest username=\"" + USER + "\", realm=\"" + REALM + "\", nonce=\"" + nonce
                    + "\", uri=\"" + URI + "\", response=\"" + response
                    + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"0a4f113b\"";
            assertEquals(Verdict.OK, auth.verify(DigestCredentials.parse(header), METHOD, PASSWORD, T0));
        }
    }

    @Nested
    class Parse {

        @Test
        void fullGb28181Header() {
            DigestCredentials c = DigestCredentials.parse("Digest username=\"34020000001320000001\", "
                    + "realm=\"3402000000\", nonce=\"abc123\", uri=\"sip:34020000002000000001@3402000000\", "
                    + "response=\"6629fae49393a05397450978507c4ef1\", algorithm=MD5, qop=auth, nc=00000001, "
                    + "cnonce=\"0a4f113b\"");
            assertEquals("34020000001320000001", c.username());
            assertEquals("3402000000", c.realm());
            assertEquals("abc123", c.nonce());
            assertEquals("sip:34020000002000000001@3402000000", c.uri());
            assertEquals("6629fae49393a05397450978507c4ef1", c.response());
            assertEquals("MD5", c.algorithm());
            assertEquals("auth", c.qop());
            assertEquals("00000001", c.nc());
            assertEquals("0a4f113b", c.cnonce());
        }

        @Test
        void optionalFieldsAbsentAreNull() {
            DigestCredentials c = DigestCredentials.parse("Digest username=\"u\", nonce=\"n\", uri=\"sip:x\", "
                    + "response=\"r\"");
            assertNull(c.realm());
            assertNull(c.algorithm());
            assertNull(c.qop());
            assertNull(c.nc());
            assertNull(c.cnonce());
        }

        @Test
        void quotedValuesKeepCommasAndEqualsSigns() {
            DigestCredentials c = DigestCredentials.parse("Digest username=\"a, b=c\", realm=\"r,1\", "
                    + "nonce=\"n,,n\", uri=\"sip:x@y;p=1,2\", response=\"r\"");
            assertEquals("a, b=c", c.username());
            assertEquals("r,1", c.realm());
            assertEquals("n,,n", c.nonce());
            assertEquals("sip:x@y;p=1,2", c.uri());
            assertEquals("r", c.response());
        }

        @Test
        void unquotedValues() {
            DigestCredentials c = DigestCredentials.parse(
                    "Digest username=u1,realm=r1,nonce=n1,uri=sip:a@b,response=abcdef,algorithm=MD5,qop=auth,"
                            + "nc=00000002,cnonce=cn");
            assertEquals("u1", c.username());
            assertEquals("r1", c.realm());
            assertEquals("n1", c.nonce());
            assertEquals("sip:a@b", c.uri());
            assertEquals("abcdef", c.response());
            assertEquals("MD5", c.algorithm());
            assertEquals("auth", c.qop());
            assertEquals("00000002", c.nc());
            assertEquals("cn", c.cnonce());
        }

        @Test
        void extraSpacesAndMixedCase() {
            DigestCredentials c = DigestCredentials.parse(
                    "   digest   USERNAME = \"u\" ,Realm=  r  ,  nonce =  n1 , uri=\"sip:x\",\tresponse= abc   ");
            assertEquals("u", c.username());
            assertEquals("r", c.realm());
            assertEquals("n1", c.nonce());
            assertEquals("sip:x", c.uri());
            assertEquals("abc", c.response());
        }

        @Test
        void tabAfterScheme() {
            DigestCredentials c = DigestCredentials.parse("Digest\tusername=\"u\",nonce=\"n\",uri=\"x\",response=r");
            assertEquals("u", c.username());
            assertEquals("r", c.response());
        }

        @Test
        void emptyQuotedValueIsKept() {
            DigestCredentials c = DigestCredentials.parse("Digest username=\"\", nonce=\"n\", uri=\"x\", "
                    + "response=\"r\"");
            assertEquals("", c.username());
        }

        @ParameterizedTest
        @ValueSource(strings = { "username", "nonce", "response", "uri" })
        void missingRequiredParameter(String missing) {
            StringBuilder h = new StringBuilder("Digest realm=\"r\"");
            for (String name : new String[] { "username", "nonce", "response", "uri" }) {
                if (!name.equals(missing)) {
                    h.append(", ").append(name).append("=\"v\"");
                }
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DigestCredentials.parse(h.toString()));
            assertTrue(e.getMessage().contains("lacks"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = { "Basic dXNlcjpwYXNz", "Digest", "Digest   ", "Digestusername=\"u\"", "",
            "NTLM TlRMTVNTUAAB", "username=\"u\", nonce=\"n\", uri=\"x\", response=\"r\"" })
        void notDigestScheme(String header) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DigestCredentials.parse(header));
            assertEquals("not a Digest authorization", e.getMessage());
        }

        @Test
        void unterminatedQuote() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DigestCredentials.parse("Digest username=\"u\", nonce=\"n, uri=\"x\", response=\"r"));
            assertTrue(e.getMessage().startsWith("unterminated quoted value"), e.getMessage());
        }

        @Test
        void unterminatedQuoteNamesTheParameter() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DigestCredentials.parse("Digest username=\"u\", nonce=\"n\", uri=\"x\", response=\"r"));
            assertEquals("unterminated quoted value for response", e.getMessage());
        }

        @Test
        void parametersOfChallenge() {
            Map<String, String> p = DigestCredentials.parameters(
                    "Digest realm=\"3402000000\", nonce=\"a,b\", algorithm=MD5, qop=\"auth\", stale=TRUE");
            assertEquals(5, p.size());
            assertEquals("3402000000", p.get("realm"));
            assertEquals("a,b", p.get("nonce"));
            assertEquals("MD5", p.get("algorithm"));
            assertEquals("auth", p.get("qop"));
            assertEquals("TRUE", p.get("stale"));
        }

        @Test
        void parametersLowerCaseNamesAndWorkWithoutScheme() {
            Map<String, String> p = DigestCredentials.parameters("  REALM=\"R\", Nonce=N1 ");
            assertEquals(Map.of("realm", "R", "nonce", "N1"), p);
            assertEquals(Map.of("realm", "R"), DigestCredentials.parameters("digest realm=R"));
            assertTrue(DigestCredentials.parameters("Digest").isEmpty());
        }
    }
}
