package org.graphlint.parser;

import java.util.ArrayList;
import java.util.List;

/** Pipe-table rows: delimiter recognition and cell splitting (GFM rules: an unescaped '|' ends a cell). */
final class Tables {
    private Tables() {
    }

    static boolean isDelimiterRow(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.indexOf('-') < 0) {
            return false;
        }
        boolean dash = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '-') {
                dash = true;
            } else if (c != '|' && c != ':' && c != ' ' && c != '\t') {
                return false;
            }
        }
        return dash && t.indexOf('|') >= 0;
    }

    /** The cells of a row, without the outer pipes, each trimmed; escaped pipes stay in the cell as '\|'. */
    static List<String> cells(String line) {
        String t = line.strip();
        List<String> out = new ArrayList<>(4);
        int start = t.startsWith("|") ? 1 : 0;
        int end = t.length();
        if (end > start && t.charAt(end - 1) == '|' && (end < 2 || t.charAt(end - 2) != '\\')) {
            end--;
        }
        int s = start;
        // Jump from pipe to pipe (String.indexOf is vectorized); a pipe is escaped when an odd run of backslashes
        // stands right before it, as a left-to-right scan where each backslash escapes the next character finds.
        for (int p = t.indexOf('|', start); p >= 0 && p < end; p = t.indexOf('|', p + 1)) {
            int b = p - 1;
            while (b >= start && t.charAt(b) == '\\') {
                b--;
            }
            if (((p - 1 - b) & 1) == 0) {
                out.add(t.substring(s, p).strip());
                s = p + 1;
            }
        }
        out.add(t.substring(s, end).strip());
        return out;
    }
}
