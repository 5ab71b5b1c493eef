package io.github.camelgb28181.platform;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.AccessUnitListener;
import io.github.camelgb28181.media.MediaChannel;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.PacketSink;
import io.github.camelgb28181.media.codec.ParameterSets;
import io.github.camelgb28181.media.port.MediaPortLease;
import io.github.camelgb28181.media.rtp.RtpReceiverConfig;
import io.github.camelgb28181.media.rtp.RtpStreamReceiver;
import io.github.camelgb28181.media.rtp.StreamStatistics;
import io.github.camelgb28181.media.session.StreamRequest;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.media.session.StreamState;
import io.github.camelgb28181.media.ssrc.Ssrc;
import io.github.camelgb28181.sip.SipDialog;
import io.github.camelgb28181.sip.SipRequest;
import io.netty.buffer.ByteBuf;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One stream's moving parts: its dialog, socket, receiver and timers. Packets arrive on the media event loop
 * ({@link #onPacket}); signalling runs on the worker threads; fields they share are volatile, and state changes that
 * must not interleave take the object's lock.
 */
final class MediaStream implements PacketSink, AccessUnitListener {

    /** What the stream tells its manager; calls come from the media event loop. */
    interface Callbacks {
        void firstPacket(MediaStream stream);

        void firstKeyFrame(MediaStream stream);

        void accessUnit(MediaStream stream, AccessUnit unit);

        void parameterSets(MediaStream stream, ParameterSets sets);
    }

    final String id;
    /** The items of a playlist, played one after the other under this stream's ID; one item for a single stream. */
    final java.util.List<StreamRequest> playlist;
    /** The item playing now: what the INVITE asks for. */
    volatile StreamRequest request;
    volatile int item;
    final MediaPortLease port;
    final Instant createdAt;
    final CompletableFuture<StreamSession> established = new CompletableFuture<>();
    private final Callbacks callbacks;
    private final RtpReceiverConfig receiverConfig;
    volatile Ssrc offeredSsrc;
    volatile Ssrc ssrc;
    volatile StreamState state = StreamState.INVITING;
    volatile SipRequest invite;
    volatile io.github.camelgb28181.sip.SipPeer peer;
    volatile SipDialog dialog;
    volatile MediaChannel channel;
    volatile String remoteHost;
    volatile int remotePort;
    volatile long lastPacketNanos;
    volatile boolean sawPacket;
    volatile boolean sawKeyFrame;
    volatile int reinvites;
    volatile ScheduledFuture<?> ticker;
    volatile ScheduledFuture<?> statisticsTask;
    /** Work handed off from the event loop, run one after the other so that events keep their order. */
    private CompletableFuture<Void> handoffs = CompletableFuture.completedFuture(null);
    private volatile RtpStreamReceiver receiver;
    private volatile MediaCodec codec;
    private volatile int width;
    private volatile int height;

    MediaStream(String id, java.util.List<StreamRequest> playlist, Ssrc ssrc, MediaPortLease port,
                RtpReceiverConfig receiverConfig, Callbacks callbacks, Instant createdAt) {
        this.id = id;
        this.playlist = java.util.List.copyOf(playlist);
        this.request = this.playlist.get(0);
        this.offeredSsrc = ssrc;
        this.ssrc = ssrc;
        this.port = port;
        this.receiverConfig = receiverConfig;
        this.callbacks = callbacks;
        this.createdAt = createdAt;
        this.receiver = new RtpStreamReceiver(receiverConfig, this);
    }

    /**
     * Follows an answer whose {@code y=} differs from the offer (SPEC §5): the receiver is rebuilt for the SSRC the
     * RTP will carry. Runs before any packet of the new SSRC can be accepted, so nothing is lost.
     */
    void rebindSsrc(Ssrc answered, RtpReceiverConfig config) {
        ssrc = answered;
        receiver = new RtpStreamReceiver(config, this);
    }

    /** A fresh receiver for a re-INVITE: the device restarts sequence numbers and timestamps. */
    void resetReceiver() {
        receiver = new RtpStreamReceiver(receiverConfig.withSsrc(receiverConfig.ssrcPolicy(), ssrc.unsignedValue()),
                this);
        sawPacket = false;
    }

    synchronized void handOff(Runnable work, java.util.concurrent.Executor executor) {
        handoffs = handoffs.thenRunAsync(work, executor);
    }

    /** Whether a playlist item follows the one playing. */
    boolean hasNextItem() {
        return item + 1 < playlist.size();
    }

    RtpReceiverConfig receiverConfig() {
        return receiverConfig;
    }

    @Override
    public void onPacket(ByteBuf packet, long nowNanos) {
        if (state == StreamState.ENDED) {
            return; // RTP that keeps coming after BYE (SPEC §5) is dropped quietly
        }
        lastPacketNanos = nowNanos;
        receiver.onPacket(packet, nowNanos);
    }

    void tick(long nowNanos) {
        receiver.tick(nowNanos);
    }

    @Override
    public void onFirstPacket(long packetSsrc, int payloadType) {
        if (!sawPacket) {
            sawPacket = true;
            callbacks.firstPacket(this);
        }
    }

    @Override
    public void onFirstKeyFrame(AccessUnit unit) {
        if (!sawKeyFrame) {
            sawKeyFrame = true;
            callbacks.firstKeyFrame(this);
        }
    }

    @Override
    public void onParameterSets(ParameterSets sets) {
        codec = sets.codec();
        if (sets.width() > 0) {
            width = sets.width();
            height = sets.height();
        }
        callbacks.parameterSets(this, sets);
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        if (unit.isVideo() && codec == null) {
            codec = unit.codec();
        }
        callbacks.accessUnit(this, unit);
    }

    StreamStatistics statistics() {
        return receiver.statistics();
    }

    StreamSession snapshot() {
        return new StreamSession(id, request.deviceId(), request.channelId(), request.type(), ssrc.decimal(),
                port.rtpPort(), request.transport(), remoteHost, remotePort, state, codec, width, height, createdAt,
                statistics());
    }
}
