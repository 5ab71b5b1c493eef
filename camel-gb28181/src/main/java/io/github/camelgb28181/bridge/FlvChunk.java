package io.github.camelgb28181.bridge;

/**
 * A piece of the in-memory FLV stream.
 *
 * @param bytes     the FLV bytes
 * @param decodable a viewer can start here: the FLV header or the tag of a video key frame
 */
record FlvChunk(byte[] bytes, boolean decodable) {
}
