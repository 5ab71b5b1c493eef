package io.github.camelgb28181.media.rtp;

/**
 * Which SSRC a receiver accepts. GB/T 28181 puts the SSRC in the INVITE's {@code y=} line, but devices answer with
 * another or none (SPEC §5), so the choice is the caller's.
 */
public enum SsrcPolicy {
    /** Only the expected SSRC; everything else is counted and dropped (a shared port demuxes by SSRC). */
    STRICT,
    /** Adopt the first SSRC seen, then behave as {@link #STRICT} (devices that ignore {@code y=}). */
    LEARN,
    /** Accept any SSRC; a change of SSRC restarts the sequence (a device that re-INVITEs on a dedicated port). */
    OFF
}
