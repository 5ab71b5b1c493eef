package io.github.camelgb28181.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.simulator.DeviceIdPlan;
import io.github.camelgb28181.simulator.Simulator;
import io.github.camelgb28181.simulator.SimulatorConfig;
import io.github.camelgb28181.sip.SipTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The gateway as a new user meets it: the packaged fat jar started with {@code java -jar target/gb28181-gateway.jar},
 * configured by environment variables only, an empty HTTP API, then a device (sipp, Debian package sip-tester)
 * that registers with digest authentication and sends a keep-alive, and one that uses a wrong password.
 * <p>
 * Runs with maven-failsafe-plugin after the package phase ({@code mvn verify}); the jar path comes from the system
 * property {@code gateway.jar}. sipp is required in CI (CI=true); elsewhere the sipp steps are skipped when it is not
 * installed. Everything listens on and talks to 127.0.0.1 only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEndToEndIT {

    static final String SIPP = "sipp";
    static final String DEVICE_ID = "34020000001320000001";
    static final String PASSWORD = "12345678";
    static final String NVR_ID = "34020000001180000001";
    static final String IPC_ID = "34020000001320000009";
    static final String LOOPBACK = "127.0.0.1";
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(10);

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Path workDir;
    static Path gatewayLog;
    static Process gateway;
    static int sipPort;
    static int httpPort;
    /** The component's own HTTP-FLV server (httpFlvPort). */
    static int flvPort;

    /** Prints the gateway's output when a test fails, so that the failure can be understood from the build log. */
    @RegisterExtension
    static final TestWatcher PRINT_GATEWAY_LOG_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printGatewayLog("test " + context.getDisplayName() + " failed");
        }
    };

    @BeforeAll
    static void startGateway() throws Exception {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/gb28181-gateway.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the packaged gateway is missing (run mvn verify): " + jar);
        workDir = Path.of(System.getProperty("gateway.e2e.dir", "target/gateway-e2e")).toAbsolutePath();
        Files.createDirectories(workDir);
        gatewayLog = workDir.resolve("gateway.log");

        sipPort = freeUdpAndTcpPort();
        httpPort = freeTcpPort(sipPort);
        flvPort = freeTcpPort(sipPort, httpPort);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Dcamel.component.gb28181.http-flv-port=" + flvPort, "-jar",
                jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(gatewayLog.toFile());
        Map<String, String> env = pb.environment();
        // only the settings of this test: no CAMEL_* or GATEWAY_* variable of the build environment
        env.keySet().removeIf(name -> {
            String n = name.toUpperCase(Locale.ROOT);
            return n.startsWith("CAMEL_") || n.startsWith("GATEWAY_");
        });
        env.put("CAMEL_COMPONENT_GB28181_HOST", LOOPBACK);
        env.put("CAMEL_COMPONENT_GB28181_PORT", Integer.toString(sipPort));
        env.put("CAMEL_SERVER_HOST", LOOPBACK);
        env.put("CAMEL_SERVER_PORT", Integer.toString(httpPort));
        System.out.printf("starting %s: SIP %s:%d (udp, tcp), HTTP %s:%d, output in %s%n", jar, LOOPBACK, sipPort,
                LOOPBACK, httpPort, gatewayLog);
        gateway = pb.start();
        try {
            awaitHttp();
        } catch (Throwable e) {
            printGatewayLog("the gateway did not start");
            throw e;
        }
    }

    @AfterAll
    static void stopGateway() throws InterruptedException {
        if (gateway == null) {
            return;
        }
        // SIGTERM: Camel Main shuts down gracefully (camel.main.shutdown-timeout = 10)
        gateway.destroy();
        if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
            System.out.println("the gateway did not stop within 20 s after SIGTERM: killing it");
            gateway.destroyForcibly();
            gateway.waitFor(10, TimeUnit.SECONDS);
        }
        gateway = null;
    }

    @Test
    @Order(1)
    void freshGatewayHasNoDevicesAndAnswersJson() throws Exception {
        HttpResponse<String> devices = get("/api/devices");
        assertEquals(200, devices.statusCode(), devices.body());
        assertJsonContentType(devices);
        JsonNode list = JSON.readTree(devices.body());
        assertTrue(list.isArray() && list.isEmpty(), "expected [] but got " + devices.body());

        HttpResponse<String> unknown = get("/api/devices/" + DEVICE_ID);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertJsonContentType(unknown);
        JsonNode error = JSON.readTree(unknown.body());
        assertTrue(error.isObject(), "the 404 body must be a JSON object: " + unknown.body());
        assertEquals(404, error.path("status").asInt(), unknown.body());
        assertEquals(DEVICE_ID, error.path("deviceId").asText(), unknown.body());

        HttpResponse<String> events = get("/api/events?limit=10");
        assertEquals(200, events.statusCode(), events.body());
        assertJsonContentType(events);
        assertTrue(JSON.readTree(events.body()).isArray(), events.body());
    }

    @Test
    @Order(2)
    void sippDeviceRegistersWithDigestAndKeepsAlive() throws Exception {
        requireSipp();
        // the example's scenario, unchanged: device 34020000001320000001, password 12345678 (written in it)
        SippRun run = runSipp("register-keepalive.xml", "good-password");
        assertEquals(0, run.exitCode(), "sipp scenario register-keepalive.xml failed:\n" + run);

        // the keep-alive has been answered; its bookkeeping may still be in flight on the gateway's threads
        JsonNode device = poll(() -> findDevice(readJson("/api/devices")),
                d -> d != null && !d.path("lastKeepaliveAt").isNull() && !d.path("lastKeepaliveAt").isMissingNode());
        assertNotNull(device, "device " + DEVICE_ID + " is not in /api/devices: " + get("/api/devices").body());
        assertTrue(device.path("online").asBoolean(false), "online: " + device);
        assertEquals("UDP", device.path("transport").asText(), "transport: " + device);
        assertEquals(LOOPBACK, device.path("remoteAddress").asText(), "remoteAddress: " + device);
        assertEquals(3600, device.path("expires").asInt(), "expires: " + device);
        assertNotNullField(device, "registeredAt");
        assertNotNullField(device, "lastKeepaliveAt");

        HttpResponse<String> one = get("/api/devices/" + DEVICE_ID);
        assertEquals(200, one.statusCode(), one.body());
        assertJsonContentType(one);
        assertEquals(device, JSON.readTree(one.body()), "/api/devices/" + DEVICE_ID + " differs from the list entry");

        List<String> wanted = List.of("REGISTERED", "ONLINE", "KEEPALIVE");
        JsonNode events = poll(() -> readJson("/api/events?limit=10"),
                e -> eventTypes(e).containsAll(wanted));
        List<String> types = eventTypes(events);
        int registered = types.indexOf("REGISTERED");
        int online = types.indexOf("ONLINE");
        int keepalive = types.indexOf("KEEPALIVE");
        assertTrue(registered >= 0 && online >= 0 && keepalive >= 0, "missing events for " + DEVICE_ID + ": " + events);
        assertTrue(registered < online && online < keepalive,
                "expected REGISTERED, ONLINE, KEEPALIVE in that order (newest last): " + events);
    }

    @Test
    @Order(3)
    void sippDeviceWithWrongPasswordIsRejected() throws Exception {
        requireSipp();
        long rejectedBefore = eventTypes(readJson("/api/events")).stream().filter("REJECTED"::equals).count();
        assertEquals(0, rejectedBefore, "no REJECTED event expected before the wrong password was sent");

        SippRun run = runSipp("register-keepalive-credentials.xml", "wrong-password",
                "-au", DEVICE_ID, "-ap", "not-" + PASSWORD);
        assertNotEquals(0, run.exitCode(), "a wrong password must not get a 200:\n" + run);
        assertTrue(run.errors().contains("403"), "expected the platform to answer 403:\n" + run);

        JsonNode events = poll(() -> readJson("/api/events"), e -> eventTypes(e).contains("REJECTED"));
        JsonNode rejected = null;
        for (JsonNode e : events) {
            if ("REJECTED".equals(e.path("type").asText()) && DEVICE_ID.equals(e.path("deviceId").asText())) {
                rejected = e;
            }
        }
        assertNotNull(rejected, "no REJECTED event for " + DEVICE_ID + ": " + events);
        assertTrue(rejected.path("details").path("detail").asText().startsWith("403"), "REJECTED: " + rejected);
    }

    @Test
    @Order(4)
    void alarmFromASippDeviceInGb2312AppearsInTheEvents() throws Exception {
        requireSipp();
        SippRun run = runSipp("register-alarm.xml", "alarm");
        assertEquals(0, run.exitCode(), "sipp scenario register-alarm.xml failed:\n" + run);
        JsonNode events = poll(() -> readJson("/api/events?limit=50"), e -> eventTypes(e).contains("ALARM"));
        JsonNode alarm = null;
        for (JsonNode e : events) {
            if ("ALARM".equals(e.path("type").asText())) {
                alarm = e;
            }
        }
        assertNotNull(alarm, "no ALARM event: " + events);
        assertEquals("34020000001320000002", alarm.path("deviceId").asText(), alarm.toString());
        JsonNode d = alarm.path("details");
        assertEquals("视频丢失", d.path("description").asText(), "GB2312 decoded exactly: " + alarm);
        assertEquals(1, d.path("priority").asInt(), alarm.toString());
        assertEquals("5", d.path("method").asText(), alarm.toString());
        assertEquals(2, d.path("alarmType").asInt(), alarm.toString());
        assertEquals("34020000001340000001", d.path("channelId").asText(), alarm.toString());
        assertEquals(116.397, d.path("longitude").asDouble(), 1e-9, alarm.toString());
    }

    @Test
    @Order(5)
    void deviceApiRefusesBadRequestsBeforeAskingADevice() throws Exception {
        String ch = "/api/devices/" + DEVICE_ID + "/channels/34020000001310000001";
        assertError(post(ch + "/ptz?cmd=sideways"), 400, "cmd must be one of");
        assertError(post(ch + "/ptz?cmd=left&speed=300"), 400, "speed must be an integer from 1 to 255");
        assertError(post(ch + "/presets/3?action=jump"), 400, "action must be set, call or delete");
        assertError(post("/api/devices/" + DEVICE_ID + "/guard?on=maybe"), 400, "on must be true or false");
        assertError(get("/api/devices/" + DEVICE_ID + "/records?channel=x&start=yesterday&end=2026-11-21T00:00:00"),
                400, "start must be an ISO-8601 date-time");
        assertError(post("/api/devices/34020000001320000404/channels/34020000001310000001/ptz?cmd=stop"), 404,
                "is not registered");
        assertError(get("/api/devices/34020000001320000404/channels"), 404, "device not found");
    }

    @Test
    @Order(6)
    void aSimulatedNvrIsIdentifiedItsChannelsListedAndControlled() throws Exception {
        try (Simulator nvr = simulator(NVR_ID, SipTransport.UDP, 12)) {
            List<ManscdpMessage> received = new CopyOnWriteArrayList<>();
            nvr.addMessageListener((id, m) -> received.add(m));
            nvr.start();
            assertTrue(nvr.awaitRegistered(1, EVENT_TIMEOUT), "the simulated NVR registered");
            // the gateway asks DeviceInfo and Catalog on its own; the listing shows both
            JsonNode device = poll(() -> readJson("/api/devices/" + NVR_ID), d -> d.path("channelCount").asInt() == 12);
            assertEquals("模拟设备" + NVR_ID.substring(14), device.path("name").asText(), device.toString());
            assertEquals("camel-gb28181-sim", device.path("manufacturer").asText(), device.toString());
            assertEquals("SIM-NVR", device.path("model").asText(), device.toString());
            assertEquals("V1.0.0", device.path("firmware").asText(), device.toString());
            JsonNode channels = poll(() -> readJson("/api/devices/" + NVR_ID + "/channels"), c -> c.size() == 12);
            for (int i = 0; i < 12; i++) {
                assertEquals(nvr.channelId(0, i), channels.get(i).path("channelId").asText());
                assertEquals(Simulator.channelName(i), channels.get(i).path("name").asText());
                assertEquals("ON", channels.get(i).path("status").asText());
                assertEquals(NVR_ID, channels.get(i).path("parentId").asText());
            }
            String ch = "/api/devices/" + NVR_ID + "/channels/" + nvr.channelId(0, 3);
            HttpResponse<String> ptz = post(ch + "/ptz?cmd=left&speed=255");
            assertEquals(200, ptz.statusCode(), ptz.body());
            assertEquals(200, JSON.readTree(ptz.body()).path("sipStatus").asInt(), ptz.body());
            // A5 0F 01 02 FF FF 00 B5: left at full pan speed (Annex A.3), addressed to the channel
            var last = received.get(received.size() - 1);
            assertEquals("A50F0102FFFF00B5", last.field("PTZCmd"));
            assertEquals(nvr.channelId(0, 3), last.deviceId());
            assertEquals(200, post(ch + "/presets/7?action=call").statusCode());
            assertEquals("A50F01820007003E", received.get(received.size() - 1).field("PTZCmd"));
            assertEquals(200, get(ch + "/presets").statusCode());
            HttpResponse<String> guard = post("/api/devices/" + NVR_ID + "/guard?on=true");
            assertEquals(200, guard.statusCode(), guard.body());
            assertEquals("SetGuard", received.get(received.size() - 1).field("GuardCmd"));

            // 24-minute files: 30 of them in the 12 hours asked for
            HttpResponse<String> records = get("/api/devices/" + NVR_ID + "/records?channel=" + nvr.channelId(0, 1)
                    + "&start=2026-11-21T00:00:00&end=2026-11-21T12:00:00");
            assertEquals(200, records.statusCode(), records.body());
            JsonNode list = JSON.readTree(records.body());
            assertTrue(list.path("complete").asBoolean(), records.body());
            assertEquals(30, list.path("records").size(), records.body());
            assertEquals("录像" + nvr.channelId(0, 1).substring(14),
                    list.path("records").get(0).path("name").asText());
            assertEquals("2026-11-21T00:00:00", list.path("records").get(0).path("startTime").asText());

            long catalogsBefore = received.stream().filter(m -> m.cmdType().equals("Catalog")).count();
            HttpResponse<String> refresh = post("/api/devices/" + NVR_ID + "/catalog");
            assertEquals(200, refresh.statusCode(), refresh.body());
            assertEquals(12, JSON.readTree(refresh.body()).path("channels").asInt(), refresh.body());
            assertEquals(catalogsBefore + 1, received.stream().filter(m -> m.cmdType().equals("Catalog")).count());
            boolean catalogEvent = false;
            for (JsonNode e : readJson("/api/events?limit=100")) {
                catalogEvent |= "CATALOG".equals(e.path("type").asText()) && NVR_ID.equals(e.path("deviceId").asText())
                        && e.path("details").path("channels").asInt() == 12;
            }
            assertTrue(catalogEvent, "a CATALOG event for the NVR in /api/events");
        }
    }

    @Test
    @Order(7)
    void aSimulatedCameraIsPlayedOverEachTransportAndItsStatisticsGrow() throws Exception {
        try (Simulator ipc = simulator(IPC_ID, SipTransport.TCP, 1)) {
            ipc.start();
            assertTrue(ipc.awaitRegistered(1, EVENT_TIMEOUT), "the simulated camera registered");
            for (String transport : List.of("udp", "tcp-passive", "tcp-active")) {
                HttpResponse<String> play = post("/api/devices/" + IPC_ID + "/channels/" + IPC_ID + "/play?transport="
                        + transport + "&stream=main");
                assertEquals(200, play.statusCode(), play.body());
                JsonNode session = JSON.readTree(play.body());
                String streamId = session.path("streamId").asText();
                assertEquals(transport, session.path("transport").asText(), play.body());
                assertEquals(10, session.path("ssrc").asText().length(), play.body());
                assertTrue(session.path("port").asInt() > 0, play.body());
                JsonNode first = findStream(readJson("/api/streams"), streamId);
                JsonNode later = poll(() -> findStream(readJson("/api/streams"), streamId),
                        s -> s.path("statistics").path("frames").asLong()
                                > first.path("statistics").path("frames").asLong() + 10);
                assertEquals("STREAMING", later.path("state").asText(), later.toString());
                assertEquals("H264", later.path("codec").asText(), later.toString());
                assertTrue(later.path("width").asInt() > 0, later.toString());
                assertEquals(0, later.path("statistics").path("lost").asLong(), later.toString());
                HttpResponse<String> stop = delete("/api/streams/" + streamId);
                assertEquals(200, stop.statusCode(), stop.body());
                assertEquals("ENDED", JSON.readTree(stop.body()).path("state").asText(), stop.body());
                assertNull(findStream(readJson("/api/streams"), streamId));
            }
            assertError(delete("/api/streams/no-such-stream"), 400, "no stream no-such-stream");
        }
    }

    @Test
    @Order(8)
    void aPlayedCameraIsWatchedOverHttpFlvAndHlsSnapshottedAndRecorded() throws Exception {
        requireFfprobe();
        try (Simulator ipc = simulator(IPC_ID, SipTransport.TCP, 1)) {
            ipc.start();
            assertTrue(ipc.awaitRegistered(1, EVENT_TIMEOUT), "the simulated camera registered");
            HttpResponse<String> play = post("/api/devices/" + IPC_ID + "/channels/" + IPC_ID
                    + "/play?record=true");
            assertEquals(200, play.statusCode(), play.body());
            JsonNode session = JSON.readTree(play.body());
            String streamId = session.path("streamId").asText();
            assertEquals("/live/" + streamId + ".flv", session.path("flv").asText(), play.body());

            // a player: three seconds of HTTP-FLV, then ffprobe decodes what it got; from the gateway's HTTP server,
            // then from the component's own (no thread per viewer)
            assertDecodableFlv(URI.create("http://" + LOOPBACK + ":" + httpPort + session.path("flv").asText()),
                    workDir.resolve("viewer-" + streamId + ".flv"));
            assertDecodableFlv(URI.create("http://" + LOOPBACK + ":" + flvPort + "/live/" + streamId + ".flv"),
                    workDir.resolve("direct-viewer-" + streamId + ".flv"));

            // HLS for another kind of player: the first playlist request starts it and waits for a segment
            HttpResponse<String> playlist = get(session.path("hls").asText());
            assertEquals(200, playlist.statusCode(), playlist.body());
            assertTrue(playlist.body().startsWith("#EXTM3U"), playlist.body());
            String segment = playlist.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .findFirst().orElseThrow();
            HttpResponse<byte[]> ts = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":"
                    + httpPort + "/live/" + streamId + "/" + segment)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, ts.statusCode());
            assertTrue(ts.body().length > 188, "a segment with TS packets");
            assertEquals(400, get("/live/" + streamId + "/.profile").statusCode(), "only plain media file names");

            // a snapshot of the running stream
            HttpResponse<byte[]> jpeg = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":"
                    + httpPort + "/api/devices/" + IPC_ID + "/channels/" + IPC_ID + "/snapshot")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, jpeg.statusCode(), () -> new String(jpeg.body()));
            assertEquals("image/jpeg", jpeg.headers().firstValue("Content-Type").orElse(""));
            java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(
                    new java.io.ByteArrayInputStream(jpeg.body()));
            assertEquals(320, picture.getWidth());
            assertEquals(180, picture.getHeight());

            // stopping the stream finishes its recording, which the API lists and serves
            assertEquals(200, delete("/api/streams/" + streamId).statusCode());
            JsonNode recording = poll(() -> readJson("/api/recordings"), list -> {
                for (JsonNode r : list) {
                    if (r.path("name").asText().contains(streamId)) {
                        return true;
                    }
                }
                return false;
            });
            String url = null;
            for (JsonNode r : recording) {
                if (r.path("name").asText().contains(streamId)) {
                    url = r.path("url").asText();
                }
            }
            Path downloaded = workDir.resolve("downloaded-" + streamId + ".mp4");
            String recordingUrl = url;
            JsonNode recorded = null;
            for (int attempt = 0; attempt < 20 && recorded == null; attempt++) {
                HttpResponse<Path> file = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":"
                        + httpPort + recordingUrl)).build(), HttpResponse.BodyHandlers.ofFile(downloaded));
                assertEquals(200, file.statusCode());
                try {
                    recorded = ffprobe(downloaded);
                } catch (AssertionError notYetFinished) {
                    Thread.sleep(250);
                }
            }
            assertNotNull(recorded, "the recording decodes");
            assertEquals("h264", recorded.path("codec_name").asText(), recorded.toString());
            assertTrue(recorded.path("nb_read_frames").asInt() > 0, recorded.toString());
            assertEquals(404, get("/api/recordings/no-such-file.mp4").statusCode());
        }
    }

    /** Three seconds of an HTTP-FLV viewer into {@code flv}; ffprobe must decode a second of video or more. */
    static void assertDecodableFlv(URI url, Path flv) throws Exception {
        HttpResponse<InputStream> live = HTTP.send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, live.statusCode());
        assertEquals("video/x-flv", live.headers().firstValue("Content-Type").orElse(""));
        try (InputStream body = live.body(); OutputStream out = Files.newOutputStream(flv)) {
            java.util.concurrent.CompletableFuture<Void> reading = java.util.concurrent.CompletableFuture
                    .runAsync(() -> {
                        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                        byte[] buffer = new byte[16 * 1024];
                        try {
                            int n;
                            while (System.nanoTime() < until && (n = body.read(buffer)) > 0) {
                                out.write(buffer, 0, n);
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            // a stalled response must fail the test, not hang it
            reading.get(30, TimeUnit.SECONDS);
        }
        JsonNode probed = ffprobe(flv);
        assertEquals("h264", probed.path("codec_name").asText(), probed.toString());
        assertEquals(320, probed.path("width").asInt(), probed.toString());
        assertTrue(probed.path("nb_read_frames").asInt() >= 25, "a second of video or more: " + probed);
    }

    /** Debian's ffprobe on a file: the video stream with its decoded frame count. */
    static JsonNode ffprobe(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_streams", "-of", "json", file.toString()).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "ffprobe finished");
        assertEquals(0, p.exitValue(), () -> "ffprobe failed on " + file + ": " + readQuietlyFrom(p));
        JsonNode streams = JSON.readTree(out).path("streams");
        assertEquals(1, streams.size(), () -> "one video stream in " + file);
        return streams.get(0);
    }

    static String readQuietlyFrom(Process p) {
        try {
            return new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static void requireFfprobe() {
        boolean present = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ffprobe")));
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("ffprobe is required in CI: apt-get install -y ffmpeg");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "ffprobe not installed");
    }

    /** One simulated device with this ID, registering with the gateway over {@code transport}. */
    static Simulator simulator(String deviceId, SipTransport transport, int channels) {
        return new Simulator(SimulatorConfig.builder().serverHost(LOOPBACK).serverPort(sipPort).password(PASSWORD)
                .idPlan(new DeviceIdPlan(deviceId.substring(0, 14), Long.parseLong(deviceId.substring(14))))
                .transport(transport).channels(channels).itemsPerMessage(5).recordMinutes(24).build());
    }

    static JsonNode findStream(JsonNode streams, String streamId) {
        for (JsonNode s : streams) {
            if (streamId.equals(s.path("streamId").asText())) {
                return s;
            }
        }
        return null;
    }

    static HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + httpPort + path))
                .timeout(Duration.ofSeconds(30)).DELETE().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void assertError(HttpResponse<String> response, int status, String message) throws IOException {
        assertEquals(status, response.statusCode(), response.uri() + ": " + response.body());
        assertJsonContentType(response);
        JsonNode body = JSON.readTree(response.body());
        assertEquals(status, body.path("status").asInt(), response.body());
        assertTrue(body.path("error").asText().contains(message), response.uri() + ": " + response.body());
    }

    // --- HTTP -----------------------------------------------------------------------------------------------------

    static HttpResponse<String> post(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + httpPort + path))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + httpPort + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode readJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        assertJsonContentType(response);
        return JSON.readTree(response.body());
    }

    static void assertJsonContentType(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.toLowerCase(Locale.ROOT).startsWith("application/json"),
                response.uri() + ": Content-Type " + type);
    }

    static void assertNotNullField(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertTrue(value != null && !value.isNull() && !value.asText().isBlank(), field + " must be set: " + node);
    }

    /** Polls GET /api/devices until it answers (the gateway is up), or fails after {@link #STARTUP_TIMEOUT}. */
    static void awaitHttp() throws Exception {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                fail("the gateway exited with code " + gateway.exitValue() + " before /api/devices answered");
            }
            try {
                HttpResponse<String> r = get("/api/devices");
                if (r.statusCode() == 200) {
                    return;
                }
                last = new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        fail("GET /api/devices did not answer within " + STARTUP_TIMEOUT.toSeconds() + " s: " + last);
    }

    interface Fetch {
        JsonNode get() throws Exception;
    }

    /** The first answer that satisfies the condition, else the last one after {@link #EVENT_TIMEOUT}. */
    static JsonNode poll(Fetch fetch, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        JsonNode last = fetch.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = fetch.get();
        }
        return last;
    }

    static JsonNode findDevice(JsonNode devices) {
        for (JsonNode d : devices) {
            if (DEVICE_ID.equals(d.path("deviceId").asText())) {
                return d;
            }
        }
        return null;
    }

    /** The event types of {@link #DEVICE_ID}, oldest first. */
    static List<String> eventTypes(JsonNode events) {
        List<String> types = new ArrayList<>();
        for (JsonNode e : events) {
            if (DEVICE_ID.equals(e.path("deviceId").asText())) {
                types.add(e.path("type").asText());
            }
        }
        return types;
    }

    // --- sipp -----------------------------------------------------------------------------------------------------

    static boolean sippInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, SIPP))) {
                return true;
            }
        }
        return false;
    }

    static void requireSipp() {
        if (!sippInstalled()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("sipp is required in CI: apt-get install -y sip-tester");
            }
            Assumptions.abort("sipp not installed (apt-get install -y sip-tester)");
        }
    }

    record SippRun(int exitCode, String output, String errors) {
        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- sipp output ---\n" + output + "\n--- sipp errors ---\n" + errors;
        }
    }

    /** Runs a scenario of src/test/sipp as one UDP call against the gateway; sipp's files go to target/. */
    static SippRun runSipp(String scenario, String name, String... extraArgs) throws Exception {
        Path file = Path.of(System.getProperty("gateway.sipp.dir", "src/test/sipp"), scenario).toAbsolutePath();
        assertTrue(Files.isRegularFile(file), "missing sipp scenario " + file);
        Path out = workDir.resolve("sipp-" + name + ".out");
        Path errors = workDir.resolve("sipp-" + name + "-errors.log");
        Files.deleteIfExists(errors);
        List<String> cmd = new ArrayList<>(List.of(SIPP, LOOPBACK + ":" + sipPort, "-sf", file.toString(),
                "-t", "u1", "-i", LOOPBACK, "-p", Integer.toString(freeUdpPort()),
                "-m", "1", "-timeout", "20s", "-timeout_error", "-nostdin",
                "-trace_err", "-error_file", errors.toString()));
        cmd.addAll(List.of(extraArgs));
        System.out.println("running " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("sipp did not finish within 60 s; output in " + out);
        }
        return new SippRun(p.exitValue(), readQuietly(out), readQuietly(errors));
    }

    // --- ports and files ------------------------------------------------------------------------------------------

    /** A loopback port that is free for both TCP and UDP (the SIP server listens on both). */
    static int freeUdpAndTcpPort() throws IOException {
        InetAddress loopback = InetAddress.getByName(LOOPBACK);
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(loopback, 0));
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
                    return port;
                } catch (IOException inUseForUdp) {
                    // try another one
                }
            }
        }
        throw new IOException("no port free for both TCP and UDP on " + LOOPBACK);
    }

    static int freeTcpPort(int... avoid) throws IOException {
        InetAddress loopback = InetAddress.getByName(LOOPBACK);
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
                int port = tcp.getLocalPort();
                if (java.util.Arrays.stream(avoid).noneMatch(a -> a == port)) {
                    return port;
                }
            }
        }
        throw new IOException("no free TCP port on " + LOOPBACK);
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName(LOOPBACK))) {
            return s.getLocalPort();
        }
    }

    static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    static void printGatewayLog(String why) {
        if (gatewayLog == null) {
            return;
        }
        System.out.println("===== " + why + ": output of the gateway (" + gatewayLog + ") =====");
        System.out.println(readQuietly(gatewayLog));
        System.out.println("===== end of the gateway output =====");
    }
}
