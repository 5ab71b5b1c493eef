package io.github.camelgb28181.manscdp;

import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Notes the envelope of a MANSCDP document — the root's name and the text of each top-level element, CmdType, SN and
 * DeviceID among them — from the events of a StAX reader as they go by. Whoever pulls the events (the envelope
 * parser, or Jackson binding the typed document) gets the envelope from the same single parse.
 *
 * <p>Text is that of the element itself, trimmed, nested elements' text excluded; the first of repeated elements
 * wins. Not thread-safe: one per parse.
 */
final class EnvelopeRecorder extends StreamReaderDelegate {

    private final Map<String, String> fields = new HashMap<>();
    private final StringBuilder text = new StringBuilder();
    private String root;
    private String current;
    private int depth;
    private boolean complete;

    EnvelopeRecorder(XMLStreamReader reader) {
        super(reader);
        if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
            onStart(); // a reader handed over already on the root
        }
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> onStart();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (depth == 2) {
                    text.append(getText());
                }
            }
            case XMLStreamConstants.END_ELEMENT -> onEnd();
            default -> {
                // comments, processing instructions: not part of any value
            }
        }
        return event;
    }

    /** Pulls the remaining events of the root element through the recorder (the envelope parser's own loop). */
    void drain() throws XMLStreamException {
        while (!complete && hasNext()) {
            next();
        }
    }

    private void onStart() {
        depth++;
        if (depth == 1) {
            root = getLocalName();
        } else if (depth == 2) {
            current = getLocalName();
            text.setLength(0);
        }
    }

    private void onEnd() {
        if (depth == 2 && current != null) {
            fields.putIfAbsent(current, text.toString().trim());
            current = null;
        }
        depth--;
        if (depth == 0) {
            complete = true;
        }
    }

    /** The envelope of the document read, with {@code xml} as its text; throws when it has no root or CmdType. */
    ManscdpMessage toMessage(String xml) throws XMLStreamException {
        if (root == null) {
            throw new XMLStreamException("no root element");
        }
        String cmdType = fields.get("CmdType");
        if (cmdType == null || cmdType.isEmpty()) {
            throw new XMLStreamException("no CmdType in <" + root + ">");
        }
        return new ManscdpMessage(root, cmdType, fields.get("SN"), fields.get("DeviceID"), fields, xml);
    }
}
