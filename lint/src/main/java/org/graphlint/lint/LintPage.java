package org.graphlint.lint;

import java.nio.charset.StandardCharsets;
import org.graphlint.parser.PageModel;
import org.graphlint.schema.PageFacts;

/**
 * A parsed page and where it came from. Its source text (for columns and the span checks) is decoded when first asked
 * for and dropped by {@link #release()} once the page's checks are done, so a whole-snapshot run holds models, not text.
 */
final class LintPage {
    private final LintInput input;
    private final PageModel model;
    private final PageFacts facts;
    private String text;
    private int[] starts; // offset of each line's first char; one past the end at [n]

    private LintPage(LintInput input, PageModel model, PageFacts facts) {
        this.input = input;
        this.model = model;
        this.facts = facts;
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

    /** The decoded text (BOM dropped), line breaks as in the file. */
    String text() {
        if (text == null) {
            String t = new String(input.content(), StandardCharsets.UTF_8);
            text = !t.isEmpty() && t.charAt(0) == '\uFEFF' ? t.substring(1) : t;
        }
        return text;
    }

    /** Line starts: CRLF, CR and LF each end a line, as the parser counts them. */
    private int[] starts() {
        if (starts == null) {
            String t = text();
            int[] s = new int[64];
            int n = 0;
            s[n++] = 0;
            boolean cr = t.indexOf('\r') >= 0;
            if (!cr) {
                // the common case: indexOf is an intrinsic, far quicker than a char loop
                for (int i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
                    if (n + 1 >= s.length) {
                        s = java.util.Arrays.copyOf(s, s.length * 2);
                    }
                    s[n++] = i + 1;
                }
            } else {
                for (int i = 0; i < t.length(); i++) {
                    char c = t.charAt(i);
                    if (c == '\n' || c == '\r') {
                        if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                            i++;
                        }
                        if (n + 1 >= s.length) {
                            s = java.util.Arrays.copyOf(s, s.length * 2);
                        }
                        s[n++] = i + 1;
                    }
                }
            }
            s[n] = t.length() + 1; // sentinel: the last line ends at the text's end
            starts = java.util.Arrays.copyOf(s, n + 1);
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
        String t = text();
        int from = s[n - 1];
        int end;
        if (n == s.length - 1) {
            end = t.length();
        } else {
            end = s[n] - 1; // the break's last char
            if (t.charAt(end) == '\n' && end - 1 >= from && t.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return t.substring(from, Math.max(from, end));
    }

    /** Offset of line {@code n}'s first char (the text's length past the last line). */
    int start(int n) {
        int[] s = starts();
        return n >= 1 && n <= s.length - 1 ? s[n - 1] : text().length();
    }

    /** 1-based line of a text offset. */
    int lineOf(int offset) {
        int[] s = starts();
        int i = java.util.Arrays.binarySearch(s, 0, s.length - 1, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of the first occurrence of {@code s} on line {@code n} at or after {@code from} (0-based), else 0. */
    int column(int n, String s, int from) {
        int i = line(n).indexOf(s, Math.max(0, from));
        return i < 0 ? 0 : i + 1;
    }

    /** Drops the text (the model stays). */
    void release() {
        text = null;
        starts = null;
    }
}
