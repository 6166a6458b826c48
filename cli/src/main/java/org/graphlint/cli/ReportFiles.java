package org.graphlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --report FORMAT=FILE}: a run's report written to a file beside the one on standard output (text for people,
 * SARIF for the code-scanning upload, in one run).
 *
 * <p>A report file is an output the user names, so an existing file is replaced, as {@code -o} flags do everywhere;
 * but never half-written (a temporary file in the same folder, then one atomic rename), never a folder, FIFO or
 * device, and never one of the run's own input files.
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

    /** Writes {@code text} to {@code file} atomically: the old content or the new one, never a mix or a prefix. */
    static void write(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".graphlint-tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp); // only our own temporary file, and only when the rename did not happen
        }
    }
}
