package org.graphlint.parser;

/** How a property row's English type was found. */
public enum TypeSource {
    /** From the English {@code sxs-lookup} span. */
    SXS,
    /** The visible cell is already an English type name. */
    VERBATIM,
    /** From the link to the type's page (its link text or target). */
    LINK,
    /** From a localized type word with a known meaning ("Строка" is String). */
    LOCALIZED_WORD,
    /** From the value the page's JSON gives the property. */
    EXAMPLE_VALUE,
    /** Not recovered: {@link PropertyRow#type()} keeps the visible text. */
    UNRESOLVED;

    public String id() {
        return switch (this) {
            case SXS -> "sxs";
            case VERBATIM -> "verbatim";
            case LINK -> "link";
            case LOCALIZED_WORD -> "localized-word";
            case EXAMPLE_VALUE -> "example-value";
            case UNRESOLVED -> "unresolved";
        };
    }
}
