package org.graphlint.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
        // A line is decoded only when its bytes show a pair whose visible text differs from its English (equal bytes
        // are equal text, and equal text is never a finding): most rows of a page keep their identifiers.
        int[] range = new int[2];
        int[] pair = new int[4];
        for (PropertyRow r : p.model().properties()) {
            if (rowMayDiffer(p.lineBytes(r.line(), range), range, 2, pair)) {
                cells(p, r.line(), 2, "property", out, reported);
            }
        }
        for (EnumMember m : p.model().enumMembers()) {
            if (rowMayDiffer(p.lineBytes(m.line(), range), range, 1, pair)) {
                cells(p, m.line(), 1, "enum member", out, reported);
            }
        }
        // code spans: only lines with a backtick, found on the page's bytes (a line is decoded only when it has one),
        // and pairs found by indexOf rather than the regex (the regex's reluctant groups cost more than the rest of lint)
        for (int n = 1, lines = p.lineCount(); n <= lines; n++) {
            if (!p.hasBacktick(n) || !codeMayDiffer(p.lineBytes(n, range), range, pair)) {
                continue;
            }
            String line = p.line(n);
            int from = 0;
            while (nextPair(line, from, pair)) {
                if (line.indexOf('`', pair[2]) >= 0 && line.indexOf('`', pair[2]) < pair[3]) {
                    codeSpans(p, n, line, pair, out, reported);
                }
                from = pair[3];
            }
        }
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
            int ve = line.indexOf(LOOKUP, vs);
            if (ve < 0) {
                return false;
            }
            int nextTtu = line.indexOf(TTU, vs);
            if (nextTtu >= 0 && nextTtu < ve) {
                i = nextTtu; // this one has no lookup of its own
                continue;
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

    private static final byte[] TTU_BYTES = TTU.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOOKUP_BYTES = LOOKUP.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_BYTES = CLOSE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPEN_END = "\">".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SPAN_OPEN = "<span".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SPAN_CLOSE = "</span".getBytes(StandardCharsets.US_ASCII);

    /*
     * The byte forms below make the same decisions as the string forms on the decoded line: every marker they look
     * for is ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so they find the same pairs and cells. They
     * only say whether the string form can find anything; it then runs on the decoded line, as before.
     */

    /** False when no pair in the row's first {@code count} cells shows other text than its English. */
    private static boolean rowMayDiffer(byte[] b, int[] range, int count, int[] pair) {
        if (b == null) {
            return false;
        }
        int ls = range[0];
        int le = range[1];
        int i = ls;
        while (i < le && asciiSpace(b[i])) {
            i++;
        }
        if (i < le && b[i] < 0) {
            return true; // a non-ASCII character first (Unicode whitespace?): the string form decides
        }
        int start = i < le && b[i] == '|' ? i + 1 : ls;
        for (int c = 0; c < count; c++) {
            int end = cellEnd(b, ls, start, le);
            if (nextPair(b, start, le, pair) && pair[3] <= end
                    && !Arrays.equals(b, pair[0], pair[1], b, pair[2], pair[3])) {
                return true;
            }
            if (end >= le) {
                break;
            }
            start = end + 1;
        }
        return false;
    }

    /** False when no pair on the line has a backtick in its English and other text than its English. */
    private static boolean codeMayDiffer(byte[] b, int[] range, int[] pair) {
        if (b == null) {
            return false;
        }
        int from = range[0];
        int le = range[1];
        while (nextPair(b, from, le, pair)) {
            int tick = indexOf(b, (byte) '`', pair[2], le);
            if (tick >= 0 && tick < pair[3] && !Arrays.equals(b, pair[0], pair[1], b, pair[2], pair[3])) {
                return true;
            }
            from = pair[3];
        }
        return false;
    }

    /** {@link #nextPair(String, int, int[])} on the bytes [from, to) of a line. */
    private static boolean nextPair(byte[] b, int from, int to, int[] out) {
        int i = from;
        while (true) {
            int t = indexOf(b, TTU_BYTES, i, to);
            if (t < 0) {
                return false;
            }
            int vs = indexOf(b, OPEN_END, t + TTU_BYTES.length, to);
            if (vs < 0) {
                return false;
            }
            vs += 2;
            int ve = indexOf(b, LOOKUP_BYTES, vs, to);
            if (ve < 0) {
                return false;
            }
            int nextTtu = indexOf(b, TTU_BYTES, vs, to);
            if (nextTtu >= 0 && nextTtu < ve) {
                i = nextTtu;
                continue;
            }
            int es = indexOf(b, OPEN_END, ve + LOOKUP_BYTES.length, to);
            if (es < 0) {
                return false;
            }
            es += 2;
            int ee = indexOf(b, CLOSE_BYTES, es, to);
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

    /** {@link #cellEnd(String, int)} on the bytes of a line starting at {@code ls} and ending at {@code to}. */
    private static int cellEnd(byte[] b, int ls, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            byte ch = b[i];
            if (ch == '<') {
                if (startsWith(b, SPAN_CLOSE, i, to)) {
                    depth--;
                } else if (startsWith(b, SPAN_OPEN, i, to)) {
                    depth++;
                }
            } else if (ch == '|' && depth <= 0 && (i == ls || b[i - 1] != '\\')) {
                return i;
            }
        }
        return to;
    }

    private static boolean asciiSpace(byte c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F); // Character.isWhitespace, ASCII part
    }

    private static boolean startsWith(byte[] b, byte[] pat, int at, int to) {
        if (at + pat.length > to) {
            return false;
        }
        for (int k = 0; k < pat.length; k++) {
            if (b[at + k] != pat[k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = Math.max(from, 0); i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte[] pat, int from, int to) {
        byte first = pat[0];
        for (int i = Math.max(from, 0), last = to - pat.length; i <= last; i++) {
            if (b[i] == first && startsWith(b, pat, i, to)) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code count} cells of a table row: name (and type). */
    private static void cells(LintPage p, int n, int count, String what, List<LintFinding> out, Set<Long> reported) {
        String line = p.line(n);
        int start = line.stripLeading().startsWith("|") ? line.indexOf('|') + 1 : 0;
        int[] pair = new int[4];
        for (int c = 0; c < count; c++) {
            int end = cellEnd(line, start);
            if (nextPair(line, start, pair) && pair[3] <= end) {
                String visible = plain(line.substring(pair[0], pair[1]));
                String english = plain(line.substring(pair[2], pair[3]));
                if (!visible.equals(english) && IDENT.matcher(english).matches()) {
                    report(p, n, pair[0], c == 0 ? what : "type", visible, english, out, reported);
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
            if (!IDENT.matcher(english).matches()) {
                continue;
            }
            int at = visibleRaw.indexOf("`" + visible + "`");
            report(p, n, pair[0] + Math.max(at, 0), "code span", visible, english, out, reported);
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
