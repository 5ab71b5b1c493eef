package io.github.camelgb28181.bridge;

import java.io.IOException;

/** Decides how the next muxer session of an output is opened (a new recording file per session, for instance). */
@FunctionalInterface
interface SessionPlanner {

    MuxPlan plan(StreamLayout layout) throws IOException;
}
