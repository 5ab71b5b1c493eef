package io.github.camelgb28181.bridge;

/**
 * How an output's muxer sessions follow the stream.
 *
 * @param reconnect            open a new session after an error (with backoff) instead of failing for good
 * @param reopenOnNewVideo     open a new session when the parameter sets change (resolution change): a push must
 *                             announce the new codec configuration, a file keeps the in-band parameter sets
 * @param maxSessionTicks      start a new session at the first key frame after this much stream time, 0 = never
 * @param maxSessionBytes      start a new session at the first key frame after this many bytes, 0 = never
 */
record SessionPolicy(boolean reconnect, boolean reopenOnNewVideo, long maxSessionTicks, long maxSessionBytes) {

    static SessionPolicy forOutput(OutputKind kind) {
        return new SessionPolicy(kind.push(), kind.push(), 0, 0);
    }

    boolean rotationDue(long sessionTicks, long sessionBytes) {
        return (maxSessionTicks > 0 && sessionTicks >= maxSessionTicks)
                || (maxSessionBytes > 0 && sessionBytes >= maxSessionBytes);
    }
}
