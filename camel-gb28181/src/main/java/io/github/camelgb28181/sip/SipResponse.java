package io.github.camelgb28181.sip;

import java.util.Objects;

/** An immutable SIP response. */
public final class SipResponse extends SipMessage {

    private final int status;
    private final String reason;

    public SipResponse(int status, String reason, SipHeaders headers, byte[] body) {
        super(headers, body);
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("SIP status out of range: " + status);
        }
        this.status = status;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public boolean isProvisional() {
        return status < 200;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isFinal() {
        return status >= 200;
    }

    @Override
    public boolean isRequest() {
        return false;
    }

    @Override
    public String startLine() {
        return "SIP/2.0 " + status + " " + reason;
    }

    /** The standard reason phrase of RFC 3261 §21 (and RFC 3265 for 489). */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 100 -> "Trying";
            case 180 -> "Ringing";
            case 183 -> "Session Progress";
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 301 -> "Moved Permanently";
            case 302 -> "Moved Temporarily";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 423 -> "Interval Too Brief";
            case 481 -> "Call/Transaction Does Not Exist";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 488 -> "Not Acceptable Here";
            case 489 -> "Bad Event";
            case 500 -> "Server Internal Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 504 -> "Server Time-out";
            default -> status < 200 ? "Provisional" : status < 300 ? "OK" : "Error";
        };
    }
}
