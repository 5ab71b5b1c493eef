package io.github.camelgb28181.manscdp.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Response}/{@code RecordInfo}: recordings found by a query (large results come in many messages). */
public final class RecordInfoResponse extends Envelope implements Itemized<RecordItem> {

    @JsonProperty("Name")
    private String name;
    @JsonProperty("SumNum")
    private String sumNum;
    @JsonProperty("RecordList")
    private ItemList<RecordItem> recordList;

    private RecordInfoResponse() {
    }

    @Override
    protected String defaultRoot() {
        return "Response";
    }

    public String getName() {
        return name;
    }

    public Integer getSumNum() {
        return Values.toInteger(sumNum);
    }

    /** The {@code RecordList} (never null). */
    public ItemList<RecordItem> getRecordList() {
        return ItemList.orEmpty(recordList);
    }

    public List<RecordItem> getItems() {
        return getRecordList().getItems();
    }
}
