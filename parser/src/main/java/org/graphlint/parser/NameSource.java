package org.graphlint.parser;

/** How a property row's English name was found. */
public enum NameSource {
    /** Taken from the English {@code sxs-lookup} span. */
    SXS,
    /** The visible (plain) cell already is an identifier found in the page's JSON or a type page. */
    VERBATIM,
    /** Matched case-insensitively to a key of the page's own JSON (examples or JSON representation). */
    EXAMPLE_KEY,
    /** Aligned by row order against the key order of the page's JSON. */
    ROW_ORDER,
    /** Not recovered: {@link PropertyRow#name()} keeps the visible text and a diagnostic says so. */
    UNRESOLVED;

    public String id() {
        return switch (this) {
            case SXS -> "sxs";
            case VERBATIM -> "verbatim";
            case EXAMPLE_KEY -> "example-key";
            case ROW_ORDER -> "row-order";
            case UNRESOLVED -> "unresolved";
        };
    }

    /** True when {@link PropertyRow#name()} is a trustworthy English identifier. */
    public boolean recovered() {
        return this != UNRESOLVED;
    }
}
