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

    /** Removes an earlier catalog from the folder (catalog.json and *.schema.json files only), so no stale version stays. */
    public static void clean(Path out) throws IOException {
        if (!java.nio.file.Files.isRegularFile(out.resolve("catalog.json"))) {
            return;
        }
        try (var s = java.nio.file.Files.walk(out)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                String n = f.getFileName().toString();
                if (java.nio.file.Files.isRegularFile(f) && (n.endsWith(".schema.json") || f.equals(out.resolve("catalog.json")))) {
                    java.nio.file.Files.delete(f);
                } else if (java.nio.file.Files.isDirectory(f) && !f.equals(out)) {
                    try (var d = java.nio.file.Files.list(f)) {
                        if (d.findAny().isEmpty()) {
                            java.nio.file.Files.delete(f);
                        }
                    }
                }
            }
        }
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
        clean(out);
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
