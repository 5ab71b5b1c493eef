package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.MediaCodec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one muxer session is opened: FFmpeg format, URL, options and which audio survives, decided per session from
 * the output's spec and the stream's actual layout (an MP4 becomes a MOV when G.711 is kept, HLS of H.265 uses fMP4).
 *
 * @param format     the FFmpeg muxer name
 * @param url        what the muxer writes to; {@code null} for an in-memory FLV stream
 * @param options    muxer and protocol options
 * @param layout     the tracks to declare (audio removed when the container cannot carry it)
 * @param hevcTag    write the H.265 sample entry as {@code hvc1} (what Apple players require)
 * @param aacFromG711 re-encode the layout's G.711 audio as AAC for this muxer
 */
record MuxPlan(String format, String url, Map<String, String> options, StreamLayout layout, boolean hevcTag,
               boolean aacFromG711) {

    private static final long MICROS_PER_MILLI = 1000;

    static MuxPlan of(OutputSpec spec, StreamLayout stream, Duration networkTimeout) {
        StreamLayout layout = kept(stream, spec.audio());
        Map<String, String> options = new LinkedHashMap<>();
        boolean hevc = layout.video().codec() == MediaCodec.H265;
        boolean g711 = isG711(layout);
        // neither MPEG-TS segments (for players) nor fMP4 carry G.711: HLS re-encodes it unless told to drop it
        boolean aac = aacFromG711(layout, spec.audio(), spec.kind() == OutputKind.HLS);
        String timeoutMicros = Long.toString(networkTimeout.toMillis() * MICROS_PER_MILLI);
        MuxPlan plan = switch (spec.kind()) {
            case RTMP -> {
                // rw_timeout bounds every read/write of the RTMP connection. Not "timeout": for the RTMP protocol that
                // is the listen timeout and turns the publisher into a server waiting for a connection
                options.put("rw_timeout", timeoutMicros);
                options.put("flvflags", "no_duration_filesize");
                options.put("flush_packets", "1");
                yield new MuxPlan("flv", spec.destination(), options, layout, false, aac);
            }
            case RTSP -> {
                options.put("rtsp_transport", "tcp");
                // the RTSP muxer passes "timeout" to its TCP connection as the socket I/O timeout
                options.put("timeout", timeoutMicros);
                yield new MuxPlan("rtsp", spec.destination(), options, layout, false, aac);
            }
            case HLS -> {
                Path folder = Path.of(spec.destination());
                String segmentExtension = hevc ? "m4s" : "ts";
                // Apple's HLS spec allows H.265 only in fMP4 segments
                options.put("hls_segment_type", hevc ? "fmp4" : "mpegts");
                options.put("hls_time", "2");
                options.put("hls_list_size", "6");
                options.put("hls_flags", "delete_segments+independent_segments");
                options.put("hls_segment_filename", folder.resolve("segment_%05d." + segmentExtension).toString());
                if (hevc) {
                    options.put("hls_fmp4_init_filename", "init.mp4");
                }
                yield new MuxPlan("hls", folder.resolve("index.m3u8").toString(), options, layout, hevc, aac);
            }
            case FLV_FILE -> new MuxPlan("flv", spec.destination(), options, layout, false, aac);
            // MP4 has no G.711 sample entry; MOV has, so G.711 kept as it is makes the file a MOV
            case MP4_FILE -> new MuxPlan(g711 && !aac ? "mov" : "mp4", spec.destination(), options, layout, hevc, aac);
        };
        Map<String, String> merged = new LinkedHashMap<>(plan.options);
        merged.putAll(spec.muxerOptions());
        return new MuxPlan(plan.format, plan.url, merged, plan.layout, plan.hevcTag, plan.aacFromG711);
    }

    /** The in-memory FLV of HTTP-FLV: no file, bytes collected per packet. */
    static MuxPlan flvStream(StreamLayout stream, AudioMode audio) {
        StreamLayout layout = kept(stream, audio);
        return new MuxPlan("flv", null, Map.of("flvflags", "no_duration_filesize"), layout, false,
                aacFromG711(layout, audio, false));
    }

    /** The tracks an output with this audio mode declares. */
    private static StreamLayout kept(StreamLayout stream, AudioMode audio) {
        return audio == AudioMode.DROP ? stream.withoutAudio() : stream;
    }

    private static boolean isG711(StreamLayout layout) {
        return layout.audio() != null && layout.audio().isG711();
    }

    /** G.711 is re-encoded when the mode asks for AAC or the container takes no G.711. */
    private static boolean aacFromG711(StreamLayout layout, AudioMode audio, boolean containerTakesNoG711) {
        return isG711(layout) && (audio == AudioMode.AAC || containerTakesNoG711);
    }
}
