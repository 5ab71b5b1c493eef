package io.github.camelgb28181.platform;

import io.github.camelgb28181.device.RegistrarConfig;
import io.github.camelgb28181.manscdp.DeviceCharsets;
import io.github.camelgb28181.sip.SipStackConfig;

/**
 * Settings of a {@link Gb28181Platform}.
 *
 * @param sipId                  the platform's own 20-digit SIP ID
 * @param domain                 the SIP domain (10 digits), also the digest realm
 * @param sip                    socket and transaction settings
 * @param registrar              registration settings
 * @param keepaliveIntervalMs    expected keep-alive interval (GB default 60 s)
 * @param keepaliveCount         missed keep-alives before offline (GB default 3)
 * @param reviveOnKeepalive      a keep-alive from an offline device whose registration is still valid brings it back
 * @param livenessCheckMs        how often offline detection runs
 * @param userAgent              the User-Agent / Server value this platform sends
 * @param sync                   what the platform asks devices on its own
 * @param charsets               per-device charset overrides
 * @param media                  the media path
 */
public record PlatformConfig(
        String sipId,
        String domain,
        SipStackConfig sip,
        RegistrarConfig registrar,
        long keepaliveIntervalMs,
        int keepaliveCount,
        boolean reviveOnKeepalive,
        long livenessCheckMs,
        String userAgent,
        DeviceSyncConfig sync,
        DeviceCharsets charsets,
        MediaConfig media) {

    public PlatformConfig {
        sync = sync == null ? DeviceSyncConfig.DEFAULTS : sync;
        charsets = charsets == null ? DeviceCharsets.NONE : charsets;
    }
}
