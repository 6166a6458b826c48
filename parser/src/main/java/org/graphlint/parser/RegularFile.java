package org.graphlint.parser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reading a file safely, for every command: only regular files are opened (opening a FIFO waits for a writer forever;
 * {@code /dev/zero} never ends), and the size limit is enforced while reading, not only on the size the file system
 * reports (which is 0 for {@code /proc} files and devices, and can change while the file is read).
 */
public final class RegularFile {

    private RegularFile() {
    }

    /** The path is not a regular file (a folder, a FIFO, a device, a socket); the message says which. */
    public static final class NotRegularFileException extends IOException {
        private static final long serialVersionUID = 1L;

        NotRegularFileException(String message) {
            super(message);
        }
    }

    /** The file is over the limit; {@link #size()} is its size when known, else -1 (it was not read to the end). */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long size;
        private final long limit;

        TooLargeException(long size, long limit) {
            super(size >= 0 ? "the file is " + sizeText(size) + ", over the " + sizeText(limit) + " limit"
                    : "the file is over the " + sizeText(limit) + " limit");
            this.size = size;
            this.limit = limit;
        }

        public long size() {
            return size;
        }

        public long limit() {
            return limit;
        }
    }

    /**
     * The bytes of a regular file (symbolic links followed), at most {@code maxBytes}: a {@link NotRegularFileException}
     * for anything else, a {@link TooLargeException} for a larger file (found by reading, never more than
     * {@code maxBytes + 1} bytes), the usual {@link IOException}s otherwise.
     */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new NotRegularFileException(describe(file, a) + "; only regular files are read");
        }
        if (a.size() > maxBytes) {
            throw new TooLargeException(a.size(), maxBytes);
        }
        try (FileChannel ch = FileChannel.open(file)) {
            long reported = ch.size();
            if (reported > maxBytes) {
                throw new TooLargeException(reported, maxBytes);
            }
            byte[] buf = new byte[(int) Math.min(maxBytes + 1, Math.max(reported + 1, 8192))];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (n > maxBytes) {
                        throw new TooLargeException(-1, maxBytes);
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(maxBytes + 1, (long) buf.length * 2));
                }
                int r = ch.read(ByteBuffer.wrap(buf, n, buf.length - n));
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n > maxBytes) {
                throw new TooLargeException(-1, maxBytes);
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }
    }

    /** What a path is, in words: "a folder", "a named pipe (FIFO)", "a character device"... */
    public static String describe(Path file, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a folder, not a file";
        }
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000:
                        return "a named pipe (FIFO), not a regular file";
                    case 0020000:
                        return "a character device, not a regular file";
                    case 0060000:
                        return "a block device, not a regular file";
                    case 0140000:
                        return "a socket, not a regular file";
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view: the generic words below
        }
        return "not a regular file";
    }

    public static String sizeText(long n) {
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
        }
        if (n >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return n + " bytes";
    }
}
