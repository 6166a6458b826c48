package org.graphlint.validate.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Severity;
import org.graphlint.validate.Target;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** SARIF 2.1.0 for code-scanning upload: one run, the rules used, one result per finding. */
public final class SarifReporter implements Reporter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void write(Run run, StringBuilder out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode r0 = root.putArray("runs").addObject();
        ObjectNode driver = r0.putObject("tool").putObject("driver");
        driver.put("name", "graphlint");
        driver.put("semanticVersion", org.graphlint.validate.GraphlintVersion.get());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new LinkedHashMap<>();
        ArrayNode results = r0.putArray("results");
        for (FileReport r : run.reports()) {
            for (Finding f : r.findings()) {
                Integer idx = index.get(f.rule());
                if (idx == null) {
                    idx = index.size();
                    index.put(f.rule(), idx);
                    ObjectNode rule = rules.addObject();
                    rule.put("id", f.rule());
                    rule.putObject("shortDescription").put("text", Rules.describe(f.rule()));
                    rule.putObject("defaultConfiguration").put("level", Rules.levelOf(f.rule()).sarif());
                }
                ObjectNode res = results.addObject();
                res.put("ruleId", f.rule());
                res.put("ruleIndex", idx);
                res.put("level", f.severity() == Severity.ERROR ? "error" : "warning");
                res.putObject("message").put("text",
                        (f.pointer() == null || f.pointer().isEmpty() ? "" : f.pointer() + ": ") + f.message());
                ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
                ObjectNode art = phys.putObject("artifactLocation");
                String uri = uri(r.file());
                art.put("uri", uri);
                if (!uri.startsWith("file:")) {
                    art.put("uriBaseId", "%SRCROOT%");
                }
                if (f.line() > 0) {
                    ObjectNode region = phys.putObject("region");
                    region.put("startLine", f.line());
                    if (f.column() > 0) {
                        region.put("startColumn", f.column());
                    }
                }
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
        r0.put("columnKind", "utf16CodeUnits");
        ObjectNode inv = r0.putArray("invocations").addObject();
        inv.put("executionSuccessful", run.exitCode() != 2);
        inv.put("exitCode", run.exitCode());
        out.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)).append('\n');
    }

    /** A relative path as a relative URI reference with forward slashes; an absolute one as a file: URI. */
    static String uri(String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            return p.toUri().toString();
        }
        String s = file.replace('\\', '/');
        try {
            return new URI(null, null, s, null).toASCIIString();
        } catch (URISyntaxException e) {
            return s;
        }
    }
}
