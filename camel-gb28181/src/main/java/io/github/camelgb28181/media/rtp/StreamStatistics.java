package io.github.camelgb28181.media.rtp;

import io.github.camelgb28181.media.MediaCodec;

/**
 * A snapshot of one stream's counters, safe to pass between threads.
 *
 * @param packets                 RTP packets received (valid or not)
 * @param bytes                   bytes of those packets
 * @param invalidPackets          packets that were not RTP
 * @param payloadTypeMismatches   packets dropped for another payload type than the locked one
 * @param ssrcMismatches          packets dropped for another SSRC
 * @param lost                    sequence numbers given up as lost
 * @param reordered               packets put back in order
 * @param duplicates              packets received twice
 * @param late                    packets that came after their gap was given up
 * @param sequenceResets          sequence restarts followed
 * @param frames                  video frames delivered
 * @param keyFrames               key frames delivered
 * @param droppedFrames           video frames dropped (broken by loss, oversized, waiting for a key frame)
 * @param recoveries              times video resumed with a key frame after a loss
 * @param audioUnits              audio units delivered
 * @param skippedBytes            program-stream bytes passed over to find a start code
 * @param codecMismatches         times the PSM named another video codec than the content showed
 * @param videoCodec              the video codec found, or {@code null}
 * @param audioCodec              the audio codec found, or {@code null}
 * @param width                   picture width from the SPS, 0 if unknown
 * @param height                  picture height from the SPS, 0 if unknown
 * @param framesPerSecond         from the PTS intervals, 0 if unknown
 * @param bitsPerSecond           received bit rate over the last full second, 0 if unknown
 */
public record StreamStatistics(long packets, long bytes, long invalidPackets, long payloadTypeMismatches,
                               long ssrcMismatches, long lost, long reordered, long duplicates, long late,
                               long sequenceResets, long frames, long keyFrames, long droppedFrames,
                               long recoveries, long audioUnits, long skippedBytes, long codecMismatches,
                               MediaCodec videoCodec,
                               MediaCodec audioCodec, int width, int height, double framesPerSecond,
                               long bitsPerSecond) {
}
