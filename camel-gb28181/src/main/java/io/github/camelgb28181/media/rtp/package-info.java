/**
 * The receive side of GB/T 28181 media: RTP over UDP or TCP (RFC 4571) in, access units out.
 *
 * <p>Wiring, per stream: a UDP socket handler (or a TCP pipeline ending in {@link
 * io.github.camelgb28181.media.rtp.Rfc4571FrameDecoder}) passes each packet to {@link
 * io.github.camelgb28181.media.rtp.RtpStreamReceiver#onPacket(io.netty.buffer.ByteBuf, long)} with
 * {@code System.nanoTime()}; a timer on the same event loop calls {@link
 * io.github.camelgb28181.media.rtp.RtpStreamReceiver#tick(long)} every 20–50 ms. Frames arrive at the {@link
 * io.github.camelgb28181.media.AccessUnitListener} on that event loop. Inside, {@link
 * io.github.camelgb28181.media.rtp.RtpReorderBuffer} orders packets, {@link io.github.camelgb28181.media.ps.PsDemuxer}
 * parses the program stream and {@link io.github.camelgb28181.media.ps.AccessUnitAssembler} builds frames.
 */
package io.github.camelgb28181.media.rtp;
