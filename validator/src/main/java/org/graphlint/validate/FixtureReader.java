package org.graphlint.validate;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.graphlint.parser.RegularFile;

/**
 * The I/O edge of validation: a fixture's bytes, or the input finding (without file name) that says why they were not
 * read. One open, one fstat, one read per fixture, since a CI run over thousands of fixtures pays per system call.
 */
final class FixtureReader {

    private FixtureReader() {
    }

    /** What reading a fixture gave: its bytes, or why there are none. */
    sealed interface Read permits Bytes, Unread {
    }

    /** The whole file, read at once. */
    record Bytes(byte[] bytes) implements Read {
    }

    /** The input finding (no file name) saying why the file was not read. */
    record Unread(Finding why) implements Read {
    }

    static Read read(Path file, ValidateOptions options) {
        try {
            // Only regular files (a FIFO hung the run), and --max-size enforced while reading, not only on the size
            // the file system reports.
            byte[] quick = quickRead(file, options.maxBytes());
            return new Bytes(quick != null ? quick : RegularFile.read(file, options.maxBytes()));
        } catch (RegularFile.TooLargeException e) {
            return new Unread(SourceText.input(1, 1, "too-large", (e.size() >= 0 ? "the file is " + RegularFile.sizeText(e.size())
                    + ", over" : "the file is over") + " the " + RegularFile.sizeText(options.maxBytes())
                    + " limit for a fixture (--max-size); it was not read"));
        } catch (RegularFile.NotRegularFileException e) {
            return unreadable(e.getMessage());
        } catch (NoSuchFileException e) {
            return unreadable("no such file");
        } catch (AccessDeniedException e) {
            return unreadable("permission denied");
        } catch (IOException | OutOfMemoryError e) {
            return unreadable("cannot read: " + org.graphlint.parser.Text.oneLine(e));
        }
    }

    /**
     * A regular file no larger than {@code maxBytes} in four system calls (stat, open, one read, close) where
     * {@link RegularFile#read} makes seven (a channel's size and a second read to see the end): a tenth of the CPU a
     * small JSON fixture costs. Null when anything is unusual (not a regular file, over the limit, not on the default
     * file system, a read shorter or longer than the size the stat gave): {@link RegularFile#read} then reads it and
     * says what is wrong. The limit still holds while reading: one byte more than the size is asked for, so a file
     * that grew after the stat is seen.
     */
    private static byte[] quickRead(Path file, long maxBytes) throws IOException {
        if (file.getFileSystem() != java.nio.file.FileSystems.getDefault()) {
            return null;
        }
        java.nio.file.attribute.BasicFileAttributes a = java.nio.file.Files.readAttributes(file,
                java.nio.file.attribute.BasicFileAttributes.class);
        long size = a.size();
        if (!a.isRegularFile() || size > maxBytes || size >= Integer.MAX_VALUE - 8) {
            return null;
        }
        byte[] buf = new byte[(int) size + 1];
        try (java.io.FileInputStream in = new java.io.FileInputStream(file.toFile())) {
            int n = size == 0 ? in.read(buf, 0, 1) : in.read(buf, 0, buf.length);
            if (size == 0 && n < 0) {
                return new byte[0];
            }
            return n == size ? java.util.Arrays.copyOf(buf, n) : null;
        } catch (java.io.FileNotFoundException e) {
            return null; // permission denied, gone since the stat: RegularFile.read words it
        }
    }

    /**
     * The body file a {@code .http} request names ({@code < ./body.json}), resolved against the .http file's folder
     * ({@code baseDir}, null: the working directory) and read only inside the fixture root unless the options allow it.
     */
    static Read bodyFile(String include, Path baseDir, ValidateOptions o) {
        try {
            Path file = baseDir == null ? Path.of(include) : baseDir.resolve(include);
            String outside = o.allowOutside() ? null : outsideRoot(file, o.bodyRoot() != null ? o.bodyRoot()
                    : baseDir != null ? baseDir : Path.of(""));
            return outside != null ? unreadable(outside) : read(file, o);
        } catch (InvalidPathException e) {
            return unreadable("not a file path");
        }
    }

    private static Unread unreadable(String why) {
        return new Unread(SourceText.input(0, 0, "unreadable", why));
    }

    /**
     * Why a body file may not be read: it resolves (symbolic links followed) outside the fixture root. Null when it is
     * inside, or does not exist (then reading it says so).
     */
    private static String outsideRoot(Path file, Path root) {
        Path r = root.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        try {
            r = r.toRealPath();
        } catch (IOException e) {
            // the root as written
        }
        try {
            f = f.toRealPath();
        } catch (IOException e) {
            // a missing file: judged as written, and reported as missing if inside
        }
        if (f.startsWith(r)) {
            return null;
        }
        return "resolves outside the fixture folder " + root + "; not read (body files are read only inside the"
                + " folder given to validate; add --allow-outside to read it)";
    }


}
