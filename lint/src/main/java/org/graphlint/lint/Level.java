package org.graphlint.lint;

import java.util.Locale;

/** How much a lint finding matters. A run fails on findings at or above {@code --fail-on}. */
public enum Level {
    ERROR, WARNING, NOTE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this level is at least as severe as the threshold. */
    public boolean atLeast(Level threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** The level for an id ({@code error}, {@code warning}, {@code note}); throws with the accepted ids otherwise. */
    public static Level fromId(String id) {
        for (Level l : values()) {
            if (l.id().equalsIgnoreCase(id.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a level: use error, warning or note");
    }

    /** The level a parser diagnostic of this severity gets. */
    static Level of(org.graphlint.parser.Severity s) {
        return switch (s) {
            case ERROR -> ERROR;
            case WARNING -> WARNING;
            case INFO -> NOTE;
        };
    }
}
