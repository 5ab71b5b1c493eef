package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.AccessUnit;
import io.github.camelgb28181.media.AccessUnitListener;
import io.github.camelgb28181.media.MediaCodec;
import io.github.camelgb28181.media.codec.ParameterSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A short clip made by Debian's ffmpeg at test time (testsrc2 picture, 1 kHz tone) and cut into access units by
 * code that shares nothing with the bridge: Annex B split at access unit delimiters, audio cut into fixed chunks, 90
 * kHz timestamps from a large origin (a device clock is never 0).
 *
 * @param video        H264 or H265
 * @param audio        G711A, G711U, AAC or {@code null}
 * @param sets         the parameter sets found in the stream, with the size the clip was generated at
 * @param units        video and audio units interleaved by time
 * @param videoFrames  how many video access units there are
 */
record TestClip(MediaCodec video, MediaCodec audio, ParameterSets sets, List<AccessUnit> units, int videoFrames) {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int FPS = 25;
    static final int GOP = 25;
    static final long ORIGIN = 8_000_000_000L;
    private static final int FRAME_TICKS = 90_000 / FPS;
    /** 40 ms of 8 kHz G.711, the packetisation a camera typically uses. */
    private static final int G711_CHUNK = 320;
    /** Several ADTS frames per PES, as devices send them. */
    private static final int ADTS_FRAMES_PER_UNIT = 2;

