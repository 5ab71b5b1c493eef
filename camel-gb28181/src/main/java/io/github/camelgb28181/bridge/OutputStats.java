package io.github.camelgb28181.bridge;

/**
 * A snapshot of one output's counters.
 *
 * @param name           what the output writes to
 * @param state          its state
 * @param packetsWritten packets handed to the muxer (or chunks to a subscriber)
 * @param bytesWritten   payload bytes of those
 * @param drops          units discarded because the output fell behind (queue full, then everything up to the next
 *                       key frame) or because a push was between connections
 * @param reconnects     connections opened after a failure
 * @param lastError      the last error, {@code null} while there was none
 */
public record OutputStats(String name, OutputState state, long packetsWritten, long bytesWritten, long drops,
                          long reconnects, String lastError) {
}
