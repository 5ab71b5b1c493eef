package io.github.camelgb28181;

import io.github.camelgb28181.manscdp.model.RecordItem;
import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.simulator.MediaClip;
import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.simulator.ScriptedMedia;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
    private void assertOnePass(MediaClip source, String streamId) throws InterruptedException {
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
        ScriptedDevice ipc = camera(server);
        ipc.media.loop = false;
        ipc.media.endOfFile = ScriptedMedia.EndOfFile.MEDIA_STATUS;
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

    private List<RecordItem> records(CamelContext server, String channel) {
        Exchange answer = server.createProducerTemplate().request("gb28181:command?command=RecordInfo", e -> {
            e.getIn().setHeader(Gb28181Constants.DEVICE_ID, IPC);
            e.getIn().setHeader(Gb28181Constants.CHANNEL_ID, channel);
            e.getIn().setBody(Map.of("startTime", "2026-11-21T08:00:00", "endTime", "2026-11-21T09:00:00"));
        });
        assertTrue(answer.getException() == null, () -> "RecordInfo failed: " + answer.getException());
        List<RecordItem> items = new ArrayList<>();
        for (Object o : answer.getMessage().getBody(List.class)) {
            items.add((RecordItem) o);
        }
        return items;
    }

    /** The stream events of one stream until {@code last} (inclusive). */
    private List<StreamEvent> eventsUntil(String streamId, StreamEvent.Type last) throws InterruptedException {
        List<StreamEvent> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            Exchange e = streamEvents.poll(200, TimeUnit.MILLISECONDS);
            if (e == null) {
                continue;
            }
            StreamEvent event = e.getIn().getBody(StreamEvent.class);
            assertEquals(streamId, event.session().streamId(), "one stream ID for the whole playlist");
            seen.add(event);
            if (event.type() == last) {
                return seen;
            }
        }
        return fail("no " + last + " within 15 s; seen " + seen.stream().map(StreamEvent::type).toList());
    }

    @ParameterizedTest
    @EnumSource(value = ScriptedMedia.EndOfFile.class, names = {"MEDIA_STATUS", "BYE"})
    void aPlaylistPlaysEachRecordInTurnUnderOneStreamId(ScriptedMedia.EndOfFile how) throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        String channel = ipc.channelId(1);
        ipc.recordCount = 3;
        ipc.media.loop = false;
        ipc.media.endOfFile = how;
        List<RecordItem> playlist = records(server, channel);
        assertEquals(3, playlist.size());

        StreamSession s = server.createProducerTemplate().requestBodyAndHeader("gb28181:playback", playlist,
                Gb28181Constants.DEVICE_ID, IPC, StreamSession.class);
        for (int i = 0; i < 3; i++) {
            assertOnePass(ipc.media.video, s.streamId());
        }
        List<StreamEvent> events = eventsUntil(s.streamId(), StreamEvent.Type.END_OF_FILE);
        List<String> next = events.stream().filter(e -> e.type() == StreamEvent.Type.PLAYLIST_NEXT)
                .map(StreamEvent::detail).toList();
        assertEquals(List.of("1", "2"), next, "PLAYLIST_NEXT events carry the item index, in order");
        assertEquals(3, events.stream().filter(e -> e.type() == StreamEvent.Type.FIRST_RTP).count(),
                "every item streamed");
        assertTrue(events.stream().noneMatch(e -> e.type() == StreamEvent.Type.FAILED
                || e.type() == StreamEvent.Type.STOPPED), events.toString());

        assertEquals(3, ipc.media.invites.size(), "one INVITE per item");
        for (int i = 0; i < 3; i++) {
            String offer = new String(ipc.media.invites.get(i).body(), StandardCharsets.UTF_8);
            LocalDateTime start = LocalDateTime.parse("2026-11-21T08:00:00").plusMinutes(10L * i);
            assertTrue(offer.contains("s=Playback\r\n") && offer.contains("u=" + channel + ":0\r\n"), offer);
            assertTrue(offer.contains("t=" + epoch(start.toString()) + " " + epoch(start.plusMinutes(10).toString())
                    + "\r\n"), "item " + i + ": " + offer);
            assertTrue(offer.contains("y=" + s.ssrc() + "\r\n"), "the same SSRC for every item: " + offer);
            assertEquals(channel, ipc.media.invites.get(i).requestUri().substring(4, 24));
        }
        if (how == ScriptedMedia.EndOfFile.MEDIA_STATUS) {
            awaitByes(ipc, 3); // the platform hangs up each item's dialog
        } else {
            assertEquals(0, ipc.media.byes.size(), "no BYE back for the device's BYEs");
        }
        assertTrue(server.createProducerTemplate().requestBody("gb28181:streams", null, List.class).isEmpty());
    }

    @Test
    void stopEndsTheWholePlaylist() throws Exception {
        CamelContext server = server(c -> { });
        ScriptedDevice ipc = camera(server);
        ipc.recordCount = 3;
        List<RecordItem> playlist = records(server, ipc.channelId(1));
        ProducerTemplate template = server.createProducerTemplate();
        StreamSession s = template.requestBodyAndHeaders("gb28181:playback", null, Map.of(Gb28181Constants.DEVICE_ID,
                IPC, Gb28181Constants.PLAYLIST, playlist), StreamSession.class);
        assertFalse(videoFrames(s.streamId(), 3).isEmpty());
        template.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.STREAM_ID, s.streamId());
        awaitStreamEvent(StreamEvent.Type.STOPPED, 5000);
        awaitByes(ipc, 1);
        // a 121 after the stop concerns nothing any more: no next item is INVITEd
        ipc.notifyMessage("MediaStatus", "<NotifyType>121</NotifyType>\r\n");
        Thread.sleep(500);
        assertEquals(1, ipc.media.invites.size());
        assertTrue(template.requestBody("gb28181:streams", null, List.class).isEmpty());
    }

    @Test
    void aPlaylistThatIsNotAListOfRecordItemsIsRefused() throws Exception {
        CamelContext server = server(c -> { });
        camera(server);
        Exchange e = server.createProducerTemplate().request("gb28181:playback", x -> {
            x.getIn().setHeader(Gb28181Constants.DEVICE_ID, IPC);
            x.getIn().setHeader(Gb28181Constants.PLAYLIST, List.of("2026-11-21T08:00:00"));
        });
        assertTrue(e.getException() instanceof IllegalArgumentException, String.valueOf(e.getException()));
        assertTrue(e.getException().getMessage().contains("RecordItem"), e.getException().getMessage());
    }
}
