package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.sip.DigestAuthenticator;
import io.github.camelgb28181.sip.DigestCredentials;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.util.concurrent.TimeUnit;

/**
 * Digest verification as the registrar runs it for every authenticated REGISTER: parse the Authorization header,
 * check the self-signed nonce (HMAC), recompute the MD5 response. With qop=auth the nonce-count must grow, so that
 * variant answers with the next nc each time, which adds the client's MD5 work; the RFC 2069 variant (no qop, still
 * accepted from old devices) is the server's work alone.
 */
public class DigestBenchmark extends BenchmarkDefaults {

    private static final String URI = "sip:34020000002000000001@3402000000";

    private DigestAuthenticator authenticator;
    private String nonce;
    private String rfc2069Header;
    private long nc;

    @Setup
    public void setUp() {
        authenticator = new DigestAuthenticator(SampleMessages.REALM, TimeUnit.HOURS.toMillis(1));
        nonce = DigestCredentials.parameters(authenticator.challenge(false)).get("nonce");
        String response = DigestAuthenticator.clientResponse(SampleMessages.DEVICE_ID, SampleMessages.REALM,
                SampleMessages.PASSWORD, "REGISTER", URI, nonce, null, null, null);
        rfc2069Header = "Digest username=\"" + SampleMessages.DEVICE_ID + "\", realm=\"" + SampleMessages.REALM
                        + "\", nonce=\"" + nonce + "\", uri=\"" + URI + "\", response=\"" + response
                        + "\", algorithm=MD5";
    }

    @Benchmark
    public DigestAuthenticator.Verdict parseAndVerifyRfc2069() {
        return authenticator.verify(DigestCredentials.parse(rfc2069Header), "REGISTER", SampleMessages.PASSWORD);
    }

    @Benchmark
    public DigestAuthenticator.Verdict answerAndVerifyQopAuth() {
        String count = String.format("%08x", ++nc);
        String response = DigestAuthenticator.clientResponse(SampleMessages.DEVICE_ID, SampleMessages.REALM,
                SampleMessages.PASSWORD, "REGISTER", URI, nonce, "auth", count, "0a4f113b");
        DigestCredentials c = new DigestCredentials(SampleMessages.DEVICE_ID, SampleMessages.REALM, nonce, URI,
                response, "MD5", "auth", count, "0a4f113b");
        return authenticator.verify(c, "REGISTER", SampleMessages.PASSWORD);
    }
}
