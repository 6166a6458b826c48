package org.graphlint.lint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.graphlint.parser.PageModel;
import org.graphlint.schema.PageFacts;

/**
 * A parsed page and where it came from. The checks read the page's lines (for columns and the span pairs); a line is
 * decoded from the page's bytes when asked for, never the whole text again (the parser has decoded it once).
 * {@link #release()} drops the bytes once the page's own checks are done, so a whole-snapshot run holds models, not
 * text; the few later checks that need a line (a finding's column) read the page's file again.
 */
final class LintPage {
    private LintInput input;
    private final PageModel model;
    private final PageFacts facts;
    private byte[] bytes;
    private int from; // 3 after a UTF-8 byte order mark
    private int[] starts; // byte offset of each line's first byte; one past the end at [n]
    private java.util.BitSet backticks; // lines (1-based) holding a backtick, found in the same pass as the starts

    private LintPage(LintInput input, PageModel model, PageFacts facts) {
        this.input = input;
        this.model = model;
        this.facts = facts;
        this.bytes = input.content();
    }

    static LintPage of(LintInput in, PageModel model) {
        return new LintPage(in, model, PageFacts.of(model, in.name()));
    }

    LintInput input() {
        return input;
    }

    PageModel model() {
        return model;
    }

    PageFacts facts() {
        return facts;
    }

    String file() {
        return input.file();
    }

    private byte[] bytes() {
        if (bytes == null) {
            byte[] b = input.load().content();
            bytes = b == null ? new byte[0] : b;
        }
        return bytes;
    }

    /** Line starts: CRLF, CR and LF each end a line, as the parser counts them (a BOM is not part of line 1). */
    private int[] starts() {
        if (starts == null) {
            byte[] b = bytes();
            from = b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
            int[] s = new int[Math.max(16, b.length / 48)];
            java.util.BitSet ticks = new java.util.BitSet();
            int n = 0;
            s[n++] = from;
            for (int i = from; i < b.length; i++) {
                byte c = b[i];
                if (c > '\r') {
                    if (c == '`') {
                        ticks.set(n);
                    }
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
                        i++;
                    }
                    if (n + 1 >= s.length) {
                        s = Arrays.copyOf(s, s.length * 2);
                    }
                    s[n++] = i + 1;
                }
            }
            s[n] = b.length + 1; // sentinel: the last line ends at the bytes' end
            starts = Arrays.copyOf(s, n + 1);
            backticks = ticks;
        }
        return starts;
    }

    /** Number of lines. */
    int lineCount() {
        return starts().length - 1;
    }

    /** Line {@code n} (1-based) without its line break, or "" outside the page. */
    String line(int n) {
        int[] s = starts();
        if (n < 1 || n > s.length - 1) {
            return "";
        }
        byte[] b = bytes();
        int start = s[n - 1];
        int end = lineEnd(s, b, n);
        return end <= start ? "" : new String(b, start, end - start, StandardCharsets.UTF_8);
    }

    /**
     * The page's bytes with line {@code n}'s range in {@code range} ([0] first byte, [1] one past its text, before the
     * break), for checks that look at a line without decoding it; null when {@code n} is outside the page.
     */
    byte[] lineBytes(int n, int[] range) {
        int[] s = starts();
        if (n < 1 || n > s.length - 1) {
            return null;
        }
        byte[] b = bytes();
        range[0] = s[n - 1];
        range[1] = Math.max(range[0], lineEnd(s, b, n));
        return b;
    }

    /** True when line {@code n} holds a backtick (found on the bytes, nothing decoded). */
    boolean hasBacktick(int n) {
        starts();
        return backticks.get(n);
    }

    /** Byte offset just past line {@code n}'s text (before its break). */
    private static int lineEnd(int[] s, byte[] b, int n) {
        if (n == s.length - 1) {
            return b.length;
        }
        int end = s[n] - 1; // the break's last byte
        if (b[end] == '\n' && end - 1 >= s[n - 1] && b[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    /** 1-based column of the first occurrence of {@code s} on line {@code n} at or after {@code from} (0-based), else 0. */
    int column(int n, String s, int from) {
        int i = line(n).indexOf(s, Math.max(0, from));
        return i < 0 ? 0 : i + 1;
    }

    /** Drops the bytes (the model stays); a later line is read from the page's file again. */
    void release() {
        LintInput unloaded = input.unload();
        if (unloaded != input) {
            input = unloaded;
            bytes = null;
            starts = null;
            backticks = null;
        }
    }
}
