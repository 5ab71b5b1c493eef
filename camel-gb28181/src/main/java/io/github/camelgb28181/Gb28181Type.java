package io.github.camelgb28181;

import java.util.Locale;

/** What an endpoint does: the path of {@code gb28181:type}. */
public enum Gb28181Type {
    /** Consumer: device registered, refreshed its registration, unregistered. */
    register(true),
    /** Consumer: device online / offline (with reason). */
    status(true),
    /** Consumer: keep-alives received. */
    keepalive(true),
    /** Consumer: every MANSCDP message from devices, raw and parsed; filter with cmdType. */
    message(true),
    /** Consumer: whole catalogs after aggregation (DeviceCatalog) and single changes from catalog NOTIFYs (DeviceChannel). */
    catalog(true),
    /** Consumer: alarm notifications (AlarmNotify). */
    alarm(true),
    /** Consumer: mobile position notifications (MobilePositionNotify). */
    mobilePosition(true),
    /** Consumer: media status notifications, e.g. 121 end of file (MediaStatusNotify). */
    mediaStatus(true),
    /** Consumer: answers to RecordInfo queries after aggregation (list of RecordItem). */
    recordInfo(true),
    /** Consumer: answers to DeviceInfo queries (DeviceInfoResponse). */
    deviceInfo(true),
    /** Consumer: answers to DeviceStatus queries (DeviceStatusResponse). */
    deviceStatus(true),
    /** Consumer: stream lifecycle events (INVITE sent, answered, first RTP, first key frame, timeout, re-INVITE, BYE, end of file). */
    stream(true),
    /** Consumer: access units (video frames, audio) of running streams, for analytics routes. */
    frames(true),
    /** Consumer: decides about an authenticated REGISTER (accept, reject, redirect) through headers. */
    registerDecision(true),
    /** Consumer: returns the password of a device as the body (null for the global password). */
    passwordLookup(true),
    /** Producer: the device registry; one device when the device ID header is set, else all. */
    devices(false),
    /** Producer: the stored catalog (channels) of the device in the device ID header; one entry with the channel ID header. */
    channels(false),
    /** Producer: a MANSCDP query or control to a device; waits for the Response when the command has one. */
    command(false),
    /** Producer: live video of a channel; completes with the StreamSession once the first RTP packet arrived. */
    play(false),
    /** Producer: playback of a recorded interval of a channel. */
    playback(false),
    /** Producer: download of a recorded interval at a speed factor. */
    download(false),
    /** Producer: stops a stream (stream ID header), all streams of a channel, or all of a device. */
    stop(false),
    /** Producer: pause, resume, speed or seek of a playback (MANSRTSP in INFO). */
    playbackControl(false),
    /** Producer: the running streams with their statistics; one with the stream ID header. */
    streams(false),
    /**
     * Producer: voice broadcast of the G.711 audio in the body to a device's audio output (channel ID header);
     * completes with the StreamSession once all of it was sent.
     */
    broadcast(false),
    /** Producer: subscribe to (or, with expires 0, unsubscribe from) a device's catalog, alarm or position events. */
    subscribe(false),
    /** Producer: JPEG snapshot(s) of a channel's video, from its running stream or a short live stream started for it. */
    snapshot(false),
    /** Producer: starts or stops recording a running stream to rotating files (action start or stop). */
    record(false);

    private final boolean consumer;

    Gb28181Type(boolean consumer) {
        this.consumer = consumer;
    }

    public boolean isConsumer() {
        return consumer;
    }

    public static Gb28181Type parse(String text) {
        for (Gb28181Type t : values()) {
            if (t.name().equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown gb28181 endpoint type '" + text + "'; expected one of "
                                           + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}
