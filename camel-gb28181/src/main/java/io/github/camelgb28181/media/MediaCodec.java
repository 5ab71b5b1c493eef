package io.github.camelgb28181.media;

/** The elementary-stream codecs a GB/T 28181 program stream carries (GB/T 28181-2016 Annex C). */
public enum MediaCodec {
    H264(true),
    H265(true),
    MPEG4(true),
    G711A(false),
    G711U(false),
    AAC(false),
    /** A stream type the PSM names that this engine does not know, or content nothing could be guessed from. */
    UNKNOWN(false);

    private final boolean video;

    MediaCodec(boolean video) {
        this.video = video;
    }

    public boolean isVideo() {
        return video;
    }
}
