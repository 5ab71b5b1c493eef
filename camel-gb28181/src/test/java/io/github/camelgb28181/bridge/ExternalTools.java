package io.github.camelgb28181.bridge;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's ffmpeg/ffprobe (FFmpeg 5.1, a different build from the FFmpeg 8 inside JavaCV) as independent generators
 * and verifiers. Required in CI (CI=true); tests are skipped elsewhere when they are not installed.
 */
public final class ExternalTools {

    private static final long TOOL_TIMEOUT_SECONDS = 60;

    private ExternalTools() {
    }

    public static void requireFfmpeg() {
        boolean present = onPath("ffmpeg") && onPath("ffprobe");
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("ffmpeg and ffprobe are required in CI: apt-get install -y ffmpeg");
        }
        Assumptions.assumeTrue(present, "ffmpeg/ffprobe not installed");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a tool to completion and returns its standard output; a non-zero exit fails the test with its stderr. */
    public static String run(Path workDir, String... command) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile(workDir, "tool", ".err");
        Path stdout = Files.createTempFile(workDir, "tool", ".out");
        // output to files, not pipes: reading a pipe to its end would wait forever for a tool that never ends
        // (ffprobe on a live HLS playlist), and the timeout below would never be reached
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(stderr.toFile()).redirectOutput(stdout.toFile()).start();
        if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + String.join(" ", command));
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + read(stderr));
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** Starts a long-running tool (a receiver) with its output in {@code log}. */
    public static Process start(Path workDir, Path log, String... command) throws IOException {
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static List<String> command(String... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
