package io.github.camelgb28181.bridge;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

import java.io.IOException;

import static io.github.camelgb28181.bridge.FfmpegCalls.check;
import static org.bytedeco.ffmpeg.global.avfilter.AV_BUFFERSRC_FLAG_KEEP_REF;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_h;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_w;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_strdup;

/** A libavfilter graph with one video input ("in") and one yuv420p video output ("out"), on 90 kHz timestamps. */
final class FilterGraph implements AutoCloseable {

    private final AVFilterGraph graph = avfilter_graph_alloc();
    private final AVFilterContext source = new AVFilterContext(null);
    private final AVFilterContext sink = new AVFilterContext(null);
    private final AVFrame filtered = av_frame_alloc();

    private FilterGraph() {
    }

    /** A graph for pictures of this size and pixel format; the encoder wants yuv420p, so that is appended. */
    static FilterGraph open(String description, int width, int height, int pixelFormat) throws IOException {
        FilterGraph filters = new FilterGraph();
        try {
            filters.configure(description + ",format=yuv420p", width, height, pixelFormat);
            return filters;
        } catch (IOException | RuntimeException e) {
            filters.close();
            throw e;
        }
    }

    private void configure(String description, int width, int height, int pixelFormat) throws IOException {
        String args = "video_size=" + width + "x" + height + ":pix_fmt=" + pixelFormat
                + ":time_base=1/90000:pixel_aspect=1/1";
        check(avfilter_graph_create_filter(source, avfilter_get_by_name("buffer"), "in", args, null, graph),
                "creating the filter source");
        check(avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null, graph),
                "creating the filter sink");
        // seen from the parsed graph: its unlabelled input is fed by our source's output "in", and so on
        AVFilterInOut sourceEnd = avfilter_inout_alloc();
        AVFilterInOut sinkEnd = avfilter_inout_alloc();
        try {
            sourceEnd.name(duplicate("in")).filter_ctx(source).pad_idx(0).next(null);
            sinkEnd.name(duplicate("out")).filter_ctx(sink).pad_idx(0).next(null);
            check(avfilter_graph_parse_ptr(graph, description, sinkEnd, sourceEnd, null),
                    "parsing the filter graph '" + description + "'");
            check(avfilter_graph_config(graph, (Pointer) null), "configuring the filter graph");
        } finally {
            avfilter_inout_free(sourceEnd);
            avfilter_inout_free(sinkEnd);
        }
    }

    /** avfilter_inout_free releases the name with av_free, so it must be FFmpeg's own copy. */
    private static BytePointer duplicate(String text) {
        try (BytePointer javaCopy = new BytePointer(text)) {
            return av_strdup(javaCopy);
        }
    }

    int outputWidth() {
        return av_buffersink_get_w(sink);
    }

    int outputHeight() {
        return av_buffersink_get_h(sink);
    }

    /** Filters one decoded picture; every picture the graph lets out goes to {@code next}. */
    void filter(AVFrame frame, VideoDecoder.FrameSink next) throws IOException {
        check(av_buffersrc_add_frame_flags(source, frame, AV_BUFFERSRC_FLAG_KEEP_REF), "feeding the filter graph");
        FfmpegCalls.receiveAll(() -> av_buffersink_get_frame(sink, filtered), "reading the filter graph",
                () -> next.accept(filtered), () -> av_frame_unref(filtered));
    }

    @Override
    public void close() {
        avfilter_graph_free(graph);
        av_frame_free(filtered);
    }
}
