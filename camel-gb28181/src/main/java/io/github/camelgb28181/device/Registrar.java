package io.github.camelgb28181.device;

import io.github.camelgb28181.sip.DigestAuthenticator;
import io.github.camelgb28181.sip.DigestCredentials;
import io.github.camelgb28181.sip.SipAddress;
import io.github.camelgb28181.sip.SipHeaderNames;
import io.github.camelgb28181.sip.SipHeaders;
import io.github.camelgb28181.sip.SipRequest;
import io.github.camelgb28181.sip.SipResponse;
import io.github.camelgb28181.sip.SipServerTransaction;
import io.github.camelgb28181.sip.SipUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Handles REGISTER as GB/T 28181-2016 §9.1 and -2022 §9.1.2.3 describe: digest challenge, register, refresh on the
 * same Call-ID, unregister with Expires 0, time sync through the Date header, and redirect (302) after
 * authentication.
 */
public final class Registrar {

    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    /** GB/T 28181-2016 Annex: the Date header is local time with milliseconds and without a zone. */
    private static final DateTimeFormatter GB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final RegistrarConfig config;
    private final DeviceRegistry registry;
    private final DigestAuthenticator authenticator;
    private final AuthFailureTracker failures;
    private final PasswordLookup passwordLookup;
    private final RegistrationDecider decider;
    private final Consumer<DeviceEvent> events;
    private final Clock clock;

    public Registrar(RegistrarConfig config, DeviceRegistry registry, PasswordLookup passwordLookup,
                     RegistrationDecider decider, Consumer<DeviceEvent> events, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.authenticator = new DigestAuthenticator(config.realm(), config.nonceTtlMs());
        this.failures = new AuthFailureTracker(config.lockoutThreshold(), config.lockoutWindowMs(),
                config.lockoutDurationMs());
        this.passwordLookup = passwordLookup;
        this.decider = decider;
        this.events = events;
        this.clock = clock;
    }

