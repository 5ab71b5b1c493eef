package io.github.camelgb28181.bridge;

import io.github.camelgb28181.media.codec.ParameterSets;
import org.bytedeco.ffmpeg.avutil.AVFrame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The opt-in transcode path of an output: decode → libavfilter graph → OpenH264, all on the output's executor task.
 * Audio passes through untouched. Built lazily at the first key frame (the decoder needs the parameter sets, the
 * filter graph the decoded picture's size and format) and rebuilt when the parameter sets change.
 */
final class VideoTranscoder implements UnitTransform {

    private final TranscodeSpec spec;
    private final List<StreamUnit> produced = new ArrayList<>();
    private ParameterSets sourceSets;
    private VideoDecoder decoder;
    private FilterGraph filters;
    private H264Encoder encoder;

    VideoTranscoder(TranscodeSpec spec) {
        this.spec = spec;
    }

    @Override
    public List<StreamUnit> apply(StreamUnit unit, OutputCounters counters) {
        if (!unit.unit().isVideo()) {
            return List.of(unit);
        }
        produced.clear();
        try {
            if (unit.isVideoKeyFrame() && unit.parameterSets() != null && unit.parameterSets().complete()
                    && !unit.parameterSets().equals(sourceSets)) {
                close();
                sourceSets = unit.parameterSets();
                decoder = VideoDecoder.open(sourceSets);
            }
            if (decoder != null) {
                decoder.decode(unit.unit(), this::filter);
            }
        } catch (IOException | RuntimeException e) {
            // one undecodable frame must not end the output: drop it and start again at the next key frame
            counters.failed(e);
            counters.dropped();
            close();
            sourceSets = null;
        }
        return List.copyOf(produced);
    }

    private void filter(AVFrame frame) throws IOException {
        if (filters == null) {
            filters = FilterGraph.open(spec.filterGraph(), frame.width(), frame.height(), frame.format());
        }
        filters.filter(frame, this::encode);
    }

    private void encode(AVFrame frame) throws IOException {
        if (encoder == null) {
            encoder = H264Encoder.open(filters.outputWidth(), filters.outputHeight(), spec);
        }
        ParameterSets encoded = encoder.parameterSets();
        encoder.encode(frame, unit -> produced.add(new StreamUnit(unit, encoded)));
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
        if (filters != null) {
            filters.close();
            filters = null;
        }
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }
}
