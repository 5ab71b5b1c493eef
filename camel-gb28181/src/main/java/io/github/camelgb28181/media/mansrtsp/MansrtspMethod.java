package io.github.camelgb28181.media.mansrtsp;

/** The playback controls GB/T 28181 carries in INFO bodies of type {@code Application/MANSRTSP} (2016/2022 Annex B). */
public enum MansrtspMethod {
    /** Resume, change speed ({@code Scale}) or seek ({@code Range}). */
    PLAY,
    /** Halt at the current position ({@code PauseTime: now}). */
    PAUSE,
    /** End the playback; rarely used, BYE does the same. */
    TEARDOWN
}
