package io.github.camelgb28181.simulator;

import java.util.Set;

/**
 * Faults injected into the devices' answers to queries, each decided per answer with its probability.
 *
 * @param answerDelayMs      a late answer: the Response MESSAGE goes out this long after the query's 200 OK
 * @param dropRate           share of answers never sent (the query still gets its 200 OK, as from a busy NVR)
 * @param malformedRate      share of answers whose XML is cut off in the middle
 * @param freshSnRate        share of answers carrying a new SN instead of the query's (SPEC §5)
 * @param keepalivesSuspended no keep-alives are sent while set: the platform should declare the devices offline
 * @param quirks             vendor habits applied to every device
 */
public record FaultProfile(long answerDelayMs, double dropRate, double malformedRate, double freshSnRate,
                           boolean keepalivesSuspended, Set<VendorQuirk> quirks) {

    public static final FaultProfile NONE = new FaultProfile(0, 0, 0, 0, false, Set.of());

    public FaultProfile {
        if (answerDelayMs < 0) {
            throw new IllegalArgumentException("answer delay must not be negative");
        }
        requireShare("drop rate", dropRate);
        requireShare("malformed rate", malformedRate);
        requireShare("fresh SN rate", freshSnRate);
        quirks = Set.copyOf(quirks);
    }

    private static void requireShare(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + v);
        }
    }

    public boolean has(VendorQuirk q) {
        return quirks.contains(q);
    }

    public FaultProfile withAnswerDelayMs(long v) {
        return new FaultProfile(v, dropRate, malformedRate, freshSnRate, keepalivesSuspended, quirks);
    }

    public FaultProfile withDropRate(double v) {
        return new FaultProfile(answerDelayMs, v, malformedRate, freshSnRate, keepalivesSuspended, quirks);
    }

    public FaultProfile withMalformedRate(double v) {
        return new FaultProfile(answerDelayMs, dropRate, v, freshSnRate, keepalivesSuspended, quirks);
    }

    public FaultProfile withFreshSnRate(double v) {
        return new FaultProfile(answerDelayMs, dropRate, malformedRate, v, keepalivesSuspended, quirks);
    }

    public FaultProfile withKeepalivesSuspended(boolean v) {
        return new FaultProfile(answerDelayMs, dropRate, malformedRate, freshSnRate, v, quirks);
    }

    public FaultProfile withQuirks(Set<VendorQuirk> v) {
        return new FaultProfile(answerDelayMs, dropRate, malformedRate, freshSnRate, keepalivesSuspended, v);
    }
}
