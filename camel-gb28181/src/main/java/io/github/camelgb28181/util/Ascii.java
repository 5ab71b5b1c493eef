package io.github.camelgb28181.util;

/** Checks on the ASCII text of protocol fields (IDs, status codes), where {@link Character#isDigit} is too wide. */
public final class Ascii {

    private Ascii() {
    }

    /** True when {@code s} is not empty and holds only '0' to '9' (no other Unicode digits, no sign). */
    public static boolean isDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return s.length() > 0;
    }
}
