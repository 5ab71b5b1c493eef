package io.github.camelgb28181;

import io.github.camelgb28181.bridge.ExternalTools;
import io.github.camelgb28181.bridge.Ffprobe;
import io.github.camelgb28181.simulator.ScriptedDevice;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's own HTTP-FLV server (httpFlvPort) against a simulated camera: a viewer's bytes decode, sixty
 * viewers at once all get the stream (more than a thread-per-viewer HTTP server's worker pool would carry), and bad
 * requests get clear statuses.
 */
class HttpFlvServerTest extends MediaTestSupport {

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private CamelContext server;
    private String base;

    @Override
    protected int portBase() {
        return 41000;
    }

    @BeforeEach
    void startServerCameraAndStream() throws Exception {
        ExternalTools.requireFfmpeg();
        server = server(c -> c.setHttpFlvPort(0));
        int port = server.getComponent("gb28181", Gb28181Component.class).getHttpFlvBoundPort();
        assertTrue(port > 0, "HTTP-FLV listening");
        base = "http://127.0.0.1:" + port;
    }

    private String startStream() throws Exception {
        ScriptedDevice ipc = camera(server);
        org.apache.camel.Exchange played = server.createProducerTemplate().request("gb28181:play",
                e -> e.getIn().setHeader(Gb28181Constants.DEVICE_ID, ipc.deviceId()));
        assertEquals(null, played.getException());
        return played.getMessage().getHeader(Gb28181Constants.STREAM_ID, String.class);
    }

    /** Reads a viewer's body for {@code millis}; returns what came. */
    private static byte[] watch(HttpResponse<InputStream> response, long millis) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long end = System.currentTimeMillis() + millis;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[16 * 1024];
            while (System.currentTimeMillis() < end) {
                int n = body.read(buffer);
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
            }
        }
        return got.toByteArray();
    }

    private HttpResponse<InputStream> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void aViewerGetsFlvThatDecodes() throws Exception {
        String streamId = startStream();
        HttpResponse<InputStream> response = get("/live/" + streamId + ".flv");
        assertEquals(200, response.statusCode());
        assertEquals("video/x-flv", response.headers().firstValue("content-type").orElse(null));
        assertEquals("*", response.headers().firstValue("access-control-allow-origin").orElse(null));
        byte[] flv = watch(response, 3000);
        assertEquals("FLV", new String(flv, 0, 3, StandardCharsets.US_ASCII));
        Path file = dir.resolve("viewer.flv");
        Files.write(file, flv);
        Ffprobe.ProbedStream video = Ffprobe.stream(Ffprobe.streams(file), "video");
        assertEquals("h264", video.codec());
        assertEquals(CLIP_WIDTH, video.width());
        assertTrue(video.frames() >= 25, "3 s of a 25 fps camera: " + video.frames() + " frames");
    }

    @Test
    void sixtyViewersAtOnceAllGetTheStream() throws Exception {
        String streamId = startStream();
        int viewers = 60;
        ExecutorService readers = Executors.newFixedThreadPool(viewers);
        try {
            List<Future<byte[]>> got = new ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                got.add(readers.submit(() -> watch(get("/live/" + streamId + ".flv"), 3000)));
            }
            for (int i = 0; i < viewers; i++) {
                byte[] flv = got.get(i).get(30, TimeUnit.SECONDS);
                assertTrue(flv.length > 30_000 && new String(flv, 0, 3, StandardCharsets.US_ASCII).equals("FLV"),
                        "viewer " + i + " got " + flv.length + " bytes");
            }
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void badRequestsGetClearStatuses() throws Exception {
        assertEquals(404, get("/live/no-such-stream.flv").statusCode());
        assertEquals(400, get("/live/no-suffix").statusCode());
        assertEquals(400, get("/live/%3Cscript%3E.flv").statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/live/x.flv"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base + "/live/x.flv"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("access-control-allow-origin").orElse(null));
    }

    /** Sends raw bytes on a fresh connection; returns the status line (or "" when the server just closed it). */
    private String raw(byte[] request) throws Exception {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = in.readLine();
            return line == null ? "" : line;
        }
    }

    @Test
    void hostileRequestsAreAnsweredAndTheStreamGoesOnForOthers() throws Exception {
        String streamId = startStream();
        HttpResponse<InputStream> viewer = get("/live/" + streamId + ".flv");
        assertEquals(200, viewer.statusCode());
        String huge = "X-Junk: " + "a".repeat(20_000) + "\r\n";
        assertTrue(raw(("GET /live/" + streamId + ".flv HTTP/1.1\r\nHost: x\r\n" + huge + "\r\n")
                .getBytes(StandardCharsets.US_ASCII)).contains(" 400 "), "oversized headers");
        assertTrue(raw(("GET /" + "a".repeat(10_000) + ".flv HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)).contains(" 400 "), "oversized request line");
        String garbage = raw(new byte[] {0, 1, 2, (byte) 0xFF, '\r', '\n', '\r', '\n'});
        assertTrue(garbage.isEmpty() || garbage.contains(" 400 "), "garbage: " + garbage);
        assertTrue(raw("GET /live/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)).contains(" 400 "), "no .flv, no file");
        // only the last segment counts, and only as a stream ID: no file is ever opened
        assertTrue(raw("GET /live/..%2F..%2Fsecret.flv HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)).contains(" 404 "), "no stream named secret");
        // the first viewer was served all along
        byte[] flv = watch(viewer, 2000);
        assertTrue(flv.length > 20_000 && new String(flv, 0, 3, StandardCharsets.US_ASCII).equals("FLV"),
                flv.length + " bytes");
    }
}
