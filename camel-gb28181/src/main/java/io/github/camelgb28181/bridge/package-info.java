/**
 * The media bridge: one received GB/T 28181 stream out to the formats players and servers use, by remuxing with
 * FFmpeg (JavaCV's LGPL build) and without transcoding unless an output asks for it (SPEC §3.3).
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link io.github.camelgb28181.bridge.MediaBridge} is the {@code AccessUnitListener} of one stream. Its
 *   listener methods run on the demuxer's Netty event loop and only do bookkeeping: remember the parameter sets,
 *   keep the current GOP (bounded in bytes) and offer the unit to every output's queue.</li>
 *   <li>Each output owns a bounded {@code OutputQueue} drained by one task at a time on the {@code Executor} the
 *   caller supplies (the Camel layer's pool). A full queue drops the unit and everything after it up to the next key
 *   frame, and counts the drops, so a slow or dead output never blocks the event loop or another output.</li>
 *   <li>A {@code MuxerWorker} turns the queued units into muxer sessions: it opens a session at a key frame once the
 *   layout is known (the first audio unit, or a one-second probe), writes, and after an error reconnects at the
 *   first key frame after a doubling backoff (pushes; no timer thread needed) or stops (files). Recordings rotate
 *   sessions by duration or size at key frames.</li>
 *   <li>{@code RemuxWriter} is one FFmpeg muxer session: access units become {@code AVPacket}s as they are, codec
 *   parameters come from the parameter sets (Annex B extradata; the FLV/MOV muxers convert it to avcC/hvcC and the
 *   packets to length-prefixed NAL units themselves), 90 kHz timestamps are rescaled to the muxer's time base, AAC
 *   is split from ADTS into raw frames with an AudioSpecificConfig. No probing, no decoder.</li>
 *   <li>{@link io.github.camelgb28181.bridge.FlvStream} muxes once into memory for HTTP-FLV and fans the bytes out
 *   to viewers, each with its own queue; a late viewer gets the FLV header, then the current GOP, then live tags.
 *   The bytes are collected from FFmpeg's dynamic buffer after every packet rather than through a custom
 *   AVIOContext write callback: JavaCPP allows only ten live native instances of a callback class, which would cap
 *   the process at ten HTTP-FLV streams or force a static registry.</li>
 *   <li>Snapshots decode the latest key frame with avcodec and write a JPEG with ImageIO, on the executor.</li>
 *   <li>The opt-in transcode path ({@link io.github.camelgb28181.bridge.TranscodeSpec}) decodes, runs a libavfilter
 *   graph (watermarks) and encodes H.264 with OpenH264 before the same muxer path.</li>
 * </ul>
 *
 * <h2>Containers and audio</h2>
 * RTMP and FLV files carry H.264, H.265 (enhanced FLV) and G.711/AAC; RTSP the same; MP4 files become MOV when
 * G.711 is kept (MP4 has no G.711 sample entry); HLS uses MPEG-TS segments for H.264 and fMP4 for H.265 and keeps
 * only AAC.
 *
 * <h2>Native memory</h2>
 * Every {@code AVFormatContext}, {@code AVIOContext}, {@code AVPacket}, codec context, frame and buffer is freed when
 * its session, decoder or output closes, on the executor thread that used it; nothing waits for the garbage
 * collector. {@link io.github.camelgb28181.bridge.MediaBridge#closeAsync()} completes when all of it is freed.
 */
package io.github.camelgb28181.bridge;
