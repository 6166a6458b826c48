package org.graphlint.validate.report;

import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Severity;
import org.graphlint.validate.Target;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stable JSON shape ({@code "format": "graphlint-validate/1"}), documented in the README:
 * <pre>
 * { "format": "graphlint-validate/1", "exitCode": 1, "failOn": "error",
 *   "summary": { "fixtures": 3, "failing": 1, "errors": 2, "warnings": 1 },
 *   "files": [ { "file": "...", "valid": false, "requests": 1,
 *                "targets": [ { "entity": "vppToken", "operation": "create", "version": "2019-07-31",
 *                               "selector": "2020-04-14", "apiVersion": "beta" } ],
 *                "findings": [ { "severity": "error", "category": "schema", "rule": "enum", "pointer": "/state",
 *                                "line": 12, "column": 12, "request": 0, "message": "...",
 *                                "entity": "vppToken", "operation": "create", "version": "2019-07-31" } ] } ] }
 * </pre>
 * {@code pointer}, {@code entity}, {@code operation} and {@code version} are null when they do not apply; {@code line}
 * and {@code column} are 0 when unknown. New fields may be added; existing ones keep their meaning.
 */
public final class JsonReporter implements Reporter {
    public static final String FORMAT = "graphlint-validate/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void write(Run run, StringBuilder out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("exitCode", run.exitCode());
        root.put("failOn", run.failOn().id());
        ObjectNode s = root.putObject("summary");
        s.put("fixtures", run.reports().size());
        s.put("failing", run.filesFailing());
        s.put("errors", run.count(Severity.ERROR));
        s.put("warnings", run.count(Severity.WARNING));
        ArrayNode files = root.putArray("files");
        for (FileReport r : run.reports()) {
            ObjectNode f = files.addObject();
            f.put("file", r.file());
            f.put("valid", r.passes(run.failOn()) && !r.hasInputProblem());
            f.put("requests", r.requests());
            ArrayNode ts = f.putArray("targets");
            for (Target t : r.targets()) {
                ObjectNode tn = ts.addObject();
                tn.put("entity", t.entity());
                tn.put("operation", t.operation().id());
                tn.put("version", t.versionId());
                tn.put("selector", t.selector());
                tn.put("apiVersion", t.apiVersion());
            }
            ArrayNode fs = f.putArray("findings");
            for (Finding x : r.findings()) {
                ObjectNode n = fs.addObject();
                n.put("severity", x.severity().id());
                n.put("category", x.category().id());
                n.put("rule", x.rule());
                n.put("pointer", x.pointer());
                n.put("line", x.line());
                n.put("column", x.column());
                n.put("request", x.request());
                n.put("message", x.message());
                Target t = x.target();
                n.put("entity", t == null ? null : t.entity());
                n.put("operation", t == null ? null : t.operation().id());
                n.put("version", t == null ? null : t.versionId());
            }
        }
        out.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)).append('\n');
    }
}
