package io.github.camelgb28181.media.mansrtsp;

import java.math.BigDecimal;

/**
 * A normal play time (RFC 2326 §3.6): {@code now} or seconds from the start of the recording, written as seconds
 * ({@code 120}, {@code 12.5}) or read also as {@code h:mm:ss[.frac]}.
 *
 * @param now     whether this is the current position
 * @param seconds the offset in seconds when not {@code now}, else 0
 */
public record NptTime(boolean now, double seconds) {

    public static final NptTime NOW = new NptTime(true, 0);

    /** Longer than any recording a device keeps (a year), and small enough to print without an exponent. */
    static final double MAX_SECONDS = 366 * 24 * 3600.0;

    public NptTime {
        if (now ? seconds != 0 : !(seconds >= 0 && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException("NPT must be now or 0 to " + (long) MAX_SECONDS + " seconds: " + seconds);
        }
    }

    public static NptTime ofSeconds(double seconds) {
        return new NptTime(false, seconds);
    }

    /**
     * Reads {@code now}, {@code 120}, {@code 120.5} or {@code 0:02:00.5}. Only plain decimal digits are accepted, so
     * that the {@code NaN}, {@code Infinity}, exponents and hex floats that {@link Double#parseDouble} also takes
     * cannot come in from a peer.
     */
    public static NptTime parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) {
            return NOW;
        }
        int colon1 = t.indexOf(':');
        if (colon1 < 0) {
            return ofSeconds(decimal(t, 12));
        }
        int colon2 = t.indexOf(':', colon1 + 1);
        if (colon2 < 0) {
            throw new IllegalArgumentException("NPT h:mm:ss needs two colons: '" + MansrtspText.printable(t) + "'");
        }
        double hours = decimal(t.substring(0, colon1), 4);
        double minutes = decimal(t.substring(colon1 + 1, colon2), 2);
        double secs = decimal(t.substring(colon2 + 1), 9);
        if (hours != Math.rint(hours) || minutes != Math.rint(minutes) || minutes >= 60 || secs >= 60) {
            throw new IllegalArgumentException("NPT h:mm:ss out of range: '" + MansrtspText.printable(t) + "'");
        }
        return ofSeconds(hours * 3600 + minutes * 60 + secs);
    }

    /** {@code digits[.digits]}, at most {@code maxLength} characters. */
    static double decimal(String s, int maxLength) {
        if (s.isEmpty() || s.length() > maxLength) {
            throw new IllegalArgumentException("not a decimal of at most " + maxLength + " characters: '"
                    + MansrtspText.printable(s) + "'");
        }
        int dot = s.indexOf('.');
        boolean ok = dot != 0 && dot != s.length() - 1 && s.indexOf('.', dot + 1) < 0;
        for (int i = 0; i < s.length() && ok; i++) {
            char c = s.charAt(i);
            ok = c == '.' || (c >= '0' && c <= '9');
        }
        if (!ok) {
            throw new IllegalArgumentException("not a decimal: '" + MansrtspText.printable(s) + "'");
        }
        return Double.parseDouble(s);
    }

    /** {@code now}, or the seconds without a needless fraction: {@code 120}, {@code 12.5}. */
    @Override
    public String toString() {
        if (now) {
            return "now";
        }
        if (seconds == Math.rint(seconds)) {
            return Long.toString((long) seconds);
        }
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }
}
