package org.graphlint.cli;

import org.graphlint.validate.Severity;

/** {@code validate --fail-on}: the lowest severity that makes the exit code 1, or none (any letter case on input). */
enum FailOn {
    ERROR, WARNING, NONE;

    /** The severity a run's findings are judged at ({@code none} judges as {@code error}, then exits 0 regardless). */
    Severity threshold() {
        return this == WARNING ? Severity.WARNING : Severity.ERROR;
    }

    /** True for {@code none}: findings never make the exit code 1. */
    boolean never() {
        return this == NONE;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    static FailOn parse(String s) {
        for (FailOn f : values()) {
            if (f.name().equalsIgnoreCase(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown --fail-on '" + s + "': use error, warning or none");
    }
}
