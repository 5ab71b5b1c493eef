package io.github.camelgb28181.bridge;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The opt-in transcode path of an output: decode the video, run an FFmpeg filter graph over it (watermarks, scaling,
 * anything libavfilter offers) and encode H.264 with the LGPL build's OpenH264 encoder. Audio is passed through as
 * in a remux.
 *
 * @param filterGraph    a libavfilter graph description with one video input and one video output, e.g.
 *                       {@code drawtext=...} or {@code movie=logo.png[wm];[in][wm]overlay=10:10}
 * @param bitRate        target bit rate of the encoder in bit/s
 * @param keyFrameFrames distance between key frames in frames
 */
public record TranscodeSpec(String filterGraph, int bitRate, int keyFrameFrames) {

    private static final int DEFAULT_BIT_RATE = 1_000_000;
    private static final int DEFAULT_KEY_FRAME_FRAMES = 50;
    private static final int WATERMARK_MARGIN = 10;
    private static final int WATERMARK_FONT_SIZE = 24;
    private static final int TRIAL_WIDTH = 320;
    private static final int TRIAL_HEIGHT = 180;

    public TranscodeSpec {
        Objects.requireNonNull(filterGraph, "filterGraph");
        if (bitRate <= 0 || keyFrameFrames <= 0) {
            throw new IllegalArgumentException("bit rate and key frame distance must be positive");
        }
    }

    /** Any filter graph, e.g. {@code "scale=320:-2"} or {@code "null"} for a plain re-encode. */
    public static TranscodeSpec filter(String filterGraph) {
        return new TranscodeSpec(filterGraph, DEFAULT_BIT_RATE, DEFAULT_KEY_FRAME_FRAMES);
    }

    /**
     * A text watermark in a white box-backed font; this FFmpeg build has FreeType but no fontconfig, so the font is
     * a file. The text is drawn literally ({@code expansion=none}: no {@code %{...}} functions).
     */
    public static TranscodeSpec textWatermark(String text, Path fontFile, int x, int y, int fontSize) {
        return filter("drawtext=fontfile=" + optionValue(fontFile.toString()) + ":text=" + optionValue(text)
                + ":expansion=none:x=" + x + ":y=" + y + ":fontsize=" + fontSize
                + ":fontcolor=white:box=1:boxcolor=black@0.5");
    }

    /** An image watermark (PNG with alpha, JPEG, …) laid over the picture at {@code x,y}. */
    public static TranscodeSpec imageWatermark(Path image, int x, int y) {
        return filter("movie=" + optionValue(image.toString()) + "[watermark];[in][watermark]overlay=" + x + ":" + y);
    }

    /**
     * The transcode path that options name, for the Camel options: a filter graph ({@code "null"}: re-encode only,
     * e.g. H.265 to H.264 for web players), or a text watermark (with its font file) at 10,10, or an image watermark
     * at 10,10; none of them gives {@code null} (remux).
     *
     * @param bitRate the encoder's bit rate, 0 for the default
     * @throws IllegalArgumentException when more than one is named, or a text watermark has no font
     */
    public static TranscodeSpec fromOptions(String filterGraph, String watermarkText, String watermarkFont,
                                            String watermarkImage, int bitRate) {
        int named = (isSet(filterGraph) ? 1 : 0) + (isSet(watermarkText) ? 1 : 0) + (isSet(watermarkImage) ? 1 : 0);
        if (named > 1) {
            throw new IllegalArgumentException("one of transcode, watermarkText and watermarkImage, not " + named);
        }
        if (bitRate < 0) {
            throw new IllegalArgumentException("transcodeBitRate must not be negative: " + bitRate);
        }
        TranscodeSpec spec;
        if (isSet(filterGraph)) {
            spec = filter(filterGraph.trim());
        } else if (isSet(watermarkText)) {
            if (!isSet(watermarkFont)) {
                throw new IllegalArgumentException("watermarkText needs watermarkFont, a TrueType/OpenType file: this"
                        + " FFmpeg build has no fontconfig to find one");
            }
            spec = textWatermark(watermarkText, Path.of(watermarkFont), WATERMARK_MARGIN, WATERMARK_MARGIN,
                    WATERMARK_FONT_SIZE);
        } else if (isSet(watermarkImage)) {
            spec = imageWatermark(Path.of(watermarkImage), WATERMARK_MARGIN, WATERMARK_MARGIN);
        } else {
            return null;
        }
        return bitRate > 0 ? spec.withBitRate(bitRate) : spec;
    }

    /**
     * Builds the filter graph once for a nominal 320x180 picture, so that a graph that cannot work (a syntax error,
     * an unknown filter or option, a watermark file or font that is not there) is refused before any stream starts
     * rather than when the first picture reaches it. Loads FFmpeg.
     *
     * @return this spec
     * @throws IllegalArgumentException naming what FFmpeg refused
     */
    public TranscodeSpec checked() {
        FfmpegLog.install();
        try (FilterGraph trial = FilterGraph.open(filterGraph, TRIAL_WIDTH, TRIAL_HEIGHT,
                org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P)) {
            return this;
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("unusable transcode filter graph '" + filterGraph + "': "
                    + e.getMessage(), e);
        }
    }

    private static boolean isSet(String option) {
        return option != null && !option.isBlank();
    }

    public TranscodeSpec withBitRate(int bitsPerSecond) {
        return new TranscodeSpec(filterGraph, bitsPerSecond, keyFrameFrames);
    }

    /**
     * A value placed into a filter graph is unescaped twice (libavfilter docs, "Notes on filtergraph escaping"):
     * once by the graph parser ({@code \ ' [ ] , ;}) and once by the filter's option parser ({@code \ ' :}). Escaping
     * for both keeps a path or a text from ending its option or starting another filter.
     */
    static String optionValue(String value) {
        return escape(escape(value, "\\':"), "\\'[],;");
    }

    private static String escape(String value, String special) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (special.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
