package io.github.camelgb28181.manscdp;

import java.util.Map;

/**
 * A MANSCDP message as read from a MESSAGE or NOTIFY body: its root ({@code Query}, {@code Control},
 * {@code Response}, {@code Notify}), the three fields every message carries, the text of the other top-level
 * elements, and the decoded XML.
 */
public record ManscdpMessage(String root, String cmdType, String sn, String deviceId, Map<String, String> fields,
                             String xml) {

    public ManscdpMessage {
        fields = Map.copyOf(fields);
    }

    public boolean is(String rootName, String command) {
        return root.equalsIgnoreCase(rootName) && command.equalsIgnoreCase(cmdType);
    }

    public String field(String name) {
        return fields.get(name);
    }
}
