package org.graphlint.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.graphlint.parser.EnumMember;
import org.graphlint.parser.Identifiers;
import org.graphlint.parser.PageFormat;
import org.graphlint.parser.PropertyRow;

/**
 * {@code translated-identifier} on side-by-side pages: the visible text of a span pair must keep the identifiers of its
 * English span. Checked where identifiers live: the name and type cells of property tables, the member cells of enum
 * tables, and code spans anywhere on the page.
 */
final class SpanCheck {
    /** One pair: visible text in group 2, English in group 3. */
    static final Pattern PAIR = Pattern.compile(
            "<span data-ttu-id=\"([^\"]*)\">(.*?)</span><span class=\"sxs-lookup\"><span data-stu-id=\"[^\"]*\">(.*?)</span></span>");
    private static final Pattern MARKUP = Pattern.compile("\\*\\*|__|\\*|\\[|\\]\\([^)]*\\)|`");

    private SpanCheck() {
    }

    static void check(LintPage p, List<LintFinding> out) {
        if (p.model().format() != PageFormat.SXS) {
            return;
        }
        Set<Long> reported = new HashSet<>();
        int[] pair = new int[4];
        for (PropertyRow r : p.model().properties()) {
            cells(p, r.line(), 2, "property", pair, out, reported);
        }
        for (EnumMember m : p.model().enumMembers()) {
            cells(p, m.line(), 1, "enum member", pair, out, reported);
        }
        // code spans: only lines with a backtick, and pairs found by indexOf rather than the regex (the regex's
        // reluctant groups cost more than the rest of lint)
        for (int n = 1, lines = p.lineCount(); n <= lines; n++) {
            String line = p.line(n);
            if (line.indexOf('`') < 0) {
                continue;
            }
            // the next backtick at or after the current pair's English is looked up again only once a pair starts
            // past it: a long paragraph of many pairs with one code span is scanned once, not once per pair
            int from = 0;
            int tick = -1;
            while (nextPair(line, from, pair)) {
                if (tick < pair[2]) {
                    tick = line.indexOf('`', pair[2]);
                    if (tick < 0) {
                        break; // no backtick in this pair's English or any later pair's
                    }
                }
                if (tick < pair[3] && !sameText(line, pair)) {
                    codeSpans(p, n, line, pair, out, reported);
                }
                from = pair[3];
            }
        }
    }

    /**
     * True when a pair's visible text is its English, character for character: then no identifier of it can differ
     * (everything compared is a function of the two texts), and neither is cut out or cleaned up.
     */
    private static boolean sameText(String line, int[] pair) {
        int len = pair[1] - pair[0];
        return len == pair[3] - pair[2] && line.regionMatches(pair[0], line, pair[2], len);
    }

    private static final String TTU = "<span data-ttu-id=\"";
    private static final String LOOKUP = "</span><span class=\"sxs-lookup\"><span data-stu-id=\"";
    private static final String CLOSE = "</span></span>";

    /**
     * The next well-formed pair at or after {@code from}: visible text in [out[0], out[1]), English in [out[2], out[3]).
     * Malformed pairs are the parser's {@code broken-span}; they are skipped here.
     */
    static boolean nextPair(String line, int from, int[] out) {
        int i = from;
        while (true) {
            int t = line.indexOf(TTU, i);
            if (t < 0) {
                return false;
            }
            int vs = line.indexOf("\">", t + TTU.length());
            if (vs < 0) {
                return false;
            }
            vs += 2;
            // the visible text ends at the first lookup after it, unless a pair starts before that (this one has no
            // lookup of its own): the first '<' that begins either decides, each '<' found once (looking for the next
            // pair with indexOf went on past the lookup, over the English text and beyond)
            int ve = -1;
            int nextTtu = -1;
            for (int lt = line.indexOf('<', vs); lt >= 0; lt = line.indexOf('<', lt + 1)) {
                if (line.startsWith(LOOKUP, lt)) {
                    ve = lt;
                    break;
                }
                if (line.startsWith(TTU, lt)) {
                    nextTtu = lt;
                    break;
                }
            }
            if (nextTtu >= 0) {
                i = nextTtu;
                continue;
            }
            if (ve < 0) {
                return false;
            }
            int es = line.indexOf("\">", ve + LOOKUP.length());
            if (es < 0) {
                return false;
            }
            es += 2;
            int ee = line.indexOf(CLOSE, es);
            if (ee < 0) {
                return false;
            }
            out[0] = vs;
            out[1] = ve;
            out[2] = es;
            out[3] = ee;
            return true;
        }
    }

