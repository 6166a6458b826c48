package org.graphlint.bench;

import java.util.Locale;

/** What a docs page says, as the truth check searches it: the text without front matter, words, rows, enum sections. */
final class DocText {
    private DocText() {
    }

    static String documentText(String raw) {
        String t = raw;
        if (t.startsWith("---")) {
            int end = t.indexOf("\n---", 3);
            if (end > 0) {
                t = t.substring(end + 4);
            }
        }
        return t.replaceAll("(?s)<!--.*?-->", " ");
    }

    /**
     * True when a page names a property as the docs name properties: a table's name cell ({@code |name|}, an English
     * span {@code >name<}), a JSON key ({@code "name":}), code ({@code `name`}) or bold ({@code **name**}); a word of a
     * sentence ("reviewers can act on it") documents no property.
     */
    static boolean mentionsProperty(String raw, String w) {
        if (raw == null || w == null || w.isEmpty()) {
            return false;
        }
        int i = raw.indexOf(w);
        while (i >= 0) {
            int end = i + w.length();
            char before = i == 0 ? '\n' : raw.charAt(i - 1);
            char after = end >= raw.length() ? '\n' : raw.charAt(end);
            boolean word = !Character.isLetterOrDigit(before) && !Character.isLetterOrDigit(after);
            if (word && ((before == '"' && after == '"') || (before == '>' && after == '<') || (before == '`' && after == '`')
                    || (before == '*' && after == '*') || cellStart(raw, i) && cellEnd(raw, end))) {
                return true;
            }
            i = raw.indexOf(w, i + 1);
        }
        return false;
    }

    private static boolean cellStart(String raw, int i) {
        int k = i - 1;
        while (k >= 0 && (raw.charAt(k) == ' ' || raw.charAt(k) == '\t')) {
            k--;
        }
        return k < 0 || raw.charAt(k) == '|' || raw.charAt(k) == '\n';
    }

    private static boolean cellEnd(String raw, int end) {
        int k = end;
        while (k < raw.length() && (raw.charAt(k) == ' ' || raw.charAt(k) == '\t')) {
            k++;
        }
        return k < raw.length() && raw.charAt(k) == '|';
    }

    /**
     * What a page says about one enum of one property: the section under each heading that names the enum type (to
     * the next heading) and the table rows that name the property.
     */
    static String enumEvidence(String raw, String enumType, String property) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean inSection = false;
        String lowerEnum = enumType.toLowerCase(Locale.ROOT);
        for (String line : raw.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#")) {
                inSection = l.toLowerCase(Locale.ROOT).contains(lowerEnum);
            }
            if (inSection || (l.startsWith("|") && containsWord(l, property))) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static boolean containsWord(String raw, String w) {
        if (raw == null || w == null || w.isEmpty()) {
            return false;
        }
        int i = raw.indexOf(w);
        while (i >= 0) {
            boolean before = i == 0 || !Character.isLetterOrDigit(raw.charAt(i - 1));
            int end = i + w.length();
            boolean after = end >= raw.length() || !Character.isLetterOrDigit(raw.charAt(end));
            if (before && after) {
                return true;
            }
            i = raw.indexOf(w, i + 1);
        }
        return false;
    }

    /** The CSDL type of the object at a pointer of a generated payload. */
}
