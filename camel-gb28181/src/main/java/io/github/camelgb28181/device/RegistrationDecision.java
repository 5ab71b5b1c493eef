package io.github.camelgb28181.device;

/**
 * What to answer an authenticated REGISTER: accept it here, reject it with a status, or redirect it (302).
 */
public record RegistrationDecision(Kind kind, int rejectStatus, RedirectTarget target) {

    public enum Kind {
        ACCEPT,
        REJECT,
        REDIRECT
    }

    public static final RegistrationDecision ACCEPT = new RegistrationDecision(Kind.ACCEPT, 0, null);

    public static RegistrationDecision reject(int status) {
        if (status < 400 || status > 699) {
            throw new IllegalArgumentException("a rejection needs a 4xx-6xx status: " + status);
        }
        return new RegistrationDecision(Kind.REJECT, status, null);
    }

    public static RegistrationDecision redirect(RedirectTarget target) {
        return target.isLocal() ? ACCEPT : new RegistrationDecision(Kind.REDIRECT, 0, target);
    }
}
