package org.graphlint.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds the "Possible values are: `a`, `b`" lists in a description. English text needs the phrase; localized text
 * (plain pages) needs a colon before a list of two or more code spans, or a known localized phrase.
 */
final class EnumLists {
    private static final String[] LOCALIZED_PHRASES = {
        "possible value", "возможные значения", "возможное значение", "valores possíveis", "valores posibles",
        "valor possível", "valores permitidos", "可能な値", "valeurs possibles", "mögliche werte"
    };
    private static final java.util.Set<String> CONNECTIVES = java.util.Set.of(
            "and", "or", "e", "y", "ou", "o", "и", "или", "et", "und", "oder", "および", "または", "、");

    private EnumLists() {
    }

    /** Every list found, in order; each list in the order written, without duplicates. */
    static List<List<String>> find(String raw, boolean english) {
        List<List<String>> lists = new ArrayList<>(2);
        int n = raw.length();
        int i = raw.indexOf('`');
        while (i >= 0) {
            int listStart = i;
            LinkedHashSet<String> values = new LinkedHashSet<>();
            int p = i;
            boolean unclosed = false;
            while (true) {
                int end = raw.indexOf('`', p + 1);
                if (end < 0) {
                    unclosed = true;
                    break;
                }
                String v = raw.substring(p + 1, end).strip();
                if (!v.isEmpty()) {
                    values.add(v);
                }
                p = end + 1;
                int next = p < n ? skipSeparator(raw, p) : -1;
                if (next < 0) {
                    break;
                }
                p = next;
            }
            if (!values.isEmpty() && accepts(raw.substring(Math.max(0, listStart - 120), listStart), values.size(), english)) {
                lists.add(List.copyOf(values));
            }
            if (unclosed || p >= n) {
                break;
            }
            i = raw.indexOf('`', p);
        }
        return lists;
    }

    /** Position of the next backtick if only a separator (comma, connective, spaces) stands before it, else -1. */
    private static int skipSeparator(String s, int p) {
        int n = s.length();
        int q = p;
        while (q < n && (s.charAt(q) == ' ' || s.charAt(q) == ',' || s.charAt(q) == '\u00A0' || s.charAt(q) == '、')) {
            q++;
        }
        if (q < n && s.charAt(q) == '`') {
            return q > p ? q : -1;
        }
        int w = q;
        while (w < n && Character.isLetter(s.charAt(w))) {
            w++;
        }
        if (w > q && CONNECTIVES.contains(s.substring(q, w).toLowerCase(Locale.ROOT))) {
            int r = w;
            while (r < n && s.charAt(r) == ' ') {
                r++;
            }
            if (r < n && s.charAt(r) == '`') {
                return r;
            }
        }
        return -1;
    }

    private static boolean accepts(String before, int size, boolean english) {
        String lower = before.toLowerCase(Locale.ROOT);
        int sentence = Math.max(lower.lastIndexOf(". "), lower.lastIndexOf("; "));
        String clause = sentence >= 0 ? lower.substring(sentence) : lower;
        if (english) {
            return clause.contains("possible value");
        }
        for (String phrase : LOCALIZED_PHRASES) {
            if (clause.contains(phrase)) {
                return true;
            }
        }
        String t = clause.stripTrailing();
        return size >= 2 && t.endsWith(":");
    }
}
