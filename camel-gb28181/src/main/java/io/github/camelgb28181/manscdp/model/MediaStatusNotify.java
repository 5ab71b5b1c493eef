package io.github.camelgb28181.manscdp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Notify}/{@code MediaStatus}: the state of a playback or download ({@code 121} = the file ended). */
public final class MediaStatusNotify extends Envelope {

    /** The {@code NotifyType} of "end of file" (playback or download finished). */
    public static final String END_OF_FILE = "121";

    @JsonProperty("NotifyType")
    private String notifyType;

    private MediaStatusNotify() {
    }

    @Override
    protected String defaultRoot() {
        return "Notify";
    }

    public String getNotifyType() {
        return notifyType;
    }

    /** Whether the playback or download reached the end of the file (NotifyType 121). */
    public boolean isEndOfFile() {
        return END_OF_FILE.equals(notifyType);
    }
}
