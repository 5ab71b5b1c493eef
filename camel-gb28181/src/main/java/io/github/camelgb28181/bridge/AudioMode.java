package io.github.camelgb28181.bridge;

/** What an output does with the stream's audio. */
public enum AudioMode {
    /** Pass G.711 / AAC through where the container can carry it, drop it where it cannot (HLS and MP4 with G.711). */
    AUTO,
    /** Video only. */
    DROP
}
