package io.github.camelgb28181.sip;

import java.util.concurrent.ThreadLocalRandom;

/** Generates branches, tags and Call-IDs (RFC 3261 §8.1.1.4, §8.1.1.7, §19.3). */
public final class SipIds {

    private SipIds() {
    }

    /** A branch with the RFC 3261 magic cookie, unique per transaction. */
    public static String newBranch() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Via.MAGIC_COOKIE + Long.toHexString(r.nextLong() & Long.MAX_VALUE) + Integer.toHexString(r.nextInt());
    }

    /**
     * A tag. Digits only, because several GB28181 devices store tags in numeric fields and reject letters (the
     * examples in the standard are numeric too).
     */
    public static String newTag() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    public static String newCallId(String host) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Long.toHexString(r.nextLong() & Long.MAX_VALUE) + Long.toHexString(r.nextLong() & Long.MAX_VALUE) + "@"
                + host;
    }
}
