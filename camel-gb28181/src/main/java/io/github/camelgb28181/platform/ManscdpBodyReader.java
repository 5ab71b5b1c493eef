package io.github.camelgb28181.platform;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.ManscdpParseException;
import io.github.camelgb28181.manscdp.ManscdpParser;
import io.github.camelgb28181.manscdp.ManscdpReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;

/**
 * Reads a MESSAGE body the cheapest complete way. Keep-alives, the bulk of all traffic, need only their envelope
 * (read with the streaming {@link ManscdpParser}); the typed document is read for them only when they list faulty
 * channels. Every other body is read once, envelope and typed document together ({@link ManscdpReader#readMessage});
 * when the model cannot read it, the envelope alone is still read, so that the raw consumers get the message.
 */
final class ManscdpBodyReader {

    private static final Logger LOG = LoggerFactory.getLogger(ManscdpBodyReader.class);
    private static final byte[] KEEPALIVE = "keepalive".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ManscdpParser envelopes = new ManscdpParser();
    private final ManscdpReader documents = new ManscdpReader();

    /** Throws when not even the envelope can be read. */
    ManscdpMessage read(byte[] body, Charset override) throws ManscdpParseException {
        if (mayBeKeepalive(body)) {
            return withDocument(envelopes.parse(body, override));
        }
        try {
            return documents.readMessage(body, override);
        } catch (ManscdpParseException e) {
            ManscdpMessage envelope = envelopes.parse(body, override);
            LOG.debug("{} {} from {} read as envelope only: {}", envelope.root(), envelope.cmdType(),
                    envelope.deviceId(), e.getMessage());
            return envelope;
        }
    }

    private ManscdpMessage withDocument(ManscdpMessage message) {
        if (message.is("Notify", "Keepalive") && !message.fields().containsKey("Info")) {
            return message;
        }
        try {
            return message.withDocument(documents.readText(message.xml()).message());
        } catch (ManscdpParseException e) {
            LOG.debug("{} {} from {} read as envelope only: {}", message.root(), message.cmdType(),
                    message.deviceId(), e.getMessage());
            return message;
        }
    }

    /**
     * Whether the body mentions "keepalive" in any case, as ASCII (which GB2312, GBK, GB18030 and UTF-8 all keep):
     * a cheap look before choosing how to read. A false hit costs the two-step read, never a wrong result.
     */
    static boolean mayBeKeepalive(byte[] body) {
        outer:
        for (int i = 0; i + KEEPALIVE.length <= body.length; i++) {
            for (int j = 0; j < KEEPALIVE.length; j++) {
                int b = body[i + j];
                if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != KEEPALIVE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
