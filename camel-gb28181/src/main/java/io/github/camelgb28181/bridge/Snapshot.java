package io.github.camelgb28181.bridge;

/**
 * A JPEG picture of the stream.
 *
 * @param jpeg   the JPEG file bytes
 * @param width  picture width
 * @param height picture height
 * @param pts    presentation time of the key frame it shows, 90 kHz stream clock
 */
public record Snapshot(byte[] jpeg, int width, int height, long pts) {
}
