package io.github.camelgb28181.platform;

/** Receives the answer of every query the platform made (the automatic ones included), once it is complete or timed out with a partial result. */
@FunctionalInterface
public interface QueryListener {

    /**
     * @param deviceId the device asked
     * @param cmdType  the CmdType of the answer
     * @param result   the answer (complete, or partial with {@code complete = false})
     */
    void onQueryResult(String deviceId, String cmdType, QueryResult result);
}
