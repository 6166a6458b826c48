package org.graphlint.schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.graphlint.parser.PageModel;
import tools.jackson.databind.JsonNode;

/**
 * The version timeline of one API version, entity and operation: the pages of its primary page family, oldest first,
 * those with the same schema (annotations aside) one version, each version's changes from the one before.
 */
final class VersionTimelines {

    private VersionTimelines() {
    }

    private record Group(JsonNode structure, List<SchemaBuilder.Built> built) {
    }

    /**
     * The pages of one page family (one slug) for an entity and operation. A docs tree can have several pages that
     * create, update or describe the same type (user-update and user-update-mailboxsettings; resources/user and the
     * partial resources/intune-shared-user); they are different pages, not versions of one, so only the entity's
     * primary family makes the version timeline: for resources the type's own page, otherwise the family whose slug
     * starts with the entity's name, then whose schema has the most properties, then the most pages. Pages without a slug (a flat folder of pages) join it.
     */
    static List<SchemaBuilder.Built> primaryFamily(CatalogBuilder.Key key, List<SchemaBuilder.Built> built, List<String> notes) {
        Map<String, List<SchemaBuilder.Built>> families = new TreeMap<>();
        List<SchemaBuilder.Built> loose = new ArrayList<>();
        for (SchemaBuilder.Built b : built) {
            if (b.page().slug() == null) {
                loose.add(b);
            } else {
                families.computeIfAbsent(b.page().slug(), x -> new ArrayList<>()).add(b);
            }
        }
        if (families.size() <= 1) {
            return built;
        }
        String best = null;
        String own = "resources/" + key.entity().toLowerCase(Locale.ROOT);
        if (key.op() == OperationKind.RESOURCE && families.containsKey(own)) {
            best = own;
        } else {
            // the entity's own pages first (api/user-update, not api/intune-shared-user-update), then the most
            // properties, then the most pages
            String prefix = key.entity().toLowerCase(Locale.ROOT) + "-";
            int bestOwn = -1;
            int bestProps = -1;
            int bestPages = -1;
            for (Map.Entry<String, List<SchemaBuilder.Built>> f : families.entrySet()) {
                String name = f.getKey().substring(f.getKey().indexOf('/') + 1);
                String e = prefix.substring(0, prefix.length() - 1);
                boolean exact = name.equals(e + "-update") || name.equals(e + "-create") || name.equals(e + "-post")
                        || name.startsWith(e + "-post-") || name.equals(e + "-get");
                int isOwn = exact ? 2 : name.startsWith(prefix) ? 1 : 0;
                int props = f.getValue().stream().mapToInt(b -> b.schema().path("properties").size()).max().orElse(0);
                int pages = f.getValue().size();
                if (isOwn > bestOwn || (isOwn == bestOwn && (props > bestProps || (props == bestProps && pages > bestPages)))) {
                    best = f.getKey();
                    bestOwn = isOwn;
                    bestProps = props;
                    bestPages = pages;
                }
            }
        }
        for (String f : families.keySet()) {
            if (!f.equals(best)) {
                notes.add(key.api() + " " + key.entity() + " " + key.op().id() + ": pages of " + f
                        + " are not versions of " + best + ": left out of the version timeline");
            }
        }
        List<SchemaBuilder.Built> out = new ArrayList<>(families.get(best));
        out.addAll(loose);
        return out;
    }

    static List<SchemaVersion> versions(CatalogBuilder.Key key, List<SchemaBuilder.Built> built) {
        // oldest page first, so that each group's first page is its earliest
        List<SchemaBuilder.Built> sorted = new ArrayList<>(built);
        sorted.sort(Comparator.comparing((SchemaBuilder.Built b) -> b.page().page().lastHandoff())
                .thenComparing(b -> b.page().file()));
        List<Group> groups = new ArrayList<>();
        Map<JsonNode, Group> byStructure = new LinkedHashMap<>();
        for (SchemaBuilder.Built b : sorted) {
            // (one page, one version: no structure to compare, and a structure is a whole copy of the schema)
            JsonNode st = sorted.size() == 1 ? null : SchemaDiff.structural(b.schema());
            Group g = st == null ? null : byStructure.get(st);
            if (g == null) {
                g = new Group(st, new ArrayList<>());
                if (st != null) {
                    byStructure.put(st, g);
                }
                groups.add(g);
            }
            g.built().add(b);
        }
        List<SchemaVersion> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        SchemaVersion prev = null;
        for (Group g : groups) {
            LocalDate first = g.built().get(0).page().page().lastHandoff();
            String id = first.toString();
            for (int n = 2; !ids.add(id); n++) {
                id = first + "." + n; // two different schemas first published the same day
            }
            List<PageRef> pages = new ArrayList<>();
            for (SchemaBuilder.Built b : g.built()) {
                PageModel m = b.page().page();
                pages.add(new PageRef(m.locale(), m.lastHandoff(), m.sourceCommit(), b.page().file()));
            }
            JsonNode schema = CatalogWriter.withId(CatalogWriter.schemaId(key.api(), key.entity(), key.op(), id),
                    g.built().get(0).schema());
            List<SchemaChange> changes = prev == null ? List.of() : SchemaDiff.diff(prev.tree(), schema);
            SchemaVersion v = new SchemaVersion(key.entity(), key.op(), id, schema, pages, changes);
            out.add(v);
            prev = v;
        }
        return out;
    }
}
