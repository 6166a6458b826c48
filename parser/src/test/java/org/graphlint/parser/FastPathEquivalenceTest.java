package org.graphlint.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The speed-ups of the scanner (indexOf jumps instead of charAt loops, fast paths that skip a copy, no regex per
 * block, no substring per span test) must not change a single output. Each is checked here against the code it
 * replaced, kept below as the reference, on many seeded random inputs built from the characters that matter.
 */
class FastPathEquivalenceTest {
    private static final int CASES = 20_000;

    @Test
    void tableCellsMatchTheCharByCharScan() {
        Random r = new Random(1);
        for (int k = 0; k < CASES; k++) {
            String line = random(r, "|\\\\a b", 14);
            assertEquals(referenceCells(line), Tables.cells(line), () -> "line: " + line);
        }
    }

    @Test
    void firstTwoWordsMatchTheRegexSplit() {
        Random r = new Random(2);
        for (int k = 0; k < CASES; k++) {
            String line = random(r, "ab \t\u000B\f\u2003\u001C\u00A0/", 10).strip();
            if (line.isBlank()) {
                continue;
            }
            String[] want = line.split("\\s+");
            String[] got = Examples.firstTwoWords(line);
            assertEquals(Math.min(want.length, 2) >= 2, got.length >= 2, () -> "line: " + line);
            assertArrayEquals(Arrays.copyOf(want, Math.min(want.length, 2)), got, () -> "line: " + line);
        }
    }

    @Test
    void inlineTextMatchesTheCopyingVersion() {
        Random r = new Random(3);
        for (int k = 0; k < CASES; k++) {
            String md = random(r, "ab  \t\n\u00A0\u2003![]()*`\\<>&;/", 16);
            assertEquals(referenceCollapse(md), InlineText.collapse(md), () -> "collapse: " + md);
            assertEquals(referenceToText(md), InlineText.toText(md), () -> "toText: " + md);
        }
        for (String md : List.of("", " ", "a", " a", "a ", "a  b", "a\u00A0b", "&amp; x", "a &lt;b&gt;", "[x](y)", "[x][]", "[x][y] z")) {
            assertEquals(referenceToText(md), InlineText.toText(md), () -> "toText: " + md);
        }
    }

    @Test
    void spanSplitMatchesTheSubstringVersion() {
        String[] parts = {"<span data-ttu-id=\"1\" data-stu-id=\"2\">", "<span class=\"sxs-lookup\">", "<span data-stu-id=\"2\">",
            "</span>", "</span></span>", "Текст", "Text", " ", "<span", "<b>", ">"};
        String pair = "<span data-ttu-id=\"a\" data-stu-id=\"b\">Лок</span><span class=\"sxs-lookup\"><span data-stu-id=\"b\">Eng</span></span>";
        Random r = new Random(4);
        for (int k = 0; k < CASES; k++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(8);
            for (int i = 0; i < n; i++) {
                b.append(r.nextInt(3) == 0 ? pair : parts[r.nextInt(parts.length)]);
            }
            String s = b.toString();
            assertEquals(referenceSplit(s), SxsSpans.split(s), () -> "cell: " + s);
        }
    }