    static TestClip generate(Path dir, MediaCodec video, MediaCodec audio, int seconds)
            throws IOException, InterruptedException {
        String name = video + "-" + audio + "-" + seconds;
        Path videoFile = dir.resolve(name + (video == MediaCodec.H264 ? ".h264" : ".hevc"));
        String size = "testsrc2=size=" + WIDTH + "x" + HEIGHT + ":rate=" + FPS;
        if (video == MediaCodec.H264) {
            ExternalTools.run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", size, "-t",
                    Integer.toString(seconds), "-c:v", "libx264", "-g", Integer.toString(GOP), "-bf", "0",
                    "-pix_fmt", "yuv420p", "-x264-params", "aud=1", "-f", "h264", videoFile.toString());
        } else {
            ExternalTools.run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", size, "-t",
                    Integer.toString(seconds), "-c:v", "libx265", "-pix_fmt", "yuv420p", "-x265-params",
                    "keyint=" + GOP + ":min-keyint=" + GOP + ":bframes=0:aud=1:log-level=error", "-f", "hevc",
                    videoFile.toString());
        }
        List<AccessUnit> videoUnits = new ArrayList<>();
        ParameterSets sets = splitVideo(video, Files.readAllBytes(videoFile), videoUnits);
        List<AccessUnit> audioUnits = audio == null ? List.of() : audioUnits(dir, name, audio, seconds);
        return new TestClip(video, audio, sets, interleave(videoUnits, audioUnits), videoUnits.size());
    }

    /** Feeds the whole clip the way the demuxer would: parameter sets first, then every unit. */
    void feed(AccessUnitListener listener) {
        listener.onParameterSets(sets);
        units.forEach(listener::onAccessUnit);
    }

    /** The same clip shifted by {@code ticks}, for feeding it again after itself. */
    TestClip shifted(long ticks) {
        List<AccessUnit> moved = new ArrayList<>(units.size());
        for (AccessUnit u : units) {
            moved.add(new AccessUnit(u.codec(), u.pts() + ticks, u.dts() + ticks, u.keyFrame(), u.data()));
        }
        return new TestClip(video, audio, sets, moved, videoFrames);
    }

    long durationTicks() {
        return (long) videoFrames * FRAME_TICKS;
    }

    List<AccessUnit> videoUnits() {
        return units.stream().filter(AccessUnit::isVideo).toList();
    }

    private static ParameterSets splitVideo(MediaCodec codec, byte[] stream, List<AccessUnit> out) {
        boolean hevc = codec == MediaCodec.H265;
        byte[] vps = null;
        byte[] sps = null;
        byte[] pps = null;
        List<int[]> nals = nalUnits(stream);
        int auStart = -1;
        boolean key = false;
        for (int[] nal : nals) {
            int start = nal[0];
            int payload = nal[1];
            int end = nal[2];
            int type = hevc ? (stream[payload] >> 1) & 0x3F : stream[payload] & 0x1F;
            boolean delimiter = hevc ? type == 35 : type == 9;
            if (delimiter) {
                if (auStart >= 0) {
                    out.add(unit(codec, stream, auStart, start, key, out.size()));
                }
                auStart = start;
                key = false;
            }
            key |= hevc ? type >= 16 && type <= 21 : type == 5;
            byte[] body = java.util.Arrays.copyOfRange(stream, payload, end);
            if (hevc && type == 32) {
                vps = vps == null ? body : vps;
            } else if (hevc ? type == 33 : type == 7) {
                sps = sps == null ? body : sps;
            } else if (hevc ? type == 34 : type == 8) {
                pps = pps == null ? body : pps;
            }
        }
        out.add(unit(codec, stream, auStart, stream.length, key, out.size()));
        return new ParameterSets(codec, vps, sps, pps, WIDTH, HEIGHT);
    }

    private static AccessUnit unit(MediaCodec codec, byte[] stream, int from, int to, boolean key, int index) {
        long pts = ORIGIN + (long) index * FRAME_TICKS;
        return new AccessUnit(codec, pts, pts, key, java.util.Arrays.copyOfRange(stream, from, to));
    }

    /** {start code offset, NAL header offset, end} of every NAL unit. */
    private static List<int[]> nalUnits(byte[] s) {
        List<int[]> starts = new ArrayList<>();
        for (int i = 0; i + 3 <= s.length; i++) {
            if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) {
                int codeStart = i > 0 && s[i - 1] == 0 ? i - 1 : i;
                starts.add(new int[] {codeStart, i + 3, 0});
                i += 2;
            }
        }
        for (int k = 0; k < starts.size(); k++) {
            starts.get(k)[2] = k + 1 < starts.size() ? starts.get(k + 1)[0] : s.length;
        }
        return starts;
    }

    private static List<AccessUnit> audioUnits(Path dir, String name, MediaCodec audio, int seconds)
            throws IOException, InterruptedException {
        String format = switch (audio) {
            case G711A -> "alaw";
            case G711U -> "mulaw";
            case AAC -> "adts";
            default -> throw new IllegalArgumentException(audio.toString());
        };
        String codec = switch (audio) {
            case G711A -> "pcm_alaw";
            case G711U -> "pcm_mulaw";
            default -> "aac";
        };
        Path file = dir.resolve(name + "." + format);
        ExternalTools.run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=1000:sample_rate=8000", "-t", Integer.toString(seconds), "-ac", "1", "-c:a", codec,
                "-f", format, file.toString());
        byte[] bytes = Files.readAllBytes(file);
        List<AccessUnit> units = new ArrayList<>();
        if (audio != MediaCodec.AAC) {
            for (int at = 0; at < bytes.length; at += G711_CHUNK) {
                long pts = ORIGIN + (long) at * 90_000 / 8000;
                units.add(new AccessUnit(audio, pts, pts,
                        false, java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + G711_CHUNK))));
            }
            return units;
        }
        long frameTicks = 1024L * 90_000 / 8000;
        int frame = 0;
        int at = 0;
        while (at < bytes.length) {
            int unitStart = at;
            int firstFrame = frame;
            for (int k = 0; k < ADTS_FRAMES_PER_UNIT && at < bytes.length; k++, frame++) {
                at += ((bytes[at + 3] & 0x03) << 11) | ((bytes[at + 4] & 0xFF) << 3) | ((bytes[at + 5] & 0xFF) >> 5);
            }
            long pts = ORIGIN + firstFrame * frameTicks;
            units.add(new AccessUnit(audio, pts, pts, false, java.util.Arrays.copyOfRange(bytes, unitStart, at)));
        }
        return units;
    }

    private static List<AccessUnit> interleave(List<AccessUnit> video, List<AccessUnit> audio) {
        List<AccessUnit> all = new ArrayList<>(video.size() + audio.size());
        int a = 0;
        for (AccessUnit v : video) {
            while (a < audio.size() && audio.get(a).pts() <= v.pts()) {
                all.add(audio.get(a++));
            }
            all.add(v);
        }
        while (a < audio.size()) {
            all.add(audio.get(a++));
        }
        return all;
    }
}
