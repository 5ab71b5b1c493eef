package io.github.camelgb28181.platform;

/** The device accepted a query (200 OK) but sent no Response in time. */
public final class QueryTimeoutException extends Exception {

    public QueryTimeoutException(String message) {
        super(message);
    }
}
