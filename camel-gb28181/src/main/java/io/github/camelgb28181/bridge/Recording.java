package io.github.camelgb28181.bridge;

import java.nio.file.Path;
import java.util.List;

/** A recording started by {@link MediaBridge#startRecording}; {@link #close()} stops it. */
public interface Recording extends BridgeOutput {

    /** The files written so far, oldest first; the last one is being written while the recording runs. */
    List<Path> files();
}
