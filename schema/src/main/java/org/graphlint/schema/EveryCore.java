package org.graphlint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Work over 0 … n-1 on every core, each thread taking the next index when it is done with one (as {@code parse}'s pool
 * takes the next page). A parallel stream splits the range into a few large chunks up front (a quarter of the pages
 * each on two cores): a thread that the machine's other work holds back, or that draws the heavy pages, then keeps the
 * rest waiting.
 */
public final class EveryCore {

    private EveryCore() {
    }

    /**
     * Runs {@code task} for every index, this thread being one of the workers and the others named
     * {@code name-1}, {@code name-2} …; returns when all are done. The first failure is thrown once every thread has
     * stopped.
     */
    public static void run(String name, int n, IntConsumer task) {
        int threads = Math.min(n, Runtime.getRuntime().availableProcessors());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                for (int i = next.getAndIncrement(); i < n && failed.get() == null; i = next.getAndIncrement()) {
                    task.accept(i);
                }
            } catch (RuntimeException | Error e) {
                failed.compareAndSet(null, e);
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread h = new Thread(worker, name + "-" + t);
            h.setDaemon(true);
            h.start();
            helpers.add(h);
        }
        worker.run(); // this thread is one of them
        for (Thread h : helpers) {
            boolean interrupted = false;
            while (true) {
                try {
                    h.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable t = failed.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
