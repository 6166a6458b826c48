package org.graphlint.parser;

/** How a localized page carries its English original. */
public enum PageFormat {
    /** Side-by-side: every text is a localized span followed by its English {@code sxs-lookup} span. */
    SXS,
    /** Plain localized markdown: no English spans; identifiers are recovered from the page's own JSON and links. */
    PLAIN;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
