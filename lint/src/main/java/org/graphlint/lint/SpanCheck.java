package org.graphlint.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graphlint.parser.EnumMember;
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
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** An identifier as Graph spells them: property, type, enum member, annotation ({@code @odata.type}). */
    static final Pattern IDENT = Pattern.compile("[@A-Za-z_][A-Za-z0-9_.@]*");
    private static final Pattern MARKUP = Pattern.compile("\\*\\*|__|\\*|\\[|\\]\\([^)]*\\)|`");

    private SpanCheck() {
    }

    static void check(LintPage p, List<LintFinding> out) {
        if (p.model().format() != PageFormat.SXS) {
            return;
        }
        Set<Long> reported = new HashSet<>();
        for (PropertyRow r : p.model().properties()) {
            cells(p, r.line(), 2, "property", out, reported);
        }
        for (EnumMember m : p.model().enumMembers()) {
            cells(p, m.line(), 1, "enum member", out, reported);
        }
        // code spans: only lines with a backtick, found by a scan of the text rather than a look at every line
        String text = p.text();
        int at = text.indexOf('`');
        int lastLine = 0;
        while (at >= 0) {
            int n = p.lineOf(at);
            if (n != lastLine) {
                lastLine = n;
                String line = p.line(n);
                if (line.indexOf("sxs-lookup") >= 0) {
                    Matcher m = PAIR.matcher(line);
                    while (m.find()) {
                        if (m.group(3).indexOf('`') >= 0) {
                            codeSpans(p, n, m, out, reported);
                        }
                    }
                }
            }
            at = text.indexOf('`', p.start(n + 1));
        }
    }

    /** The first {@code count} cells of a table row: name (and type). */
    private static void cells(LintPage p, int n, int count, String what, List<LintFinding> out, Set<Long> reported) {
        String line = p.line(n);
        int start = line.indexOf('|') == 0 || line.stripLeading().startsWith("|") ? line.indexOf('|') + 1 : 0;
        for (int c = 0; c < count; c++) {
            int end = cellEnd(line, start);
            Matcher m = PAIR.matcher(line).region(start, end);
            if (m.find()) {
                String visible = plain(m.group(2));
                String english = plain(m.group(3));
                if (IDENT.matcher(english).matches() && !visible.equals(english)) {
                    String cell = c == 0 ? what : "type";
                    report(p, n, m.start(2), cell, visible, english, out, reported);
                }
            }
            if (end >= line.length()) {
                break;
            }
            start = end + 1;
        }
    }

    /** End of the cell starting at {@code from}: the next '|' outside a span's text, or the line's end. */
    private static int cellEnd(String line, int from) {
        int depth = 0;
        for (int i = from; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '<') {
                if (line.startsWith("</span", i)) {
                    depth--;
                } else if (line.startsWith("<span", i)) {
                    depth++;
                }
            } else if (ch == '|' && depth <= 0 && (i == 0 || line.charAt(i - 1) != '\\')) {
                return i;
            }
        }
        return line.length();
    }

    private static void codeSpans(LintPage p, int n, Matcher pair, List<LintFinding> out, Set<Long> reported) {
        List<String> en = codes(pair.group(3));
        if (en.isEmpty()) {
            return;
        }
        String visibleRaw = pair.group(2);
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
            if (!IDENT.matcher(english).matches()) {
                continue;
            }
            int at = visibleRaw.indexOf("`" + visible + "`");
            report(p, n, pair.start(2) + Math.max(at, 0), "code span", visible, english, out, reported);
        }
    }

    private static List<String> codes(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(s);
        while (m.find()) {
            out.add(m.group(1).strip());
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
        String t = MARKUP.matcher(s).replaceAll("");
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"");
        return t.strip();
    }
}
