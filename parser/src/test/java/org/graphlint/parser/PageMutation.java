package org.graphlint.parser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One edit of a page's bytes, of the kinds real pages suffer (a span cut short, a table cell lost or doubled, the
 * localized and English texts swapped, CRLF line ends, a byte order mark, a truncated download, byte noise).
 * Positions are plain non-negative ints taken modulo what they index, so jqwik shrinks them towards the start of the
 * page and a shrunk counterexample reads as "cut 3 chars at 0".
 */
sealed interface PageMutation {

    byte[] apply(byte[] page);

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The page as it is. */
    record Unchanged() implements PageMutation {
        public byte[] apply(byte[] page) {
            return page;
        }
    }

    /** Removes {@code length} characters starting at the {@code nth} {@code <span} (any span, so pairs are cut anywhere). */
    record CutSpan(int nth, int offset, int length) implements PageMutation {
        public byte[] apply(byte[] page) {
            String s = text(page);
            List<Integer> at = all(s, "<span");
            if (at.isEmpty()) {
                return page;
            }
            int from = Math.min(s.length(), at.get(nth % at.size()) + offset);
            int to = Math.min(s.length(), from + length);
            return bytes(s.substring(0, from) + s.substring(to));
        }
    }

    /** Removes an arbitrary character range. */
    record CutRange(int from, int length) implements PageMutation {
        public byte[] apply(byte[] page) {
            String s = text(page);
            int f = s.isEmpty() ? 0 : from % s.length();
            int t = Math.min(s.length(), f + length);
            return bytes(s.substring(0, f) + s.substring(t));
        }
    }

    /** Drops or duplicates one cell of one table row (any line with a pipe). */
    record EditCell(int nthRow, int nthCell, boolean duplicate) implements PageMutation {
        public byte[] apply(byte[] page) {
            String[] lines = text(page).split("\n", -1);
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].indexOf('|') >= 0) {
                    rows.add(i);
                }
            }
            if (rows.isEmpty()) {
                return page;
            }
            int r = rows.get(nthRow % rows.size());
            List<String> cells = new ArrayList<>(Arrays.asList(lines[r].split("\\|", -1)));
            int c = nthCell % cells.size();
            if (duplicate) {
                cells.add(c, cells.get(c));
            } else {
                cells.remove(c);
            }
            lines[r] = String.join("|", cells);
            return bytes(String.join("\n", lines));
        }
    }

    /** Swaps the localized and the English text of one span pair (or of every pair). */
    record SwapSpans(int nth, boolean all) implements PageMutation {
        private static final Pattern PAIR = Pattern.compile(
                "(<span data-ttu-id=\"[^\"]*\">)(.*?)(</span><span class=\"sxs-lookup\"><span data-stu-id=\"[^\"]*\">)(.*?)(</span></span>)");

        public byte[] apply(byte[] page) {
            String s = text(page);
            Matcher m = PAIR.matcher(s);
            List<int[]> found = new ArrayList<>();
            while (m.find()) {
                found.add(new int[] {m.start(), m.end()});
            }
            if (found.isEmpty()) {
                return page;
            }
            int pick = nth % found.size();
            StringBuilder out = new StringBuilder(s.length());
            m.reset();
            int k = 0;
            while (m.find()) {
                String rep = all || k == pick ? m.group(1) + m.group(4) + m.group(3) + m.group(2) + m.group(5) : m.group();
                m.appendReplacement(out, Matcher.quoteReplacement(rep));
                k++;
            }
            m.appendTail(out);
            return bytes(out.toString());
        }
    }

    /** Every LF becomes CRLF, or one CRLF (or lone CR) is inserted at a byte position. */
    record Crlf(boolean everywhere, int at, boolean loneCr) implements PageMutation {
        public byte[] apply(byte[] page) {
            if (everywhere) {
                return bytes(text(page).replace("\n", loneCr ? "\r" : "\r\n"));
            }
            return insert(page, at, loneCr ? new byte[] {'\r'} : new byte[] {'\r', '\n'});
        }
    }

    /** A UTF-8 byte order mark at the start, or at a byte position. */
    record Bom(boolean atStart, int at) implements PageMutation {
        public byte[] apply(byte[] page) {
            return insert(page, atStart ? 0 : at, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
    }

    /** Keeps the first {@code length} bytes (may cut a UTF-8 sequence in two). */
    record Truncate(int length) implements PageMutation {
        public byte[] apply(byte[] page) {
            return Arrays.copyOf(page, page.length == 0 ? 0 : length % (page.length + 1));
        }
    }

    /** Overwrites bytes at positions with values (NUL included: the parser must refuse that with PageReadException). */
    record Noise(List<Integer> positions, List<Byte> values) implements PageMutation {
        public byte[] apply(byte[] page) {
            if (page.length == 0) {
                return page;
            }
            byte[] b = page.clone();
            for (int i = 0; i < positions.size() && i < values.size(); i++) {
                b[positions.get(i) % b.length] = values.get(i);
            }
            return b;
        }
    }

    private static byte[] insert(byte[] page, int at, byte[] what) {
        int p = at % (page.length + 1);
        byte[] b = new byte[page.length + what.length];
        System.arraycopy(page, 0, b, 0, p);
        System.arraycopy(what, 0, b, p, what.length);
        System.arraycopy(page, p, b, p + what.length, page.length - p);
        return b;
    }

    private static List<Integer> all(String s, String needle) {
        List<Integer> out = new ArrayList<>();
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            out.add(i);
        }
        return out;
    }
}
