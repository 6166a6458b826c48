package org.graphlint.convert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.graphlint.validate.TextLines;

/** Replaces bodies in a {@code .http} file's text, keeping every other character, and fixes their Content-Length. */
final class HttpRewrite {

    private HttpRewrite() {
    }

    /**
     * One body to replace: it starts on {@code bodyLine} (1-based) and is exactly {@code oldBody} there;
     * {@code contentLengthLine} is the line of its Content-Length header, 0 when it has none.
     */
    record Edit(int bodyLine, String oldBody, String newBody, int contentLengthLine, int newLength) {
    }

    /** The leading whitespace of a body's first line (the margin its JSON is written with). */
    static String margin(String body) {
        int k = 0;
        while (k < body.length() && (body.charAt(k) == ' ' || body.charAt(k) == '\t')) {
            k++;
        }
        return body.substring(0, k);
    }

    static String apply(String text, List<Edit> edits) {
        TextLines lines = TextLines.of(text);
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::bodyLine).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Edit e : sorted) {
            int start = lines.start()[e.bodyLine() - 1];
            if (!text.startsWith(e.oldBody(), start)) {
                throw new IllegalStateException("the body of the request on line " + e.bodyLine() + " is not where it was read");
            }
            sb.replace(start, start + e.oldBody().length(), e.newBody());
            if (e.contentLengthLine() > 0) {
                int lineStart = lines.start()[e.contentLengthLine() - 1];
                String header = text.substring(lineStart, lines.end()[e.contentLengthLine() - 1]);
                int colon = header.indexOf(':');
                int v = colon + 1;
                while (v < header.length() && (header.charAt(v) == ' ' || header.charAt(v) == '\t')) {
                    v++;
                }
                int end = header.length();
                while (end > v && Character.isWhitespace(header.charAt(end - 1))) {
                    end--;
                }
                sb.replace(lineStart + v, lineStart + end, Integer.toString(e.newLength()));
            }
        }
        return sb.toString();
    }
}
