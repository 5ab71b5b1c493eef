package io.github.camelgb28181;

import io.github.camelgb28181.bridge.ExternalTools;
import io.github.camelgb28181.bridge.Ffprobe;
import io.github.camelgb28181.bridge.Loopback;
import io.github.camelgb28181.media.ElementaryStream;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.simulator.MediaClip;
import io.github.camelgb28181.simulator.ScriptedDevice;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The media bridge from routes, end to end over real sockets: a simulated camera streams PS/RTP, the route plays it
 * with outputs (play options and the media-bridge processor), snapshots and recordings; every file is checked by
 * Debian's ffprobe, every picture decoded by ImageIO.
 */
class MediaBridgeRouteTest extends DeviceTestSupport {

    private static final String IPC = "34020000001320000001";

    @TempDir
    Path dir;
    private CamelContext server;
    private ScriptedDevice camera;
    private ProducerTemplate template;

    @BeforeEach
    void startServerAndCamera() throws Exception {
        ExternalTools.requireFfmpeg();
        server = startServer(c -> {
            c.setMediaPortMin(33000 + (int) (ProcessHandle.current().pid() % 50) * 20);
            c.setMediaPortMax(c.getMediaPortMin() + 19);
            c.setMediaPortQuarantine(0);
            c.setRecordingFolder(dir.resolve("recordings").toString());
            c.setHlsFolder(dir.resolve("hls").toString());
        }, new RouteBuilder() {
            @Override
            public void configure() {
                MediaBridgeProcessor bridge = new MediaBridgeProcessor();
                bridge.setFlvFile(dir.resolve("{channelId}-{streamId}.flv").toString());
                bridge.setCamelContext(getContext());
                from("direct:play-to-flv").to("gb28181:play").process(bridge);
            }
        });
        camera = device(IPC, SipTransport.UDP, server);
        assertEquals(200, camera.register(3600).status());
        template = server.createProducerTemplate();
    }

    private Exchange play(String uri) {
        Exchange play = template.request(uri, e -> {
            e.getIn().setHeader(Gb28181Constants.DEVICE_ID, IPC);
            e.getIn().setHeader(Gb28181Constants.CHANNEL_ID, IPC);
        });
        assertNull(play.getException(), () -> "play failed: " + play.getException());
        return play;
    }

    @Test
    void playWithOutputsWritesFilesThatDecodeFromAKeyFrameOn() throws Exception {
        camera.media.loop = false; // one pass of the fixture: the outputs must hold it from a key frame to the end
        MediaClip source = camera.media.video;
        Exchange play = play("direct:play-to-flv?block=true");
        // the processor's FLV and, attached by the play options of a second route, a recording and HLS
        String streamId = play.getMessage().getHeader(Gb28181Constants.STREAM_ID, String.class);
        List<?> outputs = play.getMessage().getHeader(Gb28181Constants.BRIDGE_OUTPUTS, List.class);
        assertEquals(1, outputs.size(), outputs::toString);
        Exchange more = template.request("gb28181:record?action=start", e ->
                e.getIn().setHeader(Gb28181Constants.STREAM_ID, streamId));
        assertNull(more.getException());

        awaitSent(source.frames().size());
        Thread.sleep(300); // the last frame leaves the demuxer when nothing follows only at the stop
        Exchange stopped = template.request("gb28181:record?action=stop", e ->
                e.getIn().setHeader(Gb28181Constants.STREAM_ID, streamId));
        assertNull(stopped.getException());
        List<?> recorded = stopped.getMessage().getBody(List.class);
        assertEquals(1, recorded.size(), recorded::toString);
        template.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.STREAM_ID, streamId);

