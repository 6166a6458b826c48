package org.graphlint.validate.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.graphlint.validate.Category;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Severity;
import org.graphlint.validate.Target;

/**
 * A whole {@code graphlint validate} run: every fixture's report in command-line order, the failure threshold and the
 * resulting exit code.
 */
public record Run(List<FileReport> reports, Severity failOn, long elapsedMillis) {
    public Run {
        reports = List.copyOf(reports);
    }

    /** 2 when a fixture could not be checked, 1 when a finding is at or above {@link #failOn}, else 0. */
    public int exitCode() {
        boolean failed = false;
        for (FileReport r : reports) {
            for (Finding f : r.findings()) {
                if (f.category() == Category.INPUT && f.severity() == Severity.ERROR) {
                    return 2;
                }
                if (f.severity().atLeast(failOn)) {
                    failed = true;
                }
            }
        }
        return failed ? 1 : 0;
    }

    public long count(Severity s) {
        long n = 0;
        for (FileReport r : reports) {
            n += r.count(s);
        }
        return n;
    }

    public long filesFailing() {
        return reports.stream().filter(r -> !r.passes(failOn) || r.hasInputProblem()).count();
    }

    /** The distinct schema versions used, in first-use order ("vppToken create 2019-07-31"). */
    public Set<String> targetLabels() {
        Set<String> s = new LinkedHashSet<>();
        Target last = null;
        for (FileReport r : reports) {
            for (Target t : r.targets()) {
                if (t != last) { // runs share a handful of Target instances: one label each, not one per fixture
                    s.add(t.label());
                    last = t;
                }
            }
        }
        return s;
    }

    /** One-line summary: "3 fixtures: 1 failing (2 errors, 1 warning); checked against vppToken create 2019-07-31". */
    public String summary() {
        long e = count(Severity.ERROR);
        long w = count(Severity.WARNING);
        StringBuilder sb = new StringBuilder();
        sb.append(reports.size()).append(reports.size() == 1 ? " fixture" : " fixtures");
        long failing = filesFailing();
        if (e == 0 && w == 0) {
            sb.append(", all valid");
        } else {
            sb.append(": ").append(failing).append(" failing (").append(e).append(e == 1 ? " error, " : " errors, ")
                    .append(w).append(w == 1 ? " warning)" : " warnings)");
        }
        Set<String> t = targetLabels();
        if (!t.isEmpty()) {
            sb.append("; checked against ");
            int i = 0;
            for (String l : t) {
                if (i == 3) {
                    sb.append(", … (").append(t.size() - 3).append(" more)");
                    break;
                }
                sb.append(i++ > 0 ? ", " : "").append(l);
            }
        }
        return sb.toString();
    }
}
