package io.github.camelgb28181.bridge;

import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Generated clips shared by a class, a fresh output folder and pool per test, ffmpeg required. */
abstract class BridgeTestBase {

    @TempDir
    static Path clips;
    @TempDir
    Path out;
    final BridgeFixture fixture = new BridgeFixture();

    @BeforeAll
    static void tools() {
        ExternalTools.requireFfmpeg();
        // FFmpeg logs every HLS segment it opens; errors are what a failing test needs to show
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        fixture.close();
    }
}
