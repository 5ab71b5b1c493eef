package io.github.camelgb28181.bridge;

import java.io.IOException;

/** Muxes the bridge's units into FLV bytes in memory and hands them to the {@link FlvStream}'s viewers. */
final class FlvStreamWorker implements OutputQueue.Worker<StreamUnit> {

    private final FlvStream stream;
    private final SessionStart start;
    private final OutputCounters counters;
    private final AudioMode audio;
    private RemuxWriter writer;
    private boolean stopped;

    FlvStreamWorker(FlvStream stream, SessionStart start, OutputCounters counters, AudioMode audio) {
        this.stream = stream;
        this.start = start;
        this.counters = counters;
        this.audio = audio;
    }

    @Override
    public void process(StreamUnit unit) {
        if (stopped) {
            return;
        }
        if (writer != null) {
            write(unit);
            return;
        }
        if (!start.add(unit)) {
            return;
        }
        try {
            writer = RemuxWriter.open(MuxPlan.flvStream(start.layout(), audio));
            stream.publishHeader(writer.takeBytes());
            counters.state(OutputState.RUNNING);
        } catch (IOException | RuntimeException e) {
            counters.failed(e);
            counters.state(OutputState.FAILED);
            stopped = true;
            start.drain();
            return;
        }
        for (StreamUnit held : start.drain()) {
            write(held);
        }
    }

    private void write(StreamUnit unit) {
        try {
            long before = writer.bytesWritten();
            if (writer.write(unit.unit())) {
                byte[] tags = writer.takeBytes();
                counters.written(1, writer.bytesWritten() - before);
                stream.publishTag(tags, unit.isVideoKeyFrame());
            }
        } catch (MalformedUnitException e) {
            counters.dropped();
            counters.failed(e);
        } catch (IOException | RuntimeException e) {
            // an in-memory muxer has no connection to lose: whatever broke it will break a new one too
            counters.failed(e);
            counters.state(OutputState.FAILED);
            stopped = true;
            finish();
        }
    }

    @Override
    public void finish() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
