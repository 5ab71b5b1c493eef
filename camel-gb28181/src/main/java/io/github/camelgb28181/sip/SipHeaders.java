package io.github.camelgb28181.sip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable, ordered list of SIP header fields. Names are stored in their canonical long form (RFC 3261 §7.3.3
 * compact forms are expanded on the way in) and compared case-insensitively (RFC 3261 §7.3.1). Order is preserved
 * because it matters for Via, Route and Record-Route.
 */
public final class SipHeaders {

    public static final SipHeaders EMPTY = new SipHeaders(List.of());

    private final List<SipHeader> fields;

    private SipHeaders(List<SipHeader> fields) {
        this.fields = fields;
    }

    /** The first value of the named header, or {@code null} when absent. */
    public String first(String name) {
        String key = SipHeaderNames.canonical(name);
        for (SipHeader h : fields) {
            if (h.name().equalsIgnoreCase(key)) {
                return h.value();
            }
        }
        return null;
    }

    /** Every value of the named header, in message order. */
    public List<String> all(String name) {
        String key = SipHeaderNames.canonical(name);
        List<String> values = new ArrayList<>(2);
        for (SipHeader h : fields) {
            if (h.name().equalsIgnoreCase(key)) {
                values.add(h.value());
            }
        }
        return values;
    }

    /** How many fields of the named header there are, without collecting their values. */
    int count(String name) {
        String key = SipHeaderNames.canonical(name);
        int n = 0;
        for (SipHeader h : fields) {
            if (h.name().equalsIgnoreCase(key)) {
                n++;
            }
        }
        return n;
    }

    public boolean contains(String name) {
        return first(name) != null;
    }

    public List<SipHeader> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    public Builder toBuilder() {
        return new Builder(new ArrayList<>(fields));
    }

    public static Builder builder() {
        return new Builder(new ArrayList<>());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipHeaders other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /** One header field: canonical name and raw value (folding removed, surrounding white space trimmed). */
    public record SipHeader(String name, String value) {
        public SipHeader {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final List<SipHeader> fields;

        private Builder(List<SipHeader> fields) {
            this.fields = fields;
        }

        /** Appends a field, keeping any existing fields of the same name. */
        public Builder add(String name, Object value) {
            fields.add(new SipHeader(SipHeaderNames.canonical(name), String.valueOf(value)));
            return this;
        }

        /** Appends a field whose name is already canonical (the parser looked it up once). */
        Builder addCanonical(String canonicalName, String value) {
            fields.add(new SipHeader(canonicalName, value));
            return this;
        }

        /** Inserts a field before all others of the same name (a proxy's own Via goes on top). */
        public Builder addFirst(String name, Object value) {
            String key = SipHeaderNames.canonical(name);
            int index = fields.size();
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equalsIgnoreCase(key)) {
                    index = i;
                    break;
                }
            }
            fields.add(index, new SipHeader(key, String.valueOf(value)));
            return this;
        }

        /** Replaces every field of this name with one value, in place of the first one (or at the end). */
        public Builder set(String name, Object value) {
            String key = SipHeaderNames.canonical(name);
            SipHeader replacement = new SipHeader(key, String.valueOf(value));
            int at = -1;
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (fields.get(i).name().equalsIgnoreCase(key)) {
                    fields.remove(i);
                    at = i;
                }
            }
            if (at < 0) {
                fields.add(replacement);
            } else {
                fields.add(at, replacement);
            }
            return this;
        }

        /** Replaces the first field of this name only (the top Via, for example). */
        public Builder setFirst(String name, Object value) {
            String key = SipHeaderNames.canonical(name);
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equalsIgnoreCase(key)) {
                    fields.set(i, new SipHeader(key, String.valueOf(value)));
                    return this;
                }
            }
            fields.add(new SipHeader(key, String.valueOf(value)));
            return this;
        }

        public Builder remove(String name) {
            String key = SipHeaderNames.canonical(name);
            fields.removeIf(h -> h.name().equalsIgnoreCase(key));
            return this;
        }

        public Builder copy(SipHeaders from, String name) {
            for (String v : from.all(name)) {
                add(name, v);
            }
            return this;
        }

        /** Builds without copying, for a builder that is dropped right after (the parser's). */
        SipHeaders buildOnce() {
            return fields.isEmpty() ? EMPTY : new SipHeaders(Collections.unmodifiableList(fields));
        }

        public SipHeaders build() {
            return fields.isEmpty() ? EMPTY : new SipHeaders(Collections.unmodifiableList(new ArrayList<>(fields)));
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
