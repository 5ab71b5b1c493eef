package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.MediaCodec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opt-in transcode path: watermarks through libavfilter, H.264 out of OpenH264, checked by Debian's ffmpeg. */
class MediaBridgeTranscodeTest extends BridgeTestBase {

    private static final int MARK = 64;

    @Test
    void imageWatermarkIsBurntIntoReencodedH264() throws Exception {
        TestClip clip = TestClip.generate(clips, MediaCodec.H265, MediaCodec.G711A, 2);
        Path logo = out.resolve("logo.png");
        BufferedImage red = new BufferedImage(MARK, MARK, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < MARK; y++) {
            for (int x = 0; x < MARK; x++) {
                red.setRGB(x, y, Color.RED.getRGB());
            }
        }
        ImageIO.write(red, "png", logo.toFile());
        Path file = out.resolve("watermarked.mp4");
        MediaBridge bridge = fixture.bridge("transcode");
        BridgeOutput output = bridge.addOutput(OutputSpec.mp4File(file)
                .withTranscode(TranscodeSpec.imageWatermark(logo, 16, 16)));

        clip.feed(bridge);
        BridgeFixture.closeAndWait(bridge);

        assertEquals(null, output.stats().lastError());
        // H.265 in, H.264 out: it really was re-encoded; the G.711 audio went through (MOV)
        Ffprobe.assertVideo(file, "h264", clip.videoFrames(), "pcm_alaw");
        BufferedImage frame = lastFrame(file);
        Color inside = new Color(frame.getRGB(16 + MARK / 2, 16 + MARK / 2));
        assertTrue(inside.getRed() > 200 && inside.getGreen() < 60 && inside.getBlue() < 60, inside::toString);
    }

    @Test
    void textWatermarkChangesThePictureWhereItIsDrawn() throws Exception {
        Path font = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        Assumptions.assumeTrue(Files.exists(font), "no DejaVu font to draw with");
        TestClip clip = TestClip.generate(clips, MediaCodec.H264, null, 2);
        Path plain = out.resolve("plain.mp4");
        Path marked = out.resolve("marked.mp4");
        MediaBridge bridge = fixture.bridge("text");
        bridge.addOutput(OutputSpec.mp4File(plain).withTranscode(TranscodeSpec.filter("null")));
        bridge.addOutput(OutputSpec.mp4File(marked)
                .withTranscode(TranscodeSpec.textWatermark("CAM 01: gate's [north]", font, 0, 0, 40)));

        clip.feed(bridge);
        BridgeFixture.closeAndWait(bridge);

        Ffprobe.assertVideo(marked, "h264", clip.videoFrames(), null);
        BufferedImage a = lastFrame(plain);
        BufferedImage b = lastFrame(marked);
        assertTrue(difference(a, b, 0, 0, 200, 40) > 20, "the text box is where the text is drawn");
        assertTrue(difference(a, b, 0, 200, 640, 360) < 8, "the rest of the picture is the same");
    }

    private BufferedImage lastFrame(Path video) throws Exception {
        Path png = out.resolve(video.getFileName() + ".png");
        ExternalTools.run(out, "ffmpeg", "-v", "error", "-y", "-sseof", "-0.5", "-i", video.toString(),
                "-update", "1", png.toString());
        return ImageIO.read(png.toFile());
    }

    private static double difference(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                Color p = new Color(a.getRGB(x, y));
                Color q = new Color(b.getRGB(x, y));
                sum += Math.abs(p.getRed() - q.getRed()) + Math.abs(p.getGreen() - q.getGreen())
                        + Math.abs(p.getBlue() - q.getBlue());
            }
        }
        return sum / (3.0 * (x1 - x0) * (y1 - y0));
    }
}
