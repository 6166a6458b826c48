package org.graphlint.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaChange;
import org.graphlint.schema.SchemaDiff;
import org.graphlint.schema.SchemaVersion;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two catalogs compared entity by entity and operation by operation (two locales, two dates, two builds): the newest
 * schema version of each side. Entities added and removed first, then each schema change with its breaking level for
 * senders (a client sending payloads valid under A: would B reject them?).
 */
public final class CatalogDiff {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What happened to one entity and operation. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One entity and operation that differs.
     *
     * @param from    the version id on side A (null when added)
     * @param to      the version id on side B (null when removed)
     * @param changes schema changes from A to B (empty for added and removed)
     */
    public record EntityChange(String apiVersion, String entity, OperationKind operation, Kind kind, String from, String to,
            List<SchemaChange> changes) {
        public EntityChange {
            changes = List.copyOf(changes);
        }

        /** A removed entity breaks every sender of it; a changed one when any of its changes does. */
        public boolean breakingForSenders() {
            return kind == Kind.REMOVED || changes.stream().anyMatch(SchemaChange::breakingForSenders);
        }

        public String label() {
            return apiVersion + " " + entity + " " + operation.id();
        }
    }

    /** When a comparison fails the run. */
    public enum FailOn {
        BREAKING, ANY, NONE;

