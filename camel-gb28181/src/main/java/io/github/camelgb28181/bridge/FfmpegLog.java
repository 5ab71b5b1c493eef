package io.github.camelgb28181.bridge;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FFmpeg's own messages (av_log) go to SLF4J under {@code io.github.camelgb28181.bridge.ffmpeg} instead of the
 * process's stderr: errors as WARN (the bridge reports the failures that matter as exceptions and output states),
 * warnings as INFO, the rest at DEBUG and TRACE. av_log's callback and level are process-wide, so they are set once,
 * when the bridge first loads FFmpeg; the level asks FFmpeg for no more than the logger will show.
 */
final class FfmpegLog extends LogCallback {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.camelgb28181.bridge.ffmpeg");
    /** Kept reachable: FFmpeg holds only the native pointer, and a collected callback would crash the process. */
    private static final FfmpegLog CALLBACK = new FfmpegLog();

    private FfmpegLog() {
    }

    /** Idempotent: calling it initialises the class, which does the work once. */
    static void install() {
        // nothing more: see the static initialiser
    }

    static {
        avutil.av_log_set_level(LOG.isTraceEnabled() ? avutil.AV_LOG_TRACE : LOG.isDebugEnabled()
                ? avutil.AV_LOG_VERBOSE : LOG.isInfoEnabled() ? avutil.AV_LOG_WARNING : avutil.AV_LOG_ERROR);
        avutil.setLogCallback(CALLBACK);
    }

    @Override
    public void call(int level, BytePointer message) {
        String text = message.getString().strip();
        if (text.isEmpty()) {
            return;
        }
        if (level <= avutil.AV_LOG_ERROR) {
            LOG.warn(text);
        } else if (level <= avutil.AV_LOG_WARNING) {
            LOG.info(text);
        } else if (level <= avutil.AV_LOG_INFO) {
            LOG.debug(text);
        } else {
            LOG.trace(text);
        }
    }
}
