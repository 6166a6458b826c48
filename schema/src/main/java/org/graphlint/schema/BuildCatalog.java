package org.graphlint.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build-time entry point: {@code BuildCatalog OUT_DIR PATH...} parses the pages under PATH and writes the catalog into
 * OUT_DIR. The schema module's build runs it over {@code samples/pages} to embed the default catalog. It writes as
 * {@code graphlint schemas build} does ({@link CatalogWriter}): the previous catalog is replaced whole, only its own
 * files are removed, and a page that cannot be read fails the build without touching OUT_DIR.
 */
public final class BuildCatalog {

    private BuildCatalog() {
    }

    /** Runs in Maven's JVM (exec:java): failures are thrown, never {@code System.exit}. */
    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BuildCatalog OUT_DIR PATH...");
        }
        Path out = Path.of(args[0]);
        List<Path> in = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            in.add(Path.of(args[i]));
        }
        CatalogWriter.check(out, false);
        List<String> errors = new ArrayList<>();
        CatalogBuilder.Result r = CatalogBuilder.build(PageSource.parse(PageSource.list(in), errors));
        if (!errors.isEmpty()) {
            errors.forEach(e -> System.err.println("graphlint: " + e));
            throw new CatalogException(out + ": not written: " + errors.size() + " page(s) could not be read");
        }
        CatalogWriter.replace(r.catalog(), out, false);
        int versions = 0;
        for (Catalog c : r.catalog().byApiVersion().values()) {
            versions += c.allVersions().size();
        }
        System.out.println("catalog: " + r.pages() + " pages, " + r.schemas() + " page schemas, " + versions
                + " schema versions, " + r.notes().size() + " notes -> " + out);
    }
}
