package org.graphlint.validate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.graphlint.validate.GraphlintVersion;

/**
 * A report file, as every graphlint front end writes one (the command line's {@code --report FORMAT=FILE}, the Maven
 * plugin's report files): an existing file is replaced only when it is empty or one of graphlint's own reports, and
 * always atomically (a temporary file in the same folder, then one rename). Formats that carry no name of their own
 * end with a {@link #marker()} line in a file, so that the next run recognises them.
 */
public final class ReportFile {
    private ReportFile() {
    }

    /** The last line of a text, GitHub or diff report written to a file: what makes it recognisable as graphlint's. */
    public static String marker() {
        return "graphlint " + GraphlintVersion.get() + " report";
    }

    /**
     * A report as written to a file: formats that carry no name of their own (text, github, diff's text and
     * markdown) end with the {@link #marker()} line; the others are returned as they are.
     */
    public static String marked(String format, String text) {
        return switch (format) {
            case "text", "github" -> text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + marker() + "\n";
            case "markdown" -> text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n<!-- " + marker() + " -->\n";
            default -> text;
        };
    }

    private static final java.util.regex.Pattern OWN_HEAD = java.util.regex.Pattern.compile(
            "\"format\"\\s*:\\s*\"graphlint-"                                            // graphlint's JSON reports
            + "|\"driver\"\\s*:\\s*\\{\\s*\"name\"\\s*:\\s*\"graphlint\""                 // SARIF
            + "|<testsuites name=\"graphlint[ \"]");                                    // JUnit
    private static final java.util.regex.Pattern OWN_TAIL = java.util.regex.Pattern.compile(
            "(?:<!-- )?graphlint \\S+ report(?: -->)?");

    /**
     * True when {@code file} is empty or one of graphlint's reports: its first 4 KiB hold a SARIF driver named
     * graphlint, a JSON {@code "format": "graphlint-…"} or a JUnit suite named graphlint, or its last line is the
     * {@link #marker()}. Only the head and the tail are read, whatever the size.
     */
    public static boolean writtenByGraphlint(Path file) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return true;
            }
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate((int) Math.min(size, 4096));
            while (head.hasRemaining() && ch.read(head) >= 0) {
                // fill
            }
            if (OWN_HEAD.matcher(new String(head.array(), 0, head.position(), StandardCharsets.UTF_8)).find()) {
                return true;
            }
            int n = (int) Math.min(size, 512);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(n);
            ch.position(size - n);
            while (tail.hasRemaining() && ch.read(tail) >= 0) {
                // fill
            }
            String t = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8).stripTrailing();
            String last = t.substring(t.lastIndexOf('\n') + 1);
            return OWN_TAIL.matcher(last).matches();
        }
    }

    /**
     * Writes {@code text} to {@code file} atomically: the old content or the new one, never a mix or a prefix. An
     * existing file that is not a regular file, or neither empty nor one of graphlint's reports, is refused with an
     * {@link IOException} whose message says why and what to do (the caller names the file).
     */
    public static void replace(Path file, String text) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("exists and is not a regular file; not replaced");
            }
            if (!writtenByGraphlint(file)) {
                throw new IOException("exists and is not a graphlint report; not replaced (graphlint overwrites"
                        + " only its own reports: delete the file or name another)");
            }
        }
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