    public void handle(SipServerTransaction tx) {
        SipRequest request = tx.request();
        String deviceId = deviceIdOf(request);
        if (deviceId == null) {
            tx.respond(400);
            return;
        }
        long now = clock.millis();
        String sourceIp = tx.source().host();
        if (config.deviceIdPattern() != null && !config.deviceIdPattern().matcher(deviceId).matches()) {
            reject(tx, deviceId, 403, "device ID is not a valid GB28181 ID");
            return;
        }
        if (failures.isLocked(deviceId, now) || failures.isLocked("ip:" + sourceIp, now)) {
            reject(tx, deviceId, 403, "locked out after repeated authentication failures");
            return;
        }
        int expires;
        try {
            expires = requestedExpires(request);
        } catch (IllegalArgumentException e) {
            reject(tx, deviceId, 400, e.getMessage());
            return;
        }
        if (expires > 0 && config.minExpires() > 0 && expires < config.minExpires()) {
            tx.respond(new SipResponse(423, SipResponse.reasonPhrase(423),
                    tx.responseHeaders(423).add("Min-Expires", config.minExpires()).build(), null));
            return;
        }
        int granted = Math.min(expires, config.maxExpires());
        lookupPassword(deviceId).whenComplete((password, error) -> {
            try {
                if (error != null) {
                    LOG.warn("password lookup for {} failed: {}", deviceId, error.toString());
                    tx.respond(500);
                    return;
                }
                if (authenticate(tx, deviceId, sourceIp, password)) {
                    if (granted == 0) {
                        unregister(tx, deviceId);
                    } else {
                        decide(tx, deviceId, granted);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("REGISTER of {} failed", deviceId, e);
                tx.respond(500);
            }
        });
    }

    private CompletionStage<String> lookupPassword(String deviceId) {
        return passwordLookup.passwordFor(deviceId).thenApply(p -> p != null ? p : config.password());
    }

    /** Returns true when the request may proceed; otherwise it has been answered. */
    private boolean authenticate(SipServerTransaction tx, String deviceId, String sourceIp, String password) {
        if (password == null) {
            return true; // no password configured anywhere: open registration (documented)
        }
        String authorization = tx.request().header(SipHeaderNames.AUTHORIZATION);
        if (authorization == null) {
            challenge(tx, false);
            return false;
        }
        DigestCredentials credentials;
        try {
            credentials = DigestCredentials.parse(authorization);
        } catch (IllegalArgumentException e) {
            reject(tx, deviceId, 400, "malformed Authorization: " + e.getMessage());
            return false;
        }
        DigestAuthenticator.Verdict verdict = authenticator.verify(credentials, "REGISTER", password);
        switch (verdict) {
            case OK -> {
                failures.recordSuccess(deviceId);
                return true;
            }
            case WRONG_PASSWORD -> {
                long now = clock.millis();
                failures.recordFailure(deviceId, now);
                failures.recordFailure("ip:" + sourceIp, now);
                reject(tx, deviceId, 403, "wrong password");
                return false;
            }
            case STALE -> challenge(tx, true);
            default -> challenge(tx, false);
        }
        return false;
    }

    private void challenge(SipServerTransaction tx, boolean stale) {
        tx.respond(new SipResponse(401, SipResponse.reasonPhrase(401), tx.responseHeaders(401)
                .add(SipHeaderNames.WWW_AUTHENTICATE, authenticator.challenge(stale)).build(), null));
    }

    private void decide(SipServerTransaction tx, String deviceId, int expires) {
        Device current = registry.get(deviceId);
        boolean refresh = current != null && current.online() && tx.request().callId().equals(current.callId());
        CompletionStage<RegistrationDecision> decision = decider != null
                ? decider.decide(deviceId, tx.source(), expires, refresh)
                : CompletableFuture.completedFuture(RegistrationDecision.ACCEPT);
        decision.whenComplete((d, error) -> {
            if (error != null) {
                LOG.warn("registration decision for {} failed: {}", deviceId, error.toString());
                tx.respond(500);
                return;
            }
            switch (d.kind()) {
                case ACCEPT -> register(tx, deviceId, expires);
                case REJECT -> reject(tx, deviceId, d.rejectStatus(), "rejected by the registration decision");
                case REDIRECT -> redirect(tx, deviceId, d.target());
            }
        });
    }

    private void register(SipServerTransaction tx, String deviceId, int expires) {
        SipRequest request = tx.request();
        Instant now = clock.instant();
        Device[] previous = new Device[1];
        Device updated = registry.update(deviceId, current -> {
            previous[0] = current;
            boolean sameRegistration = current != null && current.online()
                    && request.callId().equals(current.callId());
            return new Device(deviceId, tx.source().transport(), tx.source().host(), tx.source().port(),
                    request.header(SipHeaderNames.CONTACT), request.callId(),
                    request.header(SipHeaderNames.USER_AGENT), true, null,
                    sameRegistration ? current.registeredAt() : now, now,
                    current != null ? current.lastKeepaliveAt() : null, expires,
                    current != null ? current.keepaliveInterval() : 0,
                    current != null ? current.keepaliveCount() : 0,
                    current != null ? current.details() : null);
        });
        SipHeaders.Builder h = tx.responseHeaders(200);
        String contact = request.header(SipHeaderNames.CONTACT);
        if (contact != null && !contact.isBlank()) {
            h.add(SipHeaderNames.CONTACT, contact);
        }
        h.add(SipHeaderNames.EXPIRES, expires);
        tx.respond(ok(h, now));
        Device before = previous[0];
        boolean refresh = before != null && before.online() && request.callId().equals(before.callId());
        events.accept(DeviceEvent.of(refresh ? DeviceEvent.Type.REFRESHED : DeviceEvent.Type.REGISTERED, updated,
                now));
        if (before == null || !before.online()) {
            events.accept(DeviceEvent.of(DeviceEvent.Type.ONLINE, updated, now));
        }
    }

    private void unregister(SipServerTransaction tx, String deviceId) {
        Instant now = clock.instant();
        Device[] previous = new Device[1];
        Device updated = registry.update(deviceId, current -> {
            previous[0] = current;
            return current == null ? null : current.withOnline(false, OfflineReason.UNREGISTERED);
        });
        tx.respond(ok(tx.responseHeaders(200).add(SipHeaderNames.EXPIRES, 0), now));
        if (updated != null) {
            events.accept(new DeviceEvent(DeviceEvent.Type.UNREGISTERED, deviceId, updated,
                    OfflineReason.UNREGISTERED, null, now));
            if (previous[0].online()) {
                events.accept(DeviceEvent.of(DeviceEvent.Type.OFFLINE, updated, now));
            }
        }
    }

    /** A 200 OK with the Date header of GB/T 28181-2016 §9.10 time sync when enabled. */
    private SipResponse ok(SipHeaders.Builder h, Instant now) {
        if (config.sendDate()) {
            h.add(SipHeaderNames.DATE, GB_DATE.format(now.atZone(config.dateZone())));
        }
        return new SipResponse(200, "OK", h.build(), null);
    }

    private void redirect(SipServerTransaction tx, String deviceId, RedirectTarget target) {
        SipHeaders h = tx.responseHeaders(302)
                .add(SipHeaderNames.CONTACT, "<" + SipUri.of(deviceId, target.host(), target.port()) + ">")
                .add(SipHeaderNames.EXPIRES, config.redirectExpires())
                .build();
        tx.respond(new SipResponse(302, SipResponse.reasonPhrase(302), h, null));
        events.accept(new DeviceEvent(DeviceEvent.Type.REDIRECTED, deviceId, registry.get(deviceId), null,
                target.toString(), clock.instant()));
    }

    private void reject(SipServerTransaction tx, String deviceId, int status, String why) {
        LOG.debug("REGISTER of {} from {} rejected with {}: {}", deviceId, tx.source(), status, why);
        tx.respond(status);
        events.accept(new DeviceEvent(DeviceEvent.Type.REJECTED, deviceId, registry.get(deviceId), null,
                status + " " + why + " (from " + tx.source() + ")", clock.instant()));
    }

    /** The AOR being registered: the To user (RFC 3261 §10.2.1), the From user when To has none. */
    static String deviceIdOf(SipRequest request) {
        try {
            SipAddress to = request.to();
            if (to != null && to.user() != null && !to.user().isBlank()) {
                return to.user();
            }
            SipAddress from = request.from();
            return from != null && from.user() != null && !from.user().isBlank() ? from.user() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Expires header, else the Contact's expires parameter (RFC 3261 §10.2.1.1), else the default. */
    int requestedExpires(SipRequest request) {
        String header = request.header(SipHeaderNames.EXPIRES);
        if (header != null) {
            return parseExpires(header.trim());
        }
        String contact = request.header(SipHeaderNames.CONTACT);
        if (contact != null && !contact.trim().equals("*")) {
            String param = SipAddress.parse(contact).params().get("expires");
            if (param != null) {
                return parseExpires(param);
            }
        }
        return config.defaultExpires();
    }

    private static int parseExpires(String v) {
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new IllegalArgumentException("negative Expires: " + v);
            }
            return (int) Math.min(n, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expires is not a number: " + v);
        }
    }

    /** Forgets old authentication failures; call periodically. */
    public void sweep() {
        failures.sweep(clock.millis());
    }
}
