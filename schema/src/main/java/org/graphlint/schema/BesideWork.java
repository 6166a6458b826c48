package org.graphlint.schema;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Work run beside a command's main work (a build's --out check beside the parse, the pack beside the rendering): a
 * fresh daemon thread per task, never the common pool the main work uses; and its result taken back with its
 * failure thrown as the task threw it.
 */
public final class BesideWork {

    private BesideWork() {
    }

    /** Starts {@code task} on a daemon thread of its own, named {@code name}. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> task) {
        Executor own = r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        };
        return CompletableFuture.supplyAsync(task, own);
    }

    /** Waits for the task; a runtime exception or error it threw is thrown as it was, not wrapped. */
    public static <T> T join(CompletableFuture<T> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
