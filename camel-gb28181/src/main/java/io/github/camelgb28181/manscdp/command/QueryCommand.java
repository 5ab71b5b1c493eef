package io.github.camelgb28181.manscdp.command;

/** A {@code <Query>} (GB/T 28181-2016 A.2.4): always answered by a Response with the same SN. */
public interface QueryCommand extends ManscdpCommand {

    @Override
    default Root root() {
        return Root.QUERY;
    }

    @Override
    default boolean expectsResponse() {
        return true;
    }
}
