package org.graphlint.parser;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's sample pages are, seen from a module's test run. */
final class Samples {
    static final Path ROOT = locate();

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples/pages/seeds"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/pages/seeds not found above " + Path.of("").toAbsolutePath());
    }

    static Path seed(String name) {
        return ROOT.resolve("pages/seeds").resolve(name);
    }

    private Samples() {
    }
}
