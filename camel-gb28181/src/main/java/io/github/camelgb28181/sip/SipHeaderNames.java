package io.github.camelgb28181.sip;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Header names used by the stack, and the compact-form table of RFC 3261 §7.3.3 (plus RFC 3265 / 3515 forms). */
public final class SipHeaderNames {

    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String CONTACT = "Contact";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String EXPIRES = "Expires";
    public static final String DATE = "Date";
    public static final String USER_AGENT = "User-Agent";
    public static final String SERVER = "Server";
    public static final String AUTHORIZATION = "Authorization";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String SUBJECT = "Subject";
    public static final String EVENT = "Event";
    public static final String SUBSCRIPTION_STATE = "Subscription-State";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String ALLOW = "Allow";
    public static final String SUPPORTED = "Supported";
    public static final String X_GB_VER = "X-GB-Ver";

    private static final Map<String, String> CANONICAL = new HashMap<>();

    /** Headers whose comma-separated values are separate fields (RFC 3261 §7.3.1); auth headers are not among them. */
    private static final Set<String> LIST_HEADERS = Set.of("via", "route", "record-route", "contact", "allow",
            "supported", "require", "proxy-require", "unsupported", "allow-events");

    static {
        for (String name : new String[] {
                VIA, FROM, TO, CALL_ID, CSEQ, CONTACT, MAX_FORWARDS, CONTENT_TYPE, CONTENT_LENGTH, EXPIRES, DATE,
                USER_AGENT, SERVER, AUTHORIZATION, WWW_AUTHENTICATE, SUBJECT, EVENT, SUBSCRIPTION_STATE, ROUTE,
                RECORD_ROUTE, ALLOW, SUPPORTED, X_GB_VER, "Proxy-Authenticate", "Proxy-Authorization", "Require",
                "Proxy-Require", "Unsupported", "Allow-Events", "Content-Encoding", "Refer-To", "Min-Expires",
                "Retry-After", "Accept", "Warning", "Reason", "Monitor-User-Agent" }) {
            CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
        }
        CANONICAL.put("v", VIA);
        CANONICAL.put("f", FROM);
        CANONICAL.put("t", TO);
        CANONICAL.put("i", CALL_ID);
        CANONICAL.put("m", CONTACT);
        CANONICAL.put("c", CONTENT_TYPE);
        CANONICAL.put("l", CONTENT_LENGTH);
        CANONICAL.put("s", SUBJECT);
        CANONICAL.put("k", SUPPORTED);
        CANONICAL.put("e", "Content-Encoding");
        CANONICAL.put("o", EVENT);
        CANONICAL.put("u", "Allow-Events");
        CANONICAL.put("r", "Refer-To");
    }

    private SipHeaderNames() {
    }

    /** The canonical spelling of a header name: compact forms expanded, known names in their RFC case. */
    public static String canonical(String name) {
        String known = CANONICAL.get(name.toLowerCase(Locale.ROOT));
        return known != null ? known : name;
    }

    static boolean isListHeader(String canonicalName) {
        return LIST_HEADERS.contains(canonicalName.toLowerCase(Locale.ROOT));
    }
}
