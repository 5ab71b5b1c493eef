package io.github.camelgb28181.media.ssrc;

/**
 * An RTP SSRC as GB/T 28181 writes it in {@code y=} and the {@code Subject} header: ten decimal digits
 * {@code dddddddddd} whose number is the 32-bit SSRC the device puts in its RTP headers (GB/T 28181-2016 Annex F,
 * 2022 Annex G, the {@code y} field). In the platform's own SSRCs the first digit says live ({@code 0}) or history
 * ({@code 1}), digits 2–6 are the domain and 7–10 a sequence; SSRCs chosen by devices need not follow that layout, so
 * this type only requires that the number fits 32 bits.
 *
 * @param value the SSRC as the signed int an RTP header holds
 */
public record Ssrc(int value) {

    /** Ten digits: the largest 32-bit value, 4294967295, has ten. */
    public static final int DIGITS = 10;

    /**
     * Parses a decimal SSRC. Accepts fewer than ten digits because some devices write the number without its leading
     * zeros ({@code y=100000001} for {@code 0100000001}); the value is the same either way.
     *
     * @throws IllegalArgumentException when the text is empty, longer than ten characters, not all digits, or above
     *                                  4294967295
     */
    public static Ssrc parse(String decimal) {
        String t = decimal.trim();
        if (t.isEmpty() || t.length() > DIGITS) {
            throw new IllegalArgumentException("SSRC must be 1 to 10 decimal digits: '" + printable(t) + "'");
        }
        long v = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("SSRC is not decimal: '" + printable(t) + "'");
            }
            v = v * 10 + (c - '0');
        }
        if (v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC exceeds 32 bits: " + t);
        }
        return new Ssrc((int) v);
    }

    /** The SSRC read from an RTP header. */
    public static Ssrc ofRtp(int value) {
        return new Ssrc(value);
    }

    /** The SSRC as an unsigned number, 0–4294967295. */
    public long unsignedValue() {
        return Integer.toUnsignedLong(value);
    }

    /** Ten digits with leading zeros, as {@code y=} and {@code Subject} carry it. */
    public String decimal() {
        String digits = Long.toString(unsignedValue());
        return "0".repeat(DIGITS - digits.length()) + digits;
    }

    /** Whether the first digit marks a history (Playback/Download) stream; live streams start with 0. */
    public boolean isHistory() {
        return unsignedValue() / 1_000_000_000L == 1;
    }

    /** Whether the first digit is 0 or 1, i.e. the value can follow the GB layout at all. */
    public boolean isGbLayout() {
        return unsignedValue() < 2_000_000_000L;
    }

    /** Digits 2–6: the domain part of a GB-layout SSRC. */
    public String domainPart() {
        return decimal().substring(1, 6);
    }

    /** Digits 7–10: the sequence within the domain, 0–9999. */
    public int sequence() {
        return (int) (unsignedValue() % 10_000);
    }

    @Override
    public String toString() {
        return decimal();
    }

    private static String printable(String s) {
        String p = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        StringBuilder sb = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }
}
