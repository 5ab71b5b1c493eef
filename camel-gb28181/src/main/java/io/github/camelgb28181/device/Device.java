package io.github.camelgb28181.device;

import io.github.camelgb28181.sip.SipPeer;
import io.github.camelgb28181.sip.SipTransport;

import java.time.Instant;
import java.util.Objects;

/**
 * What the platform knows of one registered device: an immutable snapshot, replaced as a whole on every change so
 * that readers never see half an update and a shared store can hold it as one value.
 *
 * @param deviceId          the 20-digit GB28181 ID (the user part of the REGISTER's To/From)
 * @param transport         the signalling transport the device registered over
 * @param remoteHost        where its packets come from (the NAT mapping, not the Via address)
 * @param remotePort        the source port of its packets
 * @param contact           the Contact it registered, as sent
 * @param callId            the Call-ID of its registration; a refresh re-uses it (GB/T 28181-2016 §9.1.2.1)
 * @param userAgent         its User-Agent header, if any
 * @param online            whether it counts as online now
 * @param offlineReason     why it went offline, when it is offline
 * @param registeredAt      when the current registration started (first REGISTER with this Call-ID)
 * @param lastRegisterAt    when it last registered or refreshed
 * @param lastKeepaliveAt   when its last keep-alive arrived, or null
 * @param expires           the granted registration lifetime in seconds
 * @param keepaliveInterval its keep-alive interval in seconds when known from the device, else 0 (use the default)
 * @param keepaliveCount    missed keep-alives before offline when known from the device, else 0 (use the default)
 * @param details           what the device said about itself (DeviceInfo), {@link DeviceDetails#UNKNOWN} until then
 */
public record Device(
        String deviceId,
        SipTransport transport,
        String remoteHost,
        int remotePort,
        String contact,
        String callId,
        String userAgent,
        boolean online,
        OfflineReason offlineReason,
        Instant registeredAt,
        Instant lastRegisterAt,
        Instant lastKeepaliveAt,
        int expires,
        int keepaliveInterval,
        int keepaliveCount,
        DeviceDetails details) {

    public Device {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(transport, "transport");
        details = details == null ? DeviceDetails.UNKNOWN : details;
    }

    /** The instant the registration runs out unless refreshed. */
    public Instant expiresAt() {
        return lastRegisterAt == null ? Instant.EPOCH : lastRegisterAt.plusSeconds(expires);
    }

    /** The address to send requests to: the last packet source over the registered transport. */
    public SipPeer peer() {
        return SipPeer.of(transport, remoteHost, remotePort);
    }

    /** The latest sign of life: a keep-alive or a REGISTER, whichever came last. */
    public Instant lastSeenAt() {
        if (lastKeepaliveAt == null) {
            return lastRegisterAt;
        }
        return lastRegisterAt == null || lastKeepaliveAt.isAfter(lastRegisterAt) ? lastKeepaliveAt : lastRegisterAt;
    }

    public Device withOnline(boolean isOnline, OfflineReason reason) {
        return new Device(deviceId, transport, remoteHost, remotePort, contact, callId, userAgent, isOnline,
                isOnline ? null : reason, registeredAt, lastRegisterAt, lastKeepaliveAt, expires, keepaliveInterval,
                keepaliveCount, details);
    }

    public Device withKeepalive(Instant at, SipPeer source) {
        return new Device(deviceId, source.transport(), source.host(), source.port(), contact, callId, userAgent,
                online, offlineReason, registeredAt, lastRegisterAt, at, expires, keepaliveInterval, keepaliveCount,
                details);
    }

    public Device withKeepaliveSettings(int interval, int count) {
        return new Device(deviceId, transport, remoteHost, remotePort, contact, callId, userAgent, online,
                offlineReason, registeredAt, lastRegisterAt, lastKeepaliveAt, expires, interval, count, details);
    }

    public Device withDetails(DeviceDetails newDetails) {
        return new Device(deviceId, transport, remoteHost, remotePort, contact, callId, userAgent, online,
                offlineReason, registeredAt, lastRegisterAt, lastKeepaliveAt, expires, keepaliveInterval, keepaliveCount,
                newDetails);
    }
}
