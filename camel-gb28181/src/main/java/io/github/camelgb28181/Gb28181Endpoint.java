package io.github.camelgb28181;

import io.github.camelgb28181.bridge.AudioMode;
import io.github.camelgb28181.bridge.TranscodeSpec;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Turn Camel into a GB/T 28181 video surveillance platform: devices register over SIP, their events become
 * exchanges, and routes query and command them.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gb28181", title = "GB28181", syntax = "gb28181:type",
             category = { Category.IOT, Category.NETWORKING }, headersClass = Gb28181Constants.class)
public class Gb28181Endpoint extends DefaultEndpoint {

    @UriPath(enums = "register,status,keepalive,message,catalog,alarm,mobilePosition,mediaStatus,recordInfo,deviceInfo,"
                     + "deviceStatus,stream,frames,registerDecision,passwordLookup,devices,channels,command,subscribe,play,playback,"
                     + "download,stop,playbackControl,streams,broadcast")
    @Metadata(required = true)
    private Gb28181Type type;
    @UriParam(label = "consumer")
    private String deviceId;
    @UriParam(label = "consumer")
    private String cmdType;
    @UriParam(label = "producer")
    private String command;
    @UriParam(label = "producer", defaultValue = "10000", javaType = "java.time.Duration")
    private long responseTimeout = 10_000;
    @UriParam(label = "producer", defaultValue = "5000", javaType = "java.time.Duration")
    private long gapTimeout = 5_000;
    @UriParam(label = "producer", enums = "catalog,alarm,mobilePosition,ptzPosition")
    private String event;
    @UriParam(label = "producer", defaultValue = "3600")
    private int expires = 3600;
    @UriParam(label = "consumer")
    private String channelId;
    @UriParam(label = "consumer")
    private boolean keyFramesOnly;
    @UriParam(label = "consumer", defaultValue = "1000")
    private int framesQueueSize = 1000;
    @UriParam(label = "producer", enums = "udp,tcp-passive,tcp-active")
    private String transport;
    @UriParam(label = "producer")
    private String stream;
    @UriParam(label = "producer", enums = "streamnumber,stream,streamprofile,streamMode")
    private String subStreamFlavour;
    @UriParam(label = "producer", defaultValue = "4")
    private int downloadSpeed = 4;
    @UriParam(label = "producer", enums = "pause,resume,speed,seek,start,stop")
    private String action;
    @UriParam(label = "producer")
    private boolean record;
    @UriParam(label = "producer")
    private String push;
    @UriParam(label = "producer")
    private boolean hls;
    @UriParam(label = "producer", enums = "auto,aac,drop", defaultValue = "auto")
    private String audio = "auto";
    @UriParam(label = "producer")
    private String transcode;
    @UriParam(label = "producer")
    private int transcodeBitRate;
    private volatile TranscodeSpec transcodeSpec;
    @UriParam(label = "producer", defaultValue = "1")
    private int snapshotCount = 1;
    @UriParam(label = "producer", defaultValue = "1000", javaType = "java.time.Duration")
    private long snapshotInterval = 1000;
    @UriParam(label = "producer", defaultValue = "pcma", enums = "pcma,pcmu")
    private String audioCodec = "pcma";
    @UriParam(label = "producer", defaultValue = "20", enums = "20,40")
    private int packetTime = 20;

    public Gb28181Endpoint(String uri, Gb28181Component component) {
        super(uri, component);
    }

