package io.github.camelgb28181.manscdp.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A MANSCDP list such as {@code <DeviceList Num="2"><Item>…</Item><Item>…</Item></DeviceList>}. One {@code Item}, no
 * {@code Item} ({@code Num="0"}) and an empty element ({@code <DeviceList/>}) all give a list; {@link #getItems()} is
 * never null.
 *
 * @param <T> the item type
 */
public final class ItemList<T> {

    private static final ItemList<?> EMPTY = new ItemList<>();

    @JacksonXmlProperty(isAttribute = true, localName = "Num")
    private String num;

    @JacksonXmlElementWrapper(useWrapping = false)
    @JsonProperty("Item")
    private List<T> items;

    private ItemList() {
    }

    /** An empty list (what an absent list element reads as). */
    @SuppressWarnings("unchecked")
    public static <T> ItemList<T> empty() {
        return (ItemList<T>) EMPTY;
    }

    static <T> ItemList<T> orEmpty(ItemList<T> list) {
        return list == null ? empty() : list;
    }

    /** The {@code Num} attribute (items in this list as the device counts them), or null when absent or invalid. */
    public Integer getNum() {
        return Values.toInteger(num);
    }

    /** The items in document order (unmodifiable, never null, no null elements). */
    public List<T> getItems() {
        return Values.list(items);
    }

    public int size() {
        return getItems().size();
    }

    public boolean isEmpty() {
        return getItems().isEmpty();
    }

    @Override
    public String toString() {
        return "ItemList[num=" + num + ", items=" + getItems() + "]";
    }
}
