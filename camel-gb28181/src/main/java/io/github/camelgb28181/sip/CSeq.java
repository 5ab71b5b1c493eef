package io.github.camelgb28181.sip;

/** The CSeq header: sequence number and method (RFC 3261 §20.16). */
public record CSeq(long number, String method) {

    public static CSeq parse(String value) {
        String v = value.trim();
        int sp = v.indexOf(' ');
        if (sp <= 0) {
            throw new IllegalArgumentException("CSeq without method: " + value);
        }
        long n;
        try {
            n = Long.parseLong(v.substring(0, sp).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CSeq number is not a number: " + value);
        }
        // RFC 3261 §8.1.1.5: the sequence number must be expressible as a 32-bit unsigned integer
        if (n < 0 || n > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("CSeq number out of range: " + value);
        }
        String method = v.substring(sp + 1).trim();
        if (method.isEmpty()) {
            throw new IllegalArgumentException("CSeq without method: " + value);
        }
        return new CSeq(n, method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
