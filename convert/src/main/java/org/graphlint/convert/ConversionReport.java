package org.graphlint.convert;

import java.io.PrintWriter;
import java.util.List;
import org.graphlint.validate.Finding;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of a conversion run: text for people, JSON ({@code graphlint-convert/1}) for tools. {@code written} holds,
 * per result, where its conversion went (null: nowhere); {@code notes} are lines said after the results.
 */
public final class ConversionReport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConversionReport() {
    }

    public static void text(PrintWriter w, List<FileConversion> results, List<String> written, List<String> notes,
            boolean writes) {
        int changes = 0;
        int lost = 0;
        int changedFiles = 0;
        for (int i = 0; i < results.size(); i++) {
            FileConversion c = results.get(i);
            if (c.problem() != null) {
                w.println(c.file() + "  " + where(c.problem()) + "error  " + c.problem().rule() + "  " + c.problem().message());
                continue;
            }
            if (c.changed()) {
                changedFiles++;
            }
            for (BodyConversion b : c.bodies()) {
                String req = c.bodies().size() > 1 ? " request " + b.request() : "";
                if (b.problem() != null) {
                    w.println(c.file() + req + "  " + where(b.problem()) + "error  " + b.problem().rule() + "  " + b.problem().message());
                    continue;
                }
                Conversion v = b.conversion();
                w.println(c.file() + req + "  (" + v.from().entity() + " " + v.from().operation().id() + " "
                        + v.from().versionId() + " -> " + v.to().versionId()
                        + (v.to().selector() != null && !v.to().selector().equals(v.to().versionId()) ? ", selected by " + v.to().selector() : "")
                        + ")" + (v.changes().isEmpty() ? "  no change" : ""));
                if (!b.sourceFindings().isEmpty()) {
                    w.println("  warning  the body is not valid against --from " + v.from().versionId() + " ("
                            + b.sourceFindings().size() + " error" + (b.sourceFindings().size() == 1 ? "" : "s") + ", first: "
                            + pointerText(b.sourceFindings().get(0)) + b.sourceFindings().get(0).message() + "); converted anyway");
                }
                for (Change ch : v.changes()) {
                    changes++;
                    if (ch.lossy()) {
                        lost++;
                    }
                    w.println("  " + (ch.pointer().isEmpty() ? "(body)" : ch.pointer()) + "  " + ch.outcome().id()
                            + (ch.lossy() ? " (lost)" : "") + "  " + ch.kind().id() + "  " + ch.message()
                            + (ch.newValue() == null ? "; was " + ch.oldValue() : "; " + ch.oldValue() + " -> " + ch.newValue()));
                }
                for (Finding f : v.remaining()) {
                    w.println("  error  " + f.rule() + "  " + pointerText(f) + f.message() + " (the target still rejects the output)");
                }
            }
            if (written.get(i) != null) {
                w.println("  written to " + written.get(i));
            }
        }
        notes.forEach(n -> w.println(n));
        String where = writes ? "" : results.size() > 1 ? "; nothing written (-o FILE or --in-place to write)" : "";
        w.println(results.size() + " fixture" + (results.size() == 1 ? "" : "s") + ": " + changedFiles + " changed, "
                + changes + " change" + (changes == 1 ? "" : "s") + ", " + lost + " lossy" + where);
    }

    private static String where(Finding f) {
        return f.line() > 0 ? f.line() + ":" + f.column() + "  " : "";
    }

    private static String pointerText(Finding f) {
        return f.pointer() == null || f.pointer().isEmpty() ? "" : f.pointer() + " ";
    }

    // ------------------------------------------------------------------ json

    public static String json(String to, String from, List<FileConversion> results, List<String> written,
            boolean includeOutput, int exit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "graphlint-convert/1");
        root.put("exitCode", exit);
        root.put("to", to);
        root.put("from", from);
        ObjectNode summary = root.putObject("summary");
        ArrayNode files = root.putArray("files");
        int bodies = 0;
        int changed = 0;
        int changes = 0;
        int lost = 0;
        int lossyFiles = 0;
        int problems = 0;
        int invalid = 0;
        int writtenCount = 0;
        for (int i = 0; i < results.size(); i++) {
            FileConversion c = results.get(i);
            ObjectNode f = files.addObject();
            f.put("file", c.file());
            f.put("changed", c.changed());
            f.put("lossy", c.lossy());
            f.put("valid", c.valid());
            f.put("written", written.get(i));
            f.set("problem", c.problem() == null ? null : finding(c.problem()));
            if (c.problem() != null || c.hasProblem()) {
                problems++;
            }
            changed += c.changed() ? 1 : 0;
            lossyFiles += c.lossy() ? 1 : 0;
            invalid += c.valid() ? 0 : 1;
            writtenCount += written.get(i) != null ? 1 : 0;
            ArrayNode bs = f.putArray("bodies");
            for (BodyConversion b : c.bodies()) {
                bodies++;
                ObjectNode o = bs.addObject();
                o.put("request", b.request());
                o.put("line", b.line());
                Conversion v = b.conversion();
                if (v == null) {
                    o.set("problem", finding(b.problem()));
                    continue;
                }
                o.put("entity", v.to().entity());
                o.put("operation", v.to().operation().id());
                o.put("apiVersion", v.to().apiVersion());
                o.put("from", v.from().versionId());
                o.put("to", v.to().versionId());
                o.put("lossy", v.lossy());
                o.put("valid", v.valid());
                ArrayNode chs = o.putArray("changes");
                for (Change ch : v.changes()) {
                    changes++;
                    lost += ch.lossy() ? 1 : 0;
                    ObjectNode x = chs.addObject();
                    x.put("pointer", ch.pointer());
                    x.put("kind", ch.kind().id());
                    x.put("outcome", ch.outcome().id());
                    x.put("lossy", ch.lossy());
                    x.put("oldValue", ch.oldValue());
                    x.put("newValue", ch.newValue());
                    x.put("message", ch.message());
                }
                ArrayNode rem = o.putArray("remaining");
                v.remaining().forEach(x -> rem.add(finding(x)));
                ArrayNode src = o.putArray("sourceFindings");
                b.sourceFindings().forEach(x -> src.add(finding(x)));
                o.set("problem", null);
            }
            if (includeOutput && c.text() != null && !c.hasProblem()) {
                f.put("output", c.text());
            }
        }
        summary.put("fixtures", results.size());
        summary.put("bodies", bodies);
        summary.put("changed", changed);
        summary.put("lossy", lossyFiles);
        summary.put("changes", changes);
        summary.put("lost", lost);
        summary.put("invalid", invalid);
        summary.put("problems", problems);
        summary.put("written", writtenCount);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rule", f.rule());
        o.put("category", f.category().name().toLowerCase(java.util.Locale.ROOT));
        o.put("pointer", f.pointer());
        o.put("line", f.line());
        o.put("column", f.column());
        o.put("message", f.message());
        return o;
    }
}
