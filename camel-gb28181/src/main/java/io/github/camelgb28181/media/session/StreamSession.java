package io.github.camelgb28181.media.session;

import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.rtp.StreamStatistics;
import io.github.camelgb28181.media.sdp.GbSessionType;
import io.github.camelgb28181.media.sdp.MediaTransport;

import java.time.Instant;

/**
 * A snapshot of one stream: who it is for, how it travels, and how it is doing.
 *
 * @param streamId      the platform's ID of the stream (stable across re-INVITEs)
 * @param deviceId      the device
 * @param channelId     the channel
 * @param type          PLAY, PLAYBACK or DOWNLOAD; BROADCAST for a voice broadcast (then channelId is the audio
 *                      output, codec the G.711 sent, ssrc null until the device's INVITE, statistics null)
 * @param ssrc          the SSRC in the GB decimal form (the device's when its answer changed it)
 * @param localPort     where we receive (or connect from, for TCP active)
 * @param transport     UDP, TCP passive or TCP active
 * @param remoteHost    the device's media address from its answer, null before it
 * @param remotePort    the device's media port from its answer, 0 before it
 * @param state         where the stream is
 * @param codec         the video codec once known, else null
 * @param width         picture width once known, else 0
 * @param height        picture height once known, else 0
 * @param createdAt     when the stream was asked for
 * @param statistics    receive statistics, null before the receiver exists
 */
public record StreamSession(String streamId, String deviceId, String channelId, GbSessionType type, String ssrc,
                            int localPort, MediaTransport transport, String remoteHost, int remotePort,
                            StreamState state, MediaCodec codec, int width, int height, Instant createdAt,
                            StreamStatistics statistics) {
}
