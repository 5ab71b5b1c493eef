package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.MediaCodec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken units from a device are dropped and counted; the outputs carry on with the good ones. */
class MediaBridgeHostileInputTest extends BridgeTestBase {

    @Test
    void garbageVideoAndBrokenAudioAreDroppedNotFatal() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, MediaCodec.AAC, 4);
        MediaBridge bridge = fixture.bridge("hostile");
        BridgeOutput hls = bridge.addOutput(OutputSpec.hls(out.resolve("hls")));
        BridgeOutput mp4 = bridge.addOutput(OutputSpec.mp4File(out.resolve("out.mp4")));
        byte[] noise = new byte[4000];
        new Random(28181).nextBytes(noise);
        noise[0] = 0x55;
        bridge.onParameterSets(clip.sets());
        List<AccessUnit> units = clip.units();
        int injected = 0;
        for (int i = 0; i < units.size(); i++) {
            AccessUnit unit = units.get(i);
            bridge.onAccessUnit(unit);
            if (i > units.size() / 3 && i % 40 == 0) {
                AccessUnit next = units.get(i + 1);
                // Annex B without a start code (a device that lost sync), an AAC PES cut inside its ADTS header,
                // an empty PES and a stream type nothing can use
                bridge.onAccessUnit(new AccessUnit(MediaCodec.H264, next.pts(), next.dts(), false, noise));
                bridge.onAccessUnit(new AccessUnit(MediaCodec.AAC, next.pts(), next.pts(), false,
                        Arrays.copyOf(firstAac(units).data(), 5)));
                bridge.onAccessUnit(new AccessUnit(MediaCodec.G711A, next.pts(), next.pts(), false, new byte[0]));
                bridge.onAccessUnit(new AccessUnit(MediaCodec.UNKNOWN, next.pts(), next.pts(), false, noise));
                injected++;
            }
        }
        BridgeFixture.closeAndWait(bridge);

        assertTrue(injected >= 2);
        OutputStats hlsStats = hls.stats();
        assertEquals(OutputState.CLOSED, hlsStats.state(), hlsStats::toString);
        // MPEG-TS refuses the start-code-less frame and nobody can cut the AAC: both counted
        assertEquals(2L * injected, hlsStats.drops(), hlsStats::toString);
        Ffprobe.assertVideo(out.resolve("hls").resolve("index.m3u8"), "h264", clip.videoFrames(), "aac");
        assertTrue(mp4.stats().drops() >= injected, mp4.stats()::toString);
        assertEquals(OutputState.CLOSED, mp4.stats().state());
    }

    private static AccessUnit firstAac(List<AccessUnit> units) {
        return units.stream().filter(u -> u.codec() == MediaCodec.AAC).findFirst().orElseThrow();
    }
}
