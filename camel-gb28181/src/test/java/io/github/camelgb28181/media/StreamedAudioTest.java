package io.github.camelgb28181.media;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The buffer between a streamed broadcast body and the paced sender: bounded, whole packets, clean ends. */
class StreamedAudioTest {

    private final ExecutorService reader = Executors.newCachedThreadPool();

    @AfterEach
    void stopReaders() throws InterruptedException {
        reader.shutdownNow();
        assertTrue(reader.awaitTermination(5, TimeUnit.SECONDS), "a reader was left blocked");
    }

    private static byte[] noise(int length) {
        byte[] a = new byte[length];
        new Random(length).nextBytes(a);
        return a;
    }

    /** Takes packets until END, spinning while the source is behind; returns every byte taken. */
    private static byte[] drain(StreamedAudio audio, int packet) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[packet];
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            int n = audio.take(buffer, packet);
            if (n == AudioSource.END) {
                return out.toByteArray();
            }
            if (n == 0) {
                Thread.sleep(1);
                continue;
            }
            assertTrue(n == packet || audio.ended(), "a short packet only at the end: " + n);
            out.write(buffer, 0, n);
        }
        return fail("the audio did not end");
    }

    @Test
    void everyByteComesOutInWholePacketsAndTheLastOneShort() throws Exception {
        byte[] source = noise(8_000 + 100);
        StreamedAudio audio = new StreamedAudio(new ByteArrayInputStream(source), 1_000);
        audio.start(reader);
        assertArrayEquals(source, drain(audio, 160));
        assertTrue(audio.ended());
        assertNull(audio.failure());
    }

    @Test
    void aFasterSourceIsHeldToTheCapacity() throws Exception {
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 0x55;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                read.addAndGet(len);
                java.util.Arrays.fill(b, off, off + len, (byte) 0x55);
                return len;
            }
        };
        StreamedAudio audio = new StreamedAudio(endless, 1_000);
        audio.start(reader);
        Thread.sleep(200);
        // the reader filled the buffer and one chunk more that waits to go in, then stopped
        assertTrue(read.get() <= 1_000 + 1_000, "read " + read.get() + " bytes ahead of the sender");
        byte[] packet = new byte[320];
        assertEquals(320, audio.take(packet, 320));
        audio.close();
        assertEquals(AudioSource.END, audio.take(packet, 320), "closed: no more audio");
    }

    @Test
    void aLiveSourceThatIsBehindGivesNothingUntilAPacketIsThere() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        StreamedAudio audio = new StreamedAudio(new PipedInputStream(feed, 4096), 1_000);
        audio.start(reader);
        byte[] packet = new byte[160];
        feed.write(noise(100));
        feed.flush();
        Thread.sleep(100);
        assertEquals(0, audio.take(packet, 160), "100 bytes are not a 160-byte packet yet");
        assertFalse(audio.ended());
        feed.write(noise(60));
        feed.flush();
        long deadline = System.currentTimeMillis() + 5000;
        int n = 0;
        while (n == 0 && System.currentTimeMillis() < deadline) {
            n = audio.take(packet, 160);
            Thread.sleep(1);
        }
        assertEquals(160, n);
        feed.close();
        deadline = System.currentTimeMillis() + 5000;
        while (!audio.ended() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(AudioSource.END, audio.take(packet, 160));
    }

    @Test
    void closeFreesAReaderBlockedInTheStream() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        StreamedAudio audio = new StreamedAudio(new PipedInputStream(feed), 1_000);
        audio.start(reader);
        Thread.sleep(50); // the reader waits in read(): nothing was written
        audio.close();
        // the pipe is closed from the reading end: the writer learns it, and @AfterEach finds no reader left
        assertThrows(IOException.class, () -> feed.write(1));
        assertTrue(audio.ended());
        assertNull(audio.failure(), "closing is no failure");
    }

    @Test
    void aReadErrorEndsTheAudioWithThatError() throws Exception {
        byte[] first = noise(480);
        InputStream failing = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at < first.length) {
                    return first[at++] & 0xFF;
                }
                throw new IOException("microphone unplugged");
            }
        };
        StreamedAudio audio = new StreamedAudio(failing, 1_000);
        audio.start(reader);
        assertArrayEquals(first, drain(audio, 160), "what came before the error is kept");
        assertInstanceOf(IOException.class, audio.failure());
        assertEquals("microphone unplugged", audio.failure().getMessage());
    }

    @Test
    void aBufferSmallerThanAPacketIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StreamedAudio(InputStream.nullInputStream(), 100));
    }
}
