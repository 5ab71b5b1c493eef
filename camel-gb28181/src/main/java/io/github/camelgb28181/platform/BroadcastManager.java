package io.github.camelgb28181.platform;

import io.github.camelgb28181.media.AudioSender;
import io.github.camelgb28181.media.MediaChannel;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.MediaReceivers;
import io.github.camelgb28181.media.PacketSink;
import io.github.camelgb28181.media.port.MediaPortLease;
import io.github.camelgb28181.media.port.MediaPortPool;
import io.github.camelgb28181.media.port.PortProtocol;
import io.github.camelgb28181.media.sdp.GbOffer;
import io.github.camelgb28181.media.sdp.GbSessionType;
import io.github.camelgb28181.media.sdp.MediaTransport;
import io.github.camelgb28181.media.sdp.RtpMap;
import io.github.camelgb28181.media.sdp.SdpAnswer;
import io.github.camelgb28181.media.sdp.SdpParseException;
import io.github.camelgb28181.media.sdp.SdpParser;
import io.github.camelgb28181.media.sdp.SdpWriter;
import io.github.camelgb28181.media.session.BroadcastRequest;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.media.session.StreamState;
import io.github.camelgb28181.media.ssrc.Ssrc;
import io.github.camelgb28181.sip.HostPort;
import io.github.camelgb28181.sip.SipDialog;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipServerTransaction;
import io.github.camelgb28181.sip.SipStack;
import io.github.camelgb28181.sip.SipTransport;
import io.github.camelgb28181.util.Completions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Voice broadcast (GB/T 28181-2016 §9.12, 2022 §9.12): MESSAGE {@code Notify Broadcast} to the device, its
 * {@code Response Broadcast} with Result OK, then the device's INVITE offering where it wants the audio; we answer
 * 200 with our {@code sendonly} SDP (same {@code y=}), and on its ACK send the G.711 audio in real time, raw or in PS as
 * the device offered, over UDP or TCP; BYE when the audio is exhausted or the broadcast is stopped.
 */
