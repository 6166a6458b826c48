package org.graphlint.schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build-time entry point: {@code BuildCatalog OUT_DIR PATH...} parses the pages under PATH and writes the catalog into
 * OUT_DIR. The schema module's build runs it over {@code samples/pages} to embed the default catalog.
 */
public final class BuildCatalog {

    private BuildCatalog() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BuildCatalog OUT_DIR PATH...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<Path> in = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            in.add(Path.of(args[i]));
        }
        List<String> errors = new ArrayList<>();
        CatalogBuilder.Result r = CatalogBuilder.build(PageSource.parse(PageSource.list(in), errors));
        r.catalog().write(out);
        errors.forEach(e -> System.err.println("graphlint: " + e));
        int versions = 0;
        for (Catalog c : r.catalog().byApiVersion().values()) {
            versions += c.allVersions().size();
        }
        System.out.println("catalog: " + r.pages() + " pages, " + r.schemas() + " page schemas, " + versions
                + " schema versions, " + r.notes().size() + " notes -> " + out);
    }
}
