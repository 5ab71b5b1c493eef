package io.github.camelgb28181.manscdp.model;

import java.util.List;

/**
 * A Response whose items may be spread over several MESSAGEs, each repeating the total in {@code SumNum}
 * (GB/T 28181-2016 A.2.6: catalog, record information, presets, cruise tracks). The platform aggregates the parts
 * of one query until the items add up to {@code SumNum}.
 *
 * @param <T> the item type
 */
public interface Itemized<T> {

    /** The total number of items over all messages of the answer, or null when absent or invalid. */
    Integer getSumNum();

    /** The items of this one message (never null). */
    List<T> getItems();
}
