package org.graphlint.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.graphlint.validate.report.Rules;
import org.graphlint.validate.report.Sarif;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The report formats of {@code graphlint lint}: those of {@code validate}, plus markdown for a pull-request comment. */
public enum LintFormat {
    TEXT, JSON, JUNIT, SARIF, GITHUB, MARKDOWN;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LintFormat fromId(String id) {
        for (LintFormat f : values()) {
            if (f.id().equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "': use text, json, junit, sarif, github or markdown");
    }

    /** The report of a run. */
    public String write(LintResult r, Level failOn) {
        java.io.StringWriter out = new java.io.StringWriter();
        write(r, failOn, out);
        return out.toString();
    }

    /**
     * Writes the report of a run to {@code out} (not closed). JSON and SARIF go straight from their tree to the writer:
     * a whole snapshot's report is some 9 MB, and building it as a string first cost a lint run its largest GC pauses.
     */
    public void write(LintResult r, Level failOn, java.io.Writer out) {
        try {
            switch (this) {
                case JSON -> {
                    try (JsonGenerator g = MAPPER.writerWithDefaultPrettyPrinter().createGenerator(unclosed(out))) {
                        json(r, failOn, g);
                    }
                    out.write('\n');
                }
                case SARIF -> {
                    MAPPER.writerWithDefaultPrettyPrinter().writeValue(unclosed(out), sarif(r, failOn));
                    out.write('\n');
                }
                case TEXT -> text(r, out);
                default -> {
                    StringBuilder sb = new StringBuilder();
                    switch (this) {
                        case JUNIT -> junit(r, failOn, sb);
                        case GITHUB -> github(r, sb);
                        default -> markdown(r, sb);
                    }
                    out.append(sb);
                }
            }
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * One line per finding, written as it is made: a whole snapshot's text report is ~25,000 lines, and building it as
     * one string first (growing to ~10 MB) made the last collection of a pt-BR run copy it (a 60 ms pause).
     */
    private static void text(LintResult r, java.io.Writer out) throws java.io.IOException {
        StringBuilder line = new StringBuilder(256);
        for (LintFinding f : r.findings()) {
            line.setLength(0);
            line.append(f.file()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                    .append(f.level().id()).append(" [").append(f.rule().id()).append("] ").append(f.message()).append('\n');
            out.append(line);
        }
        out.append(r.summary()).append('\n');
    }

    /** {@code out}, whose {@code close()} only flushes: the caller's writer stays open. */
    private static java.io.Writer unclosed(java.io.Writer out) {
        return new java.io.FilterWriter(out) {
            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
    }

    /**
     * The JSON report, written field by field as it is made (no tree first: a whole snapshot's ~25,000 findings were
     * ~25,000 object nodes, each with its map, for one pass of the writer).
     */
    private static void json(LintResult r, Level failOn, JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("tool", "graphlint lint");
        g.writeNumberProperty("pages", r.pages());
        g.writeNumberProperty("unreadable", r.unreadable());
        g.writeNumberProperty("suppressedByBaseline", r.suppressed());
        g.writeStringProperty("failOn", failOn.id());
        g.writeNumberProperty("exitCode", r.exitCode(failOn));
        g.writeObjectPropertyStart("byRule");
        for (Map.Entry<LintRule, Integer> e : r.byRule().entrySet()) {
            g.writeNumberProperty(e.getKey().id(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayPropertyStart("findings");
        for (LintFinding f : r.findings()) {
            g.writeStartObject();
            g.writeStringProperty("file", f.file());
            g.writeNumberProperty("line", f.line());
            g.writeNumberProperty("column", f.column());
            g.writeStringProperty("rule", f.rule().id());
            g.writeStringProperty("level", f.level().id());
            g.writeStringProperty("message", f.message());
            g.writeStringProperty("subject", f.subject());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void junit(LintResult r, Level failOn, StringBuilder out) {
        Map<String, List<LintFinding>> byFile = new LinkedHashMap<>();
        for (LintFinding f : r.findings()) {
            byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        int failures = 0;
        int errors = 0;
        for (List<LintFinding> fs : byFile.values()) {
            if (fs.stream().anyMatch(f -> f.rule() == LintRule.UNREADABLE_PAGE)) {
                errors++;
            } else if (fs.stream().anyMatch(f -> f.level().atLeast(failOn))) {
                failures++;
            }
        }
        String time = String.format(Locale.ROOT, "%.3f", r.elapsedMillis() / 1000.0);
        int tests = Math.max(byFile.size(), r.pages());
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"graphlint lint\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" time=\"").append(time).append("\">\n");
        out.append("  <testsuite name=\"graphlint lint\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" skipped=\"0\" time=\"").append(time).append("\">\n");
        for (Map.Entry<String, List<LintFinding>> e : byFile.entrySet()) {
            String file = esc(e.getKey());
            out.append("    <testcase classname=\"graphlint.lint\" name=\"").append(file).append("\" file=\"").append(file)
                    .append("\" time=\"0\">\n");
            List<LintFinding> failing = e.getValue().stream()
                    .filter(f -> f.level().atLeast(failOn) || f.rule() == LintRule.UNREADABLE_PAGE).toList();
            StringBuilder body = new StringBuilder();
            StringBuilder other = new StringBuilder();
            for (LintFinding f : e.getValue()) {
                (failing.contains(f) ? body : other).append(f.line()).append(':').append(f.column()).append(' ')
                        .append(f.level().id()).append(" [").append(f.rule().id()).append("] ").append(f.message()).append('\n');
            }
            if (!failing.isEmpty()) {
                LintFinding first = failing.get(0);
                String tag = first.rule() == LintRule.UNREADABLE_PAGE ? "error" : "failure";
                String msg = failing.size() == 1 ? first.message() : failing.size() + " findings; first: " + first.message();
                out.append("      <").append(tag).append(" type=\"").append(esc(first.rule().id())).append("\" message=\"")
                        .append(esc(msg)).append("\">").append(esc(body.toString())).append("</").append(tag).append(">\n");
            }
            if (other.length() > 0) {
                out.append("      <system-out>").append(esc(other.toString())).append("</system-out>\n");
            }
            out.append("    </testcase>\n");
        }
        if (byFile.isEmpty()) {
            out.append("    <testcase classname=\"graphlint.lint\" name=\"").append(r.pages()).append(" pages\" time=\"0\"/>\n");
        }
        out.append("  </testsuite>\n</testsuites>\n");
    }

    private static ObjectNode sarif(LintResult r, Level failOn) {
        Sarif log = new Sarif();
        Map<LintRule, Integer> index = new LinkedHashMap<>();
        for (LintFinding f : r.findings()) {
            index.computeIfAbsent(f.rule(), k -> {
                ObjectNode rule = log.rule(k.id(), k.description(), sarifLevel(k.defaultLevel()));
                rule.put("name", k.name());
                rule.putObject("properties").put("group", k.group().title());
                return index.size();
            });
        }
        for (LintFinding f : r.findings()) {
            ObjectNode res = log.result(f.rule().id(), index.get(f.rule()), sarifLevel(f.level()), f.message(), f.file(),
                    f.line(), f.column());
            res.putObject("partialFingerprints").put("graphlintSubject/v1",
                    Integer.toHexString(Baseline.key(f).hashCode()));
        }
        return log.finish(r.exitCode(failOn));
    }

    private static Rules.Level sarifLevel(Level l) {
        return switch (l) {
            case ERROR -> Rules.Level.ERROR;
            case WARNING -> Rules.Level.WARNING;
            case NOTE -> Rules.Level.NOTE;
        };
    }

    private static void github(LintResult r, StringBuilder out) {
        for (LintFinding f : r.findings()) {
            out.append(switch (f.level()) {
                case ERROR -> "::error ";
                case WARNING -> "::warning ";
                case NOTE -> "::notice ";
            });
            out.append("file=").append(property(f.file()));
            if (f.line() > 0) {
                out.append(",line=").append(f.line());
                if (f.column() > 0) {
                    out.append(",col=").append(f.column());
                }
            }
            out.append(",title=").append(property("graphlint " + f.rule().id()));
            out.append("::").append(data(f.message())).append('\n');
        }
        out.append(data(r.summary())).append('\n');
    }

    private static void markdown(LintResult r, StringBuilder out) {
        out.append("## graphlint lint\n\n").append(r.summary()).append(".\n\n");
        if (r.findings().isEmpty()) {
            return;
        }
        out.append("| Rule | Findings |\n|---|---:|\n");
        r.byRule().forEach((k, v) -> out.append("| `").append(k.id()).append("` | ").append(v).append(" |\n"));
        out.append("\n| Page | Line | Level | Rule | Message |\n|---|---:|---|---|---|\n");
        for (LintFinding f : r.findings()) {
            out.append("| ").append(cell(f.file())).append(" | ").append(f.line()).append(':').append(f.column())
                    .append(" | ").append(f.level().id()).append(" | `").append(f.rule().id()).append("` | ")
                    .append(cell(f.message())).append(" |\n");
        }
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

}