        Path flv;
        try (Stream<Path> files = Files.list(dir)) {
            flv = files.filter(p -> p.toString().endsWith(".flv")).findFirst().orElseThrow();
        }
        assertTrue(flv.getFileName().toString().startsWith(IPC + "-" + streamId), flv.toString());
        int flvFrames = awaitDecodable(flv, CLIP_WIDTH, CLIP_HEIGHT);
        assertFromAKeyFrame(source, flvFrames, "FLV");
        int recordedFrames = awaitDecodable((Path) recorded.get(0), CLIP_WIDTH, CLIP_HEIGHT);
        assertTrue(recordedFrames > 0 && recordedFrames <= flvFrames + 1, "recording started later than the FLV: "
                + recordedFrames + " vs " + flvFrames);
    }

    @Test
    void playOptionsRecordAndWriteHlsUntilTheStreamEnds() throws Exception {
        Exchange play = play("gb28181:play?record=true&hls=true");
        String streamId = play.getMessage().getHeader(Gb28181Constants.STREAM_ID, String.class);
        List<?> outputs = play.getMessage().getHeader(Gb28181Constants.BRIDGE_OUTPUTS, List.class);
        assertEquals(2, outputs.size(), outputs::toString);
        Path index = dir.resolve("hls").resolve(streamId).resolve("index.m3u8");
        long deadline = System.currentTimeMillis() + 15_000;
        while (!Files.exists(index) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(index), "HLS playlist written");

        // the camera hangs up: the stream ends and takes its outputs with it, the recording is finished
        camera.byeAll();
        Path recordings = dir.resolve("recordings");
        deadline = System.currentTimeMillis() + 10_000;
        while (server.getComponent("gb28181", Gb28181Component.class).getStreamBridges().find(streamId) != null
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertNull(server.getComponent("gb28181", Gb28181Component.class).getStreamBridges().find(streamId),
                "bridge closed with its stream");
        List<Path> files;
        try (Stream<Path> list = Files.list(recordings)) {
            files = list.toList();
        }
        assertEquals(1, files.size(), files::toString);
        assertTrue(files.get(0).getFileName().toString().startsWith(IPC + "-" + streamId), files.toString());
        assertTrue(awaitDecodable(files.get(0), 320, 180) > 0);
        // finished with the stream, the playlist is complete (a live one would keep ffprobe reading)
        assertTrue(Files.readString(index).contains("#EXT-X-ENDLIST"), "HLS playlist ended");
        assertTrue(awaitDecodable(index, 320, 180) > 0);
    }

    /** The push option through Camel: Debian's ffmpeg listens as an RTMP server and keeps what it received. */
    @Test
    void playWithPushSendsTheStreamToAnRtmpReceiver() throws Exception {
        camera.media.loop = false;
        MediaClip source = camera.media.video;
        int port = Loopback.freePort();
        String url = "rtmp://127.0.0.1:" + port + "/live/s";
        Path received = dir.resolve("received.flv");
        Process receiver = ExternalTools.start(dir, dir.resolve("receiver.log"), "ffmpeg", "-v", "error", "-y",
                "-listen", "1", "-i", url, "-c", "copy", received.toString());
        try {
            Loopback.awaitListening(port, receiver);
            Exchange play = play("gb28181:play?push=" + url);
            String streamId = play.getMessage().getHeader(Gb28181Constants.STREAM_ID, String.class);
            List<?> outputs = play.getMessage().getHeader(Gb28181Constants.BRIDGE_OUTPUTS, List.class);
            assertEquals(1, outputs.size(), outputs::toString);

            awaitSent(source.frames().size());
            Thread.sleep(300); // the last frame leaves the demuxer when nothing follows only at the stop
            template.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.STREAM_ID, streamId);

            assertTrue(receiver.waitFor(30, TimeUnit.SECONDS), "the receiver did not see the end of the stream");
            assertEquals(0, receiver.exitValue(), () -> ExternalTools.read(dir.resolve("receiver.log")));
            assertFromAKeyFrame(source, awaitDecodable(received, CLIP_WIDTH, CLIP_HEIGHT), "RTMP");
        } finally {
            receiver.destroyForcibly();
        }
    }

    /** A camera with G.711 audio, recorded with audio=aac: the MP4 holds AAC that decodes, not a MOV with G.711. */
    @Test
    void theAudioOptionReencodesTheCamerasG711AsAac() throws Exception {
        camera.media.video = MediaClip.builtIn(25, true);
        camera.media.loop = false;
        Exchange play = play("gb28181:play?record=true&audio=aac");
        String streamId = play.getMessage().getHeader(Gb28181Constants.STREAM_ID, String.class);
        awaitSent(camera.media.video.frames().size());
        Thread.sleep(300); // the last frame leaves the demuxer when nothing follows only at the stop
        template.requestBodyAndHeader("gb28181:stop", null, Gb28181Constants.STREAM_ID, streamId);

        Path recordings = dir.resolve("recordings");
        long deadline = System.currentTimeMillis() + 10_000;
        while (server.getComponent("gb28181", Gb28181Component.class).getStreamBridges().find(streamId) != null
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(recordings)) {
            files = list.toList();
        }
        assertEquals(1, files.size(), files::toString);
        assertTrue(awaitDecodable(files.get(0), CLIP_WIDTH, CLIP_HEIGHT) > 0);
        Ffprobe.ProbedStream audio = Ffprobe.stream(Ffprobe.streams(files.get(0)), "audio");
        assertEquals("aac", audio.codec());
        // 2 s of 8 kHz audio is 15 AAC frames of 1024 samples; the last may stay in the encoder's delay
        assertTrue(audio.frames() >= 12, audio.toString());
    }

    /** transcode=null: an H.265 camera's HLS comes out as H.264, what every web player decodes. */
    @Test
    void theTranscodeOptionTurnsAnH265CameraIntoH264Hls() throws Exception {
        camera.media.video = MediaClip.parse(ElementaryStream.resource("h265-320x180.h265"), MediaCodec.H265, 25,
                false);
        Exchange play = play("gb28181:play?hls=true&transcode=null&transcodeBitRate=300000");
        String streamId = play.getMessage().getHeader(Gb28181Constants.STREAM_ID, String.class);
        Path index = dir.resolve("hls").resolve(streamId).resolve("index.m3u8");
        long deadline = System.currentTimeMillis() + 15_000;
        while (!Files.exists(index) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(index), "HLS playlist written");
        camera.byeAll(); // the stream ends: the playlist is completed and ffprobe reads it to its end
        deadline = System.currentTimeMillis() + 10_000;
        while (!Files.readString(index).contains("#EXT-X-ENDLIST") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(awaitDecodable(index, CLIP_WIDTH, CLIP_HEIGHT) > 0, "H.264 decoded from the H.265 camera");
        try (Stream<Path> files = Files.list(index.getParent())) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".ts")), "MPEG-TS segments, as for H.264");
        }
    }

    @Test
    void aTranscodeGraphThatCannotWorkFailsTheRouteStart() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () ->
                server.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:bad-transcode").to("gb28181:play?transcode=nosuchfilter");
                    }
                }));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("unusable transcode filter graph 'nosuchfilter'"), cause.toString());
    }

    @Test
    void snapshotWithoutARunningStreamPlaysTheChannelJustForThePicture() throws Exception {
        Exchange shot = template.request("gb28181:snapshot", e -> {
            e.getIn().setHeader(Gb28181Constants.DEVICE_ID, IPC);
            e.getIn().setHeader(Gb28181Constants.CHANNEL_ID, IPC);
        });
        assertNull(shot.getException(), () -> "snapshot failed: " + shot.getException());
        byte[] jpeg = assertInstanceOf(byte[].class, shot.getMessage().getBody());
        assertPicture(jpeg, camera.media.video);
        assertEquals("image/jpeg", shot.getMessage().getHeader(Exchange.CONTENT_TYPE));
        assertEquals(320, shot.getMessage().getHeader(Gb28181Constants.SNAPSHOT_WIDTH));
        // the stream it started is gone again
        long deadline = System.currentTimeMillis() + 5000;
        while (camera.media.byes.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, camera.media.invites.size());
        assertEquals(1, camera.media.byes.size(), "the short stream was hung up");
    }

    @Test
    void snapshotSeriesUsesTheRunningStream() throws Exception {
        Exchange play = play("gb28181:play");
        StreamSession session = play.getMessage().getBody(StreamSession.class);
        Exchange shots = template.request("gb28181:snapshot?snapshotCount=3&snapshotInterval=200", e -> {
            e.getIn().setHeader(Gb28181Constants.DEVICE_ID, IPC);
            e.getIn().setHeader(Gb28181Constants.CHANNEL_ID, IPC);
        });
        assertNull(shots.getException(), () -> "snapshot failed: " + shots.getException());
        List<?> pictures = shots.getMessage().getBody(List.class);
        assertEquals(3, pictures.size());
        for (Object p : pictures) {
            assertPicture((byte[]) p, camera.media.video);
        }
        assertEquals(1, camera.media.invites.size(), "no second INVITE: the running stream served the pictures");
        assertTrue(camera.media.byes.isEmpty());
        assertNotNull(server.getComponent("gb28181", Gb28181Component.class).getPlatform()
                .stream(session.streamId()));
    }

    @Test
    void badOutputsFailThePlayAndStopTheStream() throws Exception {
        Exchange play = template.request("gb28181:play?push=http://127.0.0.1/x", e ->
                e.getIn().setHeader(Gb28181Constants.DEVICE_ID, IPC));
        assertInstanceOf(IllegalArgumentException.class, play.getException());
        assertTrue(camera.media.invites.isEmpty(), "refused before any INVITE");

        Exchange record = template.request("gb28181:record?action=start", e ->
                e.getIn().setHeader(Gb28181Constants.STREAM_ID, "no-such-stream"));
        assertInstanceOf(IllegalArgumentException.class, record.getException());
        Exchange shot = template.request("gb28181:snapshot?snapshotCount=11", e ->
                e.getIn().setHeader(Gb28181Constants.DEVICE_ID, IPC));
        assertInstanceOf(IllegalArgumentException.class, shot.getException());
    }

    private void awaitSent(int frames) throws InterruptedException {
        // the camera paces 25 fps: one pass of the fixture takes frames × 40 ms
        long deadline = System.currentTimeMillis() + frames * 40L + 10_000;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            int now = camera.media.packetsSent.get();
            if (now == last && now > 0) {
                return;
            }
            last = now;
            Thread.sleep(500);
        }
        fail("the camera kept sending");
    }

    /** Waits until ffprobe decodes the finished file; returns its video frame count. */
    private static int awaitDecodable(Path file, int width, int height) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        AssertionError last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                Ffprobe.ProbedStream video = Ffprobe.stream(Ffprobe.streams(file), "video");
                assertEquals("h264", video.codec());
                assertEquals(width, video.width());
                assertEquals(height, video.height());
                assertTrue(video.frames() > 0, "frames decoded");
                return video.frames();
            } catch (AssertionError e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw last;
    }

    /** An output that joined at some key frame holds every frame from there to the end (±1). */
    private static void assertFromAKeyFrame(MediaClip source, int frames, String what) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < source.frames().size(); i++) {
            if (source.frames().get(i).key()) {
                candidates.add(source.frames().size() - i);
            }
        }
        assertTrue(candidates.stream().anyMatch(c -> Math.abs(c - frames) <= 1),
                () -> what + " has " + frames + " frames; from a key frame to the end would be one of " + candidates);
    }

    private static void assertPicture(byte[] jpeg, MediaClip source) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertNotNull(image, "a decodable JPEG");
        assertEquals(CLIP_WIDTH, image.getWidth());
        assertEquals(CLIP_HEIGHT, image.getHeight());
        assertFalse(jpeg.length < 100, "a real picture");
    }
}
