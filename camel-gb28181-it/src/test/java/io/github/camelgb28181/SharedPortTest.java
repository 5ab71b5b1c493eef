package io.github.camelgb28181;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.ElementaryStream;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.simulator.MediaClip;
import io.github.camelgb28181.simulator.ScriptedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mediaPortMode=shared end to end: two cameras stream at once to the one local port, told apart by SSRC; each
 * stream's frames are its camera's, byte for byte. RTP a camera keeps sending after BYE is dropped quietly.
 */
class SharedPortTest extends MediaTestSupport {

    private static final String IPC2 = "34020000001320000002";

    @Override
    protected int portBase() {
        return 37000;
    }

    /** Video frames per stream ID (of every stream that sent any) until each listed stream has {@code count}. */
    private Map<String, List<AccessUnit>> framesByStream(List<String> streamIds, int count)
            throws InterruptedException {
        Map<String, List<AccessUnit>> by = new HashMap<>();
        streamIds.forEach(id -> by.put(id, new ArrayList<>()));
        long deadline = System.currentTimeMillis() + 15_000;
        while (streamIds.stream().anyMatch(id -> by.get(id).size() < count)
                && System.currentTimeMillis() < deadline) {
            Exchange e = frames.poll(200, TimeUnit.MILLISECONDS);
            if (e == null) {
                continue;
            }
            List<AccessUnit> list = by.computeIfAbsent(e.getIn().getHeader(Gb28181Constants.STREAM_ID, String.class),
                    id -> new ArrayList<>());
            AccessUnit unit = e.getIn().getBody(AccessUnit.class);
            if (unit.isVideo() && list.size() < count) {
                list.add(unit);
            }
        }
        return by;
    }

    private static void assertFrames(MediaClip source, List<AccessUnit> got, String what) {
        int n = source.frames().size();
        assertEquals(n, got.size(), what + ": one pass of its camera's fixture");
        for (int i = 0; i < n; i++) {
            assertArrayEquals(source.frames().get(i).data(), got.get(i).data(), what + " frame " + i);
            assertEquals(source.codec(), got.get(i).codec(), what + " frame " + i);
        }
    }

    @Test
    void twoCamerasOnOneSharedPortAreToldApartBySsrc() throws Exception {
        CamelContext server = server(c -> c.setMediaPortMode("shared"));
        ScriptedDevice one = camera(server);
        ScriptedDevice two = camera(IPC2, server);
        two.media.video = MediaClip.parse(ElementaryStream.resource("h265-320x180.h265"), MediaCodec.H265, 25,
                false);
        ProducerTemplate template = server.createProducerTemplate();

        StreamSession s1 = template.requestBodyAndHeader("gb28181:play", null, Gb28181Constants.DEVICE_ID, IPC,
                StreamSession.class);
        StreamSession s2 = template.requestBodyAndHeader("gb28181:play", null, Gb28181Constants.DEVICE_ID, IPC2,
                StreamSession.class);
        assertEquals(s1.localPort(), s2.localPort(), "one shared port");
        assertNotEquals(s1.ssrc(), s2.ssrc());
        int n = Math.max(one.media.video.frames().size(), two.media.video.frames().size());
        Map<String, List<AccessUnit>> got = framesByStream(List.of(s1.streamId(), s2.streamId()), n);
        assertFrames(one.media.video, got.get(s1.streamId()).subList(0,
                Math.min(one.media.video.frames().size(), got.get(s1.streamId()).size())), IPC);
        assertFrames(two.media.video, got.get(s2.streamId()).subList(0,
                Math.min(two.media.video.frames().size(), got.get(s2.streamId()).size())), IPC2);
        assertEquals(MediaCodec.H265, got.get(s2.streamId()).get(0).codec());
        for (StreamSession s : List.of(s1, s2)) {
            StreamSession live = template.requestBodyAndHeader("gb28181:streams", null, Gb28181Constants.STREAM_ID,
                    s.streamId(), StreamSession.class);
            assertEquals(0, live.statistics().ssrcMismatches(), "no packet of the other camera reached " + s);
            assertEquals(0, live.statistics().lost());
        }
    }

    @Test
    void rtpAfterByeIsDroppedQuietlyAndTheOtherStreamGoesOn() throws Exception {
        CamelContext server = server(c -> c.setMediaPortMode("shared"));
        ScriptedDevice stubborn = camera(server);
        stubborn.media.keepSendingAfterBye = true;
        camera(IPC2, server);
        ProducerTemplate template = server.createProducerTemplate();
        StreamSession s1 = template.requestBodyAndHeader("gb28181:play", null, Gb28181Constants.DEVICE_ID, IPC,
                StreamSession.class);
        StreamSession s2 = template.requestBodyAndHeader("gb28181:play", null, Gb28181Constants.DEVICE_ID, IPC2,
                StreamSession.class);
        framesByStream(List.of(s1.streamId(), s2.streamId()), 3);

        template.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.STREAM_ID, s1.streamId());
        awaitByes(stubborn, 1);
        awaitStreamEvent(StreamEvent.Type.STOPPED, 5000);
        Thread.sleep(300); // frames of s1 handed to the route before the stop may still be on their way
        frames.clear();
        int sentBefore = stubborn.media.packetsSent.get();
        Map<String, List<AccessUnit>> after = framesByStream(List.of(s2.streamId()), 10);
        long deadline = System.currentTimeMillis() + 5000;
        while (stubborn.media.packetsSent.get() < sentBefore + 30 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(stubborn.media.packetsSent.get() >= sentBefore + 30, "the camera really kept sending");
        Thread.sleep(200); // what it sent meanwhile had time to reach the route, were it delivered
        assertEquals(10, after.get(s2.streamId()).size(), "the other stream goes on");
        assertEquals(List.of(s2.streamId()), List.copyOf(after.keySet()), "no frame of the stopped stream");
        for (Exchange e : frames) {
            assertNotEquals(s1.streamId(), e.getIn().getHeader(Gb28181Constants.STREAM_ID), "a frame after BYE");
        }
        assertEquals(1, template.requestBody("gb28181:streams", null, List.class).size());
        for (Exchange e : streamEvents) {
            StreamEvent ev = e.getIn().getBody(StreamEvent.class);
            assertTrue(ev.type() != StreamEvent.Type.FAILED && ev.type() != StreamEvent.Type.TIMEOUT, ev.toString());
        }
    }
}
