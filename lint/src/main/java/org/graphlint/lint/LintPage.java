package org.graphlint.lint;

import java.util.List;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.graphlint.schema.PageFacts;

/**
 * A parsed page and where it came from. The checks read the page's lines (for columns and the span pairs): the lines
 * the parser decoded and split ({@link PageParser#parseWithLines}), so a page is decoded once and its line numbers are
 * the model's. {@link #release()} drops them once the page's own checks are done, so a whole-snapshot run holds models,
 * not text; the few later checks that need a line (a finding's column) read the page's file again.
 */
final class LintPage {
    private LintInput input;
    private final PageModel model;
    private final PageFacts facts;
    private List<String> lines; // null once released, until a later check asks for a line

    private LintPage(LintInput input, PageModel model, PageFacts facts, List<String> lines) {
        this.input = input;
        this.model = model;
        this.facts = facts;
        this.lines = lines;
    }

    /** A page whose lines are those the parser read ({@code lines}, from {@link PageParser#parseWithLines}). */
    static LintPage of(LintInput in, PageModel model, List<String> lines) {
        return new LintPage(in, model, PageFacts.of(model, in.name()), lines);
    }

    /**
     * A page that keeps {@code kept} of its model, with the facts the whole model gives ({@code facts}, of the parsed
     * page: the builder's reading of a page's type and operation looks at every example's body).
     */
    static LintPage of(LintInput in, PageModel kept, PageFacts facts, List<String> lines) {
        return new LintPage(in, kept, new PageFacts(kept, facts.file(), facts.apiVersion(), facts.slug(), facts.typeName(),
                facts.entity(), facts.operation(), facts.kind()), lines);
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

    private List<String> lines() {
        if (lines == null) {
            byte[] b = input.load().content();
            lines = b == null ? List.of() : PageParser.lines(b);
        }
        return lines;
    }

    /** Number of lines. */
    int lineCount() {
        return lines().size();
    }

    /** Line {@code n} (1-based) without its line break, or "" outside the page. */
    String line(int n) {
        List<String> l = lines();
        return n < 1 || n > l.size() ? "" : l.get(n - 1);
    }

    /** 1-based column of the first occurrence of {@code s} on line {@code n} at or after {@code from} (0-based), else 0. */
    int column(int n, String s, int from) {
        int i = line(n).indexOf(s, Math.max(0, from));
        return i < 0 ? 0 : i + 1;
    }

    /** Drops the lines (the model stays); a later line is read from the page's file again. */
    void release() {
        LintInput unloaded = input.unload();
        if (unloaded != input) {
            input = unloaded;
            lines = null;
        }
    }
}
