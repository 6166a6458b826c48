package org.graphlint.validate.report;

import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Severity;

/** GitHub Actions workflow commands: {@code ::error file=F,line=L,col=C,title=graphlint RULE::MESSAGE}, then a summary. */
public final class GithubReporter implements Reporter {

    @Override
    public void write(Run run, StringBuilder out) {
        for (FileReport r : run.reports()) {
            for (Finding f : r.findings()) {
                out.append(f.severity() == Severity.ERROR ? "::error " : "::warning ");
                out.append("file=").append(property(r.file()));
                if (f.line() > 0) {
                    out.append(",line=").append(f.line());
                    if (f.column() > 0) {
                        out.append(",col=").append(f.column());
                    }
                }
                out.append(",title=").append(property("graphlint " + f.rule()));
                out.append("::").append(data((f.pointer() == null || f.pointer().isEmpty() ? "" : f.pointer() + ": ") + f.message()));
                out.append('\n');
            }
        }
        out.append(data(run.summary())).append('\n');
    }

    /** Escaping for the message part of a workflow command. */
    public static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping for a property value of a workflow command. */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
