package io.github.camelgb28181;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.StreamListener;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * gb28181:stream (body {@link StreamEvent}, one exchange per step of a stream's life) and gb28181:frames (body
 * {@link AccessUnit}, one exchange per video frame or audio unit). Access units come from a media event loop, so they
 * go through a bounded single-thread queue: order kept, the event loop never waits, and a route slower than the video
 * loses units (counted by {@link #getDroppedFrames()}) instead of stalling every stream of that loop.
 */
final class Gb28181StreamConsumer extends Gb28181Consumer implements StreamListener {

    private final boolean frames;
    private final LongAdder dropped = new LongAdder();
    private ExecutorService frameExecutor;

    Gb28181StreamConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.frames = endpoint.getType() == Gb28181Type.frames;
    }

    @Override
    protected void attach(Gb28181Platform platform) {
        if (frames) {
            ThreadPoolProfile profile = new ThreadPoolProfile("Gb28181Frames");
            profile.setPoolSize(1);
            profile.setMaxPoolSize(1);
            profile.setMaxQueueSize(getEndpoint().getFramesQueueSize());
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            frameExecutor = getEndpoint().getCamelContext().getExecutorServiceManager().newThreadPool(this,
                    "Gb28181Frames", profile);
        }
        platform.addStreamListener(this);
    }

    @Override
    protected void detach(Gb28181Platform platform) {
        platform.removeStreamListener(this);
        if (frameExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(frameExecutor);
            frameExecutor = null;
        }
    }

    /** Access units dropped because the route could not keep up. */
    public long getDroppedFrames() {
        return dropped.sum();
    }

    private boolean matches(StreamSession s) {
        String channel = getEndpoint().getChannelId();
        return matchesDevice(s.deviceId()) && (channel == null || channel.equals(s.channelId()));
    }

    @Override
    public void onStreamEvent(StreamEvent event) {
        if (frames || !matches(event.session())) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(event);
        setStreamHeaders(in, event.session());
        in.setHeader(Gb28181Constants.EVENT_TYPE, event.type().name());
        in.setHeader(Gb28181Constants.EVENT_TIME, event.time());
        if (event.detail() != null) {
            in.setHeader(Gb28181Constants.EVENT_DETAIL, event.detail());
        }
        if (event.type() == StreamEvent.Type.STATISTICS && event.session().statistics() != null) {
            in.setHeader(Gb28181Constants.STREAM_STATISTICS, event.session().statistics());
        }
        dispatch(exchange);
    }

    @Override
    public void onAccessUnit(StreamSession stream, AccessUnit unit) {
        if (!frames || !matches(stream) || (getEndpoint().isKeyFramesOnly() && !unit.keyFrame())) {
            return;
        }
        ExecutorService executor = frameExecutor;
        if (executor == null) {
            return;
        }
        try {
            executor.execute(() -> {
                Exchange exchange = createExchange(false);
                Message in = exchange.getIn();
                in.setBody(unit);
                setStreamHeaders(in, stream);
                in.setHeader(Gb28181Constants.CODEC, unit.codec().name());
                in.setHeader(Gb28181Constants.PTS, unit.pts());
                in.setHeader(Gb28181Constants.KEY_FRAME, unit.keyFrame());
                dispatch(exchange);
            });
        } catch (RejectedExecutionException e) {
            dropped.increment();
        }
    }

    private static void setStreamHeaders(Message in, StreamSession s) {
        in.setHeader(Gb28181Constants.STREAM_ID, s.streamId());
        in.setHeader(Gb28181Constants.DEVICE_ID, s.deviceId());
        in.setHeader(Gb28181Constants.CHANNEL_ID, s.channelId());
    }
}
