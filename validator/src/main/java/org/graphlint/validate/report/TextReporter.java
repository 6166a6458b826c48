package org.graphlint.validate.report;

import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Severity;

/** Findings grouped by file, then a summary line; ANSI colour only when asked (the CLI asks on a terminal). */
public final class TextReporter implements Reporter {
    private final boolean colour;

    public TextReporter(boolean colour) {
        this.colour = colour;
    }

    private String c(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    @Override
    public void write(Run run, StringBuilder out) {
        for (FileReport r : run.reports()) {
            if (r.findings().isEmpty()) {
                continue;
            }
            out.append(c("1;4", r.file()));
            if (r.targets().size() == 1) {
                out.append(c("2", "  (" + r.targets().get(0).label() + ")"));
            }
            out.append('\n');
            for (Finding f : r.findings()) {
                String pos = f.line() > 0 ? f.line() + ":" + f.column() : "-";
                if (f.request() > 0 && r.requests() > 1) {
                    pos = "#" + f.request() + " " + pos;
                }
                out.append("  ").append(c("2", pad(pos, 8))).append(' ');
                String sev = pad(f.severity().id(), 7);
                out.append(f.severity() == Severity.ERROR ? c("31", sev) : c("33", sev)).append(' ');
                out.append(pad(f.rule(), 20)).append(' ');
                if (f.pointer() != null) {
                    out.append(c("36", f.pointer().isEmpty() ? "(body)" : f.pointer())).append("  ");
                }
                out.append(f.message()).append('\n');
            }
            out.append('\n');
        }
        String summary = run.summary();
        out.append(run.exitCode() == 0 ? c("32", summary) : c("1", summary)).append('\n');
    }

    private static String pad(String s, int n) {
        if (s.length() >= n) {
            return s;
        }
        return s + " ".repeat(n - s.length());
    }
}
