package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.MediaCodec;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many start/stop cycles of bridges with every kind of local output, a viewer and a snapshot; native memory must
 * stay flat because every muxer, decoder, packet and buffer is freed on close. Short by default; run the long mode
 * with {@code -Dbridge.soak.cycles=2000}.
 */
class MediaBridgeSoakTest extends BridgeTestBase {

    private static final int CYCLES = Integer.getInteger("bridge.soak.cycles", 30);
    private static final int WARM_UP = 5;
    /** Allocator and heap noise; one leaked decoder or muxer per cycle would exceed it several times over. */
    private static final long RSS_SLACK = 48L * 1024 * 1024;

    @Test
    void nativeMemoryStaysFlatOverStartStopCycles() throws Exception {
        TestClip h264 = TestClip.generate(clips, MediaCodec.H264, MediaCodec.G711A, 2);
        TestClip h265 = TestClip.generate(clips, MediaCodec.H265, MediaCodec.G711A, 2);
        for (int i = 0; i < WARM_UP; i++) {
            cycle(i % 2 == 0 ? h264 : h265, i);
        }
        settle();
        long trackedBefore = Pointer.totalBytes();
        long rssBefore = Pointer.physicalBytes();
        for (int i = 0; i < CYCLES; i++) {
            cycle(i % 2 == 0 ? h264 : h265, i);
        }
        settle();
        long trackedAfter = Pointer.totalBytes();
        long rssAfter = Pointer.physicalBytes();

        System.out.printf("soak: %d cycles, JavaCPP-tracked %d -> %d bytes, RSS %d -> %d MB%n", CYCLES,
                trackedBefore, trackedAfter, rssBefore >> 20, rssAfter >> 20);
        assertEquals(trackedBefore, trackedAfter, "memory JavaCPP allocated and did not free");
        assertTrue(rssAfter - rssBefore < RSS_SLACK, "RSS grew by " + ((rssAfter - rssBefore) >> 20) + " MB");
    }

    private void cycle(TestClip clip, int index) throws Exception {
        MediaBridge bridge = fixture.bridge("soak-" + index);
        bridge.addOutput(OutputSpec.flvFile(out.resolve("soak.flv")));
        bridge.addOutput(OutputSpec.mp4File(out.resolve("soak.mp4")));
        bridge.addOutput(OutputSpec.hls(out.resolve("hls")));
        FileSink viewer = new FileSink(out.resolve("viewer.flv"));
        bridge.flvStream().subscribe(viewer);
        clip.feed(bridge);
        bridge.snapshot().get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        BridgeFixture.closeAndWait(bridge);
        viewer.ended.get(BridgeFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(viewer.chunks() > 0);
    }

    private static void settle() throws InterruptedException {
        // JavaCPP frees unreachable pointers from a GC hook: make that happen before counting
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }
}