final class BroadcastManager {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastManager.class);
    private static final PacketSink IGNORE = (packet, now) -> { };

    /** Sends the Notify and completes with the device's Response (or fails: timeout, SIP error, offline). */
    interface Notifier {
        CompletableFuture<QueryResult> notify(String deviceId, IntFunction<String> body, long timeoutMs);
    }

    private final MediaConfig config;
    private final SipStack sip;
    private final String sipId;
    private final Notifier notifier;
    private final Listeners<StreamListener> listeners;
    private final Executor workers;
    private final ScheduledExecutorService scheduler;
    private final MediaReceivers receivers;
    private final MediaPortPool ports;
    private final Clock clock;
    private final SdpParser sdpParser = new SdpParser();
    private final Map<String, Broadcast> byId = new ConcurrentHashMap<>();
    private final Map<String, Broadcast> byCallId = new ConcurrentHashMap<>();

    BroadcastManager(MediaConfig config, SipStack sip, String sipId, Notifier notifier,
                     Listeners<StreamListener> listeners, Executor workers, ScheduledExecutorService scheduler,
                     MediaReceivers receivers, MediaPortPool ports, Clock clock) {
        this.config = config;
        this.sip = sip;
        this.sipId = sipId;
        this.notifier = notifier;
        this.listeners = listeners;
        this.workers = workers;
        this.scheduler = scheduler;
        this.receivers = receivers;
        this.ports = ports;
        this.clock = clock;
    }

    /** One broadcast's moving parts; fields shared between the SIP workers and the event loop are volatile. */
    private static final class Broadcast {
        final String id = UUID.randomUUID().toString();
        final BroadcastRequest request;
        final Instant createdAt;
        final CompletableFuture<StreamSession> done = new CompletableFuture<>();
        volatile StreamState state = StreamState.INVITING;
        volatile boolean accepted;
        volatile SipDialog dialog;
        volatile String callId;
        volatile MediaPortLease lease;
        volatile MediaChannel channel;
        volatile AudioSender sender;
        volatile MediaTransport transport = MediaTransport.UDP;
        volatile String ssrc;
        volatile String remoteHost;
        volatile int remotePort;
        volatile ScheduledFuture<?> retransmit;
        /** The device's INVITE, until it has its final answer; a CANCEL is matched against it. */
        volatile SipServerTransaction invite;
        /** The device cancelled its INVITE before our final answer (guarded by the broadcast's lock). */
        boolean cancelled;

        Broadcast(BroadcastRequest request, Instant createdAt) {
            this.request = request;
            this.createdAt = createdAt;
        }
    }

    /**
     * Starts a broadcast; completes when all the audio was sent (BYE follows), or when it was stopped, with the
     * session; fails when the device refuses, does not answer, or sends no INVITE within the configured time.
     */
    CompletableFuture<StreamSession> start(BroadcastRequest request, long responseTimeoutMs) {
        Broadcast b = new Broadcast(request, clock.instant());
        byId.put(b.id, b);
        fire(b, StreamEvent.Type.BROADCAST_NOTIFY_SENT, request.targetId());
        // GB/T 28181-2016 A.2.5 (voice broadcast notification): SourceID is the platform, TargetID the audio output
        notifier.notify(request.deviceId(), sn -> "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n"
                        + "<CmdType>Broadcast</CmdType>\r\n<SN>" + sn + "</SN>\r\n<SourceID>" + sipId
                        + "</SourceID>\r\n<TargetID>" + request.targetId() + "</TargetID>\r\n</Notify>\r\n",
                responseTimeoutMs).whenComplete((result, error) -> {
                    if (error != null) {
                        Throwable cause = Completions.cause(error);
                        end(b, StreamEvent.Type.FAILED, "Notify Broadcast: " + cause.getMessage(), false, cause);
                        return;
                    }
                    String outcome = result.first() == null ? null : result.first().field("Result");
                    if (outcome == null || !"OK".equalsIgnoreCase(outcome.trim())) {
                        end(b, StreamEvent.Type.FAILED, "device refused the broadcast: Result " + outcome, false,
                                new IllegalStateException(request.deviceId() + " refused the broadcast to "
                                        + request.targetId() + ": Result " + outcome));
                        return;
                    }
                    b.accepted = true;
                    fire(b, StreamEvent.Type.BROADCAST_ACCEPTED, null);
                    scheduler.schedule(() -> {
                        if (b.callId == null && b.state != StreamState.ENDED) {
                            String why = request.deviceId() + " accepted the broadcast to " + request.targetId()
                                    + " but sent no INVITE within " + config.broadcastInviteTimeoutMs() + " ms";
                            workers.execute(() -> end(b, StreamEvent.Type.FAILED, why, false,
                                    new TimeoutException(why)));
                        }
                    }, config.broadcastInviteTimeoutMs(), TimeUnit.MILLISECONDS);
                });
        return b.done;
    }

    /** The broadcast an incoming INVITE is for: from its target (audio output) or its device, accepted, not invited. */
    private Broadcast pendingFor(SipRequest invite, String deviceId) {
        String from = invite.from() == null ? null : invite.from().user();
        Broadcast byDevice = null;
        for (Broadcast b : byId.values()) {
            if (!b.accepted || b.callId != null || b.state == StreamState.ENDED) {
                continue;
            }
            if (b.request.targetId().equals(from)) {
                return b;
            }
            if (b.request.deviceId().equals(from) || b.request.deviceId().equals(deviceId)) {
                byDevice = b;
            }
        }
        return byDevice;
    }

    /**
     * An INVITE from a device. Returns false when no broadcast waits for it (the caller declines it). The device
     * names the target or itself in From; devices differ, so both are looked for.
     */
    boolean onInvite(SipServerTransaction tx, String deviceId) {
        SipRequest invite = tx.request();
        Broadcast b;
        synchronized (this) {
            b = pendingFor(invite, deviceId);
            if (b == null) {
                return false;
            }
            b.callId = invite.callId();
            b.invite = tx;
        }
        byCallId.put(invite.callId(), b);
        tx.respond(100);
        SdpAnswer offer;
        try {
            // the device's offer read like an answer: where it receives, how, which SSRC; a TCP offer without
            // a=setup is taken as the device listening, so we connect
            offer = SdpAnswer.parse(sdpParser, invite.body(), MediaTransport.TCP_ACTIVE);
        } catch (SdpParseException e) {
            tx.respond(488);
            end(b, StreamEvent.Type.FAILED, "unusable SDP in the device's INVITE: " + e.getMessage(), false,
                    new SipStatusException(488, "unusable SDP in the INVITE of " + b.request.deviceId() + ": "
                            + e.getMessage()));
            return true;
        }
        RtpMap codec = pickCodec(offer, b.request.codec());
        if (codec == null) {
            tx.respond(488);
            end(b, StreamEvent.Type.FAILED, "the device offered no codec we send: " + offer.media().formats(), false,
                    new SipStatusException(488, b.request.deviceId() + " offered " + offer.media().formats()
                            + " for the broadcast; we send " + b.request.codec() + " raw or in PS"));
            return true;
        }
        try {
            answer(tx, b, offer, codec);
        } catch (Exception e) {
            tx.respond(500);
            end(b, StreamEvent.Type.FAILED, "answering the INVITE failed: " + e, false, e);
        }
        return true;
    }

    /** Our codec raw if the device takes it (PT 8 or 0), else PS (PT 96) if it takes that, else none. */
    private static RtpMap pickCodec(SdpAnswer offer, MediaCodec ours) {
        RtpMap raw = ours == MediaCodec.G711A ? RtpMap.PCMA : RtpMap.PCMU;
        List<String> formats = offer.media().formats();
        if (formats.contains(Integer.toString(raw.payloadType()))) {
            return raw;
        }
        for (RtpMap m : offer.codecs()) {
            if ("PS".equalsIgnoreCase(m.encoding()) && formats.contains(Integer.toString(m.payloadType()))) {
                return m;
            }
        }
        return null;
    }

    private void answer(SipServerTransaction tx, Broadcast b, SdpAnswer offer, RtpMap codec) throws Exception {
        MediaTransport transport = offer.media().isTcp() ? offer.transport() : MediaTransport.UDP;
        b.transport = transport;
        Ssrc ssrc = offer.ssrc() != null ? offer.ssrc() : Ssrc.ofRtp((int) (System.nanoTime() & 0x7FFFFFFF));
        b.ssrc = ssrc.decimal();
        b.remoteHost = offer.address().address();
        b.remotePort = offer.port();
        InetSocketAddress remote = new InetSocketAddress(b.remoteHost, b.remotePort);
        MediaPortLease lease = ports.acquire(transport.isTcp() ? PortProtocol.TCP : PortProtocol.UDP);
        b.lease = lease;
        CompletableFuture<MediaChannel> channel = switch (transport) {
            // the shared receive port is taken by the demultiplexer: send from a port of the system's choice
            case UDP -> CompletableFuture.completedFuture(receivers.openUdp(lease.shared() ? 0 : lease.rtpPort(),
                    IGNORE));
            case TCP_PASSIVE -> CompletableFuture.completedFuture(receivers.listenTcp(lease.rtpPort(),
                    ssrc.unsignedValue(), IGNORE));
            // the device listens: the 200 waits for the connection (the port goes in the answer), without holding
            // a thread while it is made
            case TCP_ACTIVE -> receivers.connectTcp(lease.rtpPort(), remote, ssrc.unsignedValue(), IGNORE);
        };
        channel.whenCompleteAsync((ch, error) -> {
            boolean ended;
            synchronized (b) {
                ended = b.state == StreamState.ENDED;
                if (ch != null && !ended) {
                    b.channel = ch;
                }
            }
            if (ended) {
                // stopped while connecting: end() found no channel to close and no dialog to hang up
                if (ch != null) {
                    ch.close();
                }
                tx.respond(487);
                return;
            }
            try {
                if (error != null) {
                    Throwable cause = Completions.cause(error);
                    throw new IOException("connecting to " + remote + " for the broadcast audio of "
                            + b.request.deviceId() + " failed: " + cause.getMessage(), cause);
                }
                accept(tx, b, transport, ssrc, remote, codec);
            } catch (Exception e) {
                tx.respond(500);
                end(b, StreamEvent.Type.FAILED, "answering the INVITE failed: " + e, false, e);
            }
        }, workers);
    }

    /** The 200 with our SDP once the audio socket is there; the sender waits for the device's ACK. */
    private void accept(SipServerTransaction tx, Broadcast b, MediaTransport transport, Ssrc ssrc,
                        InetSocketAddress remote, RtpMap codec) {
        SipRequest invite = tx.request();
        String mediaHost = config.advertisedHost() != null ? config.advertisedHost() : sip.advertisedHost();
        byte[] sdp = SdpWriter.toBytes(GbOffer.broadcastAnswer(sipId, mediaHost, b.channel.localPort(), codec)
                .transport(transport).ssrc(ssrc).build());
        SipResponse ok = new SipResponse(200, "OK", tx.responseHeaders(200)
                .add(SipHeaderNames.CONTACT, "<sip:" + sipId + "@"
                        + HostPort.format(sip.advertisedHost(), sip.advertisedPort()) + ">")
                .add(SipHeaderNames.CONTENT_TYPE, "APPLICATION/SDP").build(), sdp);
        synchronized (b) {
            if (b.cancelled || b.state == StreamState.ENDED) {
                tx.respond(487); // cancelled or stopped while the answer was being made: end() frees the rest
                return;
            }
            b.dialog = SipDialog.fromUasRequest(invite, tx.toTag(), tx.source());
            b.state = StreamState.ESTABLISHED;
        }
        b.sender = new AudioSender(b.channel, remote, b.request.audio(), b.request.codec() == MediaCodec.G711A,
                "PS".equalsIgnoreCase(codec.encoding()), ssrc.unsignedValue(), b.request.packetMs(),
                new AudioSender.Listener() {
                    @Override
                    public void finished(long packets, long bytes) {
                        workers.execute(() -> completed(b, packets, bytes));
                    }

                    @Override
                    public void failed(Throwable error, long packets, long bytes) {
                        workers.execute(() -> end(b, StreamEvent.Type.FAILED, "reading the audio failed after "
                                + bytes + " bytes: " + error, true, error));
                    }
                });
        // before the 200 goes out: the device's ACK (BROADCAST_STARTED, on another thread) may follow at once, and
        // listeners must see the steps in their order
        fire(b, StreamEvent.Type.BROADCAST_INVITED, codec.encoding() + "/" + codec.clockRate() + " over "
                + transport);
        tx.respond(ok); // the last step that can fail: the caller answers 500 for anything before it
        if (tx.source().transport() == SipTransport.UDP) {
            retransmitUntilAck(b, tx, ok, sip.config().t1Ms(), 0);
        }
    }

    /** RFC 3261 §13.3.1.4: over UDP the 2xx of an INVITE is sent again, T1 doubling up to T2, until the ACK. */
    private void retransmitUntilAck(Broadcast b, SipServerTransaction tx, SipResponse ok, long delayMs,
                                    long elapsedMs) {
        if (elapsedMs + delayMs > 64 * sip.config().t1Ms()) {
            return;
        }
        b.retransmit = scheduler.schedule(() -> {
            if (b.state == StreamState.ESTABLISHED) {
                tx.respond(ok);
                retransmitUntilAck(b, tx, ok, Math.min(delayMs * 2, sip.config().t2Ms()), elapsedMs + delayMs);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    /** The device's ACK: the audio starts. */
    void onAck(SipRequest ack) {
        Broadcast b = byCallId.get(ack.callId());
        if (b == null || b.state != StreamState.ESTABLISHED) {
            return;
        }
        b.state = StreamState.STREAMING;
        fire(b, StreamEvent.Type.BROADCAST_STARTED, null);
        b.sender.start();
        if (b.transport == MediaTransport.TCP_PASSIVE) {
            scheduler.schedule(() -> {
                if (b.state == StreamState.STREAMING && !b.channel.isConnected()) {
                    String why = b.request.deviceId() + " did not connect for the broadcast audio within "
                            + config.firstPacketTimeoutMs() + " ms";
                    workers.execute(() -> end(b, StreamEvent.Type.FAILED, why, true, new TimeoutException(why)));
                }
            }, config.firstPacketTimeoutMs(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A CANCEL from a device (RFC 3261 §9.2): it matches the INVITE of a broadcast by Call-ID, CSeq number and top
     * Via branch. Before our final answer the INVITE gets 487 and the broadcast fails; after it the CANCEL changes
     * nothing. Either way the CANCEL itself gets 200. False when it matches no broadcast's INVITE.
     */
    boolean onCancel(SipServerTransaction cancel) {
        SipRequest c = cancel.request();
        Broadcast b = byCallId.get(c.callId());
        SipServerTransaction invite = b == null ? null : b.invite;
        if (invite == null || invite.request().cseq().number() != c.cseq().number()
                || !java.util.Objects.equals(invite.request().topVia().branch(), c.topVia().branch())) {
            return false;
        }
        cancel.respond(200);
        synchronized (b) {
            if (b.state != StreamState.INVITING) {
                return true; // answered already: too late to cancel
            }
            b.cancelled = true;
        }
        String why = b.request.deviceId() + " cancelled its INVITE for the broadcast to " + b.request.targetId();
        end(b, StreamEvent.Type.FAILED, why, false, new IllegalStateException(why));
        return true;
    }

    /** A BYE in a broadcast's dialog; false when the BYE is not about a broadcast. */
    boolean onBye(SipServerTransaction tx) {
        Broadcast b = byCallId.get(tx.request().callId());
        if (b == null) {
            return false;
        }
        SipDialog dialog = b.dialog;
        if (dialog == null || !dialog.matchesIncoming(tx.request())) {
            tx.respond(481);
            return true;
        }
        tx.respond(200);
        b.dialog = null;
        fire(b, StreamEvent.Type.BYE_RECEIVED, null);
        end(b, StreamEvent.Type.STOPPED, "BYE from the device", false, null);
        return true;
    }

    private void completed(Broadcast b, long packets, long bytes) {
        fire(b, StreamEvent.Type.BROADCAST_COMPLETED, packets + " packets, " + bytes + " bytes");
        end(b, StreamEvent.Type.STOPPED, "all audio sent", true, null);
    }

    boolean owns(String streamId) {
        return byId.containsKey(streamId);
    }

    CompletableFuture<StreamSession> stop(String streamId) {
        Broadcast b = byId.get(streamId);
        if (b == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no broadcast " + streamId));
        }
        return CompletableFuture.completedFuture(end(b, StreamEvent.Type.STOPPED, "stopped", true, null));
    }

    /** Stops the broadcasts to a target channel (or to any of the device's outputs when {@code targetId} is null). */
    List<StreamSession> stopAll(String deviceId, String targetId) {
        List<StreamSession> stopped = new ArrayList<>();
        for (Broadcast b : List.copyOf(byId.values())) {
            if ((deviceId == null || b.request.deviceId().equals(deviceId))
                    && (targetId == null || b.request.targetId().equals(targetId))) {
                stopped.add(end(b, StreamEvent.Type.STOPPED, "stopped", true, null));
            }
        }
        return stopped;
    }

    List<StreamSession> sessions() {
        return byId.values().stream().map(this::snapshot).toList();
    }

    StreamSession session(String streamId) {
        Broadcast b = byId.get(streamId);
        return b == null ? null : snapshot(b);
    }

    /** Ends a broadcast once: BYE when {@code hangUp} and a dialog exists, sockets closed, port released, event. */
    private StreamSession end(Broadcast b, StreamEvent.Type type, String detail, boolean hangUp, Throwable error) {
        SipDialog dialog;
        synchronized (b) {
            if (b.state == StreamState.ENDED) {
                return snapshot(b);
            }
            b.state = StreamState.ENDED;
            dialog = b.dialog;
            b.dialog = null;
        }
        if (b.retransmit != null) {
            b.retransmit.cancel(false);
        }
        if (b.sender != null) {
            b.sender.stop();
        }
        b.request.audio().close(); // a live source's reader is freed even when no audio was ever sent
        if (hangUp && dialog != null) {
            SipDialog.Request bye = dialog.newRequest("BYE", sip.newVia(dialog.peer().transport()));
            sip.sendRequest(bye.build(null), dialog.peer()).whenComplete((r, e) -> {
                if (e != null) {
                    LOG.debug("BYE of broadcast {} not answered: {}", b.id, e.toString());
                }
            });
            fire(b, StreamEvent.Type.BYE_SENT, null);
        }
        MediaChannel ch = b.channel;
        if (ch != null) {
            // after the BYE: a TCP close right behind the last audio could cut what the device still reads
            scheduler.schedule(ch::close, 200, TimeUnit.MILLISECONDS);
        }
        if (b.lease != null) {
            ports.release(b.lease);
        }
        byId.remove(b.id, b);
        if (b.callId != null) {
            byCallId.remove(b.callId, b);
        }
        StreamSession last = snapshot(b);
        fire(b, type, detail);
        if (error != null) {
            b.done.completeExceptionally(error);
        } else {
            b.done.complete(last);
        }
        return last;
    }

    void stopAllBroadcasts() {
        for (Broadcast b : List.copyOf(byId.values())) {
            end(b, StreamEvent.Type.STOPPED, "platform stopping", true, null);
        }
    }

    private StreamSession snapshot(Broadcast b) {
        MediaChannel ch = b.channel;
        return new StreamSession(b.id, b.request.deviceId(), b.request.targetId(), GbSessionType.BROADCAST, b.ssrc,
                ch == null ? 0 : ch.localPort(), b.transport, b.remoteHost, b.remotePort, b.state, b.request.codec(),
                0, 0, b.createdAt, null);
    }

    private void fire(Broadcast b, StreamEvent.Type type, String detail) {
        StreamEvent event = new StreamEvent(type, snapshot(b), detail, clock.instant());
        LOG.debug("broadcast {} {} {}{}", b.id, b.request.targetId(), type, detail == null ? "" : " " + detail);
        listeners.fire(l -> l.onStreamEvent(event), event);
    }
}
