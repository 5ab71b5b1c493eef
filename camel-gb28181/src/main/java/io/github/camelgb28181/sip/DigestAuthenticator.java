package io.github.camelgb28181.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server side of HTTP Digest with MD5 as GB28181 uses it for REGISTER (GB/T 28181-2016 §9.1.2.1, RFC 2617).
 *
 * <p>Nonces are self-validating: a timestamp and random part signed with a per-instance key, so no per-challenge
 * state is kept for devices that never answer. The challenge always carries {@code algorithm=MD5} (Dahua devices
 * refuse to answer without it) and offers {@code qop="auth"}; answers with qop (nc and cnonce required, nc must grow
 * per nonce) and RFC 2069 answers without qop are both accepted.
 */
public final class DigestAuthenticator {

    /** Outcome of checking credentials. */
    public enum Verdict {
        /** The response matches the password. */
        OK,
        /** Well-formed and for a valid nonce, but the response does not match: a wrong password. */
        WRONG_PASSWORD,
        /** The nonce was ours but is too old, or its nc did not grow: challenge again with stale=TRUE. */
        STALE,
        /** Not a nonce we issued, another realm, or a missing qop field: challenge again. */
        INVALID
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final String realm;
    private final long nonceTtlMs;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, NonceUse> lastNonceCount = new ConcurrentHashMap<>();
    private final AtomicInteger verifications = new AtomicInteger();

    public DigestAuthenticator(String realm, long nonceTtlMs) {
        this.realm = realm;
        this.nonceTtlMs = nonceTtlMs;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public String realm() {
        return realm;
    }

    /** The value of a WWW-Authenticate header with a fresh nonce. */
    public String challenge(boolean stale) {
        return "Digest realm=\"" + realm + "\", nonce=\"" + newNonce(System.currentTimeMillis())
                + "\", algorithm=MD5, qop=\"auth\"" + (stale ? ", stale=TRUE" : "");
    }

    String newNonce(long now) {
        byte[] rnd = new byte[8];
        random.nextBytes(rnd);
        String body = Long.toHexString(now) + HEX.formatHex(rnd);
        return body + sign(body);
    }

    private String sign(String body) {
        byte[] full = mac.get().doFinal(body.getBytes(StandardCharsets.US_ASCII));
        return HEX.formatHex(full, 0, 12);
    }

    public Verdict verify(DigestCredentials c, String method, String password) {
        return verify(c, method, password, System.currentTimeMillis());
    }

    Verdict verify(DigestCredentials c, String method, String password, long now) {
        if (verifications.incrementAndGet() % 4096 == 0) {
            lastNonceCount.values().removeIf(use -> now - use.issued() > nonceTtlMs);
        }
        if (c.algorithm() != null && !c.algorithm().equalsIgnoreCase("MD5")) {
            return Verdict.INVALID;
        }
        if (c.realm() != null && !c.realm().equals(realm)) {
            return Verdict.INVALID;
        }
        Long issued = issuedAt(c.nonce());
        if (issued == null) {
            return Verdict.INVALID;
        }
        long nc = -1;
        boolean withQop = c.qop() != null && !c.qop().isEmpty();
        if (withQop) {
            if (!c.qop().toLowerCase(Locale.ROOT).equals("auth") || c.nc() == null || c.cnonce() == null) {
                return Verdict.INVALID;
            }
            if (c.nc().isEmpty() || !c.nc().chars().allMatch(HexFormat::isHexDigit)) {
                return Verdict.INVALID; // parseLong would take "-1" or "+1", and a negative nc skips the replay check
            }
            try {
                nc = Long.parseLong(c.nc(), 16);
            } catch (NumberFormatException e) {
                return Verdict.INVALID;
            }
        }
        // without qop: RFC 2069 compatibility
        String expected = clientResponse(c.username(), c.realm() != null ? c.realm() : realm, password, method,
                c.uri(), c.nonce(), withQop ? c.qop() : null, c.nc(), c.cnonce());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                c.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.WRONG_PASSWORD;
        }
        if (now - issued > nonceTtlMs) {
            return Verdict.STALE;
        }
        if (nc >= 0 && !advanceNonceCount(c.nonce(), c.username(), nc, issued)) {
            return Verdict.STALE; // replayed nc: RFC 2617 §3.2.2 lets the server ask for a fresh nonce
        }
        return Verdict.OK;
    }

    /** Highest nc seen for a nonce and user, and when that nonce was issued (to forget it after the TTL). */
    private record NonceUse(long nc, long issued) {
    }

    private boolean advanceNonceCount(String nonce, String username, long nc, long issued) {
        String k = nonce + '|' + username;
        NonceUse mine = new NonceUse(nc, issued);
        NonceUse stored = lastNonceCount.merge(k, mine, (previous, next) -> next.nc() > previous.nc() ? next : previous);
        return stored == mine;
    }

    /** The issue time of a nonce we signed, or null when the signature does not match. */
    private Long issuedAt(String nonce) {
        if (nonce.length() < 24 + 16 + 1 || nonce.length() > 64) {
            return null;
        }
        String body = nonce.substring(0, nonce.length() - 24);
        String signature = nonce.substring(nonce.length() - 24);
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return Long.parseLong(body.substring(0, body.length() - 16), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String md5Hex(String s) {
        MessageDigest md = MD5.get();
        md.reset();
        return HEX.formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The response a client computes (RFC 2617 §3.2.2.1); the server checks against the same formula. */
    public static String clientResponse(String username, String realm, String password, String method, String uri,
                                        String nonce, String qop, String nc, String cnonce) {
        String ha1 = md5Hex(username + ":" + realm + ":" + password);
        String ha2 = md5Hex(method + ":" + uri);
        if (qop == null) {
            return md5Hex(ha1 + ":" + nonce + ":" + ha2);
        }
        return md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
