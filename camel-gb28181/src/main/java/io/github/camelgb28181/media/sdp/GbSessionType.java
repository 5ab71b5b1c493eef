package io.github.camelgb28181.media.sdp;

/** The {@code s=} of a GB/T 28181 media session (2016 Annex F, 2022 Annex G). */
public enum GbSessionType {
    PLAY("Play", false),
    PLAYBACK("Playback", true),
    DOWNLOAD("Download", true),
    TALK("Talk", false),
    /** Voice broadcast (GB/T 28181-2016 §9.12): the device INVITEs us after Notify Broadcast; we send its audio. */
    BROADCAST("Broadcast", false);

    private final String sessionName;
    private final boolean history;

    GbSessionType(String sessionName, boolean history) {
        this.sessionName = sessionName;
        this.history = history;
    }

    /** The {@code s=} value. */
    public String sessionName() {
        return sessionName;
    }

    /** Whether the stream is recorded media, which takes an SSRC starting with {@code 1}. */
    public boolean isHistory() {
        return history;
    }

    /** The type named by an {@code s=} value (case ignored), or {@code null}. */
    public static GbSessionType of(String sessionName) {
        if (sessionName != null) {
            for (GbSessionType t : values()) {
                if (t.sessionName.equalsIgnoreCase(sessionName.trim())) {
                    return t;
                }
            }
        }
        return null;
    }
}
