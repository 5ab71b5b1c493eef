package io.github.camelgb28181.manscdp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One preset of a {@code PresetQuery} response. */
public final class PresetItem extends Extensible {

    @JsonProperty("PresetID")
    private String presetId;
    @JsonProperty("PresetName")
    private String presetName;

    private PresetItem() {
    }

    public String getPresetId() {
        return presetId;
    }

    /** The preset number, or null when absent or not a number. */
    public Integer getPresetNumber() {
        return Values.toInteger(presetId);
    }

    public String getPresetName() {
        return presetName;
    }

    @Override
    public String toString() {
        return "PresetItem[presetId=" + presetId + ", presetName=" + presetName + "]";
    }
}
