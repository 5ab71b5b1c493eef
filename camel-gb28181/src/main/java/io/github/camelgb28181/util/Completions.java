package io.github.camelgb28181.util;

import java.util.concurrent.CompletionException;

/** What a failed {@link java.util.concurrent.CompletionStage} failed with. */
public final class Completions {

    private Completions() {
    }

    /**
     * The exception itself: a dependent stage hands its callbacks the cause wrapped in a {@link CompletionException},
     * which says nothing to the one who has to read it (an exchange, a log line, a SIP status).
     */
    public static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