    @Override
    public Gb28181Component getComponent() {
        return (Gb28181Component) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return switch (type) {
            case devices -> new Gb28181DevicesProducer(this);
            case channels -> new Gb28181ChannelsProducer(this);
            case play, playback, download -> new Gb28181StreamStartProducer(this);
            case stop, playbackControl, streams -> new Gb28181StreamControlProducer(this);
            case command -> new Gb28181CommandProducer(this);
            case subscribe -> new Gb28181SubscribeProducer(this);
            case snapshot -> new Gb28181SnapshotProducer(this);
            case record -> new Gb28181RecordProducer(this);
            case broadcast -> new Gb28181BroadcastProducer(this);
            default -> throw new IllegalArgumentException(
                    "gb28181:" + type + " is a consumer endpoint; producers: devices, channels, command, subscribe, play, playback, download, stop, playbackControl, streams, broadcast, snapshot, record");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (type) {
            case register, status, keepalive -> new Gb28181DeviceEventConsumer(this, processor);
            case message -> new Gb28181MessageConsumer(this, processor);
            case catalog -> new Gb28181CatalogConsumer(this, processor);
            case alarm, mobilePosition, mediaStatus -> new Gb28181NotifyConsumer(this, processor);
            case recordInfo, deviceInfo, deviceStatus -> new Gb28181AnswerConsumer(this, processor);
            case registerDecision -> new Gb28181RegisterDecisionConsumer(this, processor);
            case passwordLookup -> new Gb28181PasswordLookupConsumer(this, processor);
            case stream, frames -> new Gb28181StreamConsumer(this, processor);
            case devices, channels, command, subscribe, play, playback, download, stop, playbackControl, streams,
                 snapshot, record, broadcast -> throw new IllegalArgumentException(
                    "gb28181:" + type + " is a producer endpoint");
        };
        configureConsumer(consumer);
        return consumer;
    }

    public Gb28181Type getType() {
        return type;
    }

    /**
     * What the endpoint does. Consumers: register (registered, refreshed, unregistered, redirected, rejected),
     * status (online, offline), keepalive, message (every MANSCDP message), catalog (whole catalogs and NOTIFY
     * changes), alarm, mobilePosition, mediaStatus (notifications), recordInfo, deviceInfo, deviceStatus (answers to
     * queries, including the automatic ones), registerDecision (decide about a REGISTER), passwordLookup (per-device
     * passwords), stream (stream lifecycle), frames (access units). Producers: devices (the registry), channels
     * (stored catalogs), command (queries and controls), subscribe, play, playback (also playlists of RecordItems),
     * download, stop (streams and broadcasts), playbackControl, streams, broadcast (voice broadcast of G.711 audio to
     * a device's audio output), snapshot (JPEG pictures), record (start/stop recording a stream).
     */
    public void setType(Gb28181Type type) {
        this.type = type;
    }

    public String getDeviceId() {
        return deviceId;
    }

    /** Only events of this device (consumers). */
    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getCommand() {
        return command;
    }

    /**
     * The command gb28181:command sends: a query (DeviceInfo, DeviceStatus, Catalog, RecordInfo, ConfigDownload,
     * PresetQuery, AlarmQuery, MobilePositionQuery, 2022 queries) or a control (PTZ, TeleBoot, RecordCmd, GuardCmd,
     * AlarmCmd, IFrameCmd, DragZoomIn/Out, HomePosition, DeviceConfig, 2022 controls). Parameters come from a Map
     * body. The CamelGb28181Command header overrides it.
     */
    public void setCommand(String command) {
        this.command = command;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * How long gb28181:command waits for the first Response message (large NVRs and lower platforms may need up to
     * two minutes before the first catalog message).
     */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public long getGapTimeout() {
        return gapTimeout;
    }

    /** For answers spread over several messages: how long to wait for the next one before returning a partial result. */
    public void setGapTimeout(long gapTimeout) {
        this.gapTimeout = gapTimeout;
    }

    public String getEvent() {
        return event;
    }

    /** What gb28181:subscribe subscribes to: catalog, alarm, mobilePosition or ptzPosition. */
    public void setEvent(String event) {
        this.event = event;
    }

    public int getExpires() {
        return expires;
    }

    /** The subscription lifetime gb28181:subscribe asks for, in seconds; 0 unsubscribes. Refreshed automatically. */
    public void setExpires(int expires) {
        this.expires = expires;
    }

    public String getCmdType() {
        return cmdType;
    }

    /** Only MANSCDP messages with this CmdType, e.g. Keepalive or Alarm (message consumer); comma-separated list. */
    public void setCmdType(String cmdType) {
        this.cmdType = cmdType;
    }

    public String getChannelId() {
        return channelId;
    }

    /** Only streams, frames or events of this channel (consumers). */
    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public boolean isKeyFramesOnly() {
        return keyFramesOnly;
    }

    /** gb28181:frames: only key frames (one picture per GOP, e.g. for snapshot analytics). */
    public void setKeyFramesOnly(boolean keyFramesOnly) {
        this.keyFramesOnly = keyFramesOnly;
    }

    public int getFramesQueueSize() {
        return framesQueueSize;
    }

    /**
     * gb28181:frames: access units waiting for the route; when the route is slower than the video, new units are
     * dropped (and counted) rather than stalling the media event loop.
     */
    public void setFramesQueueSize(int framesQueueSize) {
        this.framesQueueSize = framesQueueSize;
    }

    public String getTransport() {
        return transport;
    }

    /**
     * Media transport of play/playback/download: udp, tcp-passive (the device connects) or tcp-active (we do).
     * Unset: the device's entry in the component's deviceTransports, else udp.
     */
    public void setTransport(String transport) {
        this.transport = transport;
    }

    public String getStream() {
        return stream;
    }

    /** Which stream of the camera: main, sub, or its number (0 main, 1 first sub-stream); unset: the device's choice. */
    public void setStream(String stream) {
        this.stream = stream;
    }

    public String getSubStreamFlavour() {
        return subStreamFlavour;
    }

    /**
     * How the stream is asked for in the SDP, which differs by vendor: streamnumber (a=streamnumber:N, GB/T
     * 28181-2022), stream (a=stream:N), streamprofile (a=streamprofile:N), streamMode (a=streamMode:MAIN|SUB).
     * Unset: the device's entry in the component's deviceStreamFlavours, else streamnumber.
     */
    public void setSubStreamFlavour(String subStreamFlavour) {
        this.subStreamFlavour = subStreamFlavour;
    }

    public int getDownloadSpeed() {
        return downloadSpeed;
    }

    /** gb28181:download: the speed factor asked of the device (a=downloadspeed). */
    public void setDownloadSpeed(int downloadSpeed) {
        this.downloadSpeed = downloadSpeed;
    }

    public String getAction() {
        return action;
    }

    /**
     * gb28181:playbackControl: pause, resume, speed (value = factor 0.25–8) or seek (value = seconds);
     * gb28181:record: start or stop.
     */
    public void setAction(String action) {
        this.action = action;
    }

    public boolean isRecord() {
        return record;
    }

    /**
     * gb28181:play, playback, download: also record the stream to rotating files (recordingFolder, recordingFormat,
     * recordingMaxDuration, recordingMaxSize) until it ends.
     */
    public void setRecord(boolean record) {
        this.record = record;
    }

    public String getPush() {
        return push;
    }

    /**
     * gb28181:play, playback, download: also push the stream to these rtmp:// or rtsp:// URLs (comma-separated),
     * remuxed without transcoding (H.265 as enhanced FLV over RTMP), reconnecting with backoff.
     */
    public void setPush(String push) {
        this.push = push;
    }

    public boolean isHls() {
        return hls;
    }

    /** gb28181:play, playback, download: also write HLS into hlsFolder/<streamId>/index.m3u8. */
    public void setHls(boolean hls) {
        this.hls = hls;
    }

    public String getAudio() {
        return audio;
    }

    /**
     * gb28181:play, playback, download, record: what the outputs they attach (push, hls, record) keep of the
     * stream's audio: auto (G.711 where the container carries it, AAC for HLS), aac (G.711 re-encoded as AAC for
     * every output, what web players and MP4 need) or drop (video only).
     */
    public void setAudio(String audio) {
        this.audio = audio;
    }

    public String getTranscode() {
        return transcode;
    }

    /**
     * gb28181:play, playback, download: for the push and hls outputs, decode the video, run this FFmpeg filter graph
     * over it and encode H.264 (OpenH264): "null" only re-encodes (an H.265 camera for web players), "scale=640:-2"
     * shrinks, drawtext or overlay burn in a watermark. Recordings stay remuxed. Costs CPU per stream: opt in.
     */
    public void setTranscode(String transcode) {
        this.transcode = transcode;
    }

    public int getTranscodeBitRate() {
        return transcodeBitRate;
    }

    /** gb28181:play, playback, download: the H.264 bit rate (bit/s) of the transcode path; 0 = 1,000,000. */
    public void setTranscodeBitRate(int transcodeBitRate) {
        this.transcodeBitRate = transcodeBitRate;
    }

    /** The transcode option as a spec, or null to remux; checked when the endpoint started. */
    TranscodeSpec transcodeSpec() {
        return transcodeSpec;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TranscodeSpec spec = TranscodeSpec.fromOptions(transcode, null, null, null, transcodeBitRate);
        // a filter graph that cannot work fails the route's start, not a stream long after
        transcodeSpec = spec == null ? null : spec.checked();
    }

    /** The bridge's audio mode: the header, else the audio option; an unknown value is refused. */
    AudioMode audioMode(org.apache.camel.Message in) {
        return AudioMode.parse(in.getHeader(Gb28181Constants.BRIDGE_AUDIO, audio, String.class));
    }

    public int getSnapshotCount() {
        return snapshotCount;
    }

    /** gb28181:snapshot: how many pictures, 1 to 10; more than one gives a list of JPEGs. */
    public void setSnapshotCount(int snapshotCount) {
        this.snapshotCount = snapshotCount;
    }

    public long getSnapshotInterval() {
        return snapshotInterval;
    }

    /** gb28181:snapshot: time (ms) between the pictures of a series. */
    public void setSnapshotInterval(long snapshotInterval) {
        this.snapshotInterval = snapshotInterval;
    }

    public String getAudioCodec() {
        return audioCodec;
    }

    /**
     * gb28181:broadcast: what the body's bytes are, pcma (G.711 A-law) or pcmu (G.711 µ-law); sent raw with PT 8/0
     * when the device offers that, else in PS (stream type 0x90/0x91). The CamelGb28181AudioCodec header overrides it.
     */
    public void setAudioCodec(String audioCodec) {
        this.audioCodec = audioCodec;
    }

    public int getPacketTime() {
        return packetTime;
    }

    /** gb28181:broadcast: audio per RTP packet in ms, 20 or 40; packets go out in real time at that pace. */
    public void setPacketTime(int packetTime) {
        this.packetTime = packetTime;
    }
}
