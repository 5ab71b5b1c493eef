package io.github.camelgb28181.simulator;

import io.github.camelgb28181.Gb28181Constants;
import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.session.StreamEvent;
import io.github.camelgb28181.media.session.StreamSession;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The simulator's media against the real component on loopback: what the platform demuxes from a simulated device's
 * RTP/PS is the clip the device streams, picture for picture, over UDP, TCP passive and TCP active; BYE stops the
 * sending; a playback ends with MediaStatus 121; the packet-loss fault shows in the platform's stream statistics.
 */
class SimulatorMediaTest {

    private final BlockingQueue<Exchange> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<Exchange> streamEvents = new LinkedBlockingQueue<>();
    private final BlockingQueue<Exchange> mediaStatus = new LinkedBlockingQueue<>();
    private PlatformUnderTest platform;
    private Simulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private ProducerTemplate start(SimulatorConfig.Builder config) throws Exception {
        platform = new PlatformUnderTest(c -> {
            // a port range of this JVM's own: other builds on the machine run the same tests
            c.setMediaPortMin(33000 + (int) (ProcessHandle.current().pid() % 50) * 40);
            c.setMediaPortMax(c.getMediaPortMin() + 39);
            c.setMediaPortQuarantine(0);
            c.setFirstPacketTimeout(2000);
        }, new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:frames").process(frames::add);
                from("gb28181:stream").process(streamEvents::add);
                from("gb28181:mediaStatus").process(mediaStatus::add);
            }
        });
        sim = new Simulator(config.serverPort(platform.port()).build());
        sim.start();
        assertTrue(sim.awaitRegistered(1, Duration.ofSeconds(10)), "the device registered");
        return platform.context.createProducerTemplate();
    }

    private SimulatorConfig.Builder oneDevice() {
        return simulatorFor().devices(1).channels(1).keepaliveSeconds(0).registrationsPerSecond(0);
    }

    private SimulatorConfig.Builder simulatorFor() {
        return SimulatorConfig.builder().serverHost("127.0.0.1").serverId(PlatformUnderTest.SERVER_ID)
                .domain(PlatformUnderTest.DOMAIN).password(PlatformUnderTest.PASSWORD).t1Ms(200);
    }

    private StreamSession play(ProducerTemplate t, String uri) {
        return t.requestBodyAndHeaders(uri, null, Map.of(Gb28181Constants.DEVICE_ID, sim.deviceId(0),
                Gb28181Constants.CHANNEL_ID, sim.channelId(0, 0)), StreamSession.class);
    }

    /** A playback or download of ten minutes of the channel. */
    private StreamSession history(ProducerTemplate t, String uri) {
        return t.requestBodyAndHeaders(uri, null, Map.of(Gb28181Constants.DEVICE_ID, sim.deviceId(0),
                Gb28181Constants.CHANNEL_ID, sim.channelId(0, 0), Gb28181Constants.START_TIME, "2026-11-21T08:00:00",
                Gb28181Constants.END_TIME, "2026-11-21T08:10:00"), StreamSession.class);
    }

    /** The units of one stream as they reached the route, until {@code count} of the wanted kind arrived. */
    private List<AccessUnit> units(String streamId, int count, boolean video) throws InterruptedException {
        return units(streamId, count, video, Duration.ofSeconds(20));
    }

    private List<AccessUnit> units(String streamId, int count, boolean video, Duration timeout)
            throws InterruptedException {
        List<AccessUnit> got = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            Exchange e = frames.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && streamId.equals(e.getIn().getHeader(Gb28181Constants.STREAM_ID))) {
                AccessUnit u = e.getIn().getBody(AccessUnit.class);
                if (u.isVideo() == video) {
                    got.add(u);
                }
            }
        }
        return got;
    }

    private StreamEvent awaitEvent(StreamEvent.Type type) throws InterruptedException {
        List<StreamEvent.Type> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            Exchange e = streamEvents.poll(100, TimeUnit.MILLISECONDS);
            if (e != null) {
                StreamEvent event = e.getIn().getBody(StreamEvent.class);
                seen.add(event.type());
                if (event.type() == type) {
                    return event;
                }
            }
        }
        return fail("no " + type + " stream event; seen " + seen);
    }

    private static void assertSameFrames(MediaClip clip, List<AccessUnit> got, int firstIndex) {
        for (int i = 0; i < got.size(); i++) {
            MediaClip.Frame source = clip.frames().get((firstIndex + i) % clip.frames().size());
            assertArrayEquals(source.data(), got.get(i).data(), "picture " + i);
            assertEquals(source.key(), got.get(i).keyFrame(), "key flag of picture " + i);
            assertEquals(clip.codec(), got.get(i).codec());
            if (i > 0) {
                assertTrue(got.get(i).pts() > got.get(i - 1).pts(), "PTS grows, across loops too");
            }
        }
    }

    /** The indices of the clip's pictures that are not among {@code got}. */
    private static List<Integer> missing(MediaClip clip, List<AccessUnit> got) {
        List<Integer> absent = new ArrayList<>();
        for (int i = 0; i < clip.frames().size(); i++) {
            byte[] data = clip.frames().get(i).data();
            if (got.stream().noneMatch(u -> java.util.Arrays.equals(u.data(), data))) {
                absent.add(i);
            }
        }
        return absent;
    }

    /** Packets stay at the same count for a while: nothing is being sent. */
    private void assertSendingStopped() throws InterruptedException {
        Await.until(() -> sim.mediaStats().streamsActive() == 0, Duration.ofSeconds(5), sim.mediaStats()::toString);
        long packets = sim.mediaStats().packets();
        Thread.sleep(300); // eight frame intervals at 25 fps
        assertEquals(packets, sim.mediaStats().packets(), "packets sent after BYE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp-passive", "tcp-active"})
    void livePlayDeliversTheClipPictureForPictureAndByeStopsIt(String transport) throws Exception {
        ProducerTemplate t = start(oneDevice());
        MediaClip clip = sim.clip();
        StreamSession s = play(t, "gb28181:play?transport=" + transport);
        // one pass and ten pictures of the next: live loops the clip
        int n = clip.frames().size() + 10;
        List<AccessUnit> got = units(s.streamId(), n, true);
        assertEquals(n, got.size(), "pictures received of " + n + "; simulator " + sim.mediaStats());
        assertSameFrames(clip, got, 0);
        StreamSession live = t.requestBodyAndHeader("gb28181:streams", null, Gb28181Constants.STREAM_ID,
                s.streamId(), StreamSession.class);
        assertEquals(320, live.width());
        assertEquals(180, live.height());
        assertEquals(0, live.statistics().lost(), live.statistics().toString());
        assertEquals(MediaCodec.H264, live.statistics().videoCodec());

        t.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.STREAM_ID, s.streamId());
        assertSendingStopped();
    }

    @Test
    void anH265FileWithAudioIsStreamedAsIs() throws Exception {
        ProducerTemplate t = start(oneDevice().media(MediaSettings.DEFAULT.withFile(fixture("h265-320x180.h265"))
                .withAudio(true)));
        MediaClip clip = sim.clip();
        assertEquals(MediaCodec.H265, clip.codec());
        StreamSession s = play(t, "gb28181:play?transport=udp");
        List<AccessUnit> video = units(s.streamId(), clip.frames().size(), true);
        assertEquals(clip.frames().size(), video.size());
        assertSameFrames(clip, video, 0);
        List<AccessUnit> audio = units(s.streamId(), 5, false);
        assertEquals(5, audio.size(), "audio units");
        assertEquals(MediaCodec.G711A, audio.get(0).codec());
        assertEquals(320, audio.get(0).data().length, "40 ms of 8 kHz A-law");
    }

    @Test
    void aPlaybackIsPausedAndEndsWithMediaStatus121() throws Exception {
        ProducerTemplate t = start(oneDevice());
        MediaClip clip = sim.clip();
        StreamSession s = history(t, "gb28181:playback?transport=tcp-passive");
        List<AccessUnit> first = units(s.streamId(), 5, true);
        t.requestBodyAndHeaders("gb28181:playbackControl?action=pause", null,
                Map.of(Gb28181Constants.STREAM_ID, s.streamId()));
        awaitEvent(StreamEvent.Type.PAUSED);
        Thread.sleep(100); // the INFO's answer may overtake the picture in flight
        long frames = sim.mediaStats().frames();
        Thread.sleep(300);
        assertEquals(frames, sim.mediaStats().frames(), "pictures sent while paused");
        t.requestBodyAndHeaders("gb28181:playbackControl", null, Map.of(Gb28181Constants.STREAM_ID, s.streamId(),
                Gb28181Constants.ACTION, "speed", Gb28181Constants.VALUE, "4"));
        List<AccessUnit> rest = units(s.streamId(), clip.frames().size() - first.size(), true);
        first.addAll(rest);
        assertEquals(clip.frames().size(), first.size(), "the whole file, once");
        assertSameFrames(clip, first, 0);

        Exchange status = mediaStatus.poll(10, TimeUnit.SECONDS);
        assertTrue(status != null, "MediaStatus reached gb28181:mediaStatus");
        assertEquals("121", status.getIn().getHeader(Gb28181Constants.NOTIFY_TYPE));
        StreamEvent end = awaitEvent(StreamEvent.Type.END_OF_FILE);
        assertEquals(s.streamId(), end.session().streamId());
        assertEquals(1, sim.mediaStats().filesEnded());
        assertSendingStopped();
        assertTrue(units(s.streamId(), 1, true, Duration.ofMillis(500)).isEmpty(),
                "nothing after the end of the file");
    }

    @Test
    void thePacketLossFaultShowsInTheStreamStatistics() throws Exception {
        ProducerTemplate t = start(oneDevice().faults(FaultProfile.NONE.withPacketLossRate(0.05)));
        StreamSession s = play(t, "gb28181:play?transport=udp");
        Await.until(() -> {
            StreamSession now = t.requestBodyAndHeader("gb28181:streams", null, Gb28181Constants.STREAM_ID,
                    s.streamId(), StreamSession.class);
            return now.statistics().lost() >= 5 && now.statistics().frames() > 0;
        }, Duration.ofSeconds(20), sim.mediaStats()::toString);
        assertTrue(sim.mediaStats().packetsWithheld() >= 5, sim.mediaStats().toString());
    }

    @Test
    void aSeekPlaysOnFromTheKeyFrameBeforeTheAskedTime() throws Exception {
        ProducerTemplate t = start(oneDevice());
        MediaClip clip = sim.clip();
        StreamSession s = history(t, "gb28181:playback");
        units(s.streamId(), 3, true);
        t.requestBodyAndHeaders("gb28181:playbackControl?action=pause", null,
                Map.of(Gb28181Constants.STREAM_ID, s.streamId()));
        awaitEvent(StreamEvent.Type.PAUSED);
        Thread.sleep(300); // what was in flight when the pause came arrives, then nothing
        frames.clear();
        // 1.5 s into the file is picture 37; the key frame before it is picture 36
        t.requestBodyAndHeaders("gb28181:playbackControl", null, Map.of(Gb28181Constants.STREAM_ID, s.streamId(),
                Gb28181Constants.ACTION, "seek", Gb28181Constants.VALUE, "1.5"));
        List<AccessUnit> after = units(s.streamId(), clip.frames().size() - 36, true);
        assertEquals(clip.frames().size() - 36, after.size());
        assertSameFrames(clip, after, 36);
        assertTrue(mediaStatus.poll(10, TimeUnit.SECONDS) != null, "the file ended after the seek");
    }

    @Test
    void aDownloadSendsTheFileOnceAtItsSpeed() throws Exception {
        ProducerTemplate t = start(oneDevice());
        MediaClip clip = sim.clip();
        StreamSession s = history(t, "gb28181:download?downloadSpeed=4&transport=tcp-active");
        List<AccessUnit> got = units(s.streamId(), clip.frames().size(), true);
        // a CI run under load once got 49: name the missing pictures and the stream's counters if it happens again
        assertEquals(clip.frames().size(), got.size(), () -> "missing pictures " + missing(clip, got) + "; "
                + t.requestBodyAndHeader("gb28181:streams", null, Gb28181Constants.STREAM_ID, s.streamId(),
                StreamSession.class) + "; " + sim.mediaStats());
        assertSameFrames(clip, got, 0);
        awaitEvent(StreamEvent.Type.END_OF_FILE);
        assertSendingStopped();
    }

    @Test
    void aLateAnswerComesLateAndSilentMediaNeverStarts() throws Exception {
        ProducerTemplate t = start(oneDevice().faults(FaultProfile.NONE.withInviteAnswerDelayMs(700)));
        StreamSession s = play(t, "gb28181:play?transport=udp");
        StreamEvent sent = awaitEvent(StreamEvent.Type.INVITE_SENT);
        StreamEvent answered = awaitEvent(StreamEvent.Type.ANSWERED);
        assertTrue(Duration.between(sent.time(), answered.time()).toMillis() >= 700,
                "answered " + Duration.between(sent.time(), answered.time()));
        t.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.STREAM_ID, s.streamId());
        assertSendingStopped();

        sim.setFaults(FaultProfile.NONE.withNoMedia(true));
        long packets = sim.mediaStats().packets();
        Exchange silent = t.request("gb28181:play?transport=udp", e -> {
            e.getIn().setHeader(Gb28181Constants.DEVICE_ID, sim.deviceId(0));
            e.getIn().setHeader(Gb28181Constants.CHANNEL_ID, sim.channelId(0, 0));
        });
        assertTrue(silent.getException() != null, "a play without media fails at the first-packet timeout");
        assertEquals(packets, sim.mediaStats().packets());
        assertEquals(2, sim.mediaStats().invites(), "the INVITE was answered");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SimulatorMediaTest.class.getResource("/media/" + name).toURI());
    }
}
