package io.github.camelgb28181.gateway;

import io.github.camelgb28181.Gb28181Component;
import io.github.camelgb28181.bridge.FlvInputStream;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.media.session.StreamState;
import io.github.camelgb28181.platform.StreamBridges;
import io.github.camelgb28181.platform.StreamOutputs;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What browsers and players fetch: HTTP-FLV ({@code GET /live/{streamId}.flv}), HLS ({@code GET
 * /live/{streamId}/index.m3u8} and its segments) and the recordings ({@code GET /api/recordings[/{name}]}). The
 * stream's media bridge is made on the first request; HLS starts writing then, so the first playlist request waits
 * for the first segment.
 */
public class LiveMedia {

    /** Only plain file names the HLS muxer and the recordings write: no path can be smuggled in. */
    private static final Pattern MEDIA_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,200}");
    private static final Duration FIRST_PLAYLIST_WAIT = Duration.ofSeconds(15);
    private static final int VIEWER_BUFFER_CHUNKS = 256;
    private static final Duration VIEWER_STALL_TIMEOUT = Duration.ofSeconds(10);

    /** GET /live/{streamId}.flv: an endless FLV body, header and current GOP first. */
    public void flv(Exchange exchange) {
        Message in = exchange.getMessage();
        String streamId = streamId(in);
        StreamBridges bridges = component(exchange).getStreamBridges();
        InputStream viewer = FlvInputStream.subscribe(bridges.bridge(running(exchange, streamId).streamId())
                .flvStream(), VIEWER_BUFFER_CHUNKS, VIEWER_STALL_TIMEOUT);
        in.removeHeaders("*");
        in.setHeader(Exchange.CONTENT_TYPE, "video/x-flv");
        in.setHeader("Cache-Control", "no-cache");
        in.setBody(viewer);
    }

    /** GET /live/{streamId}/{file}: the HLS playlist (starting HLS for the stream) or one of its segments. */
    public void hls(Exchange exchange) throws IOException, InterruptedException, TimeoutException {
        Message in = exchange.getMessage();
        String streamId = streamId(in);
        String file = fileName(in.getHeader("file", String.class));
        Gb28181Component gb = component(exchange);
        Path root = Path.of(gb.getConfiguration().getHlsFolder());
        Path folder = StreamOutputs.hlsFolder(root, streamId);
        Path path = folder.resolve(file);
        if (file.equals("index.m3u8")) {
            StreamSession session = gb.getPlatform() == null ? null : gb.getPlatform().stream(streamId);
            if (session != null && session.state() != StreamState.ENDED) {
                StreamOutputs.hlsOutput(gb.getStreamBridges(), session, root);
            }
            awaitFile(path, streamId);
        } else if (!Files.isRegularFile(path)) {
            throw new NoSuchElementException("no HLS file " + file + " for stream " + streamId);
        }
        in.removeHeaders("*");
        in.setHeader(Exchange.CONTENT_TYPE, contentType(file));
        in.setHeader("Cache-Control", "no-cache");
        in.setBody(Files.readAllBytes(path));
    }

    /** GET /api/recordings: every recording file, newest first. */
    public List<Map<String, Object>> recordings(Exchange exchange) throws IOException {
        Path folder = Path.of(component(exchange).getConfiguration().getRecordingFolder());
        List<Map<String, Object>> views = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return views;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted((a, b) -> Long.compare(modified(b), modified(a)))
                    .toList()) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("name", p.getFileName().toString());
                view.put("size", Files.size(p));
                view.put("modified", Instant.ofEpochMilli(modified(p)).toString());
                view.put("url", "/api/recordings/" + p.getFileName());
                views.add(view);
            }
        }
        return views;
    }

    /** GET /api/recordings/{name}: one recording file. */
    public void recording(Exchange exchange) throws IOException {
        Message in = exchange.getMessage();
        String name = fileName(in.getHeader("name", String.class));
        Path file = Path.of(component(exchange).getConfiguration().getRecordingFolder()).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchElementException("no recording " + name);
        }
        in.removeHeaders("*");
        in.setHeader(Exchange.CONTENT_TYPE, contentType(name));
        in.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        in.setBody(Files.newInputStream(file));
    }

    private static void awaitFile(Path path, String streamId) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + FIRST_PLAYLIST_WAIT.toNanos();
        while (!Files.isRegularFile(path)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no HLS playlist for stream " + streamId + " within "
                        + FIRST_PLAYLIST_WAIT.toSeconds() + " s");
            }
            Thread.sleep(100); // a Vert.x worker thread, not an event loop; only the first request waits
        }
    }

    private static StreamSession running(Exchange exchange, String streamId) {
        Gb28181Component gb = component(exchange);
        StreamSession session = gb.getPlatform() == null ? null : gb.getPlatform().stream(streamId);
        if (session == null || session.state() == StreamState.ENDED) {
            throw new NoSuchElementException("no running stream " + streamId);
        }
        return session;
    }

    private static String streamId(Message in) {
        String id = in.getHeader("streamId", String.class);
        if (id == null || !MEDIA_FILE.matcher(id).matches()) {
            throw new IllegalArgumentException("bad stream ID");
        }
        return id;
    }

    private static String fileName(String name) {
        if (name == null || !MEDIA_FILE.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("bad file name");
        }
        return name;
    }

    private static String contentType(String file) {
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        } else if (lower.endsWith(".ts")) {
            return "video/mp2t";
        } else if (lower.endsWith(".flv")) {
            return "video/x-flv";
        } else if (lower.endsWith(".mp4") || lower.endsWith(".m4s") || lower.endsWith(".mov")) {
            return "video/mp4";
        }
        return "application/octet-stream";
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Gb28181Component component(Exchange exchange) {
        return exchange.getContext().getComponent("gb28181", Gb28181Component.class);
    }
}
