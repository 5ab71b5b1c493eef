package io.github.camelgb28181.manscdp.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * A MANSCDP element whose unknown children are kept: vendor extensions and fields of newer protocol versions end up in
 * {@link #getExtra()} instead of being lost. Values are {@code String} for text, {@code Map<String, Object>} for
 * elements with children or attributes, and {@code List<Object>} when an element repeats.
 */
public abstract class Extensible {

    private final transient Map<String, Object> extra = new LinkedHashMap<>();

    @JsonAnySetter
    @SuppressWarnings("unchecked")
    void putExtra(String name, Object value) {
        Object previous = extra.get(name);
        if (previous == null) {
            extra.put(name, value);
        } else if (previous instanceof RepeatedList) {
            ((List<Object>) previous).add(value);
        } else {
            RepeatedList list = new RepeatedList();
            list.add(previous);
            list.add(value);
            extra.put(name, list);
        }
    }

    /** The unknown children by element name, in document order (unmodifiable, never null). */
    public Map<String, Object> getExtra() {
        return Collections.unmodifiableMap(extra);
    }

    /** One unknown child, or null. */
    public Object extra(String name) {
        return extra.get(name);
    }

    /** The text of an unknown child (the first one when it repeats), or null when absent or not text. */
    public String extraText(String name) {
        Object v = extra.get(name);
        if (v instanceof List<?> l && !l.isEmpty()) {
            v = l.get(0);
        }
        return v instanceof String s ? s : null;
    }

    /** Marks lists made here from repeated elements, to tell them from list values Jackson produced itself. */
    private static final class RepeatedList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }
}
