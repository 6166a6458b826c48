package org.graphlint.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Nearest known names for a misspelt one: the one edit distance of the project (findings, the command line's own
 * did-you-mean for entities and configuration keys). */
public final class Suggest {
    private Suggest() {
    }

    /** Longer names get no suggestion: no Graph identifier is this long, and the distance costs length × length. */
    public static final int MAX_NAME = 256;

    /**
     * Up to three candidates within a small edit distance (case-insensitive), nearest first. Candidates whose length
     * alone puts them out of reach are not measured, so a caller's 100 KB name costs one pass over the names, not a
     * 100 KB × name-length table per name (the all-Graph catalog has thousands of entity names).
     */
    public static List<String> nearest(String wrong, Collection<String> known) {
        if (wrong.length() > MAX_NAME) {
            return List.of();
        }
        String w = wrong.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        List<Object[]> scored = new ArrayList<>();
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            boolean prefix = (kl.startsWith(w) || w.startsWith(kl)) && Math.min(w.length(), kl.length()) >= 4;
            int d;
            if (kl.equals(w)) {
                d = 0;
            } else if (Math.abs(kl.length() - w.length()) > limit) {
                d = prefix ? limit : limit + 1; // the distance is at least the difference in length
            } else {
                d = distance(w, kl);
                if (d > limit && prefix) {
                    d = limit; // a prefix of a long name is still a good guess
                }
            }
            if (d <= limit) {
                scored.add(new Object[] {k, d});
            }
        }
        scored.sort(Comparator.comparingInt((Object[] o) -> (Integer) o[1]).thenComparing(o -> (String) o[0]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < 3; i++) {
            out.add((String) scored.get(i)[0]);
        }
        return out;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }

    /** {@code `a`, `b` or `c`}. */
    static String orList(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(i == names.size() - 1 ? " or " : ", ");
            }
            sb.append('`').append(names.get(i)).append('`');
        }
        return sb.toString();
    }

    /** {@code `a`, `b`, `c`}. */
    static String list(Collection<String> names, int max) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String s : names) {
            if (i == max) {
                sb.append(", … (").append(names.size() - max).append(" more)");
                break;
            }
            if (i++ > 0) {
                sb.append(", ");
            }
            sb.append('`').append(s).append('`');
        }
        return sb.toString();
    }
}
