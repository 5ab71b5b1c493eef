package io.github.camelgb28181.manscdp;

import io.github.camelgb28181.manscdp.model.Envelope;

import java.util.Map;

/**
 * A MANSCDP message as read from a MESSAGE or NOTIFY body: its root ({@code Query}, {@code Control},
 * {@code Response}, {@code Notify}), the three fields every message carries, the text of the other top-level
 * elements, the decoded XML, and — once read — the typed {@link #document() document}.
 *
 * @param document the message read into the typed model ({@link ManscdpReader}); null when not read (keep-alives
 *                 skip it) or when only the envelope could be read
 */
public record ManscdpMessage(String root, String cmdType, String sn, String deviceId, Map<String, String> fields,
                             String xml, Envelope document) {

    public ManscdpMessage {
        fields = Map.copyOf(fields);
    }

    public ManscdpMessage(String root, String cmdType, String sn, String deviceId, Map<String, String> fields,
                          String xml) {
        this(root, cmdType, sn, deviceId, fields, xml, null);
    }

    public boolean is(String rootName, String command) {
        return root.equalsIgnoreCase(rootName) && command.equalsIgnoreCase(cmdType);
    }

    public String field(String name) {
        return fields.get(name);
    }

    public ManscdpMessage withDocument(Envelope typed) {
        return new ManscdpMessage(root, cmdType, sn, deviceId, fields, xml, typed);
    }

    /** The typed document when it is of the given kind, else null. */
    public <T extends Envelope> T document(Class<T> type) {
        return type.isInstance(document) ? type.cast(document) : null;
    }
}
