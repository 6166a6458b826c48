package org.graphlint.validate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Shared helpers: where the fixtures are, and one embedded validator. */
final class TestSupport {
    private TestSupport() {
    }

    static final PayloadValidator EMBEDDED = PayloadValidator.embedded();

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("samples/payloads"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("samples/payloads not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Path payloads() {
        return repoRoot().resolve("samples/payloads");
    }

    static Path testCatalog() {
        return repoRoot().resolve("validator/src/test/resources/testcatalog");
    }

}
