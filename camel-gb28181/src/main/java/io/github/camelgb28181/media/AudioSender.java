package io.github.camelgb28181.media;

import io.github.camelgb28181.media.ps.PsMuxer;
import io.github.camelgb28181.media.rtp.RtpPacketizer;

import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends G.711 audio as RTP in real time (voice broadcast, GB/T 28181-2016 §9.12): one packet every packet time,
 * scheduled on the channel's event loop (a tick sends one packet and returns; nothing waits), raw with PT 8/0 or
 * PS-muxed with PT 96 when the device asked for PS. Each packet carries {@code packetMs} of audio; the RTP timestamp
 * advances by the samples (8 kHz) for raw G.711 and by 90 kHz ticks for PS (RFC 3551 §4.5.14, GB/T 28181 Annex C).
 */
public final class AudioSender {

    /** What the sender tells its owner; called on the event loop, so hand work off. */
    public interface Listener {
        /** Every byte was sent. */
        void finished(long packets, long bytes);

        /** The source failed before its end (a read error); what was sent stays sent. */
        default void failed(Throwable error, long packets, long bytes) {
            finished(packets, bytes);
        }
    }

    /** A PSM every this many packets, so that a device that missed the first one still learns the codec. */
    private static final int MAP_EVERY = 25;

    private final MediaChannel channel;
    private final InetSocketAddress target;
    private final AudioSource audio;
    private final byte[] buffer;
    private final int samplesPerPacket;
    private final int packetMs;
    private final boolean ps;
    private final int psStreamType;
    private final RtpPacketizer packetizer;
    private final PsMuxer muxer;
    private final Listener listener;
    private ScheduledFuture<?> task;
    /** The RTP clock in samples: it runs with the packet times, sent or not (a live source may fall behind). */
    private long clock;
    /** The next packet starts a talkspurt: the first one, and the first after the source fell behind. */
    private boolean talkspurt = true;
    private long bytes;
    private long packets;
    private volatile long bytesSent;
    private volatile boolean stopped;

    /**
     * @param channel  the socket to send on (UDP, or a TCP connection that may come later)
     * @param target   where UDP packets go (ignored for TCP)
     * @param audio    where the samples come from
     * @param g711a    A-law (PT 8, PS stream type 0x90) rather than µ-law (PT 0, 0x91)
     * @param ps       PS-muxed with PT 96 instead of raw G.711
     * @param ssrc     the SSRC the device gave in its {@code y=}
     * @param packetMs audio per packet
     */
    public AudioSender(MediaChannel channel, InetSocketAddress target, AudioSource audio, boolean g711a, boolean ps,
                       long ssrc, int packetMs, Listener listener) {
        this.channel = channel;
        this.target = target;
        this.audio = audio;
        this.packetMs = packetMs;
        this.samplesPerPacket = 8 * packetMs;
        this.buffer = new byte[samplesPerPacket];
        this.ps = ps;
        this.psStreamType = g711a ? 0x90 : 0x91;
        this.packetizer = new RtpPacketizer(ssrc, (int) (System.nanoTime() & 0x7FFF),
                ps ? RtpPacketizer.PAYLOAD_TYPE : g711a ? 8 : 0);
        this.muxer = ps ? new PsMuxer(PsMuxer.Options.gb(MediaCodec.H264)) : null;
        this.listener = listener;
    }

    /** Starts sending at once, then every packet time. */
    public void start() {
        channel.eventLoop().execute(() -> {
            if (!stopped) {
                task = channel.eventLoop().scheduleAtFixedRate(this::tick, 0, packetMs, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Stops sending and closes the source; what was sent stays sent. */
    public void stop() {
        stopped = true;
        audio.close();
        channel.eventLoop().execute(() -> {
            if (task != null) {
                task.cancel(false);
            }
        });
    }

    public long bytesSent() {
        return bytesSent;
    }

    private void tick() {
        if (stopped) {
            task.cancel(false);
            return;
        }
        if (!channel.isConnected()) {
            return; // TCP: the device has not connected yet; the audio waits (the owner's timeout ends a long wait)
        }
        int n = audio.take(buffer, samplesPerPacket);
        if (n == AudioSource.END) {
            finish();
            return;
        }
        long timestamp = ps ? clock * 90_000 / 8000 : clock;
        clock += samplesPerPacket;
        if (n == 0) {
            talkspurt = true; // nothing this packet time: the device hears silence, the next packet marks the restart
            return;
        }
        byte[] samples = java.util.Arrays.copyOf(buffer, n);
        byte[] payload = ps ? muxer.audioOnlyFrame(samples, timestamp, psStreamType, packets % MAP_EVERY == 0)
                : samples;
        // the marker starts a talkspurt (RFC 3551 §4.1)
        byte[] packet = packetizer.packet(payload, 0, payload.length, timestamp, talkspurt);
        talkspurt = false;
        channel.send(packet, target);
        packets++;
        bytes += n;
        bytesSent = bytes;
        if (audio.ended()) {
            finish();
        }
    }

    private void finish() {
        stopped = true;
        task.cancel(false);
        Throwable failure = audio.failure();
        if (failure != null) {
            listener.failed(failure, packets, bytes);
        } else {
            listener.finished(packets, bytes);
        }
    }
}
