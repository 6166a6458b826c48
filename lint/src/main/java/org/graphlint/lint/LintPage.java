package org.graphlint.lint;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.graphlint.parser.PageModel;
import org.graphlint.schema.PageFacts;

/** A parsed page with its source lines (for columns) and where it came from. */
record LintPage(LintInput input, PageModel model, PageFacts facts, String[] lines) {
    private static final Pattern EOL = Pattern.compile("\r\n|\r|\n");

    static LintPage of(LintInput in, PageModel model) {
        String text = new String(in.content(), StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new LintPage(in, model, PageFacts.of(model, in.name()), EOL.split(text, -1));
    }

    String file() {
        return input.file();
    }

    /** Line {@code n} (1-based), or "" outside the page. */
    String line(int n) {
        return n >= 1 && n <= lines.length ? lines[n - 1] : "";
    }

    /** 1-based column of the first occurrence of {@code s} on line {@code n} at or after {@code from} (0-based), else 0. */
    int column(int n, String s, int from) {
        int i = line(n).indexOf(s, Math.max(0, from));
        return i < 0 ? 0 : i + 1;
    }
}
