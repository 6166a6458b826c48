package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.graphlint.parser.Example;
import org.graphlint.parser.PageKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link SchemaBuilder#buildForBodies}: each body it is built for gets the same errors from it as from the whole
 * schema ({@link SchemaBuilder#build}), on the bundled pages and the whole-graph pages, for the pages' own request
 * bodies and for bodies mutated from them (a property added that no table has, a property dropped, a value of another
 * JSON type); and it leaves properties out, or the test would prove nothing.
 */
class BuildForBodiesTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The page's own request bodies and the mutations of each. */
    private static List<JsonNode> bodies(PageFacts p) {
        List<JsonNode> out = new ArrayList<>();
        for (Example e : PageFacts.ownExamples(p.page())) {
            if (e.kind() != Example.Kind.REQUEST || e.body() == null || !e.body().isObject()) {
                continue;
            }
            ObjectNode b = (ObjectNode) e.body();
            out.add(b);
            out.add(b.deepCopy().put("notDocumentedAnywhere", 1));
            for (String k : b.propertyNames()) {
                ObjectNode dropped = b.deepCopy();
                dropped.remove(k);
                out.add(dropped);
                ObjectNode retyped = b.deepCopy();
                JsonNode v = b.get(k);
                retyped.set(k, v.isString() ? F.numberNode(12345) : v.isNumber() ? F.booleanNode(true)
                        : v.isArray() ? F.objectNode() : v.isObject() ? F.arrayNode().add("x") : F.stringNode("x"));
                out.add(retyped);
            }
        }
        return out;
    }

    /** Errors as comparable text: where, which keyword, what it says. */
    private static List<String> errors(JsonNode schema, JsonNode body) {
        List<String> out = new ArrayList<>();
        for (com.networknt.schema.Error e : Schemas.validate(schema, body)) {
            out.add(e.getInstanceLocation() + " " + e.getKeyword() + " " + e.getMessage());
        }
        return out;
    }

    private static int[] compare(List<PageFacts> facts) {
        SchemaBuilder builder = new SchemaBuilder(new PageIndex(EntityNames.canonicalEntityNames(facts)));
        int checked = 0;
        int leftOut = 0;
        for (PageFacts p : EntityNames.canonicalEntityNames(facts)) {
            if (p.kind() != PageKind.METHOD || p.entity() == null || p.operation() == null) {
                continue;
            }
            List<JsonNode> bodies = bodies(p);
            if (bodies.isEmpty()) {
                continue;
            }
            Optional<SchemaBuilder.Built> whole = builder.build(p);
            Optional<SchemaBuilder.Built> some = builder.buildForBodies(p, bodies);
            assertEquals(whole.isPresent(), some.isPresent(), p.file());
            if (whole.isEmpty()) {
                continue;
            }
            JsonNode w = whole.get().schema();
            JsonNode s = some.get().schema();
            assertEquals(List.copyOf(w.path("properties").propertyNames()), List.copyOf(s.path("properties").propertyNames()),
                    p.file() + ": the same property names, in the same order");
            assertEquals(w.path("required"), s.path("required"), p.file());
            for (String name : s.path("properties").propertyNames()) {
                if (s.path("properties").get(name).isBoolean()) {
                    leftOut++;
                }
            }
            for (JsonNode b : bodies) {
                assertEquals(errors(w, b), errors(s, b), p.file() + ": " + b);
                checked++;
            }
        }
        return new int[] {checked, leftOut};
    }

    private static List<PageFacts> facts(Path... roots) {
        List<String> errors = new ArrayList<>();
        List<PageFacts> out = new ArrayList<>();
        for (CatalogBuilder.Input i : PageSource.parse(PageSource.list(List.of(roots)), errors)) {
            out.add(PageFacts.of(i.page(), i.file()));
        }
        assertEquals(List.of(), errors);
        return out;
    }

    @Test
    void theBundledPagesBodiesGetTheWholeSchemasErrors() {
        int[] n = compare(facts(Path.of("..", "samples", "pages")));
        assertTrue(n[0] > 500, "bodies checked: " + n[0]);
        assertTrue(n[1] > 20, "properties left out: " + n[1]);
    }

    @Test
    void theWholeGraphPagesBodiesGetTheWholeSchemasErrors() {
        int[] n = compare(facts(WholeGraphTest.ROOT));
        assertTrue(n[0] > 20, "bodies checked: " + n[0]);
    }
}
