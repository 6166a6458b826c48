package org.graphlint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GRAPHLINT_TIMING=1}: the wall time of each phase of a {@code schemas build} (parse, names, drafts, rendering,
 * pack…), for the build-versus-parse benchmark; {@code schemas build} prints them as one line on stderr. Off, a mark
 * costs one read of a final field.
 */
public final class PhaseTimes {
    private static final boolean ON = System.getenv("GRAPHLINT_TIMING") != null;
    private static final List<String> MARKS = new ArrayList<>();
    private static long last = System.nanoTime();

    private PhaseTimes() {
    }

    /** Whether phases are timed. */
    public static boolean on() {
        return ON;
    }

    /** The phase that ends now (measured from the previous mark, or from {@link #restart}). */
    public static void mark(String phase) {
        if (!ON) {
            return;
        }
        synchronized (MARKS) {
            long now = System.nanoTime();
            MARKS.add(String.format(Locale.ROOT, "%s %d ms", phase, (now - last) / 1_000_000));
            last = now;
        }
    }

    /** Starts timing anew (the marks so far are dropped). */
    public static void restart() {
        synchronized (MARKS) {
            MARKS.clear();
            last = System.nanoTime();
        }
    }

    /** The phases marked since the last restart, in order: "parse 2010 ms, names 180 ms, …". */
    public static String summary() {
        synchronized (MARKS) {
            return String.join(", ", MARKS);
        }
    }

    /**
     * The line a command prints on stderr: the JVM's start-up (its uptime before {@code commandStartNanos}, the
     * command's {@code System.nanoTime()} at its start), then {@link #summary}.
     */
    public static String report(long commandStartNanos) {
        long command = (System.nanoTime() - commandStartNanos) / 1_000_000;
        return "graphlint timing: JVM start " + (java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - command)
                + " ms, " + summary();
    }
}
