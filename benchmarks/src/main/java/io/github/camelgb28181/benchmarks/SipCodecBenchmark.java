package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.sip.SipMessage;
import io.github.camelgb28181.sip.SipMessageEncoder;
import io.github.camelgb28181.sip.SipMessageParser;
import io.github.camelgb28181.sip.SipParseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.nio.charset.StandardCharsets;

/**
 * SIP parse and encode of the three messages a platform handles most: the authenticated REGISTER, the keep-alive
 * MESSAGE, and the 200 OK it answers both with. SPEC §6 asks for ≥ 10,000 transactions/s parse+respond on 2 cores;
 * one transaction is at least one parse and one encode.
 */
public class SipCodecBenchmark extends BenchmarkDefaults {

    @Param({ "REGISTER_AUTH", "MESSAGE_KEEPALIVE", "OK_200" })
    public String message;

    private final SipMessageParser parser = new SipMessageParser(SipMessageParser.DEFAULT_MAX_MESSAGE_SIZE);
    private byte[] bytes;
    private SipMessage parsed;

    @Setup
    public void setUp() throws SipParseException {
        bytes = SampleMessages.sip(message).getBytes(StandardCharsets.UTF_8);
        parsed = parser.parseDatagram(bytes, 0, bytes.length);
    }

    @Benchmark
    public SipMessage parse() throws SipParseException {
        return parser.parseDatagram(bytes, 0, bytes.length);
    }

    @Benchmark
    public byte[] encode() {
        return SipMessageEncoder.encode(parsed);
    }

    @Benchmark
    public byte[] parseAndEncode() throws SipParseException {
        return SipMessageEncoder.encode(parser.parseDatagram(bytes, 0, bytes.length));
    }
}
