package io.github.camelgb28181.manscdp.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A catalog: {@code SumNum} and a {@code DeviceList} of items, in a Response or a NOTIFY. */
public abstract class CatalogMessage extends Envelope implements Itemized<CatalogItem> {

    @JsonProperty("SumNum")
    private String sumNum;
    @JsonProperty("DeviceList")
    private ItemList<CatalogItem> deviceList;

    CatalogMessage() {
    }

    /** The total number of items over all messages of this catalog, or null when absent or invalid. */
    public Integer getSumNum() {
        return Values.toInteger(sumNum);
    }

    /** The list with its {@code Num} attribute (never null). */
    public ItemList<CatalogItem> getDeviceList() {
        return ItemList.orEmpty(deviceList);
    }

    /** The items of this message (never null). */
    public List<CatalogItem> getItems() {
        return getDeviceList().getItems();
    }
}
