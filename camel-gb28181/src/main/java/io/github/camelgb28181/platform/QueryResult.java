package io.github.camelgb28181.platform;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.model.Envelope;
import io.github.camelgb28181.manscdp.model.Itemized;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a query: every Response message that belonged to it, in arrival order. For multi-message answers
 * (Catalog, RecordInfo, PresetQuery …) {@code complete} says whether {@code SumNum} items arrived; when the gap or
 * first-message timer fired first, the partial result is returned with {@code complete = false} rather than thrown
 * away.
 *
 * @param messages the Response messages
 * @param expected the SumNum the device announced, or -1 for single-message answers
 * @param received the number of items received
 * @param complete whether everything announced arrived
 */
public record QueryResult(List<ManscdpMessage> messages, int expected, int received, boolean complete) {

    public QueryResult {
        messages = List.copyOf(messages);
    }

    /** The first (for single-message answers, the only) message. */
    public ManscdpMessage first() {
        return messages.get(0);
    }

    /** The typed document of the first message, when it was read and is of the given kind; else null. */
    public <T extends Envelope> T document(Class<T> type) {
        return messages.isEmpty() ? null : first().document(type);
    }

    /**
     * What a route most likely wants from this answer: the {@link #items items} of list answers (catalog, records,
     * presets…), the typed document otherwise, and this result itself when the answer could only be read as an
     * envelope.
     */
    public Object typedAnswer() {
        Object document = messages.isEmpty() ? null : first().document();
        if (document instanceof Itemized<?>) {
            return items(Object.class);
        }
        return document != null ? document : this;
    }

    /**
     * The items of every part in arrival order (catalog items, record items, presets…), read from the typed
     * documents; parts that could not be read into the typed model contribute nothing.
     */
    public <T> List<T> items(Class<T> itemType) {
        List<T> all = new ArrayList<>();
        for (ManscdpMessage m : messages) {
            if (m.document() instanceof Itemized<?> part) {
                for (Object item : part.getItems()) {
                    if (itemType.isInstance(item)) {
                        all.add(itemType.cast(item));
                    }
                }
            }
        }
        return List.copyOf(all);
    }
}