    /** The first {@code count} cells of a table row: name (and type). */
    private static void cells(LintPage p, int n, int count, String what, int[] pair, List<LintFinding> out,
            Set<Long> reported) {
        String line = p.line(n);
        int first = 0; // the first character that is not white space (as String.strip counts it)
        while (first < line.length() && Character.isWhitespace(line.charAt(first))) {
            first++;
        }
        int start = first < line.length() && line.charAt(first) == '|' ? first + 1 : 0;
        for (int c = 0; c < count; c++) {
            int end = cellEnd(line, start);
            if (nextPair(line, start, pair) && pair[3] <= end && !sameText(line, pair)) {
                String visible = plain(line.substring(pair[0], pair[1]));
                String english = plain(line.substring(pair[2], pair[3]));
                if (!visible.equals(english) && Identifiers.isGraphIdentifier(english)) {
                    report(p, n, pair[0], c == 0 ? what : "type", visible, english, out, reported);
                }
            }
            if (end >= line.length()) {
                break;
            }
            start = end + 1;
        }
    }

    /**
     * End of the cell starting at {@code from}: the next '|' outside a span's text, or the line's end. The '<' and '|'
     * of the line are visited in order, each found by indexOf (a scan without a bounds check per character: a table
     * row is mostly span markup and localized text).
     */
    static int cellEnd(String line, int from) {
        int n = line.length();
        int depth = 0;
        int lt = indexOrEnd(line, '<', from);
        int bar = indexOrEnd(line, '|', from);
        while (bar < n) {
            if (lt < bar) {
                if (line.startsWith("</span", lt)) {
                    depth--;
                } else if (line.startsWith("<span", lt)) {
                    depth++;
                }
                lt = indexOrEnd(line, '<', lt + 1);
            } else {
                if (depth <= 0 && (bar == 0 || line.charAt(bar - 1) != '\\')) {
                    return bar;
                }
                bar = indexOrEnd(line, '|', bar + 1);
            }
        }
        return n;
    }

    private static int indexOrEnd(String line, char c, int from) {
        int i = line.indexOf(c, from);
        return i < 0 ? line.length() : i;
    }

    private static void codeSpans(LintPage p, int n, String line, int[] pair, List<LintFinding> out, Set<Long> reported) {
        List<String> en = codes(line.substring(pair[2], pair[3]));
        if (en.isEmpty()) {
            return;
        }
        String visibleRaw = line.substring(pair[0], pair[1]);
        List<String> vis = codes(visibleRaw);
        List<String> onlyEn = new ArrayList<>(en);
        List<String> onlyVis = new ArrayList<>();
        for (String v : vis) {
            if (!onlyEn.remove(v)) {
                onlyVis.add(v);
            }
        }
        int k = Math.min(onlyEn.size(), onlyVis.size());
        for (int i = 0; i < k; i++) {
            String english = onlyEn.get(i);
            String visible = onlyVis.get(i);
            if (!Identifiers.isGraphIdentifier(english)) {
                continue;
            }
            int at = visibleRaw.indexOf("`" + visible + "`");
            report(p, n, pair[0] + Math.max(at, 0), "code span", visible, english, out, reported);
        }
    }

    /**
     * The code spans of a text, stripped: what {@code `([^`]+)`} finds, left to right, found by indexOf (the regex
     * engine costs more under C1 than the scan).
     */
    static List<String> codes(String s) {
        List<String> out = new ArrayList<>();
        int open = s.indexOf('`');
        while (open >= 0) {
            int close = s.indexOf('`', open + 1);
            if (close < 0) {
                break;
            }
            if (close == open + 1) {
                open = close; // an empty pair: the second backtick may open the next span
                continue;
            }
            out.add(s.substring(open + 1, close).strip());
            open = s.indexOf('`', close + 1);
        }
        return out;
    }

    private static void report(LintPage p, int n, int index, String what, String visible, String english,
            List<LintFinding> out, Set<Long> reported) {
        if (!reported.add(((long) n << 32) | index)) {
            return;
        }
        String how = visible.equalsIgnoreCase(english) ? "re-cased" : "translated";
        out.add(LintFinding.of(p.file(), n, index + 1, LintRule.TRANSLATED_IDENTIFIER,
                "the visible " + what + " `" + visible + "` is the identifier `" + english + "`, " + how
                        + ": write `" + english + "` in the localized span",
                english + "<-" + visible));
    }

    /** Cell text without markdown emphasis, link targets, backticks and HTML entities that matter here. */
    static String plain(String s) {
        if (!hasAny(s, "*_[]`&")) {
            return s.strip(); // the common case: nothing to remove, no regex
        }
        String t = MARKUP.matcher(s).replaceAll("");
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"");
        return t.strip();
    }

    private static boolean hasAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
