package org.graphlint.parser;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Splits side-by-side span HTML into English and localized text. Well-formed pairs are read by a plain scan (the
 * common case, and fast); anything irregular goes to jsoup, which reads what is there and the result is flagged
 * {@link Bilingual#broken()} so the caller can report it.
 */
final class SxsSpans {
    private static final String TTU = "<span data-ttu-id=";
    private static final String LOOKUP = "<span class=\"sxs-lookup\">";
    private static final String STU = "<span data-stu-id=";
    private static final String CLOSE = "</span>";

    private SxsSpans() {
    }

    static Bilingual split(String s) {
        if (s.indexOf("<span") < 0) {
            return Bilingual.same(s);
        }
        StringBuilder en = new StringBuilder(s.length() / 2);
        StringBuilder loc = new StringBuilder(s.length() / 2);
        int i = 0;
        boolean paired = false;
        // Tests of the form "no <span in s[a, b)" are made on s itself rather than on a substring: the region
        // always ends where s has a '<', so no match can start inside it and run past its end.
        while (true) {
            int j = s.indexOf(TTU, i);
            if (j < 0) {
                if (s.indexOf("<span", i) >= 0 || s.indexOf(CLOSE, i) >= 0) {
                    return viaJsoup(s);
                }
                en.append(s, i, s.length());
                loc.append(s, i, s.length());
                break;
            }
            if (before(s, "<span", i, j) || before(s, CLOSE, i, j)) {
                return viaJsoup(s);
            }
            en.append(s, i, j);
            loc.append(s, i, j);
            int k = s.indexOf('>', j + TTU.length());
            int close = k < 0 ? -1 : s.indexOf(CLOSE, k);
            if (close < 0) {
                return viaJsoup(s);
            }
            int p = close + CLOSE.length();
            if (before(s, "<span", k + 1, close) || !s.startsWith(LOOKUP, p) || !s.startsWith(STU, p + LOOKUP.length())) {
                return viaJsoup(s);
            }
            int q = s.indexOf('>', p + LOOKUP.length() + STU.length());
            int enClose = q < 0 ? -1 : s.indexOf(CLOSE + CLOSE, q);
            if (enClose < 0) {
                return viaJsoup(s);
            }
            if (before(s, "<span", q + 1, enClose)) {
                return viaJsoup(s);
            }
            en.append(s, q + 1, enClose);
            loc.append(s, k + 1, close);
            paired = true;
            i = enClose + 2 * CLOSE.length();
        }
        return new Bilingual(en.toString(), loc.toString(), paired, false);
    }

    /** Whether {@code what} occurs in {@code s} starting in [from, to); s has a '<' at {@code to}. */
    private static boolean before(String s, String what, int from, int to) {
        int at = s.indexOf(what, from);
        return at >= 0 && at < to;
    }

    /** The lenient path: whatever jsoup makes of the HTML, flagged as broken. */
    static Bilingual viaJsoup(String s) {
        Element body = Jsoup.parseBodyFragment(s).body();
        StringBuilder en = new StringBuilder();
        StringBuilder loc = new StringBuilder();
        boolean[] paired = {false};
        walk(body, en, loc, paired);
        return new Bilingual(en.toString(), loc.toString(), paired[0], true);
    }

    private static void walk(Element parent, StringBuilder en, StringBuilder loc, boolean[] paired) {
        java.util.List<Node> kids = parent.childNodes();
        for (int i = 0; i < kids.size(); i++) {
            Node n = kids.get(i);
            if (n instanceof TextNode t) {
                en.append(t.getWholeText());
                loc.append(t.getWholeText());
            } else if (n instanceof Element e) {
                if (e.hasClass("sxs-lookup")) {
                    en.append(e.wholeText());
                    paired[0] = true;
                } else if (e.hasAttr("data-ttu-id")) {
                    loc.append(e.wholeText());
                    if (!nextElementIsLookup(kids, i)) {
                        // A localized span whose English twin is missing: the best English we have is this text.
                        en.append(e.wholeText());
                    }
                } else {
                    walk(e, en, loc, paired);
                }
            }
        }
    }

    private static boolean nextElementIsLookup(java.util.List<Node> kids, int i) {
        for (int k = i + 1; k < kids.size(); k++) {
            Node n = kids.get(k);
            if (n instanceof Element e) {
                return e.hasClass("sxs-lookup");
            }
            if (n instanceof TextNode t && !t.isBlank()) {
                return false;
            }
        }
        return false;
    }
}
