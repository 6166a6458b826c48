package org.graphlint.schema;

/** A catalog folder or resource that cannot be read; the message is one line naming the file and the problem. */
public final class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
