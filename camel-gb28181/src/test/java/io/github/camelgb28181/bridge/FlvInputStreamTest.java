package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An HTTP-FLV viewer as an InputStream: complete when read, dropped when it stops reading, gone when closed. */
class FlvInputStreamTest extends BridgeTestBase {

    @Test
    void readerGetsTheWholeStreamThenTheEnd() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, MediaCodec.G711A, 3);
        MediaBridge bridge = fixture.bridge("viewer-stream");
        FlvInputStream viewer = FlvInputStream.subscribe(bridge.flvStream(), 8, Duration.ofSeconds(10));
        Path file = out.resolve("viewer.flv");
        CompletableFuture<Long> copied = CompletableFuture.supplyAsync(() -> {
            try (OutputStream to = Files.newOutputStream(file)) {
                return viewer.transferTo(to); // reads in whatever pieces the stream hands out, until its end
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        bridge.onParameterSets(clip.sets());
        for (AccessUnit unit : clip.units()) {
            bridge.onAccessUnit(unit);
            if (unit.isVideo()) {
                Thread.sleep(2); // a small buffer must hold: let the reader keep up as a network would
            }
        }
        BridgeFixture.closeAndWait(bridge);
        copied.get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        byte[] head = new byte[3];
        System.arraycopy(Files.readAllBytes(file), 0, head, 0, 3);
        assertArrayEquals("FLV".getBytes(), head);
        Ffprobe.assertVideo(file, "h264", clip.videoFrames(), "pcm_alaw");
        assertEquals(-1, viewer.read(), "ended");
    }

    @Test
    void aReaderThatStopsReadingIsDroppedAndClosingUnsubscribes() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, null, 3);
        MediaBridge bridge = fixture.bridge("stalled-viewer");
        FlvStream flv = bridge.flvStream();
        FlvInputStream stalled = FlvInputStream.subscribe(flv, 2, Duration.ofMillis(200));
        FlvInputStream closedEarly = FlvInputStream.subscribe(flv, 2, Duration.ofSeconds(30));
        assertEquals(2, flv.viewerCount());
        closedEarly.close();
        BridgeFixture.await(() -> flv.viewerCount() == 1, () -> "the closed viewer to leave");
        assertEquals(-1, closedEarly.read());

        bridge.onParameterSets(clip.sets());
        clip.units().forEach(bridge::onAccessUnit); // nobody reads the stalled viewer
        BridgeFixture.await(() -> flv.viewerCount() == 0, () -> "the stalled viewer to be dropped");
        BridgeFixture.closeAndWait(bridge);
        // what it buffered before it was dropped is still readable, then the end
        byte[] buffered = stalled.readAllBytes();
        assertEquals('F', buffered[0]);
        assertThrows(IllegalArgumentException.class,
                () -> FlvInputStream.subscribe(flv, 0, Duration.ofSeconds(1)));
    }
}
