package org.graphlint.validate.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Severity;
import org.graphlint.validate.Target;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SARIF 2.1.0 for code-scanning upload: one run, the rules used, one result per finding. */
public final class SarifReporter implements Reporter {
    @Override
    public void write(Run run, StringBuilder out) {
        Sarif log = new Sarif();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (FileReport r : run.reports()) {
            for (Finding f : r.findings()) {
                Integer idx = index.get(f.rule());
                if (idx == null) {
                    idx = index.size();
                    index.put(f.rule(), idx);
                    log.rule(f.rule(), Rules.describe(f.rule()), Rules.levelOf(f.rule()));
                }
                ObjectNode res = log.result(f.rule(), idx, f.severity() == Severity.ERROR ? Rules.Level.ERROR : Rules.Level.WARNING,
                        (f.pointer() == null || f.pointer().isEmpty() ? "" : f.pointer() + ": ") + f.message(),
                        r.file(), f.line(), f.column());
                ObjectNode props = res.putObject("properties");
                props.put("category", f.category().id());
                if (f.pointer() != null) {
                    props.put("pointer", f.pointer());
                }
                if (f.request() > 0) {
                    props.put("request", f.request());
                }
                Target t = f.target();
                if (t != null) {
                    props.put("entity", t.entity());
                    props.put("operation", t.operation().id());
                    props.put("schemaVersion", t.versionId());
                }
            }
        }
        out.append(Sarif.text(log.finish(run.exitCode())));
    }
}
