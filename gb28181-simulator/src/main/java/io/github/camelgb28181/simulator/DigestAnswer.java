package io.github.camelgb28181.simulator;

import io.github.camelgb28181.sip.DigestAuthenticator;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A device's Authorization header for a digest challenge (RFC 2617 §3.2.2, GB/T 28181-2016 §9.1.2.1): MD5, with
 * {@code qop=auth}, a nonce-count and a fresh client nonce when the challenge offered qop, without them when it did not
 * (RFC 2069 style, which some platforms still send).
 */
final class DigestAnswer {

    private DigestAnswer() {
    }

    /**
     * @param qop        {@code "auth"} when the challenge offered qop, else {@code null}
     * @param nonceCount how often this nonce was used, this use included (1 for the first answer)
     */
    static String authorization(String username, String realm, String password, String method, String uri,
                                String nonce, String qop, int nonceCount) {
        StringBuilder sb = new StringBuilder(320).append("Digest username=\"").append(username)
                .append("\", realm=\"").append(realm).append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri).append("\", response=\"");
        if (qop == null) {
            sb.append(DigestAuthenticator.clientResponse(username, realm, password, method, uri, nonce, null, null,
                    null)).append("\", algorithm=MD5");
            return sb.toString();
        }
        String nc = String.format("%08x", nonceCount);
        String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        sb.append(DigestAuthenticator.clientResponse(username, realm, password, method, uri, nonce, qop, nc, cnonce))
                .append("\", algorithm=MD5, qop=").append(qop).append(", nc=").append(nc)
                .append(", cnonce=\"").append(cnonce).append('"');
        return sb.toString();
    }
}
