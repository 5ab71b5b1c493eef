package io.github.camelgb28181;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.ElementaryStream;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.sim.MediaResponder;
import io.github.camelgb28181.sim.SimulatedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recorded video over real sockets: a download that the camera ends with MediaStatus 121, and playlists of record
 * files played one after the other under one stream ID.
 */
class PlaybackDownloadTest extends MediaTestSupport {

    @Override
    protected int portBase() {
        return 35000;
    }

    private static long epoch(String localTime) {
        return LocalDateTime.parse(localTime).atZone(ZoneId.systemDefault()).toEpochSecond();
    }

    /** Every frame of one pass of the fixture reached the route for this stream, byte for byte, in order. */
    private void assertOnePass(ElementaryStream source, String streamId) throws InterruptedException {
        int n = source.frames().size();
        List<AccessUnit> got = videoFrames(streamId, n);
        assertEquals(n, got.size(), "every frame of the recording");
        for (int i = 0; i < n; i++) {
            assertArrayEquals(source.frames().get(i).data(), got.get(i).data(), "frame " + i);
        }
    }

    @Test
    void downloadStreamsTheFileAndEndsAtMediaStatus121() throws Exception {
        CamelContext server = server(c -> { });
        SimulatedDevice ipc = camera(server);
        ipc.media.loop = false;
        ipc.media.endOfFile = MediaResponder.EndOfFile.MEDIA_STATUS;
        ProducerTemplate template = server.createProducerTemplate();
        StreamSession s = template.requestBodyAndHeaders("gb28181:download?downloadSpeed=2", null, Map.of(
                Gb28181Constants.DEVICE_ID, IPC, Gb28181Constants.START_TIME, "2026-11-21T08:00:00",
                Gb28181Constants.END_TIME, "2026-11-21T08:10:00"), StreamSession.class);
        assertEquals(io.github.camelgb28181.media.sdp.GbSessionType.DOWNLOAD, s.type());

        String offer = new String(ipc.media.invites.get(0).body(), StandardCharsets.UTF_8);
        String[] lines = offer.split("\r\n");
        List<String> expected = List.of("s=Download", "u=" + IPC + ":0", "t=" + epoch("2026-11-21T08:00:00") + " "
                + epoch("2026-11-21T08:10:00"), "m=video " + s.localPort() + " RTP/AVP 96 97 98 99", "a=recvonly",
                "a=rtpmap:96 PS/90000", "a=downloadspeed:2", "y=" + s.ssrc());
        for (String line : expected) {
            assertTrue(List.of(lines).contains(line), "offer line " + line + " in\n" + offer);
        }
        assertTrue(s.ssrc().startsWith("1"), "history SSRC: " + s.ssrc());

        assertOnePass(ipc.media.video, s.streamId());
        StreamEvent end = awaitStreamEvent(StreamEvent.Type.END_OF_FILE, 10_000);
        assertEquals(s.streamId(), end.session().streamId());
        awaitByes(ipc, 1);
        assertEquals(ipc.media.invites.get(0).callId(), ipc.media.byes.get(0).callId(), "BYE in the download dialog");
        assertTrue(template.requestBody("gb28181:streams", null, List.class).isEmpty());
    }
}
