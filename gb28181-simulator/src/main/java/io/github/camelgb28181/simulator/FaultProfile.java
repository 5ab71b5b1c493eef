package io.github.camelgb28181.simulator;

import java.util.Set;

/**
 * Faults injected into the devices' answers and media, each decided per answer (or packet) with its probability.
 *
 * @param answerDelayMs       a late answer: the Response MESSAGE goes out this long after the query's 200 OK
 * @param dropRate            share of answers never sent (the query still gets its 200 OK, as from a busy NVR)
 * @param malformedRate       share of answers whose XML is cut off in the middle
 * @param freshSnRate         share of answers carrying a new SN instead of the query's (SPEC §5)
 * @param keepalivesSuspended no keep-alives are sent while set: the platform should declare the devices offline
 * @param quirks              vendor habits applied to every device
 * @param inviteAnswerDelayMs a late INVITE answer: the 200 OK (or refusal) goes out this long after 100 Trying
 * @param packetLossRate      share of RTP packets never sent (their sequence numbers are used all the same)
 * @param wrongSsrc           the RTP carries another SSRC than the {@code y=} of the answer
 * @param noMedia             INVITEs are answered with 200 but nothing is sent after the ACK
 */
public record FaultProfile(long answerDelayMs, double dropRate, double malformedRate, double freshSnRate,
                           boolean keepalivesSuspended, Set<VendorQuirk> quirks, long inviteAnswerDelayMs,
                           double packetLossRate, boolean wrongSsrc, boolean noMedia) {

    public static final FaultProfile NONE = new FaultProfile(0, 0, 0, 0, false, Set.of(), 0, 0, false, false);

    public FaultProfile {
        if (answerDelayMs < 0 || inviteAnswerDelayMs < 0) {
            throw new IllegalArgumentException("answer delays must not be negative");
        }
        requireShare("drop rate", dropRate);
        requireShare("malformed rate", malformedRate);
        requireShare("fresh SN rate", freshSnRate);
        requireShare("packet loss rate", packetLossRate);
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
        return new FaultProfile(v, dropRate, malformedRate, freshSnRate, keepalivesSuspended, quirks,
                inviteAnswerDelayMs, packetLossRate, wrongSsrc, noMedia);
    }

    public FaultProfile withDropRate(double v) {
        return new FaultProfile(answerDelayMs, v, malformedRate, freshSnRate, keepalivesSuspended, quirks,
                inviteAnswerDelayMs, packetLossRate, wrongSsrc, noMedia);
    }

    public FaultProfile withMalformedRate(double v) {
        return new FaultProfile(answerDelayMs, dropRate, v, freshSnRate, keepalivesSuspended, quirks,
                inviteAnswerDelayMs, packetLossRate, wrongSsrc, noMedia);
    }

    public FaultProfile withFreshSnRate(double v) {
        return new FaultProfile(answerDelayMs, dropRate, malformedRate, v, keepalivesSuspended, quirks,
                inviteAnswerDelayMs, packetLossRate, wrongSsrc, noMedia);
    }

    public FaultProfile withKeepalivesSuspended(boolean v) {
        return new FaultProfile(answerDelayMs, dropRate, malformedRate, freshSnRate, v, quirks,
                inviteAnswerDelayMs, packetLossRate, wrongSsrc, noMedia);
    }

    public FaultProfile withQuirks(Set<VendorQuirk> v) {
        return new FaultProfile(answerDelayMs, dropRate, malformedRate, freshSnRate, keepalivesSuspended, v,
                inviteAnswerDelayMs, packetLossRate, wrongSsrc, noMedia);
    }

    public FaultProfile withInviteAnswerDelayMs(long v) {
        return new FaultProfile(answerDelayMs, dropRate, malformedRate, freshSnRate, keepalivesSuspended, quirks, v,
                packetLossRate, wrongSsrc, noMedia);
    }

    public FaultProfile withPacketLossRate(double v) {
        return new FaultProfile(answerDelayMs, dropRate, malformedRate, freshSnRate, keepalivesSuspended, quirks,
                inviteAnswerDelayMs, v, wrongSsrc, noMedia);
    }

    public FaultProfile withWrongSsrc(boolean v) {
        return new FaultProfile(answerDelayMs, dropRate, malformedRate, freshSnRate, keepalivesSuspended, quirks,
                inviteAnswerDelayMs, packetLossRate, v, noMedia);
    }

    public FaultProfile withNoMedia(boolean v) {
        return new FaultProfile(answerDelayMs, dropRate, malformedRate, freshSnRate, keepalivesSuspended, quirks,
                inviteAnswerDelayMs, packetLossRate, wrongSsrc, v);
    }
}
