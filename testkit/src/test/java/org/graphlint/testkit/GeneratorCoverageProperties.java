package org.graphlint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaDiff;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The generators reach every kind of value the type mapping emits (checked with jqwik's coverage statistics). */
class GeneratorCoverageProperties {
    static final GraphPayloads WIDGET = GraphPayloads.of(WidgetCatalog.CATALOG, "widget", OperationKind.CREATE, "2021-01-01");
    static final Pattern FRACTION = Pattern.compile("T\\d{2}:\\d{2}:\\d{2}(\\.(\\d+))?");

    @Test
    void theWidgetCatalogHasThreeVersionsTheLastOneBreaking() {
        var vs = WidgetCatalog.CATALOG.versions("widget", OperationKind.CREATE);
        assertEquals(List.of("2020-01-01", "2021-01-01", "2022-01-01"), vs.stream().map(v -> v.id()).toList());
        assertTrue(!SchemaDiff.breaking(SchemaDiff.diff(vs.get(0).schema(), vs.get(1).schema())));
        assertTrue(SchemaDiff.breaking(SchemaDiff.diff(vs.get(1).schema(), vs.get(2).schema())));
    }

    @Property(tries = 400, seed = "777")
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void validWidgetsCoverEveryType(@ForAll("widgets") JsonNode w) {
        Statistics.label("@odata.type").collect(w.has("@odata.type"));
        Statistics.label("optional").collect(w.has("count"));
        Statistics.label("count bound").collect(w.path("count").isNumber()
                && Math.abs(w.path("count").asLong()) >= Integer.MAX_VALUE ? "bound" : "inside");
        Statistics.label("big bound").collect(w.path("big").isNumber()
                && (w.path("big").asString().equals(String.valueOf(Long.MAX_VALUE)) || w.path("big").asString().equals(String.valueOf(Long.MIN_VALUE))));
        Statistics.label("ratio").collect(w.path("ratio").isString() ? w.path("ratio").asString() : w.path("ratio").isNumber() ? "number" : "other");
        String dt = w.path("createdDateTime").isString() ? w.path("createdDateTime").asString() : null;
        var m = dt == null ? null : FRACTION.matcher(dt);
        Statistics.label("fraction digits").collect(m != null && m.find() ? (m.group(2) == null ? 0 : m.group(2).length()) : -1);
        Statistics.label("size").collect(w.path("size").isObject() ? "object" : w.path("size").isNull() ? "null" : "absent");
        Statistics.label("parts").collect(w.path("parts").isArray() && !w.path("parts").isEmpty());
        Statistics.label("color").collect(w.path("color").isString() ? w.path("color").asString() : "-");
        Statistics.label("timeout").collect(w.path("timeout").isString());
        Statistics.label("ownerId").collect(w.path("ownerId").isString());
        Statistics.label("blob").collect(w.path("blob").isString());
        // a nested complex value: @odata.type absent, naming its own type, or naming another (derived) type
        for (JsonNode n : nested(w)) {
            Statistics.label("nested @odata.type").collect(!n.has("@odata.type") ? "absent"
                    : OWN_SIZE.matcher(n.get("@odata.type").asString()).find() ? "own type" : "another type");
        }

        Statistics.label("@odata.type").coverage(c -> {
            c.check(true).count(n -> n > 20);
            c.check(false).count(n -> n > 20);
        });
        Statistics.label("optional").coverage(c -> {
            c.check(true).count(n -> n > 20);
            c.check(false).count(n -> n > 20);
        });
        Statistics.label("count bound").coverage(c -> c.check("bound").count(n -> n > 5));
        Statistics.label("big bound").coverage(c -> c.check(true).count(n -> n > 5));
        Statistics.label("ratio").coverage(c -> {
            c.check("NaN").count(n -> n > 0);
            c.check("INF").count(n -> n > 0);
            c.check("-INF").count(n -> n > 0);
            c.check("number").count(n -> n > 20);
        });
        Statistics.label("fraction digits").coverage(c -> {
            for (int d = 0; d <= 7; d++) {
                c.check(d).count(n -> n > 0);
            }
        });
        Statistics.label("size").coverage(c -> {
            c.check("object").count(n -> n > 10);
            c.check("null").count(n -> n > 10);
        });
        Statistics.label("parts").coverage(c -> c.check(true).count(n -> n > 10));
        Statistics.label("color").coverage(c -> {
            c.check("red").count(n -> n > 0);
            c.check("purple").count(n -> n > 0);
        });
        Statistics.label("timeout").coverage(c -> c.check(true).count(n -> n > 10));
        Statistics.label("ownerId").coverage(c -> c.check(true).count(n -> n > 10));
        Statistics.label("blob").coverage(c -> c.check(true).count(n -> n > 10));
        Statistics.label("nested @odata.type").coverage(c -> {
            c.check("absent").count(n -> n > 20);
            c.check("own type").count(n -> n > 20);
            c.check("another type").count(n -> n > 20);
        });
    }

    static final Pattern OWN_SIZE = Pattern.compile("^#?[Mm]icrosoft\\.[Gg]raph\\.([A-Za-z0-9_]+\\.)*widgetSize$");

    /** The widgetSize objects of a widget: size, and the items of parts. */
    static List<JsonNode> nested(JsonNode w) {
        List<JsonNode> out = new java.util.ArrayList<>();
        if (w.path("size").isObject()) {
            out.add(w.get("size"));
        }
        w.path("parts").forEach(p -> {
            if (p.isObject()) {
                out.add(p);
            }
        });
        return out;
    }

    @Provide
    Arbitrary<JsonNode> widgets() {
        return WIDGET.valid();
    }
}
