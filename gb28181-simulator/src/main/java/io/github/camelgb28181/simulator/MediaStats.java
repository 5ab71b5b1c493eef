package io.github.camelgb28181.simulator;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the simulated devices' media; written by the media event loops, read by anyone. */
public final class MediaStats {

    private final LongAdder invites = new LongAdder();
    private final LongAdder streamsStarted = new LongAdder();
    private final LongAdder streamsStopped = new LongAdder();
    private final LongAdder frames = new LongAdder();
    private final LongAdder packets = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder packetsWithheld = new LongAdder();
    private final LongAdder stalls = new LongAdder();
    private final LongAdder filesEnded = new LongAdder();
    private final LongAdder sendErrors = new LongAdder();

    void invited() {
        invites.increment();
    }

    void started() {
        streamsStarted.increment();
    }

    void stopped() {
        streamsStopped.increment();
    }

    void frameSent() {
        frames.increment();
    }

    void packetSent(int length) {
        packets.increment();
        bytes.add(length);
    }

    void packetWithheld() {
        packetsWithheld.increment();
    }

    void stalled() {
        stalls.increment();
    }

    void fileEnded() {
        filesEnded.increment();
    }

    void sendFailed() {
        sendErrors.increment();
    }

    /** INVITEs accepted with a media session. */
    public long invites() {
        return invites.sum();
    }

    /** Streams that began sending (ACK received, connection made). */
    public long streamsStarted() {
        return streamsStarted.sum();
    }

    /** Streams sending now. */
    public long streamsActive() {
        return streamsStarted.sum() - streamsStopped.sum();
    }

    public long frames() {
        return frames.sum();
    }

    public long packets() {
        return packets.sum();
    }

    public long bytes() {
        return bytes.sum();
    }

    /** Packets not sent because of the packet-loss fault. */
    public long packetsWithheld() {
        return packetsWithheld.sum();
    }

    /** Frame slots a TCP stream waited because the platform did not read fast enough. */
    public long stalls() {
        return stalls.sum();
    }

    /** Playbacks and downloads that sent their whole file. */
    public long filesEnded() {
        return filesEnded.sum();
    }

    /** Writes the socket refused (the platform closed its port, a connection reset). */
    public long sendErrors() {
        return sendErrors.sum();
    }

    @Override
    public String toString() {
        return "invites=" + invites() + " streams=" + streamsActive() + " frames=" + frames() + " packets=" + packets()
               + " withheld=" + packetsWithheld() + " stalls=" + stalls() + " filesEnded=" + filesEnded()
               + " sendErrors=" + sendErrors();
    }
}
