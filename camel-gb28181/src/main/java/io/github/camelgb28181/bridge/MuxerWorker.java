package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.codec.ParameterSets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Drives the muxer sessions of one output on the executor: opens a session at a key frame once the layout is known,
 * writes, and after an error either reconnects (pushes: at the first key frame after a doubling backoff, so no timer
 * thread is needed) or stops for good (files). Also rotates sessions by duration/size for recordings.
 */
final class MuxerWorker implements OutputQueue.Worker<StreamUnit> {

    private static final Logger LOG = LoggerFactory.getLogger(MuxerWorker.class);

    private final String name;
    private final SessionPlanner planner;
    private final SessionPolicy policy;
    private final SessionStart start;
    private final OutputCounters counters;
    private final LongSupplier nanoClock;
    private final long minBackoffNanos;
    private final long maxBackoffNanos;
    private final UnitTransform transform;
    private RemuxWriter writer;
    private ParameterSets sessionSets;
    private long sessionStartDts;
    private long backoffNanos;
    private long retryAtNanos;
    private boolean failedBefore;
    private boolean stopped;

    MuxerWorker(String name, SessionPlanner planner, SessionPolicy policy, SessionStart start, BridgeConfig config,
                UnitTransform transform, OutputCounters counters) {
        this.name = name;
        this.planner = planner;
        this.policy = policy;
        this.start = start;
        this.counters = counters;
        this.nanoClock = config.nanoClock();
        this.minBackoffNanos = config.reconnectMinDelay().toNanos();
        this.maxBackoffNanos = Math.max(minBackoffNanos, config.reconnectMaxDelay().toNanos());
        this.backoffNanos = minBackoffNanos;
        this.transform = transform;
    }

    @Override
    public void process(StreamUnit incoming) {
        if (stopped) {
            return;
        }
        for (StreamUnit unit : transform.apply(incoming, counters)) {
            processOne(unit);
        }
    }

    private void processOne(StreamUnit unit) {
        if (writer != null && unit.isVideoKeyFrame() && sessionEnds(unit)) {
            closeSession();
        }
        if (writer != null) {
            write(unit);
            return;
        }
        if (failedBefore && start.isEmpty() && nanoClock.getAsLong() - retryAtNanos < 0) {
            counters.dropped();
            return;
        }
        if (!start.add(unit)) {
            return;
        }
        try {
            StreamLayout layout = start.layout();
            writer = RemuxWriter.open(planner.plan(layout));
            sessionSets = layout.video();
            sessionStartDts = unit.unit().dts();
            if (failedBefore) {
                counters.reconnected();
                failedBefore = false;
            }
            backoffNanos = minBackoffNanos;
            counters.state(OutputState.RUNNING);
            LOG.debug("{}: session opened ({})", name, layout);
        } catch (IOException | RuntimeException e) {
            start.drain();
            fail(e);
            return;
        }
        List<StreamUnit> held = start.drain();
        write(held.get(0));
        // the rest as if they came now, so that a rotation due inside the held units still happens at its key frame
        for (StreamUnit later : held.subList(1, held.size())) {
            processOne(later);
        }
    }

    private boolean sessionEnds(StreamUnit unit) {
        ParameterSets sets = unit.parameterSets();
        if (policy.reopenOnNewVideo() && sets != sessionSets && sets != null && !sets.equals(sessionSets)) {
            return true;
        }
        return policy.rotationDue(unit.unit().dts() - sessionStartDts, writer.bytesWritten());
    }

    private void write(StreamUnit unit) {
        if (writer == null) {
            return;
        }
        try {
            long before = writer.bytesWritten();
            long packets = writer.packetsWritten();
            writer.write(unit.unit());
            counters.written(writer.packetsWritten() - packets, writer.bytesWritten() - before);
        } catch (MalformedUnitException e) {
            counters.dropped();
            counters.failed(e);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        closeSession();
        if (policy.reconnect()) {
            LOG.info("{}: {}; reconnecting in {} ms at a key frame", name, e.getMessage(), backoffNanos / 1_000_000);
            failedBefore = true;
            retryAtNanos = nanoClock.getAsLong() + backoffNanos;
            backoffNanos = Math.min(maxBackoffNanos, backoffNanos * 2);
            counters.state(OutputState.RECONNECTING);
        } else {
            LOG.warn("{}: {}; output stopped", name, e.getMessage());
            stopped = true;
            counters.state(OutputState.FAILED);
        }
        // last, so that whoever sees the error also sees the state it led to
        counters.failed(e);
    }

    private void closeSession() {
        if (writer != null) {
            RemuxWriter closing = writer;
            writer = null;
            closing.close();
        }
    }

    @Override
    public void finish() {
        closeSession();
        transform.close();
    }
}
