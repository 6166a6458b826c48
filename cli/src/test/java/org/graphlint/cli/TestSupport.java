package org.graphlint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared helpers for the command-line tests: where the fixtures are, and running graphlint in-process. */
final class TestSupport {
    private TestSupport() {
    }

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

    record Result(int exit, String out, String err) {
    }

    /** Runs {@code graphlint ARGS...} in-process. */
    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GraphlintCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
