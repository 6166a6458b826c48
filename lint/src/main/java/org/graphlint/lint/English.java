package org.graphlint.lint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * De-localizes a side-by-side page: every span pair ({@code <span data-ttu-id>LOCALIZED</span><span
 * class="sxs-lookup"><span data-stu-id>ENGLISH</span></span>}) becomes its English text, in headings, tables, prose and
 * notes alike, so a maintainer reads what the page says in English. Everything else (front matter, code, links, table
 * pipes) is kept byte for byte, so the parser reads the same rows, types and enums from the result.
 */
public final class English {

    private English() {
    }

    /** The result of {@link #of}: the English text and how many span pairs were replaced. */
    public record Result(String text, int pairs) {
    }

    /** A pair whose localized text may run over a line break (the English one does not). */
    private static final Pattern PAIR = Pattern.compile(SpanCheck.PAIR.pattern(), Pattern.DOTALL);

    public static Result of(String page) {
        Matcher m = PAIR.matcher(page);
        StringBuilder out = new StringBuilder(page.length() / 2);
        int pairs = 0;
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(3)));
            pairs++;
        }
        m.appendTail(out);
        return new Result(out.toString(), pairs);
    }
}
