package io.github.camelgb28181.platform;

import io.github.camelgb28181.manscdp.ManscdpMessage;

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
}
