package io.github.camelgb28181.sip;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An immutable SIP message: start line, headers and body bytes. The body is kept as bytes because GB28181 bodies
 * (MANSCDP XML, SDP) declare their own charset, usually GB2312.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {

    private static final byte[] NO_BODY = new byte[0];

    private final SipHeaders headers;
    private final byte[] body;
    // The headers every transaction reads, parsed once (the stack, the registrar and the handlers each asked again).
    // The message and these records are immutable, so a racy first computation is harmless: at worst two threads
    // parse the same text, and final fields publish the result safely.
    private CSeq cseq;
    private Via topVia;
    private SipAddress from;
    private SipAddress to;

    protected SipMessage(SipHeaders headers, byte[] body) {
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body == null || body.length == 0 ? NO_BODY : body;
    }

    public SipHeaders headers() {
        return headers;
    }

    public String header(String name) {
        return headers.first(name);
    }

    /** The body; callers must not modify the array. */
    public byte[] body() {
        return body;
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    public String callId() {
        return headers.first(SipHeaderNames.CALL_ID);
    }

    public CSeq cseq() {
        CSeq c = cseq;
        if (c == null) {
            String value = headers.first(SipHeaderNames.CSEQ);
            c = value == null ? null : CSeq.parse(value);
            cseq = c;
        }
        return c;
    }

    /** The top-most Via, the one that identifies the transaction (RFC 3261 §17.2.3). */
    public Via topVia() {
        Via v = topVia;
        if (v == null) {
            String value = headers.first(SipHeaderNames.VIA);
            v = value == null ? null : Via.parse(value);
            topVia = v;
        }
        return v;
    }

    public SipAddress from() {
        SipAddress a = from;
        if (a == null) {
            a = address(SipHeaderNames.FROM);
            from = a;
        }
        return a;
    }

    public SipAddress to() {
        SipAddress a = to;
        if (a == null) {
            a = address(SipHeaderNames.TO);
            to = a;
        }
        return a;
    }

    private SipAddress address(String name) {
        String value = headers.first(name);
        return value == null ? null : SipAddress.parse(value);
    }

    /** Keeps what {@code original} parsed, for a copy that differs from it in the top Via only. */
    void rememberWithVia(SipMessage original, Via newTopVia) {
        remember(original.cseq, newTopVia, original.from, original.to);
    }

    /** Hands over what the parser already parsed to validate the message (any of them may be null). */
    void remember(CSeq parsedCseq, Via parsedTopVia, SipAddress parsedFrom, SipAddress parsedTo) {
        cseq = parsedCseq;
        topVia = parsedTopVia;
        from = parsedFrom;
        to = parsedTo;
    }

    public String contentType() {
        return headers.first(SipHeaderNames.CONTENT_TYPE);
    }

    public abstract boolean isRequest();

    /** The start line without its CRLF. */
    public abstract String startLine();

    @Override
    public String toString() {
        return startLine() + " " + headers + (body.length > 0 ? " +" + body.length + "B" : "");
    }

    /** The message as text, for logs and tests; bodies are decoded as UTF-8. */
    public String toText() {
        return new String(SipMessageEncoder.encode(this), StandardCharsets.UTF_8);
    }
}
