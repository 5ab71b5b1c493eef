package io.github.camelgb28181.sip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A dialog established by a request this side sent (SUBSCRIBE, INVITE) and its 2xx answer (RFC 3261 §12.1.2). Its
 * identity is Call-ID + local tag + remote tag; in-dialog requests go to the remote target (the answer's Contact)
 * through the route set (the answer's Record-Route, reversed) with a growing local CSeq (§12.2.1.1).
 *
 * <p>Devices behind NAT advertise an unreachable Contact; {@code peer} is therefore where requests are really sent
 * (the device's packet source), while the Request-URI keeps the remote target as the standard requires.
 */
public final class SipDialog {

    private final String callId;
    private final String localTag;
    private final String remoteTag;
    private final String localUri;
    private final String remoteUri;
    private final String remoteTarget;
    private final List<String> routeSet;
    private final SipPeer peer;
    private final AtomicLong localCseq;

    private SipDialog(String callId, String localTag, String remoteTag, String localUri, String remoteUri,
                      String remoteTarget, List<String> routeSet, SipPeer peer, long cseq) {
        this.callId = Objects.requireNonNull(callId, "callId");
        this.localTag = Objects.requireNonNull(localTag, "localTag");
        this.remoteTag = remoteTag;
        this.localUri = localUri;
        this.remoteUri = remoteUri;
        this.remoteTarget = remoteTarget;
        this.routeSet = routeSet;
        this.peer = peer;
        this.localCseq = new AtomicLong(cseq);
    }

    /**
     * The dialog a 2xx answer to {@code request} creates on the sending side. Throws when the answer is not a 2xx,
     * or lacks the To tag the answerer must add.
     */
    public static SipDialog fromUacResponse(SipRequest request, SipResponse response, SipPeer peer) {
        if (!response.isSuccess()) {
            throw new IllegalArgumentException("only a 2xx answer creates a dialog, not " + response.status());
        }
        SipAddress from = request.from();
        SipAddress to = response.to();
        if (from.tag() == null) {
            throw new IllegalArgumentException("request without From tag");
        }
        if (to == null || to.tag() == null) {
            throw new IllegalArgumentException("2xx answer without To tag");
        }
        String contact = response.header(SipHeaderNames.CONTACT);
        String target = contact != null ? SipAddress.parse(contact).uri().toString() : request.requestUri();
        List<String> routes = new ArrayList<>(response.headers().all(SipHeaderNames.RECORD_ROUTE));
        Collections.reverse(routes);
        return new SipDialog(request.callId(), from.tag(), to.tag(), uriOf(request.headers().first(SipHeaderNames.FROM)),
                uriOf(response.headers().first(SipHeaderNames.TO)), target, List.copyOf(routes), peer,
                request.cseq().number());
    }

    /**
     * The dialog our 2xx to an incoming {@code request} (an INVITE from a device, e.g. for voice broadcast) creates on
     * the answering side (RFC 3261 §12.1.1): our tag is the To tag we answered with, the remote target is the
     * request's Contact, the route set its Record-Route in order; our own CSeq numbering starts afresh.
     */
    public static SipDialog fromUasRequest(SipRequest request, String localTag, SipPeer peer) {
        SipAddress from = request.from();
        if (from == null || from.tag() == null) {
            throw new IllegalArgumentException("request without From tag");
        }
        String contact = request.header(SipHeaderNames.CONTACT);
        String target = contact != null ? SipAddress.parse(contact).uri().toString()
                : from.uri().toString();
        List<String> routes = List.copyOf(request.headers().all(SipHeaderNames.RECORD_ROUTE));
        return new SipDialog(request.callId(), localTag, from.tag(), uriOf(request.headers().first(SipHeaderNames.TO)),
                uriOf(request.headers().first(SipHeaderNames.FROM)), target, routes, peer, 0);
    }

    private static String uriOf(String addressValue) {
        SipAddress a = SipAddress.parse(addressValue);
        return "<" + a.uri() + ">";
    }

    public String callId() {
        return callId;
    }

    public String localTag() {
        return localTag;
    }

    public String remoteTag() {
        return remoteTag;
    }

    public String remoteTarget() {
        return remoteTarget;
    }

    public List<String> routeSet() {
        return routeSet;
    }

    public SipPeer peer() {
        return peer;
    }

    /** Whether a request received from the remote side belongs to this dialog (§12.2.2: Call-ID and both tags). */
    public boolean matchesIncoming(SipRequest request) {
        SipAddress from = request.from();
        SipAddress to = request.to();
        return callId.equals(request.callId()) && to != null && localTag.equals(to.tag()) && from != null
               && Objects.equals(remoteTag, from.tag());
    }

    /**
     * A new in-dialog request with the next local CSeq, a fresh Via from {@code via}, and the dialog's From, To,
     * Call-ID, Request-URI and Route headers; add further headers and a body through the returned builder.
     */
    public Request newRequest(String method, Via via) {
        SipHeaders.Builder h = SipHeaders.builder()
                .add(SipHeaderNames.VIA, via)
                .add(SipHeaderNames.FROM, localUri + ";tag=" + localTag)
                .add(SipHeaderNames.TO, remoteUri + (remoteTag != null ? ";tag=" + remoteTag : ""))
                .add(SipHeaderNames.CALL_ID, callId)
                .add(SipHeaderNames.CSEQ, localCseq.incrementAndGet() + " " + method)
                .add(SipHeaderNames.MAX_FORWARDS, 70);
        for (String route : routeSet) {
            h.add(SipHeaderNames.ROUTE, route);
        }
        return new Request(method, remoteTarget, h);
    }

    /** A request under construction. */
    public record Request(String method, String requestUri, SipHeaders.Builder headers) {
        public SipRequest build(byte[] body) {
            return new SipRequest(method, requestUri, headers.build(), body);
        }
    }

    @Override
    public String toString() {
        return "dialog " + callId + " (" + localTag + "/" + remoteTag + ")";
    }
}
