package org.graphlint.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.PageReadException;
import org.graphlint.parser.RegularFile;

/** Finds and parses the pages of a build: files as given, folders recursively ({@code *.md}). */
public final class PageSource {

    private PageSource() {
    }

    /** A page file and the name it is recorded under (relative to the folder given, or the file name itself). */
    public record PageFile(Path path, String name) {
    }

    /**
     * Every page file under the given paths ({@code *.md} in any case), sorted by path within each path given; never
     * throws. Whatever cannot be read is said in {@code problems} (one line each, naming the path): a missing path,
     * a folder that cannot be listed (the rest of the tree is still listed), a {@code *.md} that is a FIFO, a device
     * or a broken symbolic link, a folder with no page at all, a symbolic link back to a folder above it. Only regular files are listed;
     * symbolic links to files and folders are followed.
     */
    public static List<PageFile> find(List<Path> paths, List<String> problems) {
        List<PageFile> out = new ArrayList<>();
        for (Path p : paths) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                problems.add(p + (Files.isSymbolicLink(p) ? ": a broken symbolic link" : ": no such file or folder"));
                continue;
            } catch (IOException e) {
                problems.add(p + ": cannot read: " + CatalogWriter.reason(e));
                continue;
            }
            if (a.isRegularFile()) {
                out.add(new PageFile(p, p.getFileName().toString()));
            } else if (!a.isDirectory()) {
                problems.add(p + ": " + RegularFile.describe(p, a) + "; only regular files are read");
            } else {
                int before = problems.size();
                List<Path> found = new ArrayList<>();
                try {
                    // Symbolic links to folders are followed (a docs tree may link a locale folder in); a link back to a
                    // folder already being walked is said once and not followed again.
                    Files.walkFileTree(p, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes fa) {
                            if (!isPageName(f)) {
                                if (fa.isSymbolicLink()) {
                                    // A link that cannot even be resolved (a loop: ELOOP) may hide a folder of
                                    // pages: said, never skipped silently.
                                    try {
                                        Files.readAttributes(f, BasicFileAttributes.class);
                                    } catch (NoSuchFileException e) {
                                        // a dangling link not named *.md: not a page
                                    } catch (IOException e) {
                                        problems.add(f + ": cannot list: " + CatalogWriter.reason(e) + " (the rest was read)");
                                    }
                                }
                                return FileVisitResult.CONTINUE;
                            }
                            if (fa.isRegularFile()) {
                                found.add(f);
                            } else if (fa.isSymbolicLink()) {
                                try {
                                    BasicFileAttributes t = Files.readAttributes(f, BasicFileAttributes.class);
                                    if (t.isRegularFile()) {
                                        found.add(f);
                                    } else {
                                        problems.add(f + ": a symbolic link to " + RegularFile.describe(f, t)
                                                .replace(", not a regular file", "").replace(", not a file", "")
                                                + "; only regular files are read");
                                    }
                                } catch (NoSuchFileException e) {
                                    problems.add(f + ": a broken symbolic link");
                                } catch (IOException e) {
                                    problems.add(f + ": cannot read: " + CatalogWriter.reason(e));
                                }
                            } else {
                                problems.add(f + ": " + RegularFile.describe(f, fa) + "; only regular files are read");
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                problems.add(f + ": a symbolic link back to a folder above it; its pages were read once,"
                                        + " through the folder itself");
                                return FileVisitResult.CONTINUE;
                            }
                            problems.add(f + ": cannot list: " + CatalogWriter.reason(e) + " (the rest was read)");
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    problems.add(p + ": cannot list: " + CatalogWriter.reason(e));
                    continue;
                }
                if (found.isEmpty() && problems.size() == before) {
                    problems.add(p + ": no *.md pages in this folder");
                }
                found.sort(null);
                String prefix = apiFolderPrefix(p);
                for (Path f : found) {
                    out.add(new PageFile(f, prefix + p.relativize(f).toString().replace('\\', '/')));
                }
            }
        }
        return out;
    }

    /**
     * The API version folders a page's recorded name must keep when the folder given is inside them: the docs keep
     * pages under {@code beta/} and {@code v1.0/}, and a page's API version is read from its name. Given
     * {@code api-reference/v1.0} (or {@code v1.0/resources}), its pages are recorded as {@code v1.0/resources/x.md},
     * not {@code resources/x.md}, which would leave the version to be guessed from the page's example URLs. Empty when
     * the folder is not inside one.
     */
    public static String apiFolderPrefix(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        if (name == null) {
            return "";
        }
        if (isApiVersion(name.toString())) {
            return name + "/";
        }
        Path parent = abs.getParent();
        Path parentName = parent == null ? null : parent.getFileName();
        if (parentName != null && isApiVersion(parentName.toString())
                && (name.toString().equals("api") || name.toString().equals("resources"))) {
            return parentName + "/" + name + "/";
        }
        return "";
    }

    private static boolean isApiVersion(String folderName) {
        return folderName.equals("beta") || folderName.equals("v1.0");
    }

    /** {@code *.md} in any case ({@code PAGE.MD} too, as validate reads {@code .JSON}). */
    static boolean isPageName(Path f) {
        String n = f.getFileName().toString();
        return n.length() > 3 && n.regionMatches(true, n.length() - 3, ".md", 0, 3);
    }

    /** Every page file under the given paths, sorted by name within each path. Throws {@link CatalogException} for the first path that cannot be read. */
    public static List<PageFile> list(List<Path> paths) {
        List<String> problems = new ArrayList<>();
        List<PageFile> out = find(paths, problems);
        if (!problems.isEmpty()) {
            throw new CatalogException(problems.get(0));
        }
        return out;
    }

    /**
     * Parses every page, on every core (the pages are independent; a whole snapshot parsed on one thread made
     * {@code schemas build} take twice as long as {@code parse}), each thread taking the next page as {@code parse}'s
     * pool does; unreadable pages are reported in {@code errors}, in file order, and left out. Each page is kept as
     * {@link KeptModel} keeps it (what no builder step reads left out, equal strings and bodies held once): a whole
     * snapshot's models are held to the build's end, and every young collection copied them.
     */
    public static List<CatalogBuilder.Input> parse(List<PageFile> files, List<String> errors) {
        Object[] results = new Object[files.size()];
        KeptModel kept = new KeptModel();
        EveryCore.run("graphlint-parse", files.size(), i -> {
            PageFile f = files.get(i);
            try {
                results[i] = new CatalogBuilder.Input(kept.of(PageParser.parse(f.path())), f.name());
            } catch (PageReadException e) {
                results[i] = org.graphlint.parser.Text.oneLine(e.getMessage());
            }
        });
        List<CatalogBuilder.Input> out = new ArrayList<>(files.size());
        for (Object r : results) {
            if (r instanceof CatalogBuilder.Input in) {
                out.add(in);
            } else {
                errors.add((String) r);
            }
        }
        return out;
    }
}
