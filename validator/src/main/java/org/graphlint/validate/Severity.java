package org.graphlint.validate;

import java.util.Locale;

/** How bad a finding is; {@code --fail-on} picks the threshold that makes the exit code 1. */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}, as printed and as accepted by {@code --fail-on}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as bad as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
