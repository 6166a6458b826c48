package org.graphlint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.graphlint.parser.Example;
import org.graphlint.parser.PageKind;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.ParsedPage;
import org.graphlint.schema.PageFacts;
import org.graphlint.schema.PageIndex;
import org.graphlint.schema.SchemaBuilder;
import org.graphlint.schema.Schemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cut schema a page's examples are checked against ({@link Reachable}) gives the errors the whole schema gives, in
 * the same order, for the sample pages' request examples and for mutations of them that fail; and references the cut
 * does not follow leave the schema whole.
 */
class ReachableTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples/pages"))) {
                return p.resolve("samples/pages");
            }
        }
        throw new IllegalStateException("samples/pages not found");
    }

    private static List<String> errors(List<Error> errs) {
        return errs.stream().map(e -> e.getKeyword() + " " + e.getInstanceLocation() + " " + e.getProperty() + " " + e.getMessage()).toList();
    }

    @Test
    void theCutSchemaValidatesTheSampleExamplesAndTheirMutationsAsTheWholeOne() {
        List<LintPage> pages = new ArrayList<>();
        for (Path root : List.of(samples(), LintRulesTest.RES.resolve("pages"))) {
            for (LintInput listed : LintInput.read(List.of(root), null)) {
                LintInput in = listed.load();
                ParsedPage p = PageParser.parseWithLines(in.file(), in.content());
                pages.add(LintPage.of(in, p.model(), p.lines()));
            }
        }
        List<PageFacts> facts = pages.stream().map(LintPage::facts).toList();
        SchemaBuilder builder = new SchemaBuilder(new PageIndex(facts));
        int cut = 0;
        int failing = 0;
        int checked = 0;
        for (PageFacts f : facts) {
            if (f.kind() != PageKind.METHOD || f.entity() == null || f.operation() == null) {
                continue;
            }
            List<JsonNode> bodies = PageFacts.ownExamples(f.page()).stream()
                    .filter(e -> e.kind() == Example.Kind.REQUEST && e.body() != null && e.body().isObject())
                    .map(Example::body).toList();
            Optional<SchemaBuilder.Built> built = bodies.isEmpty() ? Optional.empty() : builder.build(f);
            if (built.isEmpty()) {
                continue;
            }
            JsonNode schema = built.get().schema();
            Set<String> keys = new HashSet<>();
            bodies.forEach(b -> b.propertyNames().forEach(keys::add));
            JsonNode part = Reachable.part(schema, keys);
            if (part.path("properties").size() < schema.path("properties").size()
                    || part.path("$defs").size() < schema.path("$defs").size()) {
                cut++;
            }
            var whole = Schemas.compile(schema);
            var lazyPart = Schemas.compileLazily(part);
            for (JsonNode body : bodies) {
                List<JsonNode> variants = new ArrayList<>(List.of(body));
                ObjectNode extra = (ObjectNode) body.deepCopy();
                extra.put("zzNotDocumented", true);
                variants.add(extra);
                ObjectNode retyped = (ObjectNode) body.deepCopy();
                body.propertyNames().forEach(k -> retyped.put(k, 12345));
                variants.add(retyped);
                ObjectNode wrongInside = (ObjectNode) body.deepCopy();
                body.propertyNames().forEach(k -> {
                    if (body.get(k).isObject()) {
                        wrongInside.set(k, JSON.readTree("{\"zz\": [1, {\"y\": false}]}"));
                    }
                });
                variants.add(wrongInside);
                for (JsonNode v : variants) {
                    List<String> w = errors(whole.validate(v));
                    assertEquals(w, errors(lazyPart.validate(v)), f.file() + ": " + v);
                    failing += w.isEmpty() ? 0 : 1;
                    checked++;
                }
            }
        }
        assertTrue(cut >= 5, "schemas cut: " + cut);
        assertTrue(failing > 50 && checked > failing, "payloads checked " + checked + ", failing " + failing);
    }

    @Test
    void referencesTheCutDoesNotFollowLeaveTheSchemaWhole() {
        Set<String> keys = Set.of("a");
        for (String ref : List.of("#", "#/properties/b", "#/$defs/x/properties/y", "other.json#/$defs/x", "#/$defs/missing", "#/$defs/a~1b")) {
            JsonNode s = JSON.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"" + ref + "\"},\"b\":{}},\"$defs\":{\"x\":{}}}");
            assertSame(s, Reachable.part(s, keys), ref);
        }
        JsonNode withId = JSON.readTree("{\"properties\":{\"a\":{\"$ref\":\"#/$defs/x\"}},\"$defs\":{\"x\":{\"$id\":\"x\"}}}");
        assertSame(withId, Reachable.part(withId, keys));
        JsonNode noDefs = JSON.readTree("{\"properties\":{\"a\":{}}}");
        assertSame(noDefs, Reachable.part(noDefs, keys));
    }

    @Test
    void definitionsAreFollowedTransitivelyFromTheKeptPropertiesAndTheRestOfTheRoot() {
        JsonNode s = JSON.readTree("""
                {"type":"object","properties":{"a":{"$ref":"#/$defs/A"},"b":{"$ref":"#/$defs/B"},"c":{"type":"string"}},
                 "additionalProperties":false,
                 "allOf":[{"if":{"required":["@odata.type"]},"then":{"$ref":"#/$defs/T"}}],
                 "$defs":{"A":{"items":{"$ref":"#/$defs/A2"}},"A2":{"type":"integer"},"B":{"type":"string"},"T":{"type":"object"},"U":{}}}""");
        JsonNode part = Reachable.part(s, Set.of("a", "c", "zz"));
        assertEquals(List.of("a", "c"), List.copyOf(part.get("properties").propertyNames()));
        assertEquals(List.of("A", "A2", "T"), List.copyOf(part.get("$defs").propertyNames()));
        assertEquals(List.copyOf(s.propertyNames()), List.copyOf(part.propertyNames()), "the root's members, in order");
        assertSame(s.get("allOf"), part.get("allOf"));
    }
}
