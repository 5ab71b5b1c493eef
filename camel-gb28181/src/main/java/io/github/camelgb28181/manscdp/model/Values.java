package io.github.camelgb28181.manscdp.model;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Lenient conversions of the text devices put in MANSCDP fields: never throw, null when absent or unusable. */
final class Values {

    private Values() {
    }

    static Integer toInteger(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            Double d = toDouble(s);
            return d == null || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE ? null : d.intValue();
        }
    }

    static Long toLong(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double toDouble(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        String t = s.trim();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return null; // rejects NaN, Infinity, hex floats and type suffixes
            }
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-dd'T'HH:mm:ss[.fraction]}, also with a space instead of {@code T} and with a zone or offset (the
     * local time as written is kept).
     */
    static LocalDateTime toDateTime(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.length() < 16 || t.length() > 40) {
            return null;
        }
        if (t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toLocalDateTime();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static <T> List<T> list(List<T> items) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        if (items.contains(null)) {
            return items.stream().filter(java.util.Objects::nonNull).toList();
        }
        return java.util.Collections.unmodifiableList(items);
    }
}
