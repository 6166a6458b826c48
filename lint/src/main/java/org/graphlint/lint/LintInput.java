package org.graphlint.lint;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.RegularFile;

/**
 * One page to lint: its bytes, the name reports use, the name the schema builder reads the API version and page slug
 * from (relative to the tree it came from), and the locale tree it belongs to (for the locale-lag rule; null when the
 * page was given as a plain PATH). A page that could not be read carries the reason instead of bytes. A page listed from
 * a folder is read when the linter comes to it ({@link #load()}) and its bytes are not kept, so a whole snapshot is never
 * held in memory as bytes.
 *
 * @param file       the name findings are reported under
 * @param name       the page's path relative to its tree, forward slashes ({@code beta/api/vpptoken-create.md})
 * @param locale     the {@code --locale} tag of the tree it came from, or null
 * @param content    the page's bytes, or null when unreadable
 * @param unreadable why the page could not be read (one line), or null
 * @param path       the file to read the bytes from when they are not held ({@code content} and {@code unreadable} both
 *                   null), or null for a page given from memory
 */
public record LintInput(String file, String name, String locale, byte[] content, String unreadable, Path path) {

    /** A page read from memory (a git blob, a test). */
    public static LintInput of(String file, String name, String locale, byte[] content) {
        return new LintInput(file, name, locale, content, null, null);
    }

    /** A page that could not be read, and why (one line): it is reported as an {@code unreadable-page} finding. */
    public static LintInput unreadable(String file, String name, String locale, String why) {
        return new LintInput(file, name, locale, null, why, null);
    }

    private LintInput(String file, String name, String locale, byte[] content, String unreadable) {
        this(file, name, locale, content, unreadable, null);
    }

    /** True when the bytes are still to be read from {@link #path()}. */
    public boolean deferred() {
        return content == null && unreadable == null && path != null;
    }

    /** This page with its bytes (read now when deferred), or the reason they cannot be read. */
    public LintInput load() {
        return deferred() ? readOne(path, name, locale) : this;
    }

    /** This page without its bytes when they can be read again from its file; otherwise this page. */
    LintInput unload() {
        return path != null && content != null ? new LintInput(file, name, locale, null, null, path) : this;
    }

    /**
     * Every {@code *.md} page under the given paths (files as given, folders recursively, sorted by name), to be read
     * when linted ({@link #load()}). Paths that do not exist, and files that are not regular files (FIFOs, devices) or
     * are larger than the parser accepts, come back as unreadable inputs when loaded, never skipped.
     */
    public static List<LintInput> read(List<Path> paths, String locale) {
        List<LintInput> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                List<Path> loops = new ArrayList<>();
                try {
                    files = pages(p, loops);
                } catch (IOException | java.io.UncheckedIOException e) {
                    out.add(new LintInput(p.toString(), p.toString(), locale, null, "cannot list the folder: " + e.getMessage()));
                    continue;
                }
                String root = p.toString();
                // a folder inside beta/ or v1.0/ keeps the version in the names (a page's API version is read there)
                String prefix = org.graphlint.schema.PageSource.apiFolderPrefix(p);
                for (Path f : files) {
                    // the name under the folder: the listed path's own text past the folder's (a walk resolves every
                    // entry against the folder as given), relativize only where that does not hold
                    String full = f.toString();
                    String name = full.length() > root.length() + 1 && full.startsWith(root)
                            && full.charAt(root.length()) == f.getFileSystem().getSeparator().charAt(0)
                            ? full.substring(root.length() + 1) : p.relativize(f).toString();
                    out.add(new LintInput(full, prefix + name.replace('\\', '/'), locale, null, null, f));
                }
                for (Path loop : loops) {
                    out.add(new LintInput(loop.toString(), loop.toString(), locale, null,
                            "a symbolic link back to a folder above it; its pages were read once, through the folder itself"));
                }
            } else {
                out.add(new LintInput(p.toString(), p.toString().replace('\\', '/'), locale, null, null, p));
            }
        }
        return out;
    }

    /**
     * The {@code *.md} entries under a folder that are not folders, sorted; symbolic links to folders are followed
     * (a link back to a folder above is put in {@code loops}, not followed again), other links kept (their reading
     * says what they are). One stat per entry, the walk's own: a snapshot has some 11,000 pages, and a
     * second stat each was a tenth of a second of a run before any page is parsed. A folder that cannot be listed
     * fails the whole listing, with the message {@code Files.walk} gave.
     */
    private static List<Path> pages(Path folder, List<Path> loops) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(folder, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md") && !a.isDirectory()) {
                    found.add(f);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof java.nio.file.FileSystemLoopException) {
                    loops.add(f);
                    return FileVisitResult.CONTINUE;
                }
                return failed(f, e);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                return e == null ? FileVisitResult.CONTINUE : failed(d, e);
            }

            /** As Files.walk reports them: the folder's own failure as is, one below it wrapped. */
            private FileVisitResult failed(Path f, IOException e) throws IOException {
                if (f.equals(folder)) {
                    throw e;
                }
                throw new java.io.UncheckedIOException(e);
            }
        });
        found.sort(null);
        return found;
    }

    private static LintInput readOne(Path f, String name, String locale) {
        String file = f.toString();
        try {
            // One stat and one read, as the parser reads a page: only regular files, the limit enforced while reading.
            return new LintInput(file, name, locale, RegularFile.read(f, PageParser.MAX_PAGE_BYTES), null, f);
        } catch (RegularFile.TooLargeException e) {
            return new LintInput(file, name, locale, null, "larger than " + PageParser.MAX_PAGE_BYTES / (1024 * 1024)
                    + " MB; a reference page is well under 1 MB");
        } catch (RegularFile.NotRegularFileException e) {
            return new LintInput(file, name, locale, null, NOT_REGULAR);
        } catch (IOException e) {
            // what failed, in the words of the checks a read used to start with (the stats cost only on this path)
            if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS) && !Files.exists(f)) {
                return new LintInput(file, name, locale, null, "no such file or folder");
            }
            if (!Files.isRegularFile(f)) {
                return new LintInput(file, name, locale, null, NOT_REGULAR);
            }
            return new LintInput(file, name, locale, null,
                    e instanceof NoSuchFileException ? "no such file" : "cannot read: " + e.getMessage());
        }
    }

    private static final String NOT_REGULAR = "not a regular file (a FIFO, device or socket); give a page file";
}
