package org.graphlint.convert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        List<int[]> lines = lines(text);
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::bodyLine).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Edit e : sorted) {
            int start = lines.get(e.bodyLine() - 1)[0];
            if (!text.startsWith(e.oldBody(), start)) {
                throw new IllegalStateException("the body of the request on line " + e.bodyLine() + " is not where it was read");
            }
            sb.replace(start, start + e.oldBody().length(), e.newBody());
            if (e.contentLengthLine() > 0) {
                int[] l = lines.get(e.contentLengthLine() - 1);
                String header = text.substring(l[0], l[1]);
                int colon = header.indexOf(':');
                int v = colon + 1;
                while (v < header.length() && (header.charAt(v) == ' ' || header.charAt(v) == '\t')) {
                    v++;
                }
                int end = header.length();
                while (end > v && Character.isWhitespace(header.charAt(end - 1))) {
                    end--;
                }
                sb.replace(l[0] + v, l[0] + end, Integer.toString(e.newLength()));
            }
        }
        return sb.toString();
    }

    /** Start and end (before the line break) of each line; {@code \r\n}, {@code \n} and {@code \r} end lines. */
    private static List<int[]> lines(String text) {
        List<int[]> l = new ArrayList<>();
        int s = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                l.add(new int[] {s, i});
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                s = i + 1;
            }
        }
        if (s < n) {
            l.add(new int[] {s, n});
        }
        return l;
    }
}