        public static FailOn fromId(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + s + "' is not a --fail-on level: use breaking, any or none");
            }
        }
    }

    private CatalogDiff() {
    }

    /** Every difference between A and B, by API version, entity, operation; {@code entity} and {@code op} filter (null: all). */
    public static List<EntityChange> compare(Catalog a, Catalog b, String entity, OperationKind op) {
        List<EntityChange> out = new ArrayList<>();
        Set<String> apis = new TreeSet<>(a.apiVersions());
        apis.addAll(b.apiVersions());
        for (String api : apis) {
            Catalog ca = a.apiVersions().contains(api) ? a.forApiVersion(api) : null;
            Catalog cb = b.apiVersions().contains(api) ? b.forApiVersion(api) : null;
            Set<String> entities = new TreeSet<>();
            if (ca != null) {
                entities.addAll(ca.entities());
            }
            if (cb != null) {
                entities.addAll(cb.entities());
            }
            for (String e : entities) {
                if (entity != null && !entity.equals(e)) {
                    continue;
                }
                for (OperationKind o : OperationKind.values()) {
                    if (op != null && op != o) {
                        continue;
                    }
                    SchemaVersion va = latest(ca, e, o);
                    SchemaVersion vb = latest(cb, e, o);
                    if (va == null && vb == null) {
                        continue;
                    }
                    if (va == null) {
                        out.add(new EntityChange(api, e, o, Kind.ADDED, null, vb.id(), List.of()));
                    } else if (vb == null) {
                        out.add(new EntityChange(api, e, o, Kind.REMOVED, va.id(), null, List.of()));
                    } else {
                        List<SchemaChange> ch = SchemaDiff.diff(va.schema(), vb.schema());
                        if (!ch.isEmpty()) {
                            out.add(new EntityChange(api, e, o, Kind.CHANGED, va.id(), vb.id(), ch));
                        }
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing((EntityChange c) -> c.kind() == Kind.CHANGED ? 1 : 0)
                .thenComparing(EntityChange::apiVersion).thenComparing(EntityChange::entity).thenComparing(EntityChange::operation));
        return out;
    }

    private static SchemaVersion latest(Catalog c, String entity, OperationKind op) {
        if (c == null) {
            return null;
        }
        List<SchemaVersion> vs = c.versions(entity, op);
        return vs.isEmpty() ? null : vs.get(vs.size() - 1);
    }

    /** 1 when the changes reach the threshold, else 0. */
    public static int exitCode(List<EntityChange> changes, FailOn failOn) {
        return switch (failOn) {
            case NONE -> 0;
            case ANY -> changes.isEmpty() ? 0 : 1;
            case BREAKING -> changes.stream().anyMatch(EntityChange::breakingForSenders) ? 1 : 0;
        };
    }

    /** The report in one of text, json, markdown, junit, github. */
    public static String write(String format, String a, String b, List<EntityChange> changes, FailOn failOn) {
        StringBuilder o = new StringBuilder();
        long breaking = changes.stream().filter(EntityChange::breakingForSenders).count();
        String summary = changes.size() + " entit" + (changes.size() == 1 ? "y" : "ies") + " differ, " + breaking
                + " breaking for senders";
        switch (format) {
            case "json" -> {
                ObjectNode n = JSON.createObjectNode();
                n.put("from", a);
                n.put("to", b);
                n.put("breakingForSenders", breaking > 0);
                n.put("exitCode", exitCode(changes, failOn));
                ArrayNode arr = n.putArray("entities");
                for (EntityChange c : changes) {
                    ObjectNode x = arr.addObject();
                    x.put("apiVersion", c.apiVersion());
                    x.put("entity", c.entity());
                    x.put("operation", c.operation().id());
                    x.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                    x.put("from", c.from());
                    x.put("to", c.to());
                    x.put("breakingForSenders", c.breakingForSenders());
                    ArrayNode ch = x.putArray("changes");
                    for (SchemaChange s : c.changes()) {
                        ch.addObject().put("kind", s.kind()).put("path", s.path()).put("detail", s.detail())
                                .put("breakingForSenders", s.breakingForSenders());
                    }
                }
                o.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n)).append('\n');
            }
            case "markdown" -> {
                o.append("## ").append(a).append(" → ").append(b).append("\n\n");
                if (changes.isEmpty()) {
                    o.append("No differences.\n");
                    break;
                }
                o.append("| API | Entity | Operation | Change | A | B | Breaking for senders |\n|---|---|---|---|---|---|---|\n");
                for (EntityChange c : changes) {
                    if (c.kind() != Kind.CHANGED) {
                        o.append(row(c, c.kind().name().toLowerCase(Locale.ROOT), c.breakingForSenders()));
                    }
                    for (SchemaChange s : c.changes()) {
                        o.append(row(c, s.detail(), s.breakingForSenders()));
                    }
                }
                o.append('\n').append(summary).append(".\n");
            }
            case "junit" -> {
                o.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"graphlint diff\" tests=\"")
                        .append(changes.size()).append("\" failures=\"").append(failing(changes, failOn)).append("\">\n");
                o.append("  <testsuite name=\"").append(LintFormat.esc(a + " -> " + b)).append("\" tests=\"").append(changes.size())
                        .append("\" failures=\"").append(failing(changes, failOn)).append("\" errors=\"0\" skipped=\"0\">\n");
                for (EntityChange c : changes) {
                    o.append("    <testcase classname=\"graphlint.diff.").append(LintFormat.esc(c.apiVersion())).append("\" name=\"")
                            .append(LintFormat.esc(c.entity() + " " + c.operation().id())).append("\"");
                    boolean fails = failOn == FailOn.ANY || (failOn == FailOn.BREAKING && c.breakingForSenders());
                    String text = describe(c);
                    if (fails) {
                        o.append(">\n      <failure type=\"").append(c.kind().name().toLowerCase(Locale.ROOT)).append("\" message=\"")
                                .append(LintFormat.esc(text)).append("\"/>\n    </testcase>\n");
                    } else {
                        o.append(">\n      <system-out>").append(LintFormat.esc(text)).append("</system-out>\n    </testcase>\n");
                    }
                }
                o.append("  </testsuite>\n</testsuites>\n");
            }
            case "github" -> {
                for (EntityChange c : changes) {
                    o.append(c.breakingForSenders() ? "::error " : "::notice ").append("title=")
                            .append(LintFormat.property("graphlint diff " + c.label())).append("::")
                            .append(LintFormat.data(describe(c))).append('\n');
                }
                o.append(LintFormat.data(a + " -> " + b + ": " + summary)).append('\n');
            }
            default -> {
                o.append(a).append(" -> ").append(b).append('\n');
                for (EntityChange c : changes) {
                    o.append(String.format(Locale.ROOT, "%-9s %-8s %s%s%n", c.breakingForSenders() ? "BREAKING" : "ok",
                            c.kind().name().toLowerCase(Locale.ROOT), c.label(),
                            c.kind() == Kind.CHANGED ? " (" + c.from() + " -> " + c.to() + ")" : ""));
                    for (SchemaChange s : c.changes()) {
                        o.append(String.format(Locale.ROOT, "            %-9s %s%n", s.breakingForSenders() ? "BREAKING" : "ok", s.detail()));
                    }
                }
                o.append(summary).append('\n');
            }
        }
        return o.toString();
    }

    private static long failing(List<EntityChange> changes, FailOn f) {
        return switch (f) {
            case NONE -> 0;
            case ANY -> changes.size();
            case BREAKING -> changes.stream().filter(EntityChange::breakingForSenders).count();
        };
    }

    private static String describe(EntityChange c) {
        return switch (c.kind()) {
            case ADDED -> c.label() + ": only in B (version " + c.to() + ")";
            case REMOVED -> c.label() + ": only in A (version " + c.from() + "); B has no schema for it";
            case CHANGED -> c.label() + " " + c.from() + " -> " + c.to() + ": "
                    + String.join("; ", c.changes().stream().map(SchemaChange::detail).toList());
        };
    }

    private static String row(EntityChange c, String what, boolean breaking) {
        return "| " + c.apiVersion() + " | " + c.entity() + " | " + c.operation().id() + " | " + what.replace("|", "\\|")
                + " | " + (c.from() == null ? "" : c.from()) + " | " + (c.to() == null ? "" : c.to()) + " | "
                + (breaking ? "**yes**" : "no") + " |\n";
    }
}
