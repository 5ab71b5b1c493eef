package io.github.camelgb28181.media.ps;

/** What {@link PsDemuxer} finds in a program stream, in stream order. */
public interface PsListener {

    /** Sentinel for a PES that carried no PTS/DTS. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /** A pack header (0x000001BA): devices start every frame with one. */
    void onPackHeader();

    /** The PSM changed (or was seen for the first time). */
    void onStreamMap(PsStreamMap map);

    /**
     * A video (0xE0–0xEF) or audio (0xC0–0xDF) PES begins.
     *
     * @param pts unwrapped PTS or {@link #NO_TIMESTAMP}
     * @param dts unwrapped DTS, the PTS when only a PTS was sent, or {@link #NO_TIMESTAMP}
     */
    void onPesStart(int streamId, long pts, long dts);

    /** Payload bytes of the current PES; only valid during the call. */
    void onPesData(byte[] data, int offset, int length);

    /** The current PES ended (declared length reached, or the next start code began). */
    void onPesEnd();

    /** The RTP marker closed a frame at a PES boundary. */
    void onFrameEnd();

    /** Bytes were lost or the stream restarted: whatever is being assembled is broken. */
    void onDiscontinuity();
}
