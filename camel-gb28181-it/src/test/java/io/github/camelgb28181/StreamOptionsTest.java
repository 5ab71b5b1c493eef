package io.github.camelgb28181;

import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.rtp.StreamStatistics;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.simulator.ScriptedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stream options over real sockets: periodic statistics events, and the per-device transport and stream flavour
 * defaults, read from the offer bytes the camera received.
 */
class StreamOptionsTest extends MediaTestSupport {

    @Override
    protected int portBase() {
        return 33000;
    }

    @Test
    void runningStreamsReportGrowingStatistics() throws Exception {
        CamelContext server = server(c -> c.setStreamStatisticsInterval(300));
        ScriptedDevice ipc = camera(server);
        StreamSession s = server.createProducerTemplate().requestBodyAndHeader("gb28181:play", null,
                Gb28181Constants.DEVICE_ID, IPC, StreamSession.class);
        List<StreamStatistics> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (seen.size() < 3 && System.currentTimeMillis() < deadline) {
            Exchange e = streamEvents.poll(500, TimeUnit.MILLISECONDS);
            if (e == null || e.getIn().getBody(StreamEvent.class).type() != StreamEvent.Type.STATISTICS) {
                continue;
            }
            assertEquals(s.streamId(), e.getIn().getHeader(Gb28181Constants.STREAM_ID));
            StreamStatistics st = e.getIn().getHeader(Gb28181Constants.STREAM_STATISTICS, StreamStatistics.class);
            assertNotNull(st, "statistics header");
            assertEquals(st, e.getIn().getBody(StreamEvent.class).session().statistics(), "body and header agree");
            seen.add(st);
        }
        assertEquals(3, seen.size(), "three statistics events within 10 s at a 300 ms interval");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).packets() > seen.get(i - 1).packets(), "packets grow: " + seen);
            assertTrue(seen.get(i).frames() >= seen.get(i - 1).frames(), "frames never shrink: " + seen);
        }
        StreamStatistics last = seen.get(seen.size() - 1);
        assertTrue(last.bytes() > last.packets() * 12, "bytes count the packets' bytes");
        assertTrue(last.keyFrames() >= 1 && last.frames() > last.keyFrames(), last.toString());
        assertEquals(MediaCodec.H264, last.videoCodec());
        assertEquals(CLIP_WIDTH, last.width());
        assertEquals(0, last.lost());

        server.createProducerTemplate().requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.STREAM_ID,
                s.streamId());
        awaitStreamEvent(StreamEvent.Type.STOPPED, 5000);
        Thread.sleep(700); // two intervals: a stopped stream reports nothing more
        for (Exchange e : streamEvents) {
            assertFalse(e.getIn().getBody(StreamEvent.class).type() == StreamEvent.Type.STATISTICS,
                    "statistics after STOPPED");
        }
    }

    @Test
    void intervalZeroSendsNoStatistics() throws Exception {
        CamelContext server = server(c -> c.setStreamStatisticsInterval(0));
        camera(server);
        StreamSession s = server.createProducerTemplate().requestBodyAndHeader("gb28181:play", null,
                Gb28181Constants.DEVICE_ID, IPC, StreamSession.class);
        assertFalse(videoFrames(s.streamId(), 10).isEmpty());
        for (Exchange e : streamEvents) {
            assertFalse(e.getIn().getBody(StreamEvent.class).type() == StreamEvent.Type.STATISTICS);
        }
    }

    private static String offer(ScriptedDevice d, int index) {
        return new String(d.media.invites.get(index).body(), StandardCharsets.UTF_8);
    }

    @Test
    void perDeviceTransportAndFlavourApplyUnlessTheRequestSays() throws Exception {
        String other = "34020000001310000001";
        String exact = "34020000001320000002";
        CamelContext server = server(c -> {
            c.setDeviceTransports("3402000000132=TCP_PASSIVE," + exact + "=udp");
            c.setDeviceStreamFlavours("3402000000132=streamprofile");
        });
        ScriptedDevice byPrefix = camera(server);
        ScriptedDevice unmatched = camera(other, server);
        ScriptedDevice longest = camera(exact, server);
        ProducerTemplate template = server.createProducerTemplate();

        StreamSession s = template.requestBodyAndHeader("gb28181:play?stream=main", null, Gb28181Constants.DEVICE_ID,
                IPC, StreamSession.class);
        assertEquals(io.github.camelgb28181.media.sdp.MediaTransport.TCP_PASSIVE, s.transport());
        String o = offer(byPrefix, 0);
        assertTrue(o.contains("m=video " + s.localPort() + " TCP/RTP/AVP 96") && o.contains("a=setup:passive"), o);
        assertTrue(o.contains("a=streamprofile:0") && !o.contains("a=streamnumber"), o);
        assertFalse(videoFrames(s.streamId(), 3).isEmpty(), "TCP passive stream delivers");

        // the endpoint's options win over the device's defaults
        template.requestBodyAndHeader("gb28181:play?stream=sub&transport=udp&subStreamFlavour=stream", null,
                Gb28181Constants.DEVICE_ID, IPC);
        o = offer(byPrefix, 1);
        assertTrue(o.contains(" RTP/AVP 96") && !o.contains("TCP") && o.contains("a=stream:1"), o);
        // and so does the header
        template.requestBodyAndHeaders("gb28181:play?stream=main", null, Map.of(Gb28181Constants.DEVICE_ID, IPC,
                Gb28181Constants.MEDIA_TRANSPORT, "tcp-active"));
        o = offer(byPrefix, 2);
        assertTrue(o.contains("TCP/RTP/AVP") && o.contains("a=setup:active"), o);

        template.requestBodyAndHeader("gb28181:play?stream=main", null, Gb28181Constants.DEVICE_ID, other);
        o = offer(unmatched, 0);
        assertTrue(!o.contains("TCP") && o.contains("a=streamnumber:0"), "no entry: UDP and streamnumber: " + o);

        template.requestBodyAndHeader("gb28181:play?stream=main", null, Gb28181Constants.DEVICE_ID, exact);
        o = offer(longest, 0);
        assertTrue(!o.contains("TCP") && o.contains("a=streamprofile:0"), "the longest prefix wins: " + o);
    }

    @Test
    void malformedDeviceDefaultsFailTheStart() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> server(c -> c.setDeviceTransports("3402000000132=carrier-pigeon")));
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof IllegalArgumentException)) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("carrier-pigeon"), root.getMessage());
    }
}
