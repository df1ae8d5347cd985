package org.allocdiscipline.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the same work on several platform threads released at once, and fails with the first failure. */
public final class Workers {

    /** The work of one thread, given its index. */
    @FunctionalInterface
    public interface Work {
        void run(int index) throws Exception;
    }

    private Workers() {
    }

    /**
     * Starts {@code count} threads, lets them begin together, waits for all of them.
     *
     * @throws AssertionError whose cause is the first exception a thread threw
     */
    public static void runTogether(int count, Work work) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            int index = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    work.run(index);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a worker failed", failure.get());
        }
    }
}
