package io.github.camelgb28181;

import io.github.camelgb28181.bridge.AudioMode;
import io.github.camelgb28181.bridge.BridgeConfig;
import io.github.camelgb28181.bridge.RecordingSpec;
import io.github.camelgb28181.device.DevicePrefixMap;
import io.github.camelgb28181.device.RegistrarConfig;
import io.github.camelgb28181.manscdp.DeviceCharsets;
import io.github.camelgb28181.platform.DeviceSyncConfig;
import io.github.camelgb28181.media.port.MediaPortPoolConfig;
import io.github.camelgb28181.media.rtp.SsrcPolicy;
import io.github.camelgb28181.media.sdp.MediaTransport;
import io.github.camelgb28181.media.sdp.SubStreamFlavour;
import io.github.camelgb28181.platform.MediaConfig;
import io.github.camelgb28181.platform.PlatformConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import io.github.camelgb28181.sip.SipStackConfig;
import io.github.camelgb28181.sip.SipTransport;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/** The settings of the shared GB28181 server of a component: identity, sockets, registration and keep-alive. */
@Configurer
@UriParams
public class Gb28181Configuration implements Cloneable {

    @UriParam(label = "common", defaultValue = "34020000002000000001")
    private String sipId = "34020000002000000001";
    @UriParam(label = "common", defaultValue = "3402000000")
    private String domain = "3402000000";
    @UriParam(label = "common", defaultValue = "0.0.0.0")
    private String host = "0.0.0.0";
    @UriParam(label = "common", defaultValue = "5060")
    private int port = 5060;
    @UriParam(label = "common", defaultValue = "udp,tcp")
    private String transports = "udp,tcp";
    @UriParam(label = "common")
    private String advertisedHost;
    @UriParam(label = "common")
    private int advertisedPort;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(label = "security", defaultValue = "true")
    private boolean validateDeviceId = true;
    @UriParam(label = "security", defaultValue = "5")
    private int lockoutThreshold = 5;
    @UriParam(label = "security", defaultValue = "60000", javaType = "java.time.Duration")
    private long lockoutWindow = 60_000;
    @UriParam(label = "security", defaultValue = "300000", javaType = "java.time.Duration")
    private long lockoutDuration = 300_000;
    @UriParam(label = "security", defaultValue = "300000", javaType = "java.time.Duration")
    private long nonceTtl = 300_000;
    @UriParam(label = "registration", defaultValue = "3600")
    private int defaultExpires = 3600;
    @UriParam(label = "registration", defaultValue = "86400")
    private int maxExpires = 86_400;
    @UriParam(label = "registration", defaultValue = "0")
    private int minExpires;
    @UriParam(label = "registration", defaultValue = "true")
    private boolean sendDateHeader = true;
    @UriParam(label = "registration")
    private String dateTimeZone;
    @UriParam(label = "registration", defaultValue = "60000", javaType = "java.time.Duration")
    private long keepaliveInterval = 60_000;
    @UriParam(label = "registration", defaultValue = "3")
    private int keepaliveTimeoutCount = 3;
    @UriParam(label = "registration", defaultValue = "false")
    private boolean reviveOnKeepalive;
    @UriParam(label = "registration", defaultValue = "1000", javaType = "java.time.Duration")
    private long livenessCheckInterval = 1000;
    @UriParam(label = "redirect", defaultValue = "none", enums = "none,static,roundRobin,hash,prefix")
    private String redirectPolicy = "none";
    @UriParam(label = "redirect")
    private String redirectTargets;
    @UriParam(label = "redirect")
    private String redirectPrefixes;
    @UriParam(label = "redirect", defaultValue = "3600")
    private int redirectExpires = 3600;
    @UriParam(label = "advanced", defaultValue = "65536")
    private int maxMessageSize = 65_536;
    @UriParam(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long tcpIdleTimeout = 300_000;
    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration")
    private long sipTimerT1 = 500;
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean useEpoll = true;
    @UriParam(label = "advanced", defaultValue = "0")
    private int ioThreads;
    @UriParam(label = "advanced", defaultValue = "4194304")
    private int udpReceiveBufferSize = 4 * 1024 * 1024;
    @UriParam(label = "advanced", defaultValue = "camel-gb28181")
    private String userAgent = "camel-gb28181";
    @UriParam(label = "advanced", defaultValue = "16")
    private int workerPoolSize = 16;
    @UriParam(label = "sync", defaultValue = "true")
    private boolean autoDeviceInfo = true;
    @UriParam(label = "sync", defaultValue = "true")
    private boolean autoConfigDownload = true;
    @UriParam(label = "sync", defaultValue = "true")
    private boolean autoCatalog = true;
    @UriParam(label = "sync", defaultValue = "true")
    private boolean catalogOnStatusChange = true;
    @UriParam(label = "sync", defaultValue = "0", javaType = "java.time.Duration")
    private long catalogRefreshInterval;
    @UriParam(label = "sync", defaultValue = "5000", javaType = "java.time.Duration")
    private long statusChangeDebounce = 5000;
    @UriParam(label = "sync", defaultValue = "10000", javaType = "java.time.Duration")
    private long syncResponseTimeout = 10_000;
    @UriParam(label = "sync", defaultValue = "120000", javaType = "java.time.Duration")
    private long catalogFirstTimeout = 120_000;
    @UriParam(label = "sync", defaultValue = "10000", javaType = "java.time.Duration")
    private long syncGapTimeout = 10_000;
    @UriParam(label = "advanced")
    private String deviceCharsets;
    @UriParam(label = "media")
    private String mediaAdvertisedHost;
    @UriParam(label = "media", defaultValue = "30000")
    private int mediaPortMin = 30000;
    @UriParam(label = "media", defaultValue = "30999")
    private int mediaPortMax = 30999;
    @UriParam(label = "media", defaultValue = "perStream", enums = "perStream,shared")
    private String mediaPortMode = "perStream";
    @UriParam(label = "media", defaultValue = "30000", javaType = "java.time.Duration")
    private long mediaPortQuarantine = 30_000;
    @UriParam(label = "media", defaultValue = "4194304")
    private int mediaReceiveBufferSize = 4 * 1024 * 1024;
    @UriParam(label = "media", defaultValue = "0")
    private int mediaIoThreads;
    @UriParam(label = "media", defaultValue = "learn", enums = "strict,learn,off")
    private String ssrcCheck = "learn";
    @UriParam(label = "media", defaultValue = "64")
    private int reorderDepth = 64;
    @UriParam(label = "media", defaultValue = "100", javaType = "java.time.Duration")
    private long reorderHold = 100;
    @UriParam(label = "media", defaultValue = "10000", javaType = "java.time.Duration")
    private long firstPacketTimeout = 10_000;
    @UriParam(label = "media", defaultValue = "15000", javaType = "java.time.Duration")
    private long streamTimeout = 15_000;
    @UriParam(label = "media", defaultValue = "3")
    private int maxReinvites = 3;
    @UriParam(label = "media", defaultValue = "1000", javaType = "java.time.Duration")
    private long reinviteBackoff = 1000;
    @UriParam(label = "bridge", defaultValue = "16")
    private int bridgeThreads = 16;
    @UriParam(label = "bridge", defaultValue = "512")
    private int bridgeQueueSize = 512;
    @UriParam(label = "bridge", defaultValue = "5000", javaType = "java.time.Duration")
    private long bridgeNetworkTimeout = 5000;
    @UriParam(label = "bridge", defaultValue = "auto", enums = "auto,aac,drop")
    private String httpFlvAudio = "auto";
    @UriParam(label = "bridge", defaultValue = "-1")
    private int httpFlvPort = -1;
    @UriParam(label = "bridge")
    private String httpFlvHost;
    @UriParam(label = "bridge", defaultValue = "recordings")
    private String recordingFolder = "recordings";
    @UriParam(label = "bridge", defaultValue = "mp4", enums = "mp4,flv")
    private String recordingFormat = "mp4";
    @UriParam(label = "bridge", defaultValue = "3600000", javaType = "java.time.Duration")
    private long recordingMaxDuration = 3_600_000;
    @UriParam(label = "bridge", defaultValue = "0")
    private long recordingMaxSize;
    @UriParam(label = "bridge", defaultValue = "hls")
    private String hlsFolder = "hls";
    @UriParam(label = "bridge", defaultValue = "10000", javaType = "java.time.Duration")
    private long snapshotTimeout = 10_000;
    @UriParam(label = "media", defaultValue = "10000", javaType = "java.time.Duration")
    private long streamStatisticsInterval = 10_000;
    @UriParam(label = "media")
    private String deviceTransports;
    @UriParam(label = "media")
    private String deviceStreamFlavours;
    @UriParam(label = "media", defaultValue = "10000", javaType = "java.time.Duration")
    private long broadcastInviteTimeout = 10_000;

    public Gb28181Configuration copy() {
        try {
            return (Gb28181Configuration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The engine settings these options describe. */
    public PlatformConfig toPlatformConfig() {
        Set<SipTransport> set = EnumSet.noneOf(SipTransport.class);
        for (String t : transports.split(",")) {
            if (!t.isBlank()) {
                set.add(SipTransport.parse(t));
            }
        }
        SipStackConfig sip = SipStackConfig.builder().listenHost(host).port(port).transports(set)
                .advertisedHost(advertisedHost).advertisedPort(advertisedPort).maxMessageSize(maxMessageSize)
                .tcpIdleTimeoutMs(tcpIdleTimeout).t1Ms(sipTimerT1).t2Ms(Math.max(4000, sipTimerT1))
                .useEpoll(useEpoll).ioThreads(ioThreads).udpReceiveBuffer(udpReceiveBufferSize).build();
        RegistrarConfig registrar = new RegistrarConfig(domain, password == null || password.isEmpty() ? null : password,
                validateDeviceId ? RegistrarConfig.GB_DEVICE_ID : null, defaultExpires, maxExpires, minExpires,
                sendDateHeader, dateTimeZone == null ? ZoneId.systemDefault() : ZoneId.of(dateTimeZone), nonceTtl,
                lockoutThreshold, lockoutWindow, lockoutDuration, redirectExpires);
        DeviceSyncConfig sync = new DeviceSyncConfig(autoDeviceInfo, autoConfigDownload, autoCatalog,
                catalogOnStatusChange, catalogRefreshInterval, statusChangeDebounce, syncResponseTimeout,
                catalogFirstTimeout, syncGapTimeout);
        return new PlatformConfig(sipId, domain, sip, registrar, keepaliveInterval, keepaliveTimeoutCount,
                reviveOnKeepalive, livenessCheckInterval, userAgent, sync, DeviceCharsets.parse(deviceCharsets),
                toMediaConfig());
    }

    private MediaConfig toMediaConfig() {
        InetAddress bind;
        try {
            bind = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host " + host, e);
        }
        MediaPortPoolConfig ports = "shared".equalsIgnoreCase(mediaPortMode)
                ? MediaPortPoolConfig.shared(bind, mediaPortMin)
                : MediaPortPoolConfig.perStream(bind, mediaPortMin, mediaPortMax, Duration.ofMillis(mediaPortQuarantine));
        return new MediaConfig(mediaAdvertisedHost != null ? mediaAdvertisedHost : advertisedHost, ports,
                mediaReceiveBufferSize, mediaIoThreads, SsrcPolicy.valueOf(ssrcCheck.toUpperCase(Locale.ROOT)),
                reorderDepth, reorderHold, firstPacketTimeout, streamTimeout, maxReinvites, reinviteBackoff,
                streamStatisticsInterval, DevicePrefixMap.parse(deviceTransports, "transport",
                        MediaTransport::parse),
                DevicePrefixMap.parse(deviceStreamFlavours, "stream flavour", SubStreamFlavour::parse),
                broadcastInviteTimeout);
    }

    public String getMediaAdvertisedHost() {
        return mediaAdvertisedHost;
    }

    /** The address devices send media to, written in the SDP offers ({@code c=}); default: advertisedHost. */
    public void setMediaAdvertisedHost(String mediaAdvertisedHost) {
        this.mediaAdvertisedHost = mediaAdvertisedHost;
    }

    public int getMediaPortMin() {
        return mediaPortMin;
    }

    /** The lowest RTP port; with mediaPortMode=shared, the one shared port. */
    public void setMediaPortMin(int mediaPortMin) {
        this.mediaPortMin = mediaPortMin;
    }

    public int getMediaPortMax() {
        return mediaPortMax;
    }

    /** The highest RTP port (one even RTP port per stream, the odd one above kept for RTCP). */
    public void setMediaPortMax(int mediaPortMax) {
        this.mediaPortMax = mediaPortMax;
    }

    public String getMediaPortMode() {
        return mediaPortMode;
    }

    /**
     * perStream: each stream its own port from the range (ports in use elsewhere are skipped, released ports are
     * quarantined); shared: all UDP streams on mediaPortMin, told apart by SSRC.
     */
    public void setMediaPortMode(String mediaPortMode) {
        this.mediaPortMode = mediaPortMode;
    }

    public long getMediaPortQuarantine() {
        return mediaPortQuarantine;
    }

    /** How long (ms) a released port stays unused, so that RTP sent after BYE does not reach the next stream. */
    public void setMediaPortQuarantine(long mediaPortQuarantine) {
        this.mediaPortQuarantine = mediaPortQuarantine;
    }

    public int getMediaReceiveBufferSize() {
        return mediaReceiveBufferSize;
    }

    /** SO_RCVBUF of media sockets in bytes (a key frame arrives as a burst of hundreds of packets). */
    public void setMediaReceiveBufferSize(int mediaReceiveBufferSize) {
        this.mediaReceiveBufferSize = mediaReceiveBufferSize;
    }

    public int getMediaIoThreads() {
        return mediaIoThreads;
    }

    /** Media event loop threads; 0 for the number of cores. No thread per stream. */
    public void setMediaIoThreads(int mediaIoThreads) {
        this.mediaIoThreads = mediaIoThreads;
    }

    public String getSsrcCheck() {
        return ssrcCheck;
    }

    /**
     * Which RTP SSRC a stream accepts: strict (only the one agreed in SDP), learn (the first one seen, for devices
     * that ignore y=), off (any).
     */
    public void setSsrcCheck(String ssrcCheck) {
        this.ssrcCheck = ssrcCheck;
    }

    public int getReorderDepth() {
        return reorderDepth;
    }

    /** UDP reorder buffer depth in packets (TCP only detects gaps). */
    public void setReorderDepth(int reorderDepth) {
        this.reorderDepth = reorderDepth;
    }

    public long getReorderHold() {
        return reorderHold;
    }

    /** How long (ms) a gap may hold later packets back before it counts as loss. */
    public void setReorderHold(long reorderHold) {
        this.reorderHold = reorderHold;
    }

    public long getFirstPacketTimeout() {
        return firstPacketTimeout;
    }

    /** How long (ms) after the 200 OK the first RTP packet may take before the stream fails. */
    public void setFirstPacketTimeout(long firstPacketTimeout) {
        this.firstPacketTimeout = firstPacketTimeout;
    }

    public long getStreamTimeout() {
        return streamTimeout;
    }

    /** No RTP for this long (ms) makes a stream re-INVITE its device (suspended while a playback is paused). */
    public void setStreamTimeout(long streamTimeout) {
        this.streamTimeout = streamTimeout;
    }

    public int getMaxReinvites() {
        return maxReinvites;
    }

    /** How many re-INVITEs a lost stream gets before it ends as failed. */
    public void setMaxReinvites(int maxReinvites) {
        this.maxReinvites = maxReinvites;
    }

    public long getReinviteBackoff() {
        return reinviteBackoff;
    }

    /** The wait (ms) before the first re-INVITE of a lost stream; doubled for each further one. */
    public void setReinviteBackoff(long reinviteBackoff) {
        this.reinviteBackoff = reinviteBackoff;
    }

    public long getStreamStatisticsInterval() {
        return streamStatisticsInterval;
    }

    /**
     * How often (ms) each running stream reports its receive statistics as a STATISTICS event on gb28181:stream
     * (packets, bytes, loss, reordering, frames, codec, picture size, frame rate, bit rate); 0 switches them off.
     */
    public void setStreamStatisticsInterval(long streamStatisticsInterval) {
        this.streamStatisticsInterval = streamStatisticsInterval;
    }

    public String getDeviceTransports() {
        return deviceTransports;
    }

    /**
     * The media transport per device, for play/playback/download requests that name none (neither the transport
     * option nor the header): {@code deviceIdOrPrefix=transport} pairs separated by commas, the longest prefix
     * winning, transport one of udp, tcp-passive (or TCP_PASSIVE), tcp-active; e.g.
     * {@code 3402000000132=tcp-passive} for cameras behind a NAT that loses UDP. Others get udp.
     */
    public void setDeviceTransports(String deviceTransports) {
        this.deviceTransports = deviceTransports;
    }

    public String getDeviceStreamFlavours() {
        return deviceStreamFlavours;
    }

    /**
     * How the main/sub stream is asked for in the SDP offer, per device, for requests that set no subStreamFlavour:
     * {@code deviceIdOrPrefix=flavour} pairs separated by commas, the longest prefix winning, flavour one of
     * streamnumber, stream, streamprofile, streamMode; e.g. {@code 34020000001320000001=streamprofile}. Others get
     * streamnumber (GB/T 28181-2022).
     */
    public void setDeviceStreamFlavours(String deviceStreamFlavours) {
        this.deviceStreamFlavours = deviceStreamFlavours;
    }

    public long getBroadcastInviteTimeout() {
        return broadcastInviteTimeout;
    }

    /**
     * gb28181:broadcast: how long (ms) a device that accepted the broadcast Notify may take to send its INVITE for the
     * audio before the exchange fails.
     */
    public void setBroadcastInviteTimeout(long broadcastInviteTimeout) {
        this.broadcastInviteTimeout = broadcastInviteTimeout;
    }

    public boolean isAutoDeviceInfo() {
        return autoDeviceInfo;
    }

    /** Ask a device for its DeviceInfo (name, manufacturer, model, firmware, channels) when it comes online. */
    public void setAutoDeviceInfo(boolean autoDeviceInfo) {
        this.autoDeviceInfo = autoDeviceInfo;
    }

    public boolean isAutoConfigDownload() {
        return autoConfigDownload;
    }

    /**
     * Ask a device for its BasicParam configuration when it comes online, and use the keep-alive interval and count
     * it reports for its offline detection (devices that do not answer keep the platform defaults).
     */
    public void setAutoConfigDownload(boolean autoConfigDownload) {
        this.autoConfigDownload = autoConfigDownload;
    }

    public boolean isAutoCatalog() {
        return autoCatalog;
    }

    /** Ask a device for its catalog when it comes online and keep its channels in the channel registry. */
    public void setAutoCatalog(boolean autoCatalog) {
        this.autoCatalog = autoCatalog;
    }

    public boolean isCatalogOnStatusChange() {
        return catalogOnStatusChange;
    }

    /**
     * Ask for the catalog again when a channel's status changes: catalog NOTIFY ON/OFF/VLOST/DEFECT, alarms, and
     * keep-alives that list faulty channels.
     */
    public void setCatalogOnStatusChange(boolean catalogOnStatusChange) {
        this.catalogOnStatusChange = catalogOnStatusChange;
    }

    public long getCatalogRefreshInterval() {
        return catalogRefreshInterval;
    }

    /** Ask every online device for its catalog again when the stored one is older than this (ms); 0 for never. */
    public void setCatalogRefreshInterval(long catalogRefreshInterval) {
        this.catalogRefreshInterval = catalogRefreshInterval;
    }

    public long getStatusChangeDebounce() {
        return statusChangeDebounce;
    }

    /** How long (ms) a status-triggered catalog query waits, so that a burst of changes gives one query. */
    public void setStatusChangeDebounce(long statusChangeDebounce) {
        this.statusChangeDebounce = statusChangeDebounce;
    }

    public long getSyncResponseTimeout() {
        return syncResponseTimeout;
    }

    /** How long (ms) the automatic DeviceInfo and ConfigDownload queries wait for an answer. */
    public void setSyncResponseTimeout(long syncResponseTimeout) {
        this.syncResponseTimeout = syncResponseTimeout;
    }

    public long getCatalogFirstTimeout() {
        return catalogFirstTimeout;
    }

    /**
     * How long (ms) the automatic catalog query waits for the first message; large NVRs and lower platforms need up
     * to about two minutes.
     */
    public void setCatalogFirstTimeout(long catalogFirstTimeout) {
        this.catalogFirstTimeout = catalogFirstTimeout;
    }

    public long getSyncGapTimeout() {
        return syncGapTimeout;
    }

    /** How long (ms) the automatic queries wait between the messages of a multi-message answer. */
    public void setSyncGapTimeout(long syncGapTimeout) {
        this.syncGapTimeout = syncGapTimeout;
    }

    public String getDeviceCharsets() {
        return deviceCharsets;
    }

    /**
     * Per-device charset overrides as {@code deviceIdOrPrefix=charset} pairs separated by commas (longest prefix
     * wins), e.g. {@code 34020000001320000001=UTF-8}: bodies from those devices are decoded with that charset instead
     * of by detection, and bodies to them are declared and encoded in it (default GB2312).
     */
    public void setDeviceCharsets(String deviceCharsets) {
        this.deviceCharsets = deviceCharsets;
    }

    public String getSipId() {
        return sipId;
    }

    /** The platform's own 20-digit SIP server ID (GB/T 28181 coding: centre code + type 200 + serial). */
    public void setSipId(String sipId) {
        this.sipId = sipId;
    }

    public String getDomain() {
        return domain;
    }

    /** The SIP domain, the first 10 digits of the server ID by convention; also the digest realm. */
    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getHost() {
        return host;
    }

    /** The local address the SIP sockets bind to; 0.0.0.0 listens on all interfaces. */
    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    /** The SIP port for UDP and TCP; 0 picks a free port. */
    public void setPort(int port) {
        this.port = port;
    }

    public String getTransports() {
        return transports;
    }

    /** Which SIP transports to listen on: udp, tcp or udp,tcp. */
    public void setTransports(String transports) {
        this.transports = transports;
    }

    public String getAdvertisedHost() {
        return advertisedHost;
    }

    /**
     * The address given to devices in Via, Contact and SDP when it differs from the listen address (NAT, cloud, a
     * public IP). Defaults to the listen address.
     */
    public void setAdvertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    public int getAdvertisedPort() {
        return advertisedPort;
    }

    /** The port given to devices when a port mapping changes it; 0 means the bound port. */
    public void setAdvertisedPort(int advertisedPort) {
        this.advertisedPort = advertisedPort;
    }

    public String getPassword() {
        return password;
    }

    /**
     * The registration password of every device (digest MD5). Devices without a password from the password lookup
     * use it; with no password at all, devices register without authentication.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isValidateDeviceId() {
        return validateDeviceId;
    }

    /** Refuse (403) REGISTERs whose device ID is not 20 digits. */
    public void setValidateDeviceId(boolean validateDeviceId) {
        this.validateDeviceId = validateDeviceId;
    }

    public int getLockoutThreshold() {
        return lockoutThreshold;
    }

    /** Failed authentications per device ID or source IP within the lockout window before a lock-out; 0 disables. */
    public void setLockoutThreshold(int lockoutThreshold) {
        this.lockoutThreshold = lockoutThreshold;
    }

    public long getLockoutWindow() {
        return lockoutWindow;
    }

    /** The window in which failed authentications are counted. */
    public void setLockoutWindow(long lockoutWindow) {
        this.lockoutWindow = lockoutWindow;
    }

    public long getLockoutDuration() {
        return lockoutDuration;
    }

    /** How long a locked-out device ID or source IP is refused (403) without checking its credentials. */
    public void setLockoutDuration(long lockoutDuration) {
        this.lockoutDuration = lockoutDuration;
    }

    public long getNonceTtl() {
        return nonceTtl;
    }

    /** How long a digest nonce stays valid; an older one is answered 401 with stale=TRUE. */
    public void setNonceTtl(long nonceTtl) {
        this.nonceTtl = nonceTtl;
    }

    public int getDefaultExpires() {
        return defaultExpires;
    }

    /** Registration lifetime in seconds granted to a REGISTER without Expires. */
    public void setDefaultExpires(int defaultExpires) {
        this.defaultExpires = defaultExpires;
    }

    public int getMaxExpires() {
        return maxExpires;
    }

    /** Longer registration lifetimes (seconds) are shortened to this. */
    public void setMaxExpires(int maxExpires) {
        this.maxExpires = maxExpires;
    }

    public int getMinExpires() {
        return minExpires;
    }

    /**
     * Shorter non-zero lifetimes (seconds) are answered 423 with Min-Expires; 0 accepts any (GB/T 28181-2016 asks
     * for at least 3600 s, but many devices use less).
     */
    public void setMinExpires(int minExpires) {
        this.minExpires = minExpires;
    }

    public boolean isSendDateHeader() {
        return sendDateHeader;
    }

    /**
     * Add a Date header (yyyy-MM-dd'T'HH:mm:ss.SSS) to the 200 OK of a REGISTER so that devices set their clocks
     * (GB28181 time sync). Switch off for devices that mishandle it, e.g. TP-Link models that reset to UTC.
     */
    public void setSendDateHeader(boolean sendDateHeader) {
        this.sendDateHeader = sendDateHeader;
    }

    public String getDateTimeZone() {
        return dateTimeZone;
    }

    /** The time zone the Date header is written in (e.g. Asia/Shanghai); the JVM's zone by default. */
    public void setDateTimeZone(String dateTimeZone) {
        this.dateTimeZone = dateTimeZone;
    }

    public long getKeepaliveInterval() {
        return keepaliveInterval;
    }

    /** The keep-alive interval devices use (GB default 60 s); a device's own value wins when known. */
    public void setKeepaliveInterval(long keepaliveInterval) {
        this.keepaliveInterval = keepaliveInterval;
    }

    public int getKeepaliveTimeoutCount() {
        return keepaliveTimeoutCount;
    }

    /** Missed keep-alive intervals before a device is offline (GB default 3). */
    public void setKeepaliveTimeoutCount(int keepaliveTimeoutCount) {
        this.keepaliveTimeoutCount = keepaliveTimeoutCount;
    }

    public boolean isReviveOnKeepalive() {
        return reviveOnKeepalive;
    }

    /**
     * A keep-alive from a known offline device (not one that unregistered) brings it back online and renews its
     * registration, for devices that never re-register. Off by default: such a keep-alive is answered 404 so that
     * the device registers again.
     */
    public void setReviveOnKeepalive(boolean reviveOnKeepalive) {
        this.reviveOnKeepalive = reviveOnKeepalive;
    }

    public long getLivenessCheckInterval() {
        return livenessCheckInterval;
    }

    /** How often registrations and keep-alives are checked for expiry. */
    public void setLivenessCheckInterval(long livenessCheckInterval) {
        this.livenessCheckInterval = livenessCheckInterval;
    }

    public String getRedirectPolicy() {
        return redirectPolicy;
    }

    /**
     * Registration redirect (GB/T 28181-2022 §9.1.2.3) after successful authentication: none, static (first
     * target), roundRobin, hash (of the device ID) or prefix (device-ID prefix, e.g. region). A custom policy bean
     * or a registerDecision route take precedence.
     */
    public void setRedirectPolicy(String redirectPolicy) {
        this.redirectPolicy = redirectPolicy;
    }

    public String getRedirectTargets() {
        return redirectTargets;
    }

    /** Comma-separated redirect targets host:port; the word local stands for this node (register here). */
    public void setRedirectTargets(String redirectTargets) {
        this.redirectTargets = redirectTargets;
    }

    public String getRedirectPrefixes() {
        return redirectPrefixes;
    }

    /** For the prefix policy: semicolon-separated prefix=target pairs, e.g. 3401=10.0.0.2:5060;3402=local. */
    public void setRedirectPrefixes(String redirectPrefixes) {
        this.redirectPrefixes = redirectPrefixes;
    }

    public int getRedirectExpires() {
        return redirectExpires;
    }

    /** The Expires (seconds) of a 302 redirect answer. */
    public void setRedirectExpires(int redirectExpires) {
        this.redirectExpires = redirectExpires;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    /** The largest SIP message accepted, in bytes; larger ones are answered 413 or dropped. */
    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public long getTcpIdleTimeout() {
        return tcpIdleTimeout;
    }

    /** TCP connections that stay silent this long are closed; 0 keeps them open. */
    public void setTcpIdleTimeout(long tcpIdleTimeout) {
        this.tcpIdleTimeout = tcpIdleTimeout;
    }

    public long getSipTimerT1() {
        return sipTimerT1;
    }

    /** SIP timer T1 (RFC 3261): first UDP retransmission interval; transactions time out after 64 × T1. */
    public void setSipTimerT1(long sipTimerT1) {
        this.sipTimerT1 = sipTimerT1;
    }

    public boolean isUseEpoll() {
        return useEpoll;
    }

    /** Use Netty's native epoll transport when available (Linux); NIO otherwise. */
    public void setUseEpoll(boolean useEpoll) {
        this.useEpoll = useEpoll;
    }

    public int getIoThreads() {
        return ioThreads;
    }

    /** Netty event loop threads for SIP; 0 uses Netty's default (twice the cores). */
    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }

    public int getUdpReceiveBufferSize() {
        return udpReceiveBufferSize;
    }

    /** SO_RCVBUF of the SIP UDP socket; large enough to ride out keep-alive bursts of many devices. */
    public void setUdpReceiveBufferSize(int udpReceiveBufferSize) {
        this.udpReceiveBufferSize = udpReceiveBufferSize;
    }

    public String getUserAgent() {
        return userAgent;
    }

    /** The User-Agent this platform sends. */
    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    /** Maximum threads of the pool that handles SIP requests and events off the event loops. */
    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public int getBridgeThreads() {
        return bridgeThreads;
    }

    /**
     * Most threads the media bridges use for remuxing, network pushes, file writes and snapshots. Outputs block on
     * their sockets and files here, never on the media event loops.
     */
    public void setBridgeThreads(int bridgeThreads) {
        this.bridgeThreads = bridgeThreads;
    }

    public int getBridgeQueueSize() {
        return bridgeQueueSize;
    }

    /**
     * Access units each bridge output may have waiting; a slower output drops what does not fit up to the next key
     * frame (and counts the drops) instead of delaying the stream or the other outputs.
     */
    public void setBridgeQueueSize(int bridgeQueueSize) {
        this.bridgeQueueSize = bridgeQueueSize;
    }

    public long getBridgeNetworkTimeout() {
        return bridgeNetworkTimeout;
    }

    /** Connect and read/write timeout (ms) of RTMP/RTSP push outputs (FFmpeg's rw_timeout). */
    public void setBridgeNetworkTimeout(long bridgeNetworkTimeout) {
        this.bridgeNetworkTimeout = bridgeNetworkTimeout;
    }

    public String getHttpFlvAudio() {
        return httpFlvAudio;
    }

    /**
     * What the in-memory FLV that HTTP-FLV viewers read keeps of a camera's audio: auto (G.711 as it is: ffplay, VLC),
     * aac (G.711 re-encoded as AAC: what web players such as flv.js and mpegts.js can play) or drop (video only).
     */
    public void setHttpFlvAudio(String httpFlvAudio) {
        this.httpFlvAudio = httpFlvAudio;
    }

    public int getHttpFlvPort() {
        return httpFlvPort;
    }

    /**
     * Port of the built-in HTTP-FLV server: GET /<anything>/<streamId>.flv streams a running stream to any number of
     * viewers on one event loop (no thread per viewer, slow viewers dropped to the next key frame, CORS open).
     * -1 (the default) leaves it off, 0 takes a free port.
     */
    public void setHttpFlvPort(int httpFlvPort) {
        this.httpFlvPort = httpFlvPort;
    }

    public String getHttpFlvHost() {
        return httpFlvHost;
    }

    /** Address the HTTP-FLV server binds to; the host option when not set. */
    public void setHttpFlvHost(String httpFlvHost) {
        this.httpFlvHost = httpFlvHost;
    }

    public String getRecordingFolder() {
        return recordingFolder;
    }

    /** Where recordings (record=true on play, or gb28181:record) are written, one file name per stream and part. */
    public void setRecordingFolder(String recordingFolder) {
        this.recordingFolder = recordingFolder;
    }

    public String getRecordingFormat() {
        return recordingFormat;
    }

    /**
     * Container of recordings: mp4 (fragmented, so a crash leaves a playable file; becomes MOV when G.711 audio is
     * kept) or flv.
     */
    public void setRecordingFormat(String recordingFormat) {
        this.recordingFormat = recordingFormat;
    }

    public long getRecordingMaxDuration() {
        return recordingMaxDuration;
    }

    /** A recording starts a new file at the first key frame after this long (ms); 0 for no limit. */
    public void setRecordingMaxDuration(long recordingMaxDuration) {
        this.recordingMaxDuration = recordingMaxDuration;
    }

    public long getRecordingMaxSize() {
        return recordingMaxSize;
    }

    /** A recording starts a new file at the first key frame after this many bytes; 0 for no limit. */
    public void setRecordingMaxSize(long recordingMaxSize) {
        this.recordingMaxSize = recordingMaxSize;
    }

    public String getHlsFolder() {
        return hlsFolder;
    }

    /** Where HLS outputs (hls=true on play, or the media-bridge processor) write, in a folder per stream. */
    public void setHlsFolder(String hlsFolder) {
        this.hlsFolder = hlsFolder;
    }

    public long getSnapshotTimeout() {
        return snapshotTimeout;
    }

    /**
     * How long (ms) gb28181:snapshot waits for a key frame, including starting a live stream when the channel has
     * none running.
     */
    public void setSnapshotTimeout(long snapshotTimeout) {
        this.snapshotTimeout = snapshotTimeout;
    }

    /** The settings of every media bridge. */
    public BridgeConfig toBridgeConfig() {
        return BridgeConfig.defaults().withQueueCapacity(bridgeQueueSize)
                .withNetworkTimeout(Duration.ofMillis(bridgeNetworkTimeout))
                .withFlvStreamAudio(AudioMode.parse(httpFlvAudio));
    }

    /** How a recording of the stream {@code name} is written, from the recording options. */
    public RecordingSpec toRecordingSpec(String name) {
        Path folder = Path.of(recordingFolder);
        RecordingSpec spec = switch (recordingFormat.trim().toLowerCase(Locale.ROOT)) {
            case "mp4" -> RecordingSpec.mp4(folder, name);
            case "flv" -> RecordingSpec.flv(folder, name);
            default -> throw new IllegalArgumentException("recordingFormat must be mp4 or flv, not " + recordingFormat);
        };
        return spec.rotateAfter(recordingMaxDuration > 0 ? Duration.ofMillis(recordingMaxDuration) : null,
                recordingMaxSize);
    }
}
