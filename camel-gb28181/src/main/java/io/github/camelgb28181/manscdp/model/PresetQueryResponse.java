package io.github.camelgb28181.manscdp.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Response}/{@code PresetQuery}: the presets of a PTZ camera. */
public final class PresetQueryResponse extends Envelope implements Itemized<PresetItem> {

    @JsonProperty("SumNum")
    private String sumNum;
    @JsonProperty("PresetList")
    private ItemList<PresetItem> presetList;

    private PresetQueryResponse() {
    }

    @Override
    protected String defaultRoot() {
        return "Response";
    }

    public Integer getSumNum() {
        return Values.toInteger(sumNum);
    }

    /** The {@code PresetList} (never null). */
    public ItemList<PresetItem> getPresetList() {
        return ItemList.orEmpty(presetList);
    }

    public List<PresetItem> getItems() {
        return getPresetList().getItems();
    }
}
