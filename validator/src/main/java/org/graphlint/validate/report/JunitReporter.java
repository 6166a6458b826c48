package org.graphlint.validate.report;

import java.util.Locale;
import org.graphlint.validate.Category;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Severity;

/**
 * JUnit XML as CI test reporters read it: one {@code testcase} per fixture, named by its path, with class name
 * {@code graphlint.ENTITY.OPERATION}; findings at or above {@code --fail-on} make a {@code failure}, a fixture that could
 * not be checked an {@code error}; warnings below the threshold go to {@code system-out}.
 */
public final class JunitReporter implements Reporter {

    @Override
    public void write(Run run, StringBuilder out) {
        int failures = 0;
        int errors = 0;
        for (FileReport r : run.reports()) {
            if (r.hasInputProblem()) {
                errors++;
            } else if (!r.passes(run.failOn())) {
                failures++;
            }
        }
        String time = String.format(Locale.ROOT, "%.3f", run.elapsedMillis() / 1000.0);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"graphlint validate\" tests=\"").append(run.reports().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" time=\"").append(time).append("\">\n");
        out.append("  <testsuite name=\"graphlint validate\" tests=\"").append(run.reports().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"0\" time=\"").append(time).append("\">\n");
        for (FileReport r : run.reports()) {
            String cls = r.targets().isEmpty() ? "graphlint" : "graphlint." + r.targets().get(0).entity() + "."
                    + r.targets().get(0).operation().id();
            out.append("    <testcase classname=\"").append(Xml.esc(cls)).append("\" name=\"").append(Xml.esc(r.file()))
                    .append("\" file=\"").append(Xml.esc(r.file())).append("\" time=\"0\"");
            StringBuilder failing = new StringBuilder();
            StringBuilder other = new StringBuilder();
            Finding first = null;
            int nFailing = 0;
            for (Finding f : r.findings()) {
                boolean counts = (f.category() == Category.INPUT && f.severity() == Severity.ERROR) || f.severity().atLeast(run.failOn());
                StringBuilder b = counts ? failing : other;
                b.append(line(r, f)).append('\n');
                if (counts) {
                    nFailing++;
                    if (first == null) {
                        first = f;
                    }
                }
            }
            if (first == null && other.length() == 0) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            if (first != null) {
                String tag = r.hasInputProblem() ? "error" : "failure";
                String msg = nFailing == 1 ? first.message() : nFailing + " findings; first: " + first.message();
                out.append("      <").append(tag).append(" type=\"").append(Xml.esc(first.rule())).append("\" message=\"")
                        .append(Xml.esc(msg)).append("\">").append(Xml.esc(failing.toString())).append("</").append(tag).append(">\n");
            }
            if (other.length() > 0) {
                out.append("      <system-out>").append(Xml.esc(other.toString())).append("</system-out>\n");
            }
            out.append("    </testcase>\n");
        }
        out.append("  </testsuite>\n</testsuites>\n");
    }

    private static String line(FileReport r, Finding f) {
        return r.file() + ":" + f.line() + ":" + f.column() + ": " + f.severity().id() + " [" + f.rule() + "] "
                + (f.pointer() == null ? "" : (f.pointer().isEmpty() ? "(body) " : f.pointer() + " ")) + f.message();
    }
}
