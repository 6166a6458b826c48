package org.graphlint.lint;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a lint run found.
 *
 * @param findings      the findings reported (after a baseline, when one was applied), sorted by file and position
 * @param pages         pages given
 * @param unreadable    pages that could not be read at all
 * @param suppressed    findings a baseline knew and so left out
 * @param elapsedMillis wall time of the run
 */
public record LintResult(List<LintFinding> findings, int pages, int unreadable, int suppressed, long elapsedMillis) {
    public LintResult {
        findings = List.copyOf(findings);
    }

    /** 2 when a page could not be read, 1 when a finding is at or above the threshold, else 0 (as validate). */
    public int exitCode(Level failOn) {
        if (unreadable > 0) {
            return 2;
        }
        for (LintFinding f : findings) {
            if (f.level().atLeast(failOn)) {
                return 1;
            }
        }
        return 0;
    }

    /** The same result with other findings (a baseline applied). */
    public LintResult withFindings(List<LintFinding> kept, int suppressedNow) {
        return new LintResult(kept, pages, unreadable, suppressed + suppressedNow, elapsedMillis);
    }

    /** Findings per rule, in rule order. */
    public Map<LintRule, Integer> byRule() {
        Map<LintRule, Integer> m = new EnumMap<>(LintRule.class);
        for (LintFinding f : findings) {
            m.merge(f.rule(), 1, Integer::sum);
        }
        return m;
    }

    public long count(Level l) {
        return findings.stream().filter(f -> f.level() == l).count();
    }

    /** "11 pages, 3 with findings: 2 errors, 5 warnings, 1 note (4 known findings left out by the baseline)". */
    public String summary() {
        long files = findings.stream().map(LintFinding::file).distinct().count();
        long e = count(Level.ERROR);
        long w = count(Level.WARNING);
        long n = count(Level.NOTE);
        StringBuilder sb = new StringBuilder();
        sb.append(pages).append(pages == 1 ? " page" : " pages");
        if (findings.isEmpty()) {
            sb.append(", no findings");
        } else {
            sb.append(", ").append(files).append(" with findings: ").append(e).append(e == 1 ? " error, " : " errors, ")
                    .append(w).append(w == 1 ? " warning, " : " warnings, ").append(n).append(n == 1 ? " note" : " notes");
        }
        if (unreadable > 0) {
            sb.append("; ").append(unreadable).append(" unreadable");
        }
        if (suppressed > 0) {
            sb.append(" (").append(suppressed).append(" known finding").append(suppressed == 1 ? "" : "s")
                    .append(" left out by the baseline)");
        }
        return sb.toString();
    }
}
