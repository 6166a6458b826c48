package org.graphlint.lint;

/** A lint run that cannot start or finish: a usage problem or unreadable input. The message is one line, naming the file. */
public final class LintException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LintException(String message) {
        super(message);
    }

    public LintException(String message, Throwable cause) {
        super(message, cause);
    }
}
