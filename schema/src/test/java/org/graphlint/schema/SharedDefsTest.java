package org.graphlint.schema;

import static org.graphlint.schema.Pages.in;
import static org.graphlint.schema.Pages.members;
import static org.graphlint.schema.Pages.method;
import static org.graphlint.schema.Pages.row;
import static org.graphlint.schema.Pages.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.graphlint.parser.PageKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Linked types' {@code $defs} entries shared between schemas ({@link SharedDefs}): every schema and note is the one a
 * builder that shares nothing gives (a fresh builder per page), and an entry is shared only where its schema's page
 * resolves the type alike.
 */
class SharedDefsTest {
    static final String RB = "Request body";

    /** Each page's draft from one builder (sharing across pages) and from a fresh builder (nothing to share). */
    private static int compareWithUnshared(List<PageFacts> facts) {
        List<PageFacts> named = EntityNames.canonicalEntityNames(facts);
        PageIndex index = new PageIndex(named);
        SchemaBuilder shared = new SchemaBuilder(index);
        Map<JsonNode, Boolean> seen = new IdentityHashMap<>();
        int reused = 0;
        int schemas = 0;
        for (PageFacts p : named) {
            if (p.entity() == null || p.operation() == null || p.page().lastHandoff() == null) {
                continue;
            }
            Optional<SchemaBuilder.Built> a = shared.draft(p);
            Optional<SchemaBuilder.Built> b = new SchemaBuilder(index).draft(p);
            assertEquals(b.isPresent(), a.isPresent(), p.file());
            if (a.isEmpty()) {
                continue;
            }
            schemas++;
            assertEquals(b.get().schema(), a.get().schema(), p.file());
            assertEquals(b.get().notes(), a.get().notes(), p.file());
            for (Map.Entry<String, JsonNode> d : a.get().schema().path("$defs").properties()) {
                if (seen.put(d.getValue(), true) != null) {
                    reused++;
                }
            }
        }
        assertTrue(schemas > 0);
        return reused;
    }

    private static List<PageFacts> facts(List<CatalogBuilder.Input> inputs) {
        List<PageFacts> out = new ArrayList<>();
        for (CatalogBuilder.Input i : inputs) {
            out.add(PageFacts.of(i.page(), i.file()));
        }
        return out;
    }

    @Test
    void schemasAndNotesAreThoseOfBuildingEachPageAlone() {
        // the bundled pages: the vppToken family across its dates (ru-RU, pt-BR), the seeds, a slice of the whole graph
        List<String> errors = new ArrayList<>();
        List<CatalogBuilder.Input> inputs = PageSource.parse(PageSource.list(List.of(Path.of("..", "samples", "pages"))), errors);
        assertEquals(List.of(), errors);
        int reused = compareWithUnshared(facts(inputs));
        assertTrue(reused > 50, "entries shared: " + reused);
    }

    @Test
    void anEntryIsRebuiltWhereTheSchemaPageResolvesALinkOfTheTypeOtherwise() {
        // widgetSize (one version) has a unit whose enum page gained "inch" in June: the create page of March and the
        // one of September link the same widgetSize, but its entry differs
        var size = type(PageKind.COMPLEX_TYPE, "widgetSize resource type", "2020-01-01",
                List.of(row("Properties", "width", "Int32"),
                        row("Properties", "unit", "widgetUnit", false, "widgetunit.md", "")), List.of());
        var oldUnit = type(PageKind.ENUM, "widgetUnit enum type", "2020-01-01", List.of(), members("cm"));
        var newUnit = type(PageKind.ENUM, "widgetUnit enum type", "2020-06-01", List.of(), members("cm", "inch"));
        List<org.graphlint.parser.PropertyRow> rows = List.of(row(RB, "size", "widgetSize", false, "../resources/widgetsize.md", ""));
        var march = method("Create widget", "POST", "/widgets", "2020-03-01", rows, List.of());
        var april = method("Create widget", "POST", "/widgets", "2020-04-01", rows, List.of());
        var september = method("Create widget", "POST", "/widgets", "2020-09-01", rows, List.of());
        List<CatalogBuilder.Input> inputs = List.of(
                in(march, "beta/api/widget-create/2020-03-01_a.md"),
                in(april, "beta/api/widget-create/2020-04-01_b.md"),
                in(september, "beta/api/widget-create/2020-09-01_c.md"),
                in(size, "beta/resources/widgetsize/2020-01-01_d.md"),
                in(oldUnit, "beta/resources/widgetunit/2020-01-01_e.md"),
                in(newUnit, "beta/resources/widgetunit/2020-06-01_f.md"));
        compareWithUnshared(facts(inputs));

        List<PageFacts> named = EntityNames.canonicalEntityNames(facts(inputs));
        SchemaBuilder b = new SchemaBuilder(new PageIndex(named));
        JsonNode m = b.draft(named.get(0)).orElseThrow().schema().at("/$defs/widgetSize");
        JsonNode a = b.draft(named.get(1)).orElseThrow().schema().at("/$defs/widgetSize");
        JsonNode s = b.draft(named.get(2)).orElseThrow().schema().at("/$defs/widgetSize");
        assertSame(m, a, "March and April resolve widgetUnit alike: one entry");
        assertNotSame(m, s);
        assertEquals("[\"cm\",null]", m.at("/properties/unit/enum").toString());
        assertEquals("[\"cm\",\"inch\",null]", s.at("/properties/unit/enum").toString());
    }
}
