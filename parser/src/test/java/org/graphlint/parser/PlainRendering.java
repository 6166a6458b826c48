package org.graphlint.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain branch's rendering of a side-by-side page: every {@code <span data-ttu-id="…">LOCALIZED</span><span
 * class="sxs-lookup"><span data-stu-id="…">ENGLISH</span></span>} pair becomes {@code LOCALIZED}. That is how the
 * published plain pages were produced from the sxs ones (it reproduces 434 of the 468 plain sample pages that have an
 * sxs twin byte for byte; the rest differ in translation, not in structure).
 */
final class PlainRendering {
    private static final Pattern PAIR = Pattern.compile(
            "<span data-ttu-id=\"[^\"]*\">(.*?)</span><span class=\"sxs-lookup\"><span data-stu-id=\"[^\"]*\">.*?</span></span>",
            Pattern.DOTALL);

    private PlainRendering() {
    }

    static String stripSpans(String sxs) {
        Matcher m = PAIR.matcher(sxs);
        StringBuilder out = new StringBuilder(sxs.length() / 2);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
