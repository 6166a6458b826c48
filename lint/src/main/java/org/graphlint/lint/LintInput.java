package org.graphlint.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.graphlint.parser.PageParser;

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
                try (Stream<Path> s = Files.walk(p)) {
                    files = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")
                            && !Files.isDirectory(f)).sorted().toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    out.add(new LintInput(p.toString(), p.toString(), locale, null, "cannot list the folder: " + e.getMessage()));
                    continue;
                }
                for (Path f : files) {
                    out.add(new LintInput(f.toString(), p.relativize(f).toString().replace('\\', '/'), locale, null, null, f));
                }
            } else {
                out.add(new LintInput(p.toString(), p.toString().replace('\\', '/'), locale, null, null, p));
            }
        }
        return out;
    }

    private static LintInput readOne(Path f, String name, String locale) {
        String file = f.toString();
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS) && !Files.exists(f)) {
            return new LintInput(file, name, locale, null, "no such file or folder");
        }
        if (!Files.isRegularFile(f)) {
            return new LintInput(file, name, locale, null, "not a regular file (a FIFO, device or socket); give a page file");
        }
        try (InputStream in = Files.newInputStream(f)) {
            byte[] b = in.readNBytes((int) PageParser.MAX_PAGE_BYTES + 1);
            if (b.length > PageParser.MAX_PAGE_BYTES) {
                return new LintInput(file, name, locale, null, "larger than " + PageParser.MAX_PAGE_BYTES / (1024 * 1024)
                        + " MB; a reference page is well under 1 MB");
            }
            return new LintInput(file, name, locale, b, null, f);
        } catch (NoSuchFileException e) {
            return new LintInput(file, name, locale, null, "no such file");
        } catch (IOException e) {
            return new LintInput(file, name, locale, null, "cannot read: " + e.getMessage());
        }
    }
}
