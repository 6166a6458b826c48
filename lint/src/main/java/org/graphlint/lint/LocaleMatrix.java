package org.graphlint.lint;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.PageRef;
import org.graphlint.schema.SchemaVersion;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The matrix entity × locale → the schema version each locale's newest page yields, and how far it lags behind the
 * newest version of any locale (versions behind, days between the version ids), for a dashboard page.
 */
public final class LocaleMatrix {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One locale's place on an entity's timeline; {@code version} is null when the locale has no page for it. */
    public record Cell(String version, LocalDate newestPage, int versionsBehind, long daysBehind) {
    }

    /** One entity and operation with its cells by locale. */
    public record Row(String apiVersion, String entity, OperationKind operation, String latest, Map<String, Cell> cells) {
    }

    /** The matrix and its locales (columns). */
    public record Matrix(List<String> locales, List<Row> rows) {
    }

    private LocaleMatrix() {
    }

    public static Matrix of(Catalog catalog, String entity, OperationKind op) {
        Set<String> locales = new TreeSet<>();
        List<Row> rows = new ArrayList<>();
        for (Catalog c : catalog.byApiVersion().values()) {
            for (String e : c.entities()) {
                if (entity != null && !entity.equals(e)) {
                    continue;
                }
                for (OperationKind o : c.operationKinds(e)) {
                    if (op != null && op != o) {
                        continue;
                    }
                    List<SchemaVersion> vs = c.versions(e, o);
                    if (vs.isEmpty()) {
                        continue;
                    }
                    SchemaVersion latest = vs.get(vs.size() - 1);
                    Map<String, Cell> cells = new LinkedHashMap<>();
                    Map<String, Integer> index = new LinkedHashMap<>();
                    Map<String, LocalDate> newest = new LinkedHashMap<>();
                    for (int i = 0; i < vs.size(); i++) {
                        for (PageRef p : vs.get(i).pages()) {
                            String loc = p.locale() == null ? "(none)" : p.locale();
                            LocalDate d = p.lastHandoff();
                            LocalDate had = newest.get(loc);
                            if (had == null || (d != null && d.isAfter(had))) {
                                newest.put(loc, d);
                                index.put(loc, i);
                            }
                        }
                    }
                    for (Map.Entry<String, Integer> x : index.entrySet()) {
                        SchemaVersion v = vs.get(x.getValue());
                        long days = ChronoUnit.DAYS.between(day(v.id()), day(latest.id()));
                        cells.put(x.getKey(), new Cell(v.id(), newest.get(x.getKey()), vs.size() - 1 - x.getValue(), days));
                        locales.add(x.getKey());
                    }
                    rows.add(new Row(c.apiVersion(), e, o, latest.id(), cells));
                }
            }
        }
        return new Matrix(List.copyOf(locales), rows);
    }

    private static LocalDate day(String versionId) {
        return LocalDate.parse(versionId.length() > 10 ? versionId.substring(0, 10) : versionId);
    }

    public static String markdown(Matrix m) {
        StringBuilder o = new StringBuilder("| API | Entity | Operation | Latest |");
        m.locales().forEach(l -> o.append(' ').append(l).append(" |"));
        o.append("\n|---|---|---|---|");
        m.locales().forEach(l -> o.append("---|"));
        o.append('\n');
        for (Row r : m.rows()) {
            o.append("| ").append(r.apiVersion()).append(" | ").append(r.entity()).append(" | ").append(r.operation().id())
                    .append(" | ").append(r.latest()).append(" |");
            for (String l : m.locales()) {
                Cell c = r.cells().get(l);
                if (c == null) {
                    o.append(" — |");
                } else if (c.versionsBehind() == 0) {
                    o.append(' ').append(c.version()).append(" |");
                } else {
                    o.append(" **").append(c.version()).append("** (").append(c.versionsBehind()).append(" behind, ")
                            .append(c.daysBehind()).append(" d) |");
                }
            }
            o.append('\n');
        }
        long lagging = m.rows().stream().flatMap(r -> r.cells().values().stream()).filter(c -> c.versionsBehind() > 0).count();
        o.append(String.format(Locale.ROOT, "%n%d entity/operation rows × %d locales; %d cells lag behind the latest version.%n",
                m.rows().size(), m.locales().size(), lagging));
        return o.toString();
    }

    public static String json(Matrix m) {
        ObjectNode root = JSON.createObjectNode();
        m.locales().forEach(root.putArray("locales")::add);
        var rows = root.putArray("rows");
        for (Row r : m.rows()) {
            ObjectNode n = rows.addObject();
            n.put("apiVersion", r.apiVersion());
            n.put("entity", r.entity());
            n.put("operation", r.operation().id());
            n.put("latest", r.latest());
            ObjectNode cells = n.putObject("locales");
            r.cells().forEach((l, c) -> cells.putObject(l).put("version", c.version())
                    .put("newestPage", c.newestPage() == null ? null : c.newestPage().toString())
                    .put("versionsBehind", c.versionsBehind()).put("daysBehind", c.daysBehind()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
