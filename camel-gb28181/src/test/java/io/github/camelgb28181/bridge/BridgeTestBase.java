package io.github.camelgb28181.bridge;

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
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        fixture.close();
    }
}
