package io.github.camelgb28181;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.media.session.StreamState;
import io.github.camelgb28181.simulator.MediaClip;
import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.simulator.ScriptedMedia;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live streams end to end over real sockets: a simulated camera answers the platform's INVITE and streams PS over RTP
 * (UDP, TCP passive, TCP active); the demuxed frames that reach gb28181:frames are the camera's source frames, byte
 * for byte; BYE in both directions; the watchdog re-INVITEs a stream that stopped.
 */
class StreamTest extends MediaTestSupport {

    @Override
    protected int portBase() {
        return 31000;
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp-passive", "tcp-active"})
    void playDeliversTheCamerasFramesByteForByte(String transport) throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        MediaClip source = ipc.media.video;
        ProducerTemplate template = server.createProducerTemplate();

        Exchange play = template.request("gb28181:play?transport=" + transport + "&stream=main", e -> {
            e.getIn().setHeader(Gb28181Constants.DEVICE_ID, IPC);
            e.getIn().setHeader(Gb28181Constants.CHANNEL_ID, IPC);
        });
        assertTrue(play.getException() == null, () -> "play failed: " + play.getException());
        StreamSession session = play.getMessage().getBody(StreamSession.class);
        assertEquals(session.streamId(), play.getMessage().getHeader(Gb28181Constants.STREAM_ID));
        assertEquals(IPC, session.channelId());
        assertTrue(session.ssrc().startsWith("0" + DOMAIN.substring(3, 8)), "live SSRC in the GB form: "
                + session.ssrc());
        String offer = new String(ipc.media.invites.get(0).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(offer.contains("s=Play") && offer.contains("y=" + session.ssrc()), offer);
        assertTrue(offer.contains("a=streamnumber:0"), "main stream asked for: " + offer);
        assertEquals(IPC + ":" + session.ssrc() + "," + SERVER_ID + ":0",
                ipc.media.invites.get(0).header("Subject"));

        int n = source.frames().size();
        List<AccessUnit> got = videoFrames(session.streamId(), n);
        assertEquals(n, got.size(), "every frame of one pass of the fixture");
        // the camera loops the fixture from its first (key) frame: the route sees exactly the source frames
        for (int i = 0; i < n; i++) {
            assertArrayEquals(source.frames().get(i).data(), got.get(i).data(), "frame " + i);
            assertEquals(source.frames().get(i).key(), got.get(i).keyFrame(), "key flag of frame " + i);
            assertEquals(MediaCodec.H264, got.get(i).codec());
            if (i > 0) {
                assertTrue(got.get(i).pts() > got.get(i - 1).pts(), "PTS grows");
            }
        }
        StreamSession live = template.requestBodyAndHeader("gb28181:streams", null, Gb28181Constants.STREAM_ID,
                session.streamId(), StreamSession.class);
        assertEquals(StreamState.STREAMING, live.state());
        assertEquals(CLIP_WIDTH, live.width());
        assertTrue(live.statistics().frames() >= n);
        assertEquals(0, live.statistics().lost());

        StreamSession stopped = template.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.STREAM_ID,
                session.streamId(), StreamSession.class);
        assertEquals(StreamState.ENDED, stopped.state());
        awaitByes(ipc, 1);
        awaitStreamEvent(StreamEvent.Type.STOPPED, 5000);
        assertTrue(template.requestBody("gb28181:streams", null, List.class).isEmpty());
    }

