package io.github.camelgb28181.simulator;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters and latency histograms of a running simulator; written by the device loops, read by status lines. */
public final class SimulatorStats {

    private final LongAdder requestsSent = new LongAdder();
    private final LongAdder requestsReceived = new LongAdder();
    private final LongAdder registerRequests = new LongAdder();
    private final LongAdder registrations = new LongAdder();
    private final LongAdder registerFailures = new LongAdder();
    private final LongAdder redirects = new LongAdder();
    private final LongAdder keepalives = new LongAdder();
    private final LongAdder keepaliveFailures = new LongAdder();
    private final LongAdder answers = new LongAdder();
    private final LongAdder answersWithheld = new LongAdder();
    private final LongAdder notifies = new LongAdder();
    private final LongAdder requestFailures = new LongAdder();
    private final AtomicInteger registered = new AtomicInteger();
    private final LatencyRecorder registerLatency = new LatencyRecorder();
    private final LatencyRecorder registrationTime = new LatencyRecorder();
    private final LatencyRecorder keepaliveLatency = new LatencyRecorder();

    void requestSent() {
        requestsSent.increment();
    }

    void requestReceived() {
        requestsReceived.increment();
    }

    void registerSent() {
        registerRequests.increment();
        requestsSent.increment();
    }

    void registerAnswered(long rttNanos) {
        registerLatency.recordNanos(rttNanos);
    }

    /** A device became registered; {@code elapsedNanos} from its first REGISTER (challenge and redirects included). */
    void registrationCompleted(long elapsedNanos, boolean wasRegistered) {
        registrations.increment();
        registrationTime.recordNanos(elapsedNanos);
        if (!wasRegistered) {
            registered.incrementAndGet();
        }
    }

    void registrationFailed() {
        registerFailures.increment();
    }

    void unregistered() {
        registered.decrementAndGet();
    }

    void redirected() {
        redirects.increment();
    }

    void keepaliveSent() {
        keepalives.increment();
        requestsSent.increment();
    }

    void keepaliveAnswered(long rttNanos, boolean ok) {
        keepaliveLatency.recordNanos(rttNanos);
        if (!ok) {
            keepaliveFailures.increment();
        }
    }

    void keepaliveFailed() {
        keepaliveFailures.increment();
    }

    void answerSent() {
        answers.increment();
        requestsSent.increment();
    }

    void answerWithheld() {
        answersWithheld.increment();
    }

    void notifySent() {
        notifies.increment();
        requestsSent.increment();
    }

    void requestFailed() {
        requestFailures.increment();
    }

    /** Devices registered right now. */
    public int registered() {
        return registered.get();
    }

    public long registrations() {
        return registrations.sum();
    }

    public long registerFailures() {
        return registerFailures.sum();
    }

    public long keepaliveFailures() {
        return keepaliveFailures.sum();
    }

    public long keepalives() {
        return keepalives.sum();
    }

    public long answers() {
        return answers.sum();
    }

    public long answersWithheld() {
        return answersWithheld.sum();
    }

    public long notifies() {
        return notifies.sum();
    }

    public long redirects() {
        return redirects.sum();
    }

    /** SIP requests sent plus received: the message rate a status line shows. */
    public long messages() {
        return requestsSent.sum() + requestsReceived.sum();
    }

    public LatencyRecorder registerLatency() {
        return registerLatency;
    }

    public LatencyRecorder registrationTime() {
        return registrationTime;
    }

    public LatencyRecorder keepaliveLatency() {
        return keepaliveLatency;
    }

    /** The counters at one instant, for a status line or the summary. */
    public record Snapshot(long atNanos, int registered, long registrations, long registerFailures, long redirects,
                           long keepalives, long keepaliveFailures, long answers, long notifies, long requestFailures,
                           long messages) {

        public double messagesPerSecondSince(Snapshot earlier) {
            double seconds = (atNanos - earlier.atNanos) / 1e9;
            return seconds <= 0 ? 0 : (messages - earlier.messages) / seconds;
        }

        public double registrationsPerSecondSince(Snapshot earlier) {
            double seconds = (atNanos - earlier.atNanos) / 1e9;
            return seconds <= 0 ? 0 : (registrations - earlier.registrations) / seconds;
        }

        public String counters() {
            return String.format(Locale.ROOT,
                    "registered=%d registrations=%d failures=%d redirects=%d keepalives=%d keepaliveFailures=%d "
                    + "answers=%d notifies=%d requestFailures=%d", registered, registrations, registerFailures,
                    redirects, keepalives, keepaliveFailures, answers, notifies, requestFailures);
        }
    }

    public Snapshot snapshot(long nowNanos) {
        return new Snapshot(nowNanos, registered.get(), registrations.sum(), registerFailures.sum(), redirects.sum(),
                keepalives.sum(), keepaliveFailures.sum(), answers.sum(), notifies.sum(), requestFailures.sum(),
                messages());
    }
}
