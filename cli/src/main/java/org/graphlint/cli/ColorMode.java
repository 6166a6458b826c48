package org.graphlint.cli;

/** {@code validate --color}: colour in text output (any letter case on input). */
enum ColorMode {
    AUTO, ALWAYS, NEVER;

    /** Whether to colour: {@code auto} only on a terminal, without {@code NO_COLOR} and not on a dumb terminal. */
    boolean colour() {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }

    /** @throws IllegalArgumentException naming the accepted values */
    static ColorMode parse(String s) {
        for (ColorMode c : values()) {
            if (c.name().equalsIgnoreCase(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown --color '" + s + "': use auto, always or never");
    }
}
