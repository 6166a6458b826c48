package org.graphlint.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * A text's lines by position: where each starts (char offset) and ends (before its line break); {@code \r\n},
 * {@code \n} and {@code \r} end lines. For tools that read a file's lines and then edit the text in place ({@code .http}
 * files are read by the validator and rewritten by the converter).
 */
public record TextLines(String text, int[] start, int[] end) {

    public static TextLines of(String text) {
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
        int[] st = new int[l.size()];
        int[] en = new int[l.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = l.get(i)[0];
            en[i] = l.get(i)[1];
        }
        return new TextLines(text, st, en);
    }

    public int count() {
        return start.length;
    }

    public String line(int i) {
        return text.substring(start[i], end[i]);
    }
}
