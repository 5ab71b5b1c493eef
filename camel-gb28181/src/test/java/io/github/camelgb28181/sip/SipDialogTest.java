package io.github.camelgb28181.sip;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipDialogTest {

    private static final SipPeer DEVICE = SipPeer.of(SipTransport.UDP, "127.0.0.1", 5062);

    private static SipRequest subscribe() {
        return new SipRequest("SUBSCRIBE", "sip:34020000001320000001@192.168.1.64:5060", SipHeaders.builder()
                .add("Via", "SIP/2.0/UDP 127.0.0.1:5060;rport;branch=z9hG4bKsub1")
                .add("From", "<sip:34020000002000000001@3402000000>;tag=111")
                .add("To", "<sip:34020000001320000001@3402000000>")
                .add("Call-ID", "sub-1@127.0.0.1")
                .add("CSeq", "7 SUBSCRIBE")
                .add("Event", "Catalog;id=1")
                .build(), null);
    }

    private static SipResponse ok(SipRequest req, String toTag, String contact, String... recordRoutes) {
        SipHeaders.Builder h = SipResponses.headersFor(req, 200, toTag);
        if (contact != null) {
            h.add("Contact", contact);
        }
        for (String rr : recordRoutes) {
            h.add("Record-Route", rr);
        }
        return new SipResponse(200, "OK", h.build(), null);
    }

    @Test
    void twoHundredCreatesTheDialogAndInDialogRequestsFollowIt() {
        SipRequest sub = subscribe();
        SipDialog d = SipDialog.fromUacResponse(sub, ok(sub, "222", "<sip:34020000001320000001@10.0.0.9:5061>",
                "<sip:p1;lr>", "<sip:p2;lr>"), DEVICE);
        assertEquals("sub-1@127.0.0.1", d.callId());
        assertEquals("111", d.localTag());
        assertEquals("222", d.remoteTag());
        assertEquals("sip:34020000001320000001@10.0.0.9:5061", d.remoteTarget());
        assertEquals(List.of("<sip:p2;lr>", "<sip:p1;lr>"), d.routeSet(), "route set is Record-Route reversed");

        SipRequest refresh = d.newRequest("SUBSCRIBE", Via.parse("SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKr2"))
                .build(null);
        assertEquals("sip:34020000001320000001@10.0.0.9:5061", refresh.requestUri());
        assertEquals(8, refresh.cseq().number(), "local CSeq grows");
        assertEquals("111", refresh.from().tag());
        assertEquals("222", refresh.to().tag());
        assertEquals("sub-1@127.0.0.1", refresh.callId());
        assertEquals(List.of("<sip:p2;lr>", "<sip:p1;lr>"), refresh.headers().all("Route"));
        assertEquals(9, d.newRequest("SUBSCRIBE", refresh.topVia()).build(null).cseq().number());
    }

    @Test
    void incomingRequestsMatchByCallIdAndBothTags() {
        SipRequest sub = subscribe();
        SipDialog d = SipDialog.fromUacResponse(sub, ok(sub, "222", null), DEVICE);
        assertEquals(sub.requestUri(), d.remoteTarget(), "without Contact the Request-URI stays");
        SipRequest notify = new SipRequest("NOTIFY", "sip:34020000002000000001@127.0.0.1:5060", SipHeaders.builder()
                .add("Via", "SIP/2.0/UDP 192.168.1.64:5060;branch=z9hG4bKn1")
                .add("From", "<sip:34020000001320000001@3402000000>;tag=222")
                .add("To", "<sip:34020000002000000001@3402000000>;tag=111")
                .add("Call-ID", "sub-1@127.0.0.1")
                .add("CSeq", "1 NOTIFY")
                .build(), null);
        assertTrue(d.matchesIncoming(notify));
        SipRequest otherTag = notify.withHeaders(notify.headers().toBuilder()
                .set("From", "<sip:34020000001320000001@3402000000>;tag=999").build());
        assertFalse(d.matchesIncoming(otherTag));
        SipRequest otherCall = notify.withHeaders(notify.headers().toBuilder().set("Call-ID", "x").build());
        assertFalse(d.matchesIncoming(otherCall));
    }

    @Test
    void onlyATaggedTwoHundredCreatesADialog() {
        SipRequest sub = subscribe();
        assertThrows(IllegalArgumentException.class, () -> SipDialog.fromUacResponse(sub,
                SipResponses.create(sub, 489, "5"), DEVICE));
        SipResponse untagged = new SipResponse(200, "OK", SipResponses.headersFor(sub, 200, null).build(), null);
        assertThrows(IllegalArgumentException.class, () -> SipDialog.fromUacResponse(sub, untagged, DEVICE));
    }
}