    @Test
    void decodingMatchesTheStrictDecoder() {
        Random r = new Random(5);
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.UTF_8), "\r".getBytes(StandardCharsets.UTF_8),
            "ж".getBytes(StandardCharsets.UTF_8), "\uFFFD".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xFF}, {(byte) 0x80}};
        for (int k = 0; k < CASES; k++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int n = r.nextInt(10);
            for (int i = 0; i < n; i++) {
                out.writeBytes(pieces[r.nextInt(pieces.length)]);
            }
            byte[] bytes = out.toByteArray();
            SourceText got = SourceText.decode("x.md", bytes);
            String text;
            boolean valid;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                valid = true;
            } catch (CharacterCodingException e) {
                text = new String(bytes, StandardCharsets.UTF_8);
                valid = false;
            }
            assertArrayEquals(referenceLines(text), got.lines, () -> "bytes: " + Arrays.toString(bytes));
            assertEquals(valid, got.diagnostics.stream().noneMatch(d -> d.code().equals("invalid-utf8")), () -> "bytes: " + Arrays.toString(bytes));
        }
    }

    private static String random(Random r, String alphabet, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    // ---- the replaced code, verbatim ----------------------------------------------------------------------------

    private static List<String> referenceCells(String line) {
        String t = line.strip();
        List<String> out = new ArrayList<>(4);
        int start = t.startsWith("|") ? 1 : 0;
        int end = t.length();
        if (end > start && t.charAt(end - 1) == '|' && (end < 2 || t.charAt(end - 2) != '\\')) {
            end--;
        }
        int s = start;
        for (int i = start; i < end; i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < end) {
                i++;
            } else if (c == '|') {
                out.add(t.substring(s, i).strip());
                s = i + 1;
            }
        }
        out.add(t.substring(s, end).strip());
        return out;
    }

    private static String[] referenceLines(String text) {
        ArrayList<String> out = new ArrayList<>();
        int n = text.length();
        int s = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.add(text.substring(s, i));
                s = i + 1;
            } else if (c == '\r') {
                out.add(text.substring(s, i));
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                s = i + 1;
            }
        }
        if (s < n) {
            out.add(text.substring(s));
        }
        return out.toArray(new String[0]);
    }

    private static String referenceToText(String md) {
        if (md == null || md.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(md.length());
        int n = md.length();
        for (int i = 0; i < n; i++) {
            char c = md.charAt(i);
            if (c == '!' && i + 1 < n && md.charAt(i + 1) == '[') {
                continue;
            }
            if (c == '[') {
                int close = md.indexOf(']', i + 1);
                if (close > 0 && close + 1 < n && md.charAt(close + 1) == '(') {
                    int paren = md.indexOf(')', close + 2);
                    if (paren > 0) {
                        out.append(referenceToText(md.substring(i + 1, close)));
                        i = paren;
                        continue;
                    }
                }
                if (close > 0 && close + 1 < n && md.charAt(close + 1) == '[') {
                    int close2 = md.indexOf(']', close + 2);
                    int nextOpen = md.indexOf('[', close + 2);
                    if (close2 > 0 && (nextOpen < 0 || nextOpen > close2)) {
                        out.append(referenceToText(md.substring(i + 1, close)));
                        i = close2;
                        continue;
                    }
                }
                out.append(c);
            } else if (c == '*' || c == '`') {
                // emphasis and code marks carry no words
            } else if (c == '\\' && i + 1 < n && "|*_`[]()\\#".indexOf(md.charAt(i + 1)) >= 0) {
                out.append(md.charAt(++i));
            } else if (c == '<') {
                int gt = md.indexOf('>', i);
                String tag = gt > 0 ? md.substring(i, gt + 1).toLowerCase(java.util.Locale.ROOT) : "";
                if (tag.startsWith("<br") || tag.startsWith("</p") || tag.startsWith("<p")) {
                    out.append(' ');
                    i = gt;
                } else if (tag.startsWith("<a ") || tag.equals("</a>") || tag.startsWith("<span") || tag.equals("</span>")
                        || tag.startsWith("<b>") || tag.startsWith("</b>") || tag.startsWith("<i>") || tag.startsWith("</i>")
                        || tag.startsWith("<code>") || tag.startsWith("</code>")) {
                    i = gt;
                } else {
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        String s = out.indexOf("&") >= 0 ? Parser.unescapeEntities(out.toString(), false) : out.toString();
        return referenceCollapse(s);
    }

    private static String referenceCollapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    private static final String TTU = "<span data-ttu-id=";
    private static final String LOOKUP = "<span class=\"sxs-lookup\">";
    private static final String STU = "<span data-stu-id=";
    private static final String CLOSE = "</span>";

    private static Bilingual referenceSplit(String s) {
        if (s.indexOf("<span") < 0) {
            return Bilingual.same(s);
        }
        StringBuilder en = new StringBuilder(s.length() / 2);
        StringBuilder loc = new StringBuilder(s.length() / 2);
        int i = 0;
        boolean paired = false;
        while (true) {
            int j = s.indexOf(TTU, i);
            if (j < 0) {
                String rest = s.substring(i);
                if (rest.contains("<span") || rest.contains(CLOSE)) {
                    return SxsSpans.viaJsoup(s);
                }
                en.append(rest);
                loc.append(rest);
                break;
            }
            String between = s.substring(i, j);
            if (between.contains("<span") || between.contains(CLOSE)) {
                return SxsSpans.viaJsoup(s);
            }
            en.append(between);
            loc.append(between);
            int k = s.indexOf('>', j + TTU.length());
            int close = k < 0 ? -1 : s.indexOf(CLOSE, k);
            if (close < 0) {
                return SxsSpans.viaJsoup(s);
            }
            String locContent = s.substring(k + 1, close);
            int p = close + CLOSE.length();
            if (locContent.contains("<span") || !s.startsWith(LOOKUP, p) || !s.startsWith(STU, p + LOOKUP.length())) {
                return SxsSpans.viaJsoup(s);
            }
            int q = s.indexOf('>', p + LOOKUP.length() + STU.length());
            int enClose = q < 0 ? -1 : s.indexOf(CLOSE + CLOSE, q);
            if (enClose < 0) {
                return SxsSpans.viaJsoup(s);
            }
            String enContent = s.substring(q + 1, enClose);
            if (enContent.contains("<span")) {
                return SxsSpans.viaJsoup(s);
            }
            en.append(enContent);
            loc.append(locContent);
            paired = true;
            i = enClose + 2 * CLOSE.length();
        }
        return new Bilingual(en.toString(), loc.toString(), paired, false);
    }
}
