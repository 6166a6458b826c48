package org.graphlint.parser;

/**
 * A page that cannot be read at all (missing, a binary file, larger than the limit). Its message is one line that
 * names the file and says what to do; recoverable problems inside a page are {@link Diagnostic}s instead.
 */
public final class PageReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    public PageReadException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
