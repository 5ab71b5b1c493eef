package io.github.camelgb28181.sip;

/** Builds responses to a request as RFC 3261 §8.2.6.2 prescribes. */
public final class SipResponses {

    private SipResponses() {
    }

    /**
     * Starts a response: Via (all of them, in order), From, Call-ID and CSeq copied; To copied with {@code toTag}
     * added when the request had none and the response is not a 100.
     */
    public static SipHeaders.Builder headersFor(SipRequest request, int status, String toTag) {
        SipHeaders h = request.headers();
        SipHeaders.Builder b = SipHeaders.builder();
        b.copy(h, SipHeaderNames.VIA);
        b.copy(h, SipHeaderNames.FROM);
        String to = h.first(SipHeaderNames.TO);
        if (to != null) {
            if (status > 100 && toTag != null && !hasTag(to)) {
                to = to + ";tag=" + toTag;
            }
            b.add(SipHeaderNames.TO, to);
        }
        b.copy(h, SipHeaderNames.CALL_ID);
        b.copy(h, SipHeaderNames.CSEQ);
        return b;
    }

    public static SipResponse create(SipRequest request, int status, String toTag) {
        return new SipResponse(status, SipResponse.reasonPhrase(status), headersFor(request, status, toTag).build(),
                null);
    }

    private static boolean hasTag(String addressValue) {
        try {
            return SipAddress.parse(addressValue).tag() != null;
        } catch (IllegalArgumentException e) {
            return addressValue.contains(";tag=");
        }
    }
}
