package org.graphlint.parser;

/** A property row as read, before its name and type are resolved against the whole page. */
record RowDraft(String englishName, String visibleName, boolean paired, Bilingual type, Bilingual description,
        String section, int line) {
}
