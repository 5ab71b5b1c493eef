package io.github.camelgb28181.platform;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.model.Itemized;

/** Counts the list items (DeviceList, RecordList, PresetList …) of one Response message, for aggregation. */
final class ManscdpItems {

    private ManscdpItems() {
    }

    static int count(ManscdpMessage message) {
        if (message.document() instanceof Itemized<?> typed) {
            return typed.getItems().size();
        }
        // not readable into the typed model (an unknown list kind): count the Item elements of the text
        String xml = message.xml();
        int count = 0;
        int from = 0;
        while (true) {
            int i = xml.indexOf("<Item", from);
            if (i < 0) {
                return count;
            }
            int next = i + 5;
            if (next < xml.length()) {
                char c = xml.charAt(next);
                if (c == '>' || c == ' ' || c == '/' || c == '\t' || c == '\r' || c == '\n') {
                    count++;
                }
            }
            from = next;
        }
    }
}
