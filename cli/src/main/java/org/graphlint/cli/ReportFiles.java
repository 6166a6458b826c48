package org.graphlint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.graphlint.parser.Text;
import org.graphlint.validate.report.ReportFile;

/**
 * {@code --report FORMAT=FILE}: a run's report written to a file beside the one on standard output (text for people,
 * SARIF for the code-scanning upload, in one run).
 *
 * <p>Nothing graphlint did not write is ever overwritten: an existing file is replaced only when it is empty or one of
 * graphlint's own reports (recognised by {@link #writtenByGraphlint}: the SARIF tool name, the JSON {@code format}
 * key, the JUnit suite name, or the last line {@code graphlint VERSION report} that text, GitHub and diff reports
 * carry in a file, never on standard output); anything else is refused, exit 2. What is written is never
 * half-written (a temporary file in the same folder, then one atomic rename), never a folder, FIFO or device, and
 * never one of the run's own input files.
 */
final class ReportFiles {
    private ReportFiles() {
    }

    /** One {@code --report} value. */
    record Spec(String format, Path file) {
    }

    /**
     * Parses {@code FORMAT=FILE} values against the formats the command knows.
     *
     * @throws IllegalArgumentException with a one-line message naming the value and what to write instead
     */
    static List<Spec> parse(Collection<String> values, Set<String> formats) {
        List<Spec> out = new ArrayList<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new IllegalArgumentException("--report '" + v + "': write FORMAT=FILE, e.g. sarif=graphlint.sarif");
            }
            String format = v.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!formats.contains(format)) {
                throw new IllegalArgumentException("--report '" + v + "': unknown format '" + format + "'; use one of "
                        + String.join(", ", formats));
            }
            Path file;
            try {
                file = Path.of(v.substring(eq + 1));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("--report '" + v + "': not a file path");
            }
            for (Spec s : out) {
                if (s.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                    throw new IllegalArgumentException("--report names " + file + " twice");
                }
            }
            if (Files.exists(file) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("--report " + file + ": exists and is not a regular file; not replaced");
            }
            out.add(new Spec(format, file));
        }
        return out;
    }

    /**
     * Refuses, before the run, a report file that exists and is neither empty nor one of graphlint's reports.
     *
     * @throws IllegalArgumentException one line naming the file and what to do
     */
    static void checkReplaceable(List<Spec> reports) {
        for (Spec s : reports) {
            refuseOthers(s.file());
        }
    }

    /** Refuses a report that would replace one of the run's inputs. */
    static void checkNotAnInput(List<Spec> reports, Collection<Path> inputs) {
        for (Spec s : reports) {
            Path f = s.file().toAbsolutePath().normalize();
            for (Path in : inputs) {
                if (in != null && in.toAbsolutePath().normalize().equals(f)) {
                    throw new IllegalArgumentException("--report " + s.file() + " is also an input of this run; not replaced");
                }
            }
        }
    }

    /** The last line of a text, GitHub or diff report written to a file (see {@link ReportFile#marker()}). */
    static String marker() {
        return ReportFile.marker();
    }

    /** A report as written to a file (see {@link ReportFile#marked}). */
    static String marked(String format, String text) {
        return ReportFile.marked(format, text);
    }

    /** True when {@code file} is empty or one of graphlint's reports (see {@link ReportFile#writtenByGraphlint}). */
    static boolean writtenByGraphlint(Path file) throws IOException {
        return ReportFile.writtenByGraphlint(file);
    }

    /** Refuses an existing file that is neither empty nor one of graphlint's reports. */
    private static void refuseOthers(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean ours;
        try {
            ours = writtenByGraphlint(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--report " + file + ": exists and cannot be read (" + Text.oneLine(e)
                    + "); not replaced");
        }
        if (!ours) {
            throw new IllegalArgumentException("--report " + file + ": exists and is not a graphlint report; not replaced"
                    + " (graphlint overwrites only its own reports: delete the file or name another)");
        }
    }

    /** Writes {@code text} to {@code file} as {@link ReportFile#replace} does. */
    static void write(Path file, String text) throws IOException {
        ReportFile.replace(file, text);
    }
}
