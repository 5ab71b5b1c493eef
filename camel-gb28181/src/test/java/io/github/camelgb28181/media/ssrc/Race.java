package io.github.camelgb28181.media.ssrc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts threads at the same moment on one body and fails the test with whatever any of them threw. */
public final class Race {

    /** The work of one thread. */
    public interface Body {
        void run(int thread) throws Exception;
    }

    private Race() {
    }

    public static void run(int threads, Body body) throws InterruptedException {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    body.run(index);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "race-" + t);
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join(30_000);
            assertFalse(w.isAlive(), w.getName() + " did not finish within 30 s");
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