    @Test
    void lifecycleEventsTellEveryStep() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ProducerTemplate template = server.createProducerTemplate();
        template.requestBodyAndHeaders("gb28181:play", null, Map.of(Gb28181Constants.DEVICE_ID, IPC));
        List<StreamEvent.Type> expected = List.of(StreamEvent.Type.INVITE_SENT, StreamEvent.Type.ANSWERED,
                StreamEvent.Type.ACK_SENT, StreamEvent.Type.FIRST_RTP, StreamEvent.Type.FIRST_KEY_FRAME);
        for (StreamEvent.Type t : expected) {
            awaitStreamEvent(t, 5000);
        }
    }

    @Test
    void aByeFromTheCameraEndsTheStream() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ProducerTemplate template = server.createProducerTemplate();
        StreamSession s = template.requestBodyAndHeader("gb28181:play", null, Gb28181Constants.DEVICE_ID, IPC,
                StreamSession.class);
        assertEquals(200, ipc.byeAll().get(0).status());
        awaitStreamEvent(StreamEvent.Type.BYE_RECEIVED, 5000);
        StreamEvent stopped = awaitStreamEvent(StreamEvent.Type.STOPPED, 5000);
        assertEquals(s.streamId(), stopped.session().streamId());
        assertTrue(template.requestBody("gb28181:streams", null, List.class).isEmpty());
        assertEquals(0, ipc.media.byes.size(), "no BYE back for a BYE");
    }

    @Test
    void aStreamThatStopsIsReinvited() throws Exception {
        CamelContext server = server(c -> {
            c.setStreamTimeout(800);
            c.setReinviteBackoff(100);
        });
        ScriptedDevice ipc = camera(server);
        ipc.media.stopAfterFrames = 10;
        ProducerTemplate template = server.createProducerTemplate();
        StreamSession s = template.requestBodyAndHeader("gb28181:play", null, Gb28181Constants.DEVICE_ID, IPC,
                StreamSession.class);
        ipc.media.stopAfterFrames = Integer.MAX_VALUE; // the re-INVITEd stream keeps going
        awaitStreamEvent(StreamEvent.Type.TIMEOUT, 5000);
        awaitStreamEvent(StreamEvent.Type.REINVITE, 5000);
        StreamEvent again = awaitStreamEvent(StreamEvent.Type.FIRST_RTP, 5000);
        assertEquals(s.streamId(), again.session().streamId(), "the stream keeps its ID across re-INVITEs");
        assertEquals(2, ipc.media.invites.size());
        awaitByes(ipc, 1); // the dead dialog was hung up
        assertFalse(videoFrames(s.streamId(), 5).isEmpty());
    }

    @Test
    void answersWithAnotherOrNoSsrcAreFollowed() throws Exception {
        CamelContext server = server(c -> c.setSsrcCheck("strict"));
        ScriptedDevice ipc = camera(server);
        ProducerTemplate template = server.createProducerTemplate();
        ipc.media.ssrcAnswer = ScriptedMedia.SsrcAnswer.OTHER;
        StreamSession other = template.requestBodyAndHeader("gb28181:play", null, Gb28181Constants.DEVICE_ID, IPC,
                StreamSession.class);
        assertEquals("2000000042", other.ssrc(), "the answer's y= is what the RTP carries");
        assertFalse(videoFrames(other.streamId(), 3).isEmpty());
        template.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.DEVICE_ID, IPC);
        ipc.media.ssrcAnswer = ScriptedMedia.SsrcAnswer.NONE;
        StreamSession none = template.requestBodyAndHeader("gb28181:play", null, Gb28181Constants.DEVICE_ID, IPC,
                StreamSession.class);
        assertFalse(videoFrames(none.streamId(), 3).isEmpty());
    }

    @Test
    void anAnswerWithPortZeroFailsClearlyAndHangsUp() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ipc.media.answerPort0 = true;
        CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> server.createProducerTemplate().requestBodyAndHeader("gb28181:play", null,
                        Gb28181Constants.DEVICE_ID, IPC));
        assertTrue(e.getCause().getMessage().contains("unusable SDP answer"), e.getCause().getMessage());
        awaitStreamEvent(StreamEvent.Type.FAILED, 5000);
        awaitByes(ipc, 1);
    }

    @Test
    void playbackIsPausedResumedSpedUpAndEndsAtEndOfFile() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ProducerTemplate template = server.createProducerTemplate();
        StreamSession s = template.requestBodyAndHeaders("gb28181:playback", null, Map.of(
                Gb28181Constants.DEVICE_ID, IPC, Gb28181Constants.START_TIME, "2026-11-21T08:00:00",
                Gb28181Constants.END_TIME, "2026-11-21T08:10:00"), StreamSession.class);
        assertTrue(s.ssrc().startsWith("1"), "history SSRC: " + s.ssrc());
        String offer = new String(ipc.media.invites.get(0).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(offer.contains("s=Playback") && offer.contains("u=" + IPC + ":0"), offer);
        template.requestBodyAndHeaders("gb28181:playbackControl?action=pause", null,
                Map.of(Gb28181Constants.STREAM_ID, s.streamId()));
        awaitStreamEvent(StreamEvent.Type.PAUSED, 5000);
        assertTrue(ipc.media.infos.get(0).startsWith("PAUSE RTSP/1.0\r\nCSeq: "), ipc.media.infos.get(0));
        template.requestBodyAndHeaders("gb28181:playbackControl", null, Map.of(Gb28181Constants.STREAM_ID,
                s.streamId(), Gb28181Constants.ACTION, "speed", Gb28181Constants.VALUE, "2"));
        assertTrue(ipc.media.infos.get(1).contains("Scale: 2.0"), ipc.media.infos.get(1));
        awaitStreamEvent(StreamEvent.Type.RESUMED, 5000);
        // the recording ended: the camera says so with MediaStatus 121 (GB/T 28181-2016 A.2.5)
        ipc.notifyMessage("MediaStatus", "<NotifyType>121</NotifyType>\r\n");
        StreamEvent end = awaitStreamEvent(StreamEvent.Type.END_OF_FILE, 5000);
        assertEquals(s.streamId(), end.session().streamId());
        awaitByes(ipc, 1);
        assertTrue(template.requestBody("gb28181:streams", null, List.class).isEmpty());
    }

    @Test
    void stopAllStreamsOfADevice() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ProducerTemplate template = server.createProducerTemplate();
        for (String t : List.of("udp", "tcp-passive")) {
            template.requestBodyAndHeaders("gb28181:play?transport=" + t, null,
                    Map.of(Gb28181Constants.DEVICE_ID, IPC));
        }
        assertEquals(2, template.requestBody("gb28181:streams", null, List.class).size());
        List<?> stopped = template.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.DEVICE_ID, IPC,
                List.class);
        assertEquals(2, stopped.size());
        awaitByes(ipc, 2);
        assertTrue(template.requestBody("gb28181:streams", null, List.class).isEmpty());
    }

    @Test
    void stopAllStreamsOfOneChannel() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice nvr = camera(server);
        String a = nvr.channelId(1);
        String b = nvr.channelId(2);
        ProducerTemplate template = server.createProducerTemplate();
        List<StreamSession> started = new java.util.ArrayList<>();
        for (String channel : List.of(a, a, b)) {
            started.add(template.requestBodyAndHeaders("gb28181:play", null, Map.of(Gb28181Constants.DEVICE_ID, IPC,
                    Gb28181Constants.CHANNEL_ID, channel), StreamSession.class));
        }
        List<?> stopped = template.requestBodyAndHeaders("gb28181:stop", null, Map.of(Gb28181Constants.DEVICE_ID, IPC,
                Gb28181Constants.CHANNEL_ID, a), List.class);
        assertEquals(2, stopped.size());
        for (Object o : stopped) {
            assertEquals(a, ((StreamSession) o).channelId());
            assertEquals(StreamState.ENDED, ((StreamSession) o).state());
        }
        awaitByes(nvr, 2);
        for (int i = 0; i < 2; i++) {
            assertTrue(nvr.media.byes.get(i).requestUri().contains(a), "BYE to the channel's dialog: "
                    + nvr.media.byes.get(i).requestUri());
        }
        List<?> left = template.requestBody("gb28181:streams", null, List.class);
        assertEquals(1, left.size());
        assertEquals(started.get(2).streamId(), ((StreamSession) left.get(0)).streamId());
    }
}
