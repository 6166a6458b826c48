package org.graphlint.parser;

/**
 * A piece of page text split into its English original and its localized rendering. On plain pages and outside
 * spans both are the same text. {@code paired} is true when at least one sxs span pair was found; {@code broken}
 * when the span HTML was irregular (a span cut in half, a localized span without its English twin).
 */
record Bilingual(String english, String localized, boolean paired, boolean broken) {
    static Bilingual same(String text) {
        return new Bilingual(text, text, false, false);
    }
}
