package io.github.camelgb28181.bridge;

/** What an output does with the stream's audio. */
public enum AudioMode {
    /**
     * Pass G.711 / AAC through where the container carries it (FLV, RTMP, RTSP; MP4 becomes MOV for G.711); HLS,
     * whose segments take no G.711, gets it re-encoded as AAC.
     */
    AUTO,
    /** G.711 re-encoded as AAC-LC for every container (what web players and MP4 need); AAC passes through. */
    AAC,
    /** Video only. */
    DROP;

    /** The mode named {@code auto}, {@code aac} or {@code drop} (any case); anything else is refused. */
    public static AudioMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("audio must be auto, aac or drop, not " + name, e);
        }
    }
}
