package org.graphlint.cli;

/** The exit codes every graphlint command uses. */
public final class ExitCode {
    /** Everything read and nothing found at or above the failure threshold. */
    public static final int OK = 0;
    /** Findings at or above the failure threshold. */
    public static final int FINDINGS = 1;
    /** A usage error, or input that could not be read (reported, never skipped). */
    public static final int USAGE_OR_INPUT = 2;

    private ExitCode() {
    }
}
