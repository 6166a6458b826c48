package org.graphlint.gitpages;

/** A repository that cannot be read as asked: not a repository, no such revision, a broken object. One line, naming it. */
public final class GitPagesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GitPagesException(String message, Throwable cause) {
        super(message, cause);
    }

    public GitPagesException(String message) {
        super(message);
    }
}
