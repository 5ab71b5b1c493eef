package io.github.camelgb28181;

import io.github.camelgb28181.bridge.AudioMode;
import io.github.camelgb28181.bridge.TranscodeSpec;
import io.github.camelgb28181.bridge.BridgeOutput;
import io.github.camelgb28181.media.session.StreamSession;
import io.github.camelgb28181.platform.Gb28181Platform;
import io.github.camelgb28181.platform.StreamOutputs;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Attaches media-bridge outputs to the stream a route just started: put it after {@code gb28181:play} (or playback,
 * download), e.g. in YAML
 *
 * <pre>
 * - beans:
 *     - name: mediaBridge
 *       type: io.github.camelgb28181.MediaBridgeProcessor
 *       properties:
 *         push: rtmp://127.0.0.1/live/{channelId}
 *         flvFile: out/{streamId}.flv
 * ...
 * - to: gb28181:play
 * - process:
 *     ref: mediaBridge
 * </pre>
 *
 * The stream is the one named by {@link Gb28181Constants#STREAM_ID} (or a {@code StreamSession} body). Outputs are
 * remuxed without transcoding unless transcode or a watermark is set, run until the stream ends, and are attached once
 * however often the processor runs for the same stream. The names of the stream's outputs go into
 * {@link Gb28181Constants#BRIDGE_OUTPUTS}.
 */
public class MediaBridgeProcessor implements Processor, CamelContextAware {

    private CamelContext camelContext;
    private String component = "gb28181";
    private String push;
    private boolean hls;
    private String flvFile;
    private String mp4File;
    private boolean record;
    private String audio = "auto";
    private String transcode;
    private int transcodeBitRate;
    private String watermarkText;
    private String watermarkFont;
    private String watermarkImage;
    /** Built and checked at the first exchange; empty for a remux. */
    private volatile Optional<TranscodeSpec> checkedTranscode;

    @Override
    public void process(Exchange exchange) throws Exception {
        Gb28181Component gb = camelContext.getComponent(component, Gb28181Component.class);
        if (gb == null) {
            throw new IllegalStateException("no component " + component);
        }
        StreamSession session = session(gb.getPlatform(), exchange);
        StreamOutputs outputs = new StreamOutputs(StreamOutputs.splitUrls(push), hls, flvFile, mp4File, record,
                AudioMode.parse(audio), transcodeSpec());
        exchange.getMessage().setHeader(Gb28181Constants.BRIDGE_OUTPUTS, attach(gb, outputs, session));
    }

    private static StreamSession session(Gb28181Platform platform, Exchange exchange) {
        String id = exchange.getMessage().getHeader(Gb28181Constants.STREAM_ID, String.class);
        if (id == null && exchange.getMessage().getBody() instanceof StreamSession s) {
            id = s.streamId();
        }
        if (id == null) {
            throw new IllegalArgumentException("header " + Gb28181Constants.STREAM_ID + " is required");
        }
        StreamSession session = platform == null ? null : platform.stream(id);
        if (session == null) {
            throw new IllegalArgumentException("no running stream " + id);
        }
        return session;
    }

    /** Attaches {@code outputs} to the stream's bridge with the component's HLS and recording settings. */
    static List<String> attach(Gb28181Component component, StreamOutputs outputs, StreamSession session) {
        Gb28181Configuration c = component.getConfiguration();
        return outputs.attach(component.getStreamBridges(), session, Path.of(c.getHlsFolder()),
                c.toRecordingSpec("recording")).stream().map(BridgeOutput::name).toList();
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public String getComponent() {
        return component;
    }

    /** Name of the gb28181 component whose streams this processor bridges. */
    public void setComponent(String component) {
        this.component = component;
    }

    public String getPush() {
        return push;
    }

    /** rtmp://, rtmps:// or rtsp:// URLs (comma-separated) to push to; {streamId}, {deviceId}, {channelId} allowed. */
    public void setPush(String push) {
        this.push = push;
    }

    public boolean isHls() {
        return hls;
    }

    /** Write HLS into the component's hlsFolder/<streamId>/index.m3u8. */
    public void setHls(boolean hls) {
        this.hls = hls;
    }

    public String getFlvFile() {
        return flvFile;
    }

    /** Write an FLV file at this path; {streamId}, {deviceId}, {channelId} are replaced. */
    public void setFlvFile(String flvFile) {
        this.flvFile = flvFile;
    }

    public String getMp4File() {
        return mp4File;
    }

    /** Write an MP4 file (MOV when G.711 audio is kept as it is) at this path; placeholders as for flvFile. */
    public void setMp4File(String mp4File) {
        this.mp4File = mp4File;
    }

    public boolean isRecord() {
        return record;
    }

    /** Record to rotating files as the component's recording options say. */
    public void setRecord(boolean record) {
        this.record = record;
    }

    public String getAudio() {
        return audio;
    }

    /**
     * auto (keep G.711 where the container carries it, AAC for HLS), aac (G.711 re-encoded as AAC for every output:
     * what web players and MP4 need) or drop (video only).
     */
    public void setAudio(String audio) {
        this.audio = audio;
    }

    /** The transcode options as a checked spec (built once: the properties are set before the first exchange). */
    private TranscodeSpec transcodeSpec() {
        Optional<TranscodeSpec> spec = checkedTranscode;
        if (spec == null) {
            spec = Optional.ofNullable(TranscodeSpec.fromOptions(transcode, watermarkText, watermarkFont,
                    watermarkImage, transcodeBitRate)).map(TranscodeSpec::checked);
            checkedTranscode = spec;
        }
        return spec.orElse(null);
    }

    public String getTranscode() {
        return transcode;
    }

    /**
     * Decode, run this FFmpeg filter graph and encode H.264 for the push, hls and file outputs: "null" only
     * re-encodes (H.265 to H.264), e.g. "scale=640:-2". Recordings stay remuxed.
     */
    public void setTranscode(String transcode) {
        this.transcode = transcode;
    }

    public int getTranscodeBitRate() {
        return transcodeBitRate;
    }

    /** H.264 bit rate (bit/s) of the transcode path; 0 = 1,000,000. */
    public void setTranscodeBitRate(int transcodeBitRate) {
        this.transcodeBitRate = transcodeBitRate;
    }

    public String getWatermarkText() {
        return watermarkText;
    }

    /** Burn this text in at the top left (drawn literally, white on a dark box); needs watermarkFont. */
    public void setWatermarkText(String watermarkText) {
        this.watermarkText = watermarkText;
    }

    public String getWatermarkFont() {
        return watermarkFont;
    }

    /** The TrueType/OpenType file of the text watermark, e.g. /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf. */
    public void setWatermarkFont(String watermarkFont) {
        this.watermarkFont = watermarkFont;
    }

    public String getWatermarkImage() {
        return watermarkImage;
    }

    /** Lay this image (PNG with alpha, JPEG) over the picture at the top left. */
    public void setWatermarkImage(String watermarkImage) {
        this.watermarkImage = watermarkImage;
    }
}
