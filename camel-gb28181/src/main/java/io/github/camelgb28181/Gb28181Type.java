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
    /** Consumer: decides about an authenticated REGISTER (accept, reject, redirect) through headers. */
    registerDecision(true),
    /** Consumer: returns the password of a device as the body (null for the global password). */
    passwordLookup(true),
    /** Producer: the device registry; one device when the device ID header is set, else all. */
    devices(false),
    /** Producer: a MANSCDP query or control to a device; waits for the Response when the command has one. */
    command(false),
    /** Producer: subscribe to (or, with expires 0, unsubscribe from) a device's catalog, alarm or position events. */
    subscribe(false);

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
