package io.github.camelgb28181.platform;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaChannel;
import io.github.camelgb28181.media.MediaReceivers;
import io.github.camelgb28181.media.SsrcDemultiplexer;
import io.github.camelgb28181.media.codec.ParameterSets;
import io.github.camelgb28181.media.mansrtsp.MansrtspRequest;
import io.github.camelgb28181.media.port.MediaPortLease;
import io.github.camelgb28181.media.port.MediaPortPool;
import io.github.camelgb28181.media.port.PortProtocol;
import io.github.camelgb28181.media.rtp.RtpReceiverConfig;
import io.github.camelgb28181.media.sdp.GbOffer;
import io.github.camelgb28181.media.sdp.MediaTransport;
import io.github.camelgb28181.media.sdp.SdpAnswer;
import io.github.camelgb28181.media.sdp.SdpParseException;
import io.github.camelgb28181.media.sdp.SdpParser;
import io.github.camelgb28181.media.sdp.SdpWriter;
import io.github.camelgb28181.media.sdp.SessionDescription;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamRequest;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.media.session.StreamState;
import io.github.camelgb28181.media.ssrc.Ssrc;
import io.github.camelgb28181.media.ssrc.SsrcAllocator;
import io.github.camelgb28181.sip.SipDialog;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipHeaders;
import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipServerTransaction;
import io.github.camelgb28181.sip.SipStack;
import io.github.camelgb28181.util.Completions;
import io.netty.channel.EventLoopGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Live, playback and download streams (GB/T 28181-2016 §9.2, §9.8, §9.9): INVITE with a GB SDP offer, ACK, media
 * reception, BYE in both directions, CANCEL of a pending INVITE, MANSRTSP playback control, end of file, and a
 * watchdog that re-INVITEs streams that stopped.
 */
