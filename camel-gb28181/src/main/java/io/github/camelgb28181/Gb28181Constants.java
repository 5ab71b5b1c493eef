package io.github.camelgb28181;

import org.apache.camel.spi.Metadata;

/** Exchange headers set and read by the GB28181 component. */
public final class Gb28181Constants {

    @Metadata(description = "The 20-digit ID of the device the exchange is about; on the devices producer, the"
                            + " device to return.", javaType = "String")
    public static final String DEVICE_ID = "CamelGb28181DeviceId";
    @Metadata(label = "consumer", description = "The event type: REGISTERED, REFRESHED, UNREGISTERED, ONLINE,"
                                                + " OFFLINE, KEEPALIVE, REDIRECTED or REJECTED.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelGb28181EventType";
    @Metadata(label = "consumer", description = "Why a device went offline: EXPIRED, KEEPALIVE_TIMEOUT,"
                                                + " UNREGISTERED or REMOVED.", javaType = "String")
    public static final String OFFLINE_REASON = "CamelGb28181OfflineReason";
    @Metadata(label = "consumer", description = "Extra detail of an event (redirect target, rejection reason).",
              javaType = "String")
    public static final String EVENT_DETAIL = "CamelGb28181EventDetail";
    @Metadata(label = "consumer", description = "When the event happened.", javaType = "java.time.Instant")
    public static final String EVENT_TIME = "CamelGb28181EventTime";
    @Metadata(label = "consumer", description = "The device's source address (host), as seen by the server.",
              javaType = "String")
    public static final String REMOTE_HOST = "CamelGb28181RemoteHost";
    @Metadata(label = "consumer", description = "The device's source port, as seen by the server.",
              javaType = "int")
    public static final String REMOTE_PORT = "CamelGb28181RemotePort";
    @Metadata(label = "consumer", description = "The SIP transport: UDP or TCP.", javaType = "String")
    public static final String TRANSPORT = "CamelGb28181Transport";
    @Metadata(label = "consumer", description = "The MANSCDP CmdType of a message (Keepalive, Catalog, Alarm, ...).",
              javaType = "String")
    public static final String CMD_TYPE = "CamelGb28181CmdType";
    @Metadata(label = "consumer", description = "The MANSCDP root element: Query, Control, Response or Notify.",
              javaType = "String")
    public static final String MESSAGE_ROOT = "CamelGb28181MessageRoot";
    @Metadata(label = "consumer", description = "The MANSCDP SN of a message.", javaType = "String")
    public static final String SN = "CamelGb28181SN";
    @Metadata(label = "consumer", description = "Why a MANSCDP body could not be read (then the body is the raw"
                                                + " bytes).", javaType = "String")
    public static final String PARSE_ERROR = "CamelGb28181ParseError";
    @Metadata(label = "consumer", description = "On registerDecision: the requested registration lifetime (s).",
              javaType = "int")
    public static final String EXPIRES = "CamelGb28181Expires";
    @Metadata(label = "consumer", description = "On registerDecision: whether the REGISTER refreshes a current"
                                                + " registration.", javaType = "boolean")
    public static final String REFRESH = "CamelGb28181Refresh";
    @Metadata(label = "consumer", description = "Set by a registerDecision route: accept, reject or redirect"
                                                + " (accept when absent).", javaType = "String")
    public static final String REGISTER_DECISION = "CamelGb28181RegisterDecision";
    @Metadata(label = "consumer", description = "Set by a registerDecision route with redirect: host:port of the"
                                                + " target server.", javaType = "String")
    public static final String REDIRECT_TARGET = "CamelGb28181RedirectTarget";
    @Metadata(label = "consumer", description = "Set by a registerDecision route with reject: the SIP status"
                                                + " (default 403).", javaType = "int")
    public static final String REJECT_STATUS = "CamelGb28181RejectStatus";

    @Metadata(label = "producer", description = "On gb28181:command: the command name (DeviceInfo, Catalog,"
                                                + " RecordInfo, PTZ, GuardCmd …); overrides the endpoint's command"
                                                + " option.", javaType = "String")
    public static final String COMMAND = "CamelGb28181Command";
    @Metadata(label = "producer", description = "On gb28181:command: the channel (or device) ID the command is"
                                                + " addressed to inside the XML; the device ID when absent.",
              javaType = "String")
    public static final String CHANNEL_ID = "CamelGb28181ChannelId";
    @Metadata(label = "producer", description = "On gb28181:command: how long to wait for the first Response"
                                                + " message, in milliseconds; overrides the endpoint option.",
              javaType = "long")
    public static final String TIMEOUT = "CamelGb28181Timeout";
    @Metadata(label = "producer", description = "After gb28181:command: whether every announced item of a"
                                                + " multi-message answer arrived (false: partial, a timer fired).",
              javaType = "boolean")
    public static final String COMPLETE = "CamelGb28181Complete";
    @Metadata(label = "producer", description = "After gb28181:command: the SIP status the device answered the"
                                                + " MESSAGE with.", javaType = "int")
    public static final String SIP_STATUS = "CamelGb28181SipStatus";

    @Metadata(label = "producer", description = "After gb28181:command: the whole answer (every Response message,"
                                                + " raw and typed, with the item counts).",
              javaType = "io.github.camelgb28181.platform.QueryResult")
    public static final String QUERY_RESULT = "CamelGb28181QueryResult";
    @Metadata(description = "The SumNum a device announced for a multi-message answer (-1 when none).",
              javaType = "int")
    public static final String SUM_NUM = "CamelGb28181SumNum";
    @Metadata(label = "consumer", description = "On gb28181:catalog: FULL for a whole catalog (body DeviceCatalog),"
                                                + " else the NOTIFY event of one entry: ADD, DEL, UPDATE, ON, OFF,"
                                                + " VLOST, DEFECT (body DeviceChannel).", javaType = "String")
    public static final String CATALOG_EVENT = "CamelGb28181CatalogEvent";
    @Metadata(label = "consumer", description = "On gb28181:alarm: the alarm priority (1 highest … 4).",
              javaType = "Integer")
    public static final String ALARM_PRIORITY = "CamelGb28181AlarmPriority";
    @Metadata(label = "consumer", description = "On gb28181:alarm: the alarm method (1 telephone, 2 device, 3 SMS,"
                                                + " 4 GPS, 5 video, 6 device fault, 7 other).", javaType = "String")
    public static final String ALARM_METHOD = "CamelGb28181AlarmMethod";
    @Metadata(label = "consumer", description = "On gb28181:alarm: the alarm type within its method, when given.",
              javaType = "Integer")
    public static final String ALARM_TYPE = "CamelGb28181AlarmType";
    @Metadata(label = "consumer", description = "On gb28181:alarm, gb28181:mobilePosition: the time the device"
                                                + " gave, as written.", javaType = "String")
    public static final String DEVICE_TIME = "CamelGb28181DeviceTime";
    @Metadata(label = "consumer", description = "On gb28181:mediaStatus: the NotifyType (121 = end of file).",
              javaType = "String")
    public static final String NOTIFY_TYPE = "CamelGb28181NotifyType";

    @Metadata(description = "The platform's ID of a stream: set by play/playback/download, read by stop,"
                                + " playbackControl, streams, record, snapshot and the media-bridge processor, and on"
                                + " stream and frames exchanges.", javaType = "String")
    public static final String STREAM_ID = "CamelGb28181StreamId";
    @Metadata(label = "producer", description = "On playback/download: the start of the recorded interval (Instant,"
                                                + " or ISO-8601 text; without an offset in the JVM's zone).",
              javaType = "java.time.Instant")
    public static final String START_TIME = "CamelGb28181StartTime";
    @Metadata(label = "producer", description = "On playback/download: the end of the recorded interval.",
              javaType = "java.time.Instant")
    public static final String END_TIME = "CamelGb28181EndTime";
    @Metadata(label = "producer", description = "On play/playback/download: udp, tcp-passive or tcp-active;"
                                                + " overrides the transport option.", javaType = "String")
    public static final String MEDIA_TRANSPORT = "CamelGb28181MediaTransport";
    @Metadata(label = "producer", description = "On playback/download: a List of RecordItem (a RecordInfo answer's"
                                                + " items) to play one after the other under one stream ID; the body"
                                                + " may carry the list instead. Each item's DeviceID is the channel"
                                                + " (else the channel ID header), its StartTime/EndTime the interval.",
              javaType = "java.util.List<io.github.camelgb28181.manscdp.model.RecordItem>")
    public static final String PLAYLIST = "CamelGb28181Playlist";
    @Metadata(label = "producer", description = "On playbackControl: pause, resume, speed or seek; overrides the"
                                                + " action option.", javaType = "String")
    public static final String ACTION = "CamelGb28181Action";
    @Metadata(label = "producer", description = "On playbackControl: the speed factor (0.25–8) or the seek position"
                                                + " in seconds from the start of the playback.", javaType = "String")
    public static final String VALUE = "CamelGb28181Value";
    @Metadata(label = "consumer", description = "On gb28181:frames: whether the access unit is a key frame.",
              javaType = "boolean")
    public static final String KEY_FRAME = "CamelGb28181KeyFrame";
    @Metadata(label = "consumer", description = "On gb28181:frames: the presentation time in 90 kHz units.",
              javaType = "long")
    public static final String PTS = "CamelGb28181Pts";
    @Metadata(label = "consumer", description = "On gb28181:frames: the codec (H264, H265, G711A …).",
              javaType = "String")
    public static final String CODEC = "CamelGb28181Codec";

    @Metadata(label = "consumer", description = "On gb28181:stream STATISTICS events: the stream's receive"
                                                + " statistics (packets, bytes, lost, reordered, frames, key frames,"
                                                + " codec, width, height, frames per second, bit rate).",
              javaType = "io.github.camelgb28181.media.rtp.StreamStatistics")
    public static final String STREAM_STATISTICS = "CamelGb28181StreamStatistics";

    @Metadata(label = "producer", description = "On broadcast: pcma or pcmu, what the body's G.711 bytes are;"
                                                + " overrides the audioCodec option.", javaType = "String")
    public static final String AUDIO_CODEC = "CamelGb28181AudioCodec";

    private Gb28181Constants() {
    }

    @Metadata(label = "producer", description = "On play/playback/download: true to record the stream as well;"
                                                + " overrides the record option.", javaType = "Boolean")
    public static final String RECORD = "CamelGb28181Record";
    @Metadata(label = "producer", description = "On play/playback/download: rtmp:// or rtsp:// URLs (comma-separated)"
                                                + " to push the stream to; overrides the push option.",
              javaType = "String")
    public static final String PUSH = "CamelGb28181Push";
    @Metadata(label = "producer", description = "On play/playback/download: true to write HLS as well; overrides the"
                                                + " hls option.", javaType = "Boolean")
    public static final String HLS = "CamelGb28181Hls";
    @Metadata(label = "producer", description = "On play/playback/download/record: auto, aac or drop, what the outputs"
                                                + " keep of the audio; overrides the audio option.", javaType = "String")
    public static final String BRIDGE_AUDIO = "CamelGb28181BridgeAudio";
    @Metadata(label = "producer", description = "After play/playback/download with outputs, and after the media-bridge"
                                                + " processor: the names of the stream's bridge outputs.",
              javaType = "java.util.List<String>")
    public static final String BRIDGE_OUTPUTS = "CamelGb28181BridgeOutputs";
    @Metadata(label = "producer", description = "On gb28181:snapshot: width of the picture(s) in pixels.",
              javaType = "Integer")
    public static final String SNAPSHOT_WIDTH = "CamelGb28181SnapshotWidth";
    @Metadata(label = "producer", description = "On gb28181:snapshot: height of the picture(s) in pixels.",
              javaType = "Integer")
    public static final String SNAPSHOT_HEIGHT = "CamelGb28181SnapshotHeight";
    @Metadata(label = "producer", description = "On gb28181:record: the files of the recording so far, oldest first.",
              javaType = "java.util.List<java.nio.file.Path>")
    public static final String RECORDING_FILES = "CamelGb28181RecordingFiles";
}
