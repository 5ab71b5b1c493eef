package io.github.camelgb28181.simulator;

import io.github.camelgb28181.media.mansrtsp.MansrtspParseException;
import io.github.camelgb28181.media.mansrtsp.MansrtspParser;
import io.github.camelgb28181.media.mansrtsp.MansrtspRequest;
import io.github.camelgb28181.media.sdp.GbSessionType;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One INVITE's stream from a simulated device: sends the clip's pictures at its frame rate (times the playback
 * Scale or the download speed), looping for live video and once for Playback and Download, pausing, seeking and
 * changing speed on MANSRTSP, until BYE. Pacing is a timer on the stream's event loop; every field is touched only
 * there, so nothing is locked and no thread waits.
 */
final class MediaStream implements MediaResponder.MediaSession {

    /** A stream this far behind its schedule (a GC pause, an overloaded host) restarts the schedule, no burst. */
    private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final MansrtspParser MANSRTSP = new MansrtspParser();

    private final MediaClip clip;
    private final GbSessionType type;
    private final int speed;
    private final EventLoop loop;
    private final MediaStats stats;
    private final Supplier<FaultProfile> faults;
    private final byte[] answer;
    private final PsRtpEncoder encoder;
    private final List<Channel> channels = new ArrayList<>(2);
    private RtpOutput output;
    private Runnable connectOnStart;
    private Runnable endOfFile;
    private ScheduledFuture<?> timer;
    private boolean acked;
    private boolean sending;
    private boolean stopped;
    private boolean paused;
    private boolean ended;
    private double scale = 1;
    private int index;
    private long pts = 90_000;
    private long dueNanos;

    /**
     * @param rtpSsrc the SSRC the packets carry: the answered one, unless the wrong-SSRC fault says otherwise
     */
    MediaStream(MediaClip clip, MediaOffer offer, long rtpSsrc, byte[] answer, EventLoop loop, MediaStats stats,
                Supplier<FaultProfile> faults) {
        this.clip = clip;
        this.type = offer.type();
        this.speed = offer.downloadSpeed();
        this.answer = answer;
        this.loop = loop;
        this.stats = stats;
        this.faults = faults;
        this.encoder = new PsRtpEncoder(clip, rtpSsrc, ThreadLocalRandom.current().nextInt(65536));
    }

    /** A socket this stream owns (closed with it). Call on the loop. */
    void own(Channel c) {
        channels.add(c);
        if (stopped) {
            c.close();
        }
    }

    /** Where packets go once the stream starts; for a device that listens, the platform's connection. On the loop. */
    void attach(RtpOutput out) {
        output = out;
        begin();
    }

    /** What to do at the ACK before anything can be sent: connect to the platform (TCP passive). On the loop. */
    void connectOnStart(Runnable connect) {
        connectOnStart = connect;
    }

    EventLoop loop() {
        return loop;
    }

    @Override
    public byte[] sdpAnswer() {
        return answer.clone();
    }

    @Override
    public void start(Runnable endOfFile) {
        loop.execute(() -> {
            if (acked || stopped || faults.get().noMedia()) {
                return;
            }
            acked = true;
            this.endOfFile = endOfFile;
            if (connectOnStart != null) {
                connectOnStart.run();
            }
            begin();
        });
    }

    /** Sends once both the ACK came and the packets have somewhere to go. */
    private void begin() {
        if (!acked || output == null || sending || stopped) {
            return;
        }
        sending = true;
        stats.started();
        dueNanos = System.nanoTime();
        tick();
    }

    @Override
    public int control(byte[] body) {
        MansrtspRequest r;
        try {
            r = MANSRTSP.parseRequest(body == null ? new byte[0] : body);
        } catch (MansrtspParseException e) {
            return 400;
        }
        loop.execute(() -> apply(r));
        return 200;
    }

    private void apply(MansrtspRequest r) {
        switch (r.method()) {
            case PAUSE -> {
                paused = true;
                cancelTimer();
            }
            case PLAY -> {
                if (r.scale() != null) {
                    scale = r.scale();
                }
                if (r.range() != null && !r.range().start().now()) {
                    seek(r.range().start().seconds());
                }
                paused = false;
                if (sending && !stopped && !ended) {
                    cancelTimer();
                    dueNanos = System.nanoTime();
                    tick();
                }
            }
            case TEARDOWN -> halt();
        }
    }

    /** To the key frame at or before {@code seconds} into the file: a decoder cannot start anywhere else. */
    private void seek(double seconds) {
        int at = (int) Math.min(clip.frames().size() - 1, Math.max(0, Math.floor(seconds * clip.fps())));
        while (at > 0 && !clip.frames().get(at).key()) {
            at--;
        }
        index = at;
        ended = false;
    }

    private void tick() {
        timer = null;
        if (stopped || paused || ended) {
            return;
        }
        if (!output.open()) {
            stats.sendFailed();
            halt();
            return;
        }
        long frameNanos = (long) (1e9 / clip.fps() / (scale * speed));
        if (!output.writable()) {
            // a live camera would drop pictures here; waiting keeps playback and download complete
            stats.stalled();
            timer = loop.schedule(this::tick, frameNanos, TimeUnit.NANOSECONDS);
            return;
        }
        sendFrame();
        if (index == clip.frames().size()) {
            if (type == GbSessionType.PLAY) {
                index = 0; // live loops; PTS and RTP timestamps keep growing across loops
            } else {
                ended = true;
                stats.fileEnded();
                endOfFile.run();
                return;
            }
        }
        long now = System.nanoTime();
        dueNanos += frameNanos;
        if (now - dueNanos > MAX_LAG_NANOS) {
            dueNanos = now;
        }
        timer = loop.schedule(this::tick, Math.max(0, dueNanos - now), TimeUnit.NANOSECONDS);
    }

    private void sendFrame() {
        double loss = faults.get().packetLossRate();
        encoder.encode(index, pts, p -> {
            if (loss > 0 && ThreadLocalRandom.current().nextDouble() < loss) {
                stats.packetWithheld();
            } else {
                output.write(p);
                stats.packetSent(p.length);
            }
        });
        output.flush();
        stats.frameSent();
        index++;
        pts += clip.ticksPerFrame();
    }

    @Override
    public void stop() {
        loop.execute(this::halt);
    }

    private void halt() {
        if (stopped) {
            return;
        }
        stopped = true;
        cancelTimer();
        channels.forEach(Channel::close);
        if (sending) {
            stats.stopped();
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
