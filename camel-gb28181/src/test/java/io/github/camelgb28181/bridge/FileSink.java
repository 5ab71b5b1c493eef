package io.github.camelgb28181.bridge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** An HTTP-FLV viewer that saves what it gets, so ffprobe can judge it. */
class FileSink implements FlvSink {

    final Path file;
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final OutputStream out;
    private volatile int chunks;

    FileSink(Path file) throws IOException {
        this.file = file;
        this.out = Files.newOutputStream(file);
    }

    @Override
    public void write(byte[] chunk) throws IOException {
        out.write(chunk);
        chunks++;
    }

    @Override
    public void end() {
        try {
            out.close();
            ended.complete(null);
        } catch (IOException e) {
            ended.completeExceptionally(e);
        }
    }

    int chunks() {
        return chunks;
    }
}
