package io.github.camelgb28181.device;

import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Registrar settings.
 *
 * @param realm               digest realm, by convention the 10-digit SIP domain
 * @param password            the password for every device, or null for none (then devices without a looked-up
 *                            password register without authentication)
 * @param deviceIdPattern     IDs must match this (20 digits by default); null disables the check
 * @param defaultExpires      granted when a REGISTER has no Expires
 * @param maxExpires          longer requests are shortened to this
 * @param minExpires          shorter non-zero requests are answered 423 with Min-Expires; 0 disables
 * @param sendDate            add the Date header to the 200 OK (GB/T 28181-2016 §9.10 time sync)
 * @param dateZone            the zone the Date header is written in
 * @param nonceTtlMs          how long a challenge nonce stays valid
 * @param lockoutThreshold    failed authentications per device or source IP before a lock-out; 0 disables
 * @param lockoutWindowMs     the window failures are counted in
 * @param lockoutDurationMs   how long a lock-out lasts
 * @param redirectExpires     Expires in a 302 answer
 */
public record RegistrarConfig(
        String realm,
        String password,
        Pattern deviceIdPattern,
        int defaultExpires,
        int maxExpires,
        int minExpires,
        boolean sendDate,
        ZoneId dateZone,
        long nonceTtlMs,
        int lockoutThreshold,
        long lockoutWindowMs,
        long lockoutDurationMs,
        int redirectExpires) {

    public static final Pattern GB_DEVICE_ID = Pattern.compile("\\d{20}");
}
