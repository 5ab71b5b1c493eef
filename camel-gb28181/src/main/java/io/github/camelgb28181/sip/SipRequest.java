package io.github.camelgb28181.sip;

import java.util.Objects;

/** An immutable SIP request. */
public final class SipRequest extends SipMessage {

    private final String method;
    private final String requestUri;

    public SipRequest(String method, String requestUri, SipHeaders headers, byte[] body) {
        super(headers, body);
        this.method = Objects.requireNonNull(method, "method");
        this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
    }

    public String method() {
        return method;
    }

    public String requestUri() {
        return requestUri;
    }

    public boolean isMethod(String name) {
        return method.equals(name);
    }

    public SipRequest withHeaders(SipHeaders newHeaders) {
        return new SipRequest(method, requestUri, newHeaders, body());
    }

    @Override
    public boolean isRequest() {
        return true;
    }

    @Override
    public String startLine() {
        return method + " " + requestUri + " SIP/2.0";
    }
}
