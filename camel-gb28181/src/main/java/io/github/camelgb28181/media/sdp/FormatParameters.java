package io.github.camelgb28181.media.sdp;

import java.util.Optional;

/**
 * The GB {@code f=} field: {@code v/<codec>/<resolution>/<frame rate>/<rate type>/<bit rate>a/<codec>/<bit rate>/<sample
 * rate>} (2016 Annex F, 2022 Annex G), e.g. {@code f=v/2/5/25/1/4000a/1/8/1}. Fields are kept as the device wrote them
 * ({@code null} when empty) because the code tables differ between editions of the standard and vendors; the platform
 * shows or logs them rather than computing with them.
 */
public record FormatParameters(String videoCodec, String resolution, String frameRate, String bitRateType,
                               String bitRate, String audioCodec, String audioBitRate, String sampleRate) {

    private static final int VIDEO_FIELDS = 5;
    private static final int AUDIO_FIELDS = 3;

    public FormatParameters {
        for (String f : new String[] { videoCodec, resolution, frameRate, bitRateType, bitRate, audioCodec,
                audioBitRate, sampleRate }) {
            if (f != null && (f.isEmpty() || !isFieldText(f, 0, f.length()))) {
                throw new IllegalArgumentException("f= field must be printable text without '/': " + f);
            }
        }
    }

    /**
     * Reads an {@code f=} value. Empty fields ({@code f=v/////a///}) are absent values; a slash before the
     * {@code a} ({@code ...4000/a/1/8/1}) is accepted as some devices write it.
     *
     * @return empty when the value does not have the {@code v/.../a/...} shape; the answer stays usable without it
     */
    public static Optional<FormatParameters> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.length() < 2 || (v.charAt(0) != 'v' && v.charAt(0) != 'V') || v.charAt(1) != '/') {
            return Optional.empty();
        }
        int audio = indexOfAudio(v);
        if (audio < 0) {
            return Optional.empty();
        }
        String videoPart = v.substring(2, audio);
        String[] video = split(videoPart, VIDEO_FIELDS);
        if (video == null && videoPart.endsWith("/")) {
            video = split(videoPart.substring(0, videoPart.length() - 1), VIDEO_FIELDS);
        }
        String[] sound = split(v.substring(audio + 2), AUDIO_FIELDS);
        if (video == null || sound == null) {
            return Optional.empty();
        }
        return Optional.of(new FormatParameters(video[0], video[1], video[2], video[3], video[4], sound[0], sound[1],
                sound[2]));
    }

    /** The {@code a/} that starts the audio part: the last one, as video fields (digits, or WxH) hold no letter a. */
    private static int indexOfAudio(String v) {
        for (int i = v.length() - 2; i >= 2; i--) {
            char c = v.charAt(i);
            if ((c == 'a' || c == 'A') && v.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    /** Exactly {@code count} slash-separated fields of printable non-blank characters, empty ones as null. */
    private static String[] split(String part, int count) {
        String[] out = new String[count];
        int field = 0;
        int start = 0;
        for (int i = 0; i <= part.length(); i++) {
            if (i == part.length() || part.charAt(i) == '/') {
                if (field == count || !isFieldText(part, start, i)) {
                    return null;
                }
                out[field++] = i > start ? part.substring(start, i) : null;
                start = i + 1;
            }
        }
        return field == count ? out : null;
    }

    private static boolean isFieldText(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '/') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "v/" + text(videoCodec) + "/" + text(resolution) + "/" + text(frameRate) + "/" + text(bitRateType) + "/"
                + text(bitRate) + "a/" + text(audioCodec) + "/" + text(audioBitRate) + "/" + text(sampleRate);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
