package org.graphlint.validate.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.graphlint.validate.GraphlintVersion;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SARIF 2.1.0 log of one graphlint run, as every graphlint command writes it (validate, lint): the driver named
 * {@code graphlint} with the tool's version, rules with their description and default level, results with a
 * physical location (relative paths against {@code %SRCROOT%}, absolute ones as {@code file:} URIs), UTF-16 columns,
 * and the run's exit code. Callers add their own properties to the nodes returned.
 */
public final class Sarif {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode run;
    private final ArrayNode rules;
    private final ArrayNode results;

    public Sarif() {
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "graphlint");
        driver.put("semanticVersion", GraphlintVersion.get());
        rules = driver.putArray("rules");
        results = run.putArray("results");
    }

    /** Adds a rule; its index is the number of rules added before it. */
    public ObjectNode rule(String id, String description, Rules.Level defaultLevel) {
        ObjectNode rule = rules.addObject();
        rule.put("id", id);
        rule.putObject("shortDescription").put("text", description);
        rule.putObject("defaultConfiguration").put("level", defaultLevel.sarif());
        return rule;
    }

    /** Adds a result at {@code file}, {@code line} and {@code column} (1-based; 0 when unknown). */
    public ObjectNode result(String ruleId, int ruleIndex, Rules.Level level, String message, String file, int line, int column) {
        ObjectNode res = results.addObject();
        res.put("ruleId", ruleId);
        res.put("ruleIndex", ruleIndex);
        res.put("level", level.sarif());
        res.putObject("message").put("text", message);
        ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode art = phys.putObject("artifactLocation");
        String uri = uri(file);
        art.put("uri", uri);
        if (!uri.startsWith("file:")) {
            art.put("uriBaseId", "%SRCROOT%");
        }
        if (line > 0) {
            ObjectNode region = phys.putObject("region");
            region.put("startLine", line);
            if (column > 0) {
                region.put("startColumn", column);
            }
        }
        return res;
    }

    /** The whole log, closed with the run's exit code (2: the run did not complete). */
    public ObjectNode finish(int exitCode) {
        run.put("columnKind", "utf16CodeUnits");
        ObjectNode inv = run.putArray("invocations").addObject();
        inv.put("executionSuccessful", exitCode != 2);
        inv.put("exitCode", exitCode);
        return root;
    }

    /** The log as pretty-printed JSON with a final newline. */
    public static String text(ObjectNode log) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(log) + "\n";
    }

    /**
     * A relative path as a relative URI reference with forward slashes; an absolute one as a {@code file:} URI; a
     * name that is no path on this system (a path inside a git repository) as a relative reference.
     */
    public static String uri(String file) {
        try {
            Path p = Path.of(file);
            if (p.isAbsolute()) {
                return p.toUri().toString();
            }
        } catch (RuntimeException notAPath) {
            // kept as a relative reference
        }
        String s = file.replace('\\', '/');
        try {
            return new URI(null, null, s, null).toASCIIString();
        } catch (URISyntaxException e) {
            return s;
        }
    }
}
