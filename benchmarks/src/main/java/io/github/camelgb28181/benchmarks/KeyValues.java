package io.github.camelgb28181.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} words of a result line ({@code RESULT}, {@code STATS}, {@code CATALOG}). */
record KeyValues(Map<String, String> values) {

    static KeyValues parse(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String word : line.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                m.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return new KeyValues(m);
    }

    double number(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + key + " in " + values);
        }
        return Double.parseDouble(v);
    }

    long whole(String key) {
        return (long) number(key);
    }
}
