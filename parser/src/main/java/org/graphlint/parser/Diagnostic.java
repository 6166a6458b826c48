package org.graphlint.parser;

import java.util.Objects;

/**
 * Something the parser noticed about a page: a row it could not recover, a body that is not JSON, a
 * Content-length that disagrees with the body. {@code line} is 1-based in the source file (0 when the
 * finding is about the whole file).
 */
public record Diagnostic(Severity severity, String code, String message, int line) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(String code, int line, String message) {
        return new Diagnostic(Severity.ERROR, code, message, line);
    }

    public static Diagnostic warning(String code, int line, String message) {
        return new Diagnostic(Severity.WARNING, code, message, line);
    }

    public static Diagnostic info(String code, int line, String message) {
        return new Diagnostic(Severity.INFO, code, message, line);
    }
}