final class StreamManager implements MediaStream.Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(StreamManager.class);
    private static final long TICK_MS = 20;

    private final MediaConfig config;
    private final SipStack sip;
    private final DeviceRequestFactory requests;
    private final SubscriptionManager.DeviceLocator devices;
    private final Executor workers;
    private final ScheduledExecutorService scheduler;
    private final EventLoopGroup mediaGroup;
    private final MediaReceivers receivers;
    private final MediaPortPool ports;
    private final SsrcAllocator ssrcs;
    private final Clock clock;
    private final SdpParser sdpParser = new SdpParser();
    private final Listeners<StreamListener> listeners;
    private final Map<String, MediaStream> streams = new ConcurrentHashMap<>();
    private final Map<String, MediaStream> byCallId = new ConcurrentHashMap<>();
    private volatile SsrcDemultiplexer sharedDemux;
    private volatile MediaChannel sharedChannel;

    StreamManager(MediaConfig config, SipStack sip, DeviceRequestFactory requests,
                  SubscriptionManager.DeviceLocator devices, String domain, Listeners<StreamListener> listeners,
                  Executor workers, ScheduledExecutorService scheduler, EventLoopGroup mediaGroup, Clock clock) {
        this.config = config;
        this.sip = sip;
        this.requests = requests;
        this.devices = devices;
        this.listeners = listeners;
        this.workers = workers;
        this.scheduler = scheduler;
        this.mediaGroup = mediaGroup;
        this.clock = clock;
        this.receivers = new MediaReceivers(mediaGroup, config.ports().bindAddress().getHostAddress(),
                config.udpReceiveBuffer());
        this.ports = new MediaPortPool(config.ports(), System::nanoTime);
        this.ssrcs = new SsrcAllocator(domain);
    }

    /** The media sockets and ports, shared with the voice broadcasts. */
    MediaReceivers receivers() {
        return receivers;
    }

    MediaPortPool ports() {
        return ports;
    }

    Collection<StreamSession> sessions() {
        List<StreamSession> all = new ArrayList<>();
        for (MediaStream s : streams.values()) {
            all.add(s.snapshot());
        }
        return all;
    }

    StreamSession session(String streamId) {
        MediaStream s = streams.get(streamId);
        return s == null ? null : s.snapshot();
    }

    // ------------------------------------------------------------------------------------------------ start

    /**
     * Starts a stream; completes when the device answered 200 and the first RTP packet arrived, both within their
     * timeouts, with the session (its codec is known once the first key frame came).
     */
    CompletableFuture<StreamSession> start(StreamRequest request) {
        return start(List.of(request));
    }

    /**
     * Starts a playlist: the first item now, each next one when the device says the one before ended (MediaStatus
     * 121 or its BYE), all under one stream ID, port and SSRC. Items must be playbacks or downloads of one device
     * over one transport.
     */
    CompletableFuture<StreamSession> start(List<StreamRequest> playlist) {
        if (playlist.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("empty playlist"));
        }
        StreamRequest request = playlist.get(0);
        for (StreamRequest item : playlist) {
            if (playlist.size() > 1 && (!item.type().isHistory() || !item.deviceId().equals(request.deviceId())
                    || item.transport() != request.transport())) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("playlist items must be "
                        + "recordings of one device over one transport: " + item));
            }
        }
        MediaStream stream;
        try {
            SipPeer peer = devices.peerOf(request.deviceId());
            Ssrc ssrc = ssrcs.allocate(request.type().isHistory());
            MediaPortLease lease;
            try {
                lease = ports.acquire(request.transport().isTcp() ? PortProtocol.TCP : PortProtocol.UDP);
            } catch (Exception e) {
                ssrcs.release(ssrc);
                throw e;
            }
            RtpReceiverConfig rc = (request.transport().isTcp() ? RtpReceiverConfig.tcp() : RtpReceiverConfig.udp()
                    .withReorderDepth(config.reorderDepth())
                    .withMaxHold(java.time.Duration.ofMillis(config.reorderHoldMs())))
                    .withSsrc(config.ssrcPolicy(), ssrc.unsignedValue());
            stream = new MediaStream(UUID.randomUUID().toString(), playlist, ssrc, lease, rc, this, clock.instant());
            streams.put(stream.id, stream);
            try {
                openReceiver(stream);
            } catch (Exception e) {
                release(stream);
                throw e;
            }
            invite(stream, peer, StreamState.INVITING);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return stream.established;
    }

    private void openReceiver(MediaStream stream) throws Exception {
        int port = stream.port.rtpPort();
        switch (stream.request.transport()) {
            case UDP -> {
                if (stream.port.shared()) {
                    sharedDemux().register(stream.ssrc.value(), stream);
                } else {
                    stream.channel = receivers.openUdp(port, stream);
                }
            }
            case TCP_PASSIVE -> stream.channel = receivers.listenTcp(port, stream.ssrc.unsignedValue(), stream);
            case TCP_ACTIVE -> {
                // we connect once the answer says where to
            }
        }
        io.netty.channel.EventLoop loop = stream.channel != null ? stream.channel.eventLoop() : mediaGroup.next();
        stream.ticker = loop.scheduleAtFixedRate(() -> tick(stream), TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        long every = config.statisticsIntervalMs();
        if (every > 0) {
            // off the hot path: the receiver's counters are read (volatile) by the scheduler, not pushed per packet
            stream.statisticsTask = scheduler.scheduleAtFixedRate(() -> reportStatistics(stream), every, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void reportStatistics(MediaStream stream) {
        StreamState s = stream.state;
        if (s == StreamState.ENDED || !stream.sawPacket && s != StreamState.PAUSED) {
            return;
        }
        stream.handOff(() -> {
            if (stream.state != StreamState.ENDED) {
                io.github.camelgb28181.media.rtp.StreamStatistics st = stream.statistics();
                fire(stream, StreamEvent.Type.STATISTICS, "packets=" + st.packets() + " lost=" + st.lost() + " frames="
                        + st.frames() + " fps=" + Math.round(st.framesPerSecond()) + " kbit/s="
                        + st.bitsPerSecond() / 1000);
            }
        }, workers);
    }

    private synchronized SsrcDemultiplexer sharedDemux() throws InterruptedException {
        if (sharedDemux == null) {
            SsrcDemultiplexer demux = new SsrcDemultiplexer();
            sharedChannel = receivers.openUdp(config.ports().minPort(), demux);
            sharedDemux = demux;
        }
        return sharedDemux;
    }

    /**
     * Sends the INVITE. {@code state} is set before it goes out: INVITING for a new stream, RECOVERING for a
     * re-INVITE, so that a failure is told apart (retry or give up) even when the answer comes back at once.
     */
    private void invite(MediaStream stream, SipPeer peer, StreamState state) {
        StreamRequest r = stream.request;
        String mediaHost = config.advertisedHost() != null ? config.advertisedHost() : sip.advertisedHost();
        int port = stream.port.rtpPort();
        GbOffer.Builder offer = switch (r.type()) {
            case PLAY -> GbOffer.play(requests.sipId(), mediaHost, port);
            case PLAYBACK -> GbOffer.playback(requests.sipId(), mediaHost, port, r.channelId(), r.start(), r.end());
            case DOWNLOAD -> GbOffer.download(requests.sipId(), mediaHost, port, r.channelId(), r.start(), r.end(),
                    Math.max(1, r.downloadSpeed()));
            default -> throw new IllegalArgumentException("streams of type " + r.type() + " are not started here");
        };
        offer.transport(r.transport()).ssrc(stream.offeredSsrc);
        if (r.subStream() >= 0) {
            offer.subStream(r.flavour(), r.subStream());
        }
        SessionDescription sdp = offer.build();
        SipHeaders h = requests.headers(r.channelId(), peer, "INVITE")
                .add(SipHeaderNames.CONTACT, "<sip:" + requests.sipId() + "@"
                        + io.github.camelgb28181.sip.HostPort.format(sip.advertisedHost(), sip.advertisedPort()) + ">")
                // GB/T 28181-2016 §9.2.2.1: media sender ID:SSRC, receiver ID:stream sequence
                .add("Subject", r.channelId() + ":" + stream.offeredSsrc.decimal() + "," + requests.sipId() + ":0")
                .add(SipHeaderNames.CONTENT_TYPE, "APPLICATION/SDP")
                .build();
        SipRequest invite = new SipRequest("INVITE", DeviceRequestFactory.requestUri(r.channelId(), peer), h,
                SdpWriter.toBytes(sdp));
        stream.invite = invite;
        stream.peer = peer;
        stream.state = state;
        byCallId.put(invite.callId(), stream);
        fire(stream, StreamEvent.Type.INVITE_SENT, invite.requestUri());
        sip.sendRequest(invite, peer, provisional -> fire(stream, StreamEvent.Type.PROVISIONAL,
                provisional.status() + " " + provisional.reason()))
                .whenComplete((response, error) -> {
                    if (error != null) {
                        inviteFailed(stream, invite, Completions.cause(error));
                    } else if (!response.isSuccess()) {
                        inviteFailed(stream, invite, new SipStatusException(response.status(), r.channelId()
                                + " answered the INVITE with " + response.status() + " " + response.reason()));
                    } else {
                        answered(stream, invite, response, peer);
                    }
                });
    }

    private void answered(MediaStream stream, SipRequest invite, SipResponse response, SipPeer peer) {
        SipDialog dialog;
        try {
            dialog = SipDialog.fromUacResponse(invite, response, peer);
        } catch (IllegalArgumentException e) {
            inviteFailed(stream, invite, e);
            return;
        }
        sendAck(invite, dialog);
        synchronized (stream) {
            if (stream.invite != invite || stream.state == StreamState.ENDED) {
                // stopped (or re-INVITEd) while this INVITE was pending: the dialog is not wanted any more
                bye(dialog);
                return;
            }
            stream.dialog = dialog;
        }
        fire(stream, StreamEvent.Type.ANSWERED, response.status() + " " + response.reason());
        fire(stream, StreamEvent.Type.ACK_SENT, null);
        SdpAnswer answer;
        try {
            answer = SdpAnswer.parse(sdpParser, response.body(), stream.request.transport());
        } catch (SdpParseException e) {
            // an answer with port 0 or without an address cannot carry media: end the dialog we just made
            end(stream, StreamEvent.Type.FAILED, "unusable SDP answer: " + e.getMessage(), true,
                    new SipStatusException(488, "unusable SDP answer: " + e.getMessage()));
            return;
        }
        stream.remoteHost = answer.address().address();
        stream.remotePort = answer.port();
        Ssrc answered = answer.effectiveSsrc(stream.offeredSsrc);
        if (!answered.equals(stream.ssrc)) {
            // the device picked its own SSRC (or none): what its RTP carries is what counts (SPEC §5)
            stream.rebindSsrc(answered, stream.receiverConfig().withSsrc(stream.receiverConfig().ssrcPolicy(),
                    answered.unsignedValue()));
            if (stream.port.shared() && sharedDemux != null) {
                sharedDemux.unregister(stream.offeredSsrc.value(), stream);
                sharedDemux.register(answered.value(), stream);
            }
        }
        if (stream.request.transport() == MediaTransport.TCP_ACTIVE) {
            receivers.connectTcp(stream.port.rtpPort(), new InetSocketAddress(answer.address().address(),
                    answer.port()), stream.ssrc.unsignedValue(), stream).whenComplete((channel, error) -> {
                        if (error != null) {
                            end(stream, StreamEvent.Type.FAILED, "TCP connect to " + answer.address().address() + ":"
                                    + answer.port() + " failed: " + error, true, error);
                        } else if (stream.state == StreamState.ENDED) {
                            channel.close();
                        } else {
                            stream.channel = channel;
                        }
                    });
        }
        stream.lastPacketNanos = System.nanoTime();
        if (stream.state == StreamState.INVITING || stream.state == StreamState.RECOVERING) {
            stream.state = stream.sawPacket ? StreamState.STREAMING : StreamState.ESTABLISHED;
        }
        int item = stream.item;
        scheduler.schedule(() -> {
            // a playlist's later items get the same limit: the watchdog only watches streams that were flowing
            if (!stream.sawPacket && stream.state == StreamState.ESTABLISHED && stream.item == item
                    && (!stream.established.isDone() || item > 0)) {
                end(stream, StreamEvent.Type.FAILED, "no RTP within " + config.firstPacketTimeoutMs() + " ms of the "
                        + "200 OK", true, new TimeoutException("no RTP from " + stream.request.channelId()
                        + " within " + config.firstPacketTimeoutMs() + " ms"));
            }
        }, config.firstPacketTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    private void inviteFailed(MediaStream stream, SipRequest invite, Throwable error) {
        if (stream.invite != invite) {
            return;
        }
        if (stream.state == StreamState.RECOVERING) {
            scheduleReinvite(stream, error.getMessage());
            return;
        }
        end(stream, StreamEvent.Type.FAILED, error.getMessage(), false, error);
    }

    /** The ACK of a 2xx is a request of its own in the dialog, with the INVITE's CSeq number (RFC 3261 §13.2.2.4). */
    private void sendAck(SipRequest invite, SipDialog dialog) {
        SipDialog.Request ack = dialog.newRequest("ACK", sip.newVia(dialog.peer().transport()));
        SipHeaders.Builder h = ack.headers().set(SipHeaderNames.CSEQ, invite.cseq().number() + " ACK");
        sip.send(new SipRequest("ACK", ack.requestUri(), h.build(), null), dialog.peer());
    }

    /** A retransmitted 2xx of an INVITE: its ACK got lost, send it again. */
    void onStrayResponse(SipResponse response, SipPeer source) {
        if (!response.isSuccess() || response.cseq() == null || !"INVITE".equals(response.cseq().method())) {
            return;
        }
        MediaStream stream = byCallId.get(response.callId());
        if (stream != null && stream.dialog != null && stream.invite != null) {
            sendAck(stream.invite, stream.dialog);
        }
    }

    // ------------------------------------------------------------------------------------------------ media

    private void tick(MediaStream stream) {
        long now = System.nanoTime();
        stream.tick(now);
        StreamState s = stream.state;
        if ((s == StreamState.STREAMING) && now - stream.lastPacketNanos > config.watchdogTimeoutMs() * 1_000_000L) {
            stream.state = StreamState.RECOVERING;
            stream.handOff(() -> lost(stream), workers);
        }
    }

    @Override
    public void firstPacket(MediaStream stream) {
        stream.handOff(() -> {
            if (stream.state == StreamState.ESTABLISHED || stream.state == StreamState.INVITING) {
                stream.state = StreamState.STREAMING;
            }
            if (stream.reinvites > 0 && stream.established.isDone()) {
                fire(stream, StreamEvent.Type.FIRST_RTP, "after re-INVITE " + stream.reinvites);
                return;
            }
            fire(stream, StreamEvent.Type.FIRST_RTP, null);
            stream.established.complete(stream.snapshot());
        }, workers);
    }

    @Override
    public void firstKeyFrame(MediaStream stream) {
        stream.handOff(() -> fire(stream, StreamEvent.Type.FIRST_KEY_FRAME, null), workers);
    }

    @Override
    public void accessUnit(MediaStream stream, AccessUnit unit) {
        if (listeners.isEmpty()) {
            return;
        }
        StreamSession session = stream.snapshot();
        listeners.fire(l -> l.onAccessUnit(session, unit), unit);
    }

    @Override
    public void parameterSets(MediaStream stream, ParameterSets sets) {
        StreamSession session = stream.snapshot();
        listeners.fire(l -> l.onParameterSets(session, sets), "parameter sets of " + stream.id);
    }

    // ------------------------------------------------------------------------------------------------ watchdog

    private void lost(MediaStream stream) {
        fire(stream, StreamEvent.Type.TIMEOUT, "no RTP for " + config.watchdogTimeoutMs() + " ms");
        SipDialog old = stream.dialog;
        stream.dialog = null;
        if (old != null) {
            bye(old);
        }
        scheduleReinvite(stream, "no RTP");
    }

    private void scheduleReinvite(MediaStream stream, String why) {
        if (stream.reinvites >= config.maxReinvites()) {
            end(stream, StreamEvent.Type.FAILED, "stream lost (" + why + ") and " + stream.reinvites
                    + " re-INVITEs failed", false, new TimeoutException("stream " + stream.id + " lost"));
            return;
        }
        long delay = config.reinviteBackoffMs() << Math.min(10, stream.reinvites);
        stream.reinvites++;
        scheduler.schedule(() -> workers.execute(() -> {
            if (stream.state != StreamState.RECOVERING) {
                return;
            }
            try {
                SipPeer peer = devices.peerOf(stream.request.deviceId());
                stream.resetReceiver();
                fire(stream, StreamEvent.Type.REINVITE, "attempt " + stream.reinvites);
                invite(stream, peer, StreamState.RECOVERING);
            } catch (DeviceOfflineException e) {
                scheduleReinvite(stream, e.getMessage());
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------------------------------------ stop

    CompletableFuture<StreamSession> stop(String streamId) {
        MediaStream stream = streams.get(streamId);
        if (stream == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no stream " + streamId));
        }
        return CompletableFuture.completedFuture(end(stream, StreamEvent.Type.STOPPED, "stopped", true, null));
    }

    /** Stops every stream of a channel (channelId non-null) or of a device; returns the stopped sessions. */
    List<StreamSession> stopAll(String deviceId, String channelId) {
        List<StreamSession> stopped = new ArrayList<>();
        for (MediaStream s : List.copyOf(streams.values())) {
            if (s.request.deviceId().equals(deviceId) && (channelId == null || s.request.channelId().equals(channelId))) {
                stopped.add(end(s, StreamEvent.Type.STOPPED, "stopped", true, null));
            }
        }
        return stopped;
    }

    /**
     * Ends a stream once: BYE (or CANCEL while the INVITE is pending) when {@code hangUp}, sockets closed, port and
     * SSRC released, the event fired; a stream still waiting for its first packet fails with {@code error}.
     */
    private StreamSession end(MediaStream stream, StreamEvent.Type type, String detail, boolean hangUp,
                              Throwable error) {
        SipDialog dialog;
        SipRequest invite;
        synchronized (stream) {
            if (stream.state == StreamState.ENDED) {
                return stream.snapshot();
            }
            stream.state = StreamState.ENDED;
            dialog = stream.dialog;
            invite = stream.invite;
            stream.dialog = null;
        }
        if (hangUp) {
            if (dialog != null) {
                bye(dialog);
                fire(stream, StreamEvent.Type.BYE_SENT, null);
            } else if (invite != null && stream.peer != null) {
                cancel(invite, stream.peer);
            }
        }
        release(stream);
        StreamSession last = stream.snapshot();
        fire(stream, type, detail);
        if (!stream.established.isDone()) {
            stream.established.completeExceptionally(error != null ? error
                    : new IllegalStateException("stream " + stream.id + " ended before it started: " + detail));
        }
        return last;
    }

    private void release(MediaStream stream) {
        if (stream.ticker != null) {
            stream.ticker.cancel(false);
        }
        if (stream.statisticsTask != null) {
            stream.statisticsTask.cancel(false);
        }
        MediaChannel ch = stream.channel;
        if (ch != null) {
            ch.close();
        }
        if (stream.port.shared() && sharedDemux != null) {
            sharedDemux.unregister(stream.ssrc.value(), stream);
        }
        streams.remove(stream.id, stream);
        if (stream.invite != null) {
            byCallId.remove(stream.invite.callId(), stream);
        }
        ports.release(stream.port);
        ssrcs.release(stream.offeredSsrc);
    }

    private void bye(SipDialog dialog) {
        SipDialog.Request bye = dialog.newRequest("BYE", sip.newVia(dialog.peer().transport()));
        sip.sendRequest(bye.build(null), dialog.peer()).whenComplete((r, e) -> {
            if (e != null) {
                LOG.debug("BYE of {} not answered: {}", dialog, e.toString());
            }
        });
    }

    /** CANCEL of a pending INVITE (RFC 3261 §9.1): same Request-URI, Call-ID, From, To, CSeq number and Via branch. */
    private void cancel(SipRequest invite, SipPeer peer) {
        SipHeaders.Builder h = SipHeaders.builder()
                .add(SipHeaderNames.VIA, invite.headers().first(SipHeaderNames.VIA))
                .add(SipHeaderNames.FROM, invite.headers().first(SipHeaderNames.FROM))
                .add(SipHeaderNames.TO, invite.headers().first(SipHeaderNames.TO))
                .add(SipHeaderNames.CALL_ID, invite.callId())
                .add(SipHeaderNames.CSEQ, invite.cseq().number() + " CANCEL")
                .add(SipHeaderNames.MAX_FORWARDS, 70);
        sip.sendRequest(new SipRequest("CANCEL", invite.requestUri(), h.build(), null), peer)
                .whenComplete((r, e) -> LOG.debug("CANCEL of {} answered {}", invite.callId(),
                        e != null ? e.toString() : r.status()));
    }

    // ------------------------------------------------------------------------------------------------ device side

    /** BYE from the device (it ends the stream: a camera rebooting, a recording that ended). */
    void onBye(SipServerTransaction tx) {
        MediaStream stream = byCallId.get(tx.request().callId());
        if (stream == null || stream.dialog == null || !stream.dialog.matchesIncoming(tx.request())) {
            tx.respond(481); // RFC 3261 §15.1.2: no such dialog
            return;
        }
        tx.respond(200);
        fire(stream, StreamEvent.Type.BYE_RECEIVED, null);
        synchronized (stream) {
            stream.dialog = null; // ended by the device: nothing to hang up
        }
        if (stream.hasNextItem()) {
            nextItem(stream); // devices that end a recording with BYE instead of (or before) MediaStatus 121
            return;
        }
        if (stream.playlist.size() > 1) {
            // in a playlist a BYE is how this device ends an item, so the last one's BYE ends the list
            end(stream, StreamEvent.Type.END_OF_FILE, "BYE from the device after the last item", false, null);
            return;
        }
        end(stream, StreamEvent.Type.STOPPED, "BYE from the device", false, null);
    }

    /** MediaStatus 121 (end of file) from a device: its playback or download streams ended. */
    void onEndOfFile(String deviceId, String channelId) {
        for (MediaStream s : List.copyOf(streams.values())) {
            if (s.request.deviceId().equals(deviceId) && s.request.type().isHistory()
                    && (channelId == null || channelId.equals(deviceId) || s.request.channelId().equals(channelId))) {
                if (!s.hasNextItem()) {
                    end(s, StreamEvent.Type.END_OF_FILE, "MediaStatus 121", true, null);
                } else if (s.item == 0 || s.sawPacket) {
                    nextItem(s);
                }
                // else: a 121 before the new item's first packet is about the item before, which the device
                // already ended with its BYE (some send both): the new item has not even started
            }
        }
    }

    /**
     * The playlist item playing ended: hang up its dialog (unless the device did), then INVITE the next item under
     * the same stream ID, port and SSRC, with a fresh receiver (the device restarts sequence and timestamps).
     */
    private void nextItem(MediaStream stream) {
        SipDialog old;
        SipRequest oldInvite;
        int index;
        synchronized (stream) {
            if (stream.state == StreamState.ENDED || !stream.hasNextItem()) {
                return;
            }
            old = stream.dialog;
            oldInvite = stream.invite;
            stream.dialog = null;
            index = stream.item + 1;
            stream.item = index;
            stream.request = stream.playlist.get(index);
            stream.state = StreamState.INVITING; // not STREAMING: the watchdog waits for the next item's RTP
        }
        if (old != null) {
            bye(old);
            fire(stream, StreamEvent.Type.BYE_SENT, null);
        }
        if (oldInvite != null) {
            byCallId.remove(oldInvite.callId(), stream);
        }
        stream.resetReceiver();
        fire(stream, StreamEvent.Type.PLAYLIST_NEXT, Integer.toString(index));
        try {
            invite(stream, devices.peerOf(stream.request.deviceId()), StreamState.INVITING);
        } catch (DeviceOfflineException e) {
            end(stream, StreamEvent.Type.FAILED, "playlist item " + index + ": " + e.getMessage(), false, e);
        }
    }

    /** Sends a MANSRTSP command (pause, resume, speed, seek) in a playback's dialog (GB/T 28181-2016 §9.8.2). */
    CompletableFuture<StreamSession> control(String streamId, MansrtspRequest command) {
        MediaStream stream = streams.get(streamId);
        if (stream == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no stream " + streamId));
        }
        SipDialog dialog = stream.dialog;
        if (dialog == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("stream " + streamId + " has no dialog ("
                    + stream.state + ")"));
        }
        SipDialog.Request info = dialog.newRequest("INFO", sip.newVia(dialog.peer().transport()));
        info.headers().add(SipHeaderNames.CONTENT_TYPE, "Application/MANSRTSP");
        return sip.sendRequest(info.build(command.toBytes()), dialog.peer()).thenApply(r -> {
            if (!r.isSuccess()) {
                throw new java.util.concurrent.CompletionException(new SipStatusException(r.status(),
                        stream.request.channelId() + " answered the INFO with " + r.status() + " " + r.reason()));
            }
            if (command.method() == io.github.camelgb28181.media.mansrtsp.MansrtspMethod.PAUSE) {
                stream.state = StreamState.PAUSED;
                fire(stream, StreamEvent.Type.PAUSED, null);
            } else if (stream.state == StreamState.PAUSED) {
                stream.lastPacketNanos = System.nanoTime();
                stream.state = StreamState.STREAMING;
                fire(stream, StreamEvent.Type.RESUMED, null);
            }
            return stream.snapshot();
        });
    }

    void stopAllStreams() {
        for (MediaStream s : List.copyOf(streams.values())) {
            end(s, StreamEvent.Type.STOPPED, "platform stopping", true, null);
        }
        MediaChannel shared = sharedChannel;
        if (shared != null) {
            shared.close();
        }
    }

    private void fire(MediaStream stream, StreamEvent.Type type, String detail) {
        StreamEvent event = new StreamEvent(type, stream.snapshot(), detail, clock.instant());
        LOG.debug("stream {} {} {}{}", stream.id, stream.request.channelId(), type, detail == null ? "" : " " + detail);
        listeners.fire(l -> l.onStreamEvent(event), event);
    }
}
