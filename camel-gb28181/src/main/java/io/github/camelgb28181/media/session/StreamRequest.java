package io.github.camelgb28181.media.session;

import io.github.camelgb28181.media.sdp.GbSessionType;
import io.github.camelgb28181.media.sdp.MediaTransport;
import io.github.camelgb28181.media.sdp.SubStreamFlavour;

import java.time.Instant;
import java.util.Objects;

/**
 * What a route asks for: live video of a channel, or a recorded interval of it played back or downloaded.
 *
 * @param deviceId      the device the INVITE goes to
 * @param channelId     the channel (the INVITE's Request-URI user and {@code Subject})
 * @param type          PLAY, PLAYBACK or DOWNLOAD
 * @param start         playback/download start, null for live
 * @param end           playback/download end, null for live
 * @param downloadSpeed download speed factor (1–8 and more); 0 for live and playback
 * @param transport     UDP, TCP passive or TCP active
 * @param subStream     0 for the main stream, 1… for sub-streams, -1 to leave the choice to the device
 * @param flavour       how the sub-stream is asked for; vendors differ (SPEC §4)
 */
public record StreamRequest(String deviceId, String channelId, GbSessionType type, Instant start, Instant end,
                            int downloadSpeed, MediaTransport transport, int subStream, SubStreamFlavour flavour) {

    public StreamRequest {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transport, "transport");
        if (type.isHistory() && (start == null || end == null || !end.isAfter(start))) {
            throw new IllegalArgumentException(type + " needs a start before its end");
        }
        flavour = flavour == null ? SubStreamFlavour.STREAMNUMBER : flavour;
    }

    public static StreamRequest live(String deviceId, String channelId, MediaTransport transport, int subStream) {
        return new StreamRequest(deviceId, channelId, GbSessionType.PLAY, null, null, 0, transport, subStream, null);
    }
}
