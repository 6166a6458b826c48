package org.graphlint.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.PageReadException;

/** Finds and parses the pages of a build: files as given, folders recursively ({@code *.md}). */
public final class PageSource {

    private PageSource() {
    }

    /** A page file and the name it is recorded under (relative to the folder given, or the file name itself). */
    public record PageFile(Path path, String name) {
    }

    /** Every page file under the given paths, sorted by name within each path. Throws {@link CatalogException} for a missing path. */
    public static List<PageFile> list(List<Path> paths) {
        List<PageFile> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".md"))
                            .sorted()
                            .forEach(f -> out.add(new PageFile(f, p.relativize(f).toString().replace('\\', '/'))));
                } catch (IOException | UncheckedIOException e) {
                    throw new CatalogException(p + ": cannot list: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(new PageFile(p, p.getFileName().toString()));
            } else {
                throw new CatalogException(p + ": no such file or folder");
            }
        }
        return out;
    }

    /**
     * Parses every page, in parallel (the pages are independent; a whole snapshot parsed on one thread made
     * {@code schemas build} take twice as long as {@code parse}); unreadable pages are reported in {@code errors}, in
     * file order, and left out.
     */
    public static List<CatalogBuilder.Input> parse(List<PageFile> files, List<String> errors) {
        Object[] results = new Object[files.size()];
        java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
            PageFile f = files.get(i);
            try {
                results[i] = new CatalogBuilder.Input(PageParser.parse(f.path()), f.name());
            } catch (PageReadException e) {
                results[i] = GraphlintText.oneLine(e.getMessage());
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
