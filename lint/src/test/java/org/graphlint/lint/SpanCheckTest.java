package org.graphlint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpanCheckTest {

    /** The character-by-character reading of a cell's end that {@link SpanCheck#cellEnd} must keep. */
    private static int cellEndByChar(String line, int from) {
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

    /** Fewer than {@code most} pieces, each drawn from {@code pieces}. */
    private static String randomText(Random rnd, String[] pieces, int most) {
        StringBuilder sb = new StringBuilder();
        for (int k = rnd.nextInt(most); k > 0; k--) {
            sb.append(pieces[rnd.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    @Test
    void codeSpansAreWhatTheRegexFinds() {
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("`([^`]+)`");
        String[] pieces = {"`", "``", "a", " ", "ток", "` `", "x y"};
        Random rnd = new Random(7);
        for (int t = 0; t < 20_000; t++) {
            String s = randomText(rnd, pieces, 10);
            java.util.List<String> expected = new java.util.ArrayList<>();
            java.util.regex.Matcher m = code.matcher(s);
            while (m.find()) {
                expected.add(m.group(1).strip());
            }
            assertEquals(expected, SpanCheck.codes(s), () -> "'" + s + "'");
        }
        assertEquals(java.util.List.of("a", "b c"), SpanCheck.codes("x ``a` and ` b c ` `"));
    }

    /** The reading of the next pair, by indexOf alone, that {@link SpanCheck#nextPair} must keep. */
    private static boolean nextPairByIndexOf(String line, int from, int[] out) {
        String ttu = "<span data-ttu-id=\"";
        String lookup = "</span><span class=\"sxs-lookup\"><span data-stu-id=\"";
        int i = from;
        while (true) {
            int t = line.indexOf(ttu, i);
            if (t < 0) {
                return false;
            }
            int vs = line.indexOf("\">", t + ttu.length());
            if (vs < 0) {
                return false;
            }
            vs += 2;
            int ve = line.indexOf(lookup, vs);
            if (ve < 0) {
                return false;
            }
            int nextTtu = line.indexOf(ttu, vs);
            if (nextTtu >= 0 && nextTtu < ve) {
                i = nextTtu;
                continue;
            }
            int es = line.indexOf("\">", ve + lookup.length());
            if (es < 0) {
                return false;
            }
            es += 2;
            int ee = line.indexOf("</span></span>", es);
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

    @Test
    void nextPairAgreesWithTheIndexOfReadingOnRandomMarkup() {
        String[] pieces = {"<span data-ttu-id=\"1\">", "</span><span class=\"sxs-lookup\"><span data-stu-id=\"1\">",
                "</span></span>", "</span>", "<span", "<", "\">", "\"", "x", "ток", " ", "`a`", "|", "<b>", "</span><span",
                "<span data-ttu-id=\"2\">`ток`</span><span class=\"sxs-lookup\"><span data-stu-id=\"2\">`tok`</span></span>",
                "<span data-ttu-id=\"3\">a</span><span class=\"sxs-lookup\"><span data-stu-id=\"3\">a</span></span>"};
        Random rnd = new Random(5);
        int found = 0;
        for (int t = 0; t < 50_000; t++) {
            String line = randomText(rnd, pieces, 14);
            int from = rnd.nextInt(line.length() + 1);
            int[] want = new int[4];
            int[] got = new int[4];
            boolean w = nextPairByIndexOf(line, from, want);
            assertEquals(w, SpanCheck.nextPair(line, from, got), () -> "'" + line + "' from " + from);
            if (w) {
                found++;
                assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(got), "'" + line + "' from " + from);
            }
        }
        assertTrue(found > 1_000, "pairs found: " + found);
    }

    @Test
    void cellEndOfRealRows() {
        String row = "| <span data-ttu-id=\"1\">токен</span><span class=\"sxs-lookup\"><span data-stu-id=\"1\">token</span></span> "
                + "| <span data-ttu-id=\"2\">a | b</span><span class=\"sxs-lookup\"><span data-stu-id=\"2\">a | b</span></span> | x \\| y | z |";
        int first = row.indexOf('|', 1);
        assertEquals(first, SpanCheck.cellEnd(row, 1));
        int second = row.indexOf("| x");
        assertEquals(second, SpanCheck.cellEnd(row, first + 1), "a '|' inside a span's text does not end the cell");
        assertEquals(row.indexOf("| z"), SpanCheck.cellEnd(row, second + 1), "an escaped '|' does not end the cell");
        assertEquals(row.length(), SpanCheck.cellEnd(row, row.length()));
        assertEquals(row.length(), SpanCheck.cellEnd(row, row.length() + 3));
    }

    @Test
    void cellEndAgreesWithTheCharacterScanOnRandomMarkup() {
        String[] pieces = {"|", "\\|", "<span a>", "</span>", "<", "<b>", "x", "ток", " ", "</spa", "<spa", "\\"};
        Random rnd = new Random(12);
        for (int t = 0; t < 20_000; t++) {
            String line = randomText(rnd, pieces, 12);
            int from = rnd.nextInt(line.length() + 2);
            assertEquals(cellEndByChar(line, from), SpanCheck.cellEnd(line, from), () -> "'" + line + "' from " + from);
        }
    }
}
