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
        String value = headers.first(SipHeaderNames.CSEQ);
        return value == null ? null : CSeq.parse(value);
    }

    /** The top-most Via, the one that identifies the transaction (RFC 3261 §17.2.3). */
    public Via topVia() {
        String value = headers.first(SipHeaderNames.VIA);
        return value == null ? null : Via.parse(value);
    }

    public SipAddress from() {
        String value = headers.first(SipHeaderNames.FROM);
        return value == null ? null : SipAddress.parse(value);
    }

    public SipAddress to() {
        String value = headers.first(SipHeaderNames.TO);
        return value == null ? null : SipAddress.parse(value);
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
