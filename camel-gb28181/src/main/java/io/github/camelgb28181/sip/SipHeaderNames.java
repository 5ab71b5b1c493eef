package io.github.camelgb28181.sip;

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

    /**
     * Known names by a case-insensitive hash, open addressing: a lookup neither lower-cases nor builds a String, since
     * it runs for every header of every message and for every header accessor call. Each slot holds the spelling
     * looked up (a long name in any case, or a compact letter) and its canonical form.
     */
    private static final int TABLE_SIZE = 128;
    private static final String[] SPELLING = new String[TABLE_SIZE];
    private static final String[] CANONICAL = new String[TABLE_SIZE];
    private static final boolean[] LIST = new boolean[TABLE_SIZE];

    /** Headers whose comma-separated values are separate fields (RFC 3261 §7.3.1); auth headers are not among them. */
    private static final Set<String> LIST_HEADERS = Set.of(VIA, ROUTE, RECORD_ROUTE, CONTACT, ALLOW, SUPPORTED,
            "Require", "Proxy-Require", "Unsupported", "Allow-Events");

    static {
        for (String name : new String[] {
                VIA, FROM, TO, CALL_ID, CSEQ, CONTACT, MAX_FORWARDS, CONTENT_TYPE, CONTENT_LENGTH, EXPIRES, DATE,
                USER_AGENT, SERVER, AUTHORIZATION, WWW_AUTHENTICATE, SUBJECT, EVENT, SUBSCRIPTION_STATE, ROUTE,
                RECORD_ROUTE, ALLOW, SUPPORTED, X_GB_VER, "Proxy-Authenticate", "Proxy-Authorization", "Require",
                "Proxy-Require", "Unsupported", "Allow-Events", "Content-Encoding", "Refer-To", "Min-Expires",
                "Retry-After", "Accept", "Warning", "Reason", "Monitor-User-Agent" }) {
            put(name, name);
        }
        put("v", VIA);
        put("f", FROM);
        put("t", TO);
        put("i", CALL_ID);
        put("m", CONTACT);
        put("c", CONTENT_TYPE);
        put("l", CONTENT_LENGTH);
        put("s", SUBJECT);
        put("k", SUPPORTED);
        put("e", "Content-Encoding");
        put("o", EVENT);
        put("u", "Allow-Events");
        put("r", "Refer-To");
    }

    private static void put(String spelling, String canonical) {
        int i = hash(spelling) & (TABLE_SIZE - 1);
        while (SPELLING[i] != null) {
            i = (i + 1) & (TABLE_SIZE - 1);
        }
        SPELLING[i] = spelling;
        CANONICAL[i] = canonical;
        LIST[i] = spelling.equals(canonical) && LIST_HEADERS.contains(canonical); // asked with canonical names only
    }

    private SipHeaderNames() {
    }

    /** The canonical spelling of a header name: compact forms expanded, known names in their RFC case. */
    public static String canonical(String name) {
        int slot = find(name);
        return slot >= 0 ? CANONICAL[slot] : name;
    }

    /**
     * The canonical spelling of the header name in {@code data[from, to)}, or null when the name is not a known one
     * (the caller then makes a String of it). Bytes are compared as ASCII, which a valid name (a token) is.
     */
    static String canonical(byte[] data, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + lower(data[i] & 0xFF);
        }
        for (int i = h & (TABLE_SIZE - 1); SPELLING[i] != null; i = (i + 1) & (TABLE_SIZE - 1)) {
            if (equalsIgnoreCase(SPELLING[i], data, from, to)) {
                return CANONICAL[i];
            }
        }
        return null;
    }

    static boolean isListHeader(String canonicalName) {
        int slot = find(canonicalName);
        return slot >= 0 && LIST[slot];
    }

    private static int find(String name) {
        for (int i = hash(name) & (TABLE_SIZE - 1); SPELLING[i] != null; i = (i + 1) & (TABLE_SIZE - 1)) {
            if (SPELLING[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Case-insensitive for ASCII letters only, like the comparison that follows it. */
    private static int hash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + lower(s.charAt(i));
        }
        return h;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private static boolean equalsIgnoreCase(String s, byte[] data, int from, int to) {
        if (s.length() != to - from) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (lower(s.charAt(i)) != lower(data[from + i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
