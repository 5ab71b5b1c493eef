package io.github.camelgb28181.bridge;

/** Where an output writes to. */
public enum OutputKind {
    /** RTMP publish (FLV; H.265 as enhanced FLV). */
    RTMP(true),
    /** RTSP ANNOUNCE/RECORD push. */
    RTSP(true),
    /** HLS playlist and segments in a folder (MPEG-TS segments for H.264, fMP4 for H.265). */
    HLS(false),
    /** An FLV file. */
    FLV_FILE(false),
    /** An MP4 file; written by the MOV muxer when G.711 audio is kept, since MP4 has no G.711 sample entry. */
    MP4_FILE(false);

    private final boolean push;

    OutputKind(boolean push) {
        this.push = push;
    }

    /** A network push: reconnects with backoff instead of giving up on an error. */
    public boolean push() {
        return push;
    }
}
