package io.github.camelgb28181;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Media end-to-end tests: a server whose gb28181:frames and gb28181:stream exchanges are collected, on a media port
 * range of its own per test class and process (parallel builds on one host must not meet on a port).
 */
public abstract class MediaTestSupport extends DeviceTestSupport {

    protected static final String IPC = "34020000001320000001";
    protected final BlockingQueue<Exchange> frames = new LinkedBlockingQueue<>();
    protected final BlockingQueue<Exchange> streamEvents = new LinkedBlockingQueue<>();

    /** The first port of this class's range; each process gets 40 ports from there on, by pid. */
    protected abstract int portBase();

    protected CamelContext server(Consumer<Gb28181Configuration> configure) throws Exception {
        return startServer(c -> {
            c.setMediaPortMin(portBase() + (int) (ProcessHandle.current().pid() % 50) * 40);
            c.setMediaPortMax(c.getMediaPortMin() + 39);
            c.setMediaPortQuarantine(0);
            c.setMediaIoThreads(2);
            configure.accept(c);
        }, new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:frames").process(frames::add);
                from("gb28181:stream").process(streamEvents::add);
            }
        });
    }

    protected ScriptedDevice camera(CamelContext server) throws Exception {
        return camera(IPC, server);
    }

    protected ScriptedDevice camera(String id, CamelContext server) throws Exception {
        ScriptedDevice ipc = device(id, SipTransport.UDP, server);
        assertEquals(200, ipc.register(3600).status());
        return ipc;
    }

    protected StreamEvent awaitStreamEvent(StreamEvent.Type type, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        List<String> seen = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            Exchange e = streamEvents.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                break;
            }
            StreamEvent event = e.getIn().getBody(StreamEvent.class);
            seen.add(event.type().name());
            if (event.type() == type) {
                return event;
            }
        }
        fail("no " + type + " stream event within " + timeoutMs + " ms; seen " + seen);
        return null;
    }

    /** The camera received this many BYEs (they travel while the stop completes). */
    protected static void awaitByes(ScriptedDevice ipc, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (ipc.media.byes.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, ipc.media.byes.size(), "BYEs received by the camera");
    }

    /** The frames of one stream as they reached the route, until {@code count} video frames arrived. */
    protected List<AccessUnit> videoFrames(String streamId, int count) throws InterruptedException {
        List<AccessUnit> video = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (video.size() < count && System.currentTimeMillis() < deadline) {
            Exchange e = frames.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && streamId.equals(e.getIn().getHeader(Gb28181Constants.STREAM_ID))) {
                AccessUnit unit = e.getIn().getBody(AccessUnit.class);
                if (unit.isVideo()) {
                    video.add(unit);
                }
            }
        }
        return video;
    }
}
