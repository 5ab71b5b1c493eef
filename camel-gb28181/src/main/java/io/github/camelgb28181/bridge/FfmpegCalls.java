package io.github.camelgb28181.bridge;

import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntSupplier;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

/** Turns FFmpeg's negative return codes into exceptions with FFmpeg's own explanation. */
final class FfmpegCalls {

    private FfmpegCalls() {
    }

    /** Returns {@code result} when it is not an error, else throws an {@link IOException} naming the call. */
    static int check(int result, String call) throws IOException {
        if (result < 0) {
            throw new IOException(call + " failed: " + describe(result));
        }
        return result;
    }

    /** What is done with each result of a receive call before it is unreferenced. */
    @FunctionalInterface
    interface Received {
        void handle() throws IOException;
    }

    /**
     * FFmpeg's send/receive pattern (decoders, encoders, buffersinks): receive until "try again" or end of stream,
     * hand over each result, release it whatever happens.
     */
    static void receiveAll(IntSupplier receive, String call, Received handle, Runnable release) throws IOException {
        while (true) {
            if (nothingReceived(receive.getAsInt(), call)) {
                return;
            }
            try {
                handle.handle();
            } finally {
                release.run();
            }
        }
    }

    /** True for "try again" and end of stream, false for a result to handle; throws for an error. */
    static boolean nothingReceived(int result, String call) throws IOException {
        if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) {
            return true;
        }
        check(result, call);
        return false;
    }

    static String describe(int errorCode) {
        byte[] text = new byte[128];
        if (avutil.av_strerror(errorCode, text, text.length) < 0) {
            return "error " + errorCode;
        }
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        return new String(text, 0, length, StandardCharsets.UTF_8) + " (" + errorCode + ")";
    }

    /** A native dictionary holding {@code options}; the caller frees it with {@link avutil#av_dict_free}. */
    static AVDictionary dictionary(Map<String, String> options) {
        AVDictionary dictionary = new AVDictionary(null);
        options.forEach((key, value) -> avutil.av_dict_set(dictionary, key, value, 0));
        return dictionary;
    }
}
