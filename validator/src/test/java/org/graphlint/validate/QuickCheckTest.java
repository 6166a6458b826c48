package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.GraphTypes;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pre-check may only ever say VALID where networknt finds nothing, and INVALID where networknt finds something:
 * checked here against networknt itself over every schema of the embedded catalog with every bundled fixture and
 * thousands of one-value mutations of them, over every Graph primitive type with a battery of values, and over each
 * keyword on its own.
 */
class QuickCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The networknt configuration production uses (graphlint's formats included). */
    private static final SchemaRegistry NETWORKNT = Formats.registry();

    /** Values of every JSON kind and the edge cases of each format and number rule the schemas use. */
    private static final List<String> VALUES = List.of(
            "null", "true", "false", "0", "1", "-1", "1.0", "1.5", "-0.0", "1e3", "255", "256", "-128", "-129",
            "32767", "32768", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "1e400", "\"\"", "\"x\"", "\"NaN\"", "\"INF\"", "\"-INF\"", "\"nan\"", "\"12.5\"",
            "\"-3\"", "\"1e5\"", "\"1.\"",
            "\"2019-01-23T10:11:12Z\"", "\"2016-12-31T23:57:57.2481234-08:00\"", "\"2020-02-29T00:00:00+01:00\"",
            "\"2019-02-29T00:00:00Z\"", "\"2020-13-01T00:00:00Z\"", "\"2020-01-01T24:00:00Z\"", "\"2020-01-01 00:00:00Z\"",
            "\"2020-01-01T00:00:00\"", "\"2020-01-01T00:00:00-00:00\"", "\"2020-01-01t00:00:00z\"",
            "\"2016-12-31T23:59:60Z\"", "\"2020-01-01T00:00:00.Z\"", "\"2020-01-01\"", "\"2020-02-30\"", "\"20200101\"",
            "\"12:30\"", "\"23:59:59.1234567\"", "\"24:00\"", "\"PT1H\"", "\"P1DT2H3M4.5S\"", "\"-P3D\"", "\"P\"", "\"PT\"",
            "\"00000000-0000-0000-0000-000000000000\"", "\"0f8fad5b-d9cb-469f-a165-70867728950E\"", "\"0f8fad5b-d9cb\"",
            "\"{0f8fad5b-d9cb-469f-a165-70867728950e}\"", "\"AAEC\"", "\"AAEC==\"", "\"a_b-\"", "\"a b\"", "\"===\"",
            "\"#microsoft.graph.vppToken\"", "\"microsoft.graph.vppToken\"", "\"#Microsoft.Graph.vppToken\"",
            "\"#microsoft.graph.other\"", "\"valid\"", "\"Valid\"", "\"duplicateLocationId\"", "\"business\"",
            "[]", "[\"x\"]", "[1]", "[null]", "[\"a\", 2]", "{}", "{\"a\": 1}", "{\"@odata.type\": \"#microsoft.graph.x\"}");

    private static Schema networknt(JsonNode schema) {
        Schema s = NETWORKNT.getSchema(schema);
        s.initializeValidators();
        return s;
    }

    private static QuickCheck quick(JsonNode schema) {
        return QuickCheck.compile(schema, JDKRegularExpressionFactory.getInstance());
    }

    /** Asserts agreement where the pre-check answers; returns the verdict. */
    private static Verdict agree(String where, QuickCheck q, Schema n, JsonNode value) {
        Verdict v = q.verdict(value);
        if (v == Verdict.UNSURE) {
            return v;
        }
        boolean networkntValid = n.validate(value).isEmpty();
        if ((v == Verdict.VALID) != networkntValid) {
            fail(where + ": pre-check says " + (v == Verdict.VALID ? "VALID" : "INVALID") + " but networknt reports "
                    + n.validate(value) + " for " + value);
        }
        return v;
    }

    private static JsonNode json(String s) {
        return JSON.readTree(s);
    }

    @Test
    void everySchemaOfTheEmbeddedCatalogIsCoveredByThePreCheck() {
        Catalog c = Catalog.embedded();
        int n = 0;
        for (String api : c.apiVersions()) {
            for (SchemaVersion v : c.forApiVersion(api).allVersions()) {
                assertNull(quick(v.schema()).unsupported(), api + " " + v.entity() + " " + v.id());
                n++;
            }
        }
        assertTrue(n >= 12, "schema versions checked: " + n);
    }

    @Test
    void agreesWithNetworkntOnEveryFixtureAndEveryOneValueMutationOfIt() throws IOException {
        Catalog c = Catalog.embedded();
        // Every fixture as it is; the valid ones (the richest bodies) also with every one-value mutation.
        List<JsonNode> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestSupport.payloads().resolve("vppToken"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode body = json(Files.readString(p));
                if (p.getFileName().toString().endsWith("-valid.json")) {
                    bodies.addAll(mutations(body));
                } else {
                    bodies.add(body);
                }
            }
        }
        bodies = new ArrayList<>(new java.util.LinkedHashSet<>(bodies));
        assertTrue(bodies.size() >= 2_000, "bodies: " + bodies.size());
        int cases = 0;
        int decided = 0;
        int validSeen = 0;
        int invalidSeen = 0;
        for (String api : c.apiVersions()) {
            // the bundled fixtures are vppToken bodies: against vppToken's versions they reach every branch of the
            // schemas; the all-Graph catalog's other 3,800 versions would only multiply the same rejections
            List<SchemaVersion> vpp = new ArrayList<>();
            for (OperationKind k : c.forApiVersion(api).operationKinds("vppToken")) {
                vpp.addAll(c.forApiVersion(api).versions("vppToken", k));
            }
            for (SchemaVersion v : vpp) {
                QuickCheck q = quick(v.schema());
                // compiled part by part as the bodies reach them (lint's one-off pre-check): the same verdicts
                QuickCheck lazily = QuickCheck.compileLazily(v.schema(), JDKRegularExpressionFactory.getInstance());
                Schema n = networknt(v.schema());
                for (JsonNode m : bodies) {
                    Verdict verdict = agree(api + " " + v.entity() + " " + v.operation().id() + " " + v.id(), q, n, m);
                    assertEquals(verdict, lazily.verdict(m), v.entity() + " " + v.id() + " compiled lazily: " + m);
                    cases++;
                    if (verdict != Verdict.UNSURE) {
                        decided++;
                    }
                    validSeen += verdict == Verdict.VALID ? 1 : 0;
                    invalidSeen += verdict == Verdict.INVALID ? 1 : 0;
                }
            }
        }
        // It must also be useful: it decides nearly everything, both ways.
        System.out.printf("pre-check vs networknt: %d cases, %d decided, %d valid, %d invalid%n", cases, decided,
                validSeen, invalidSeen);
        assertTrue(cases > 20_000, "cases: " + cases);
        assertTrue(decided > cases * 0.95, decided + " of " + cases + " decided");
        assertTrue(validSeen > 1_000 && invalidSeen > 1_000, "valid " + validSeen + ", invalid " + invalidSeen);
    }

    /** The body itself, and the body with each value replaced by each of {@link #VALUES}, removed, or a name added. */
    private static List<JsonNode> mutations(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        out.add(body);
        List<String> pointers = new ArrayList<>();
        collect(body, "", pointers);
        for (String ptr : pointers) {
            for (String value : VALUES) {
                out.add(replaced(body, ptr, json(value)));
            }
            if (!ptr.isEmpty()) {
                out.add(replaced(body, ptr, null));
            }
        }
        for (String name : List.of("unknownName", "roleScopeTagIds", "state@odata.type", "x@microsoft.graph.y", "@odata.etag")) {
            if (body.isObject()) {
                ObjectNode o = ((ObjectNode) body).deepCopy();
                o.put(name, "x");
                out.add(o);
            }
        }
        return out;
    }

    private static void collect(JsonNode v, String ptr, List<String> out) {
        out.add(ptr);
        if (v.isObject()) {
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                collect(e.getValue(), ptr + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                collect(v.get(i), ptr + "/" + i, out);
            }
        }
    }

    /** A copy with the value at a pointer replaced ({@code null} value: removed). */
    private static JsonNode replaced(JsonNode body, String ptr, JsonNode value) {
        if (ptr.isEmpty()) {
            return value;
        }
        JsonNode copy = body.deepCopy();
        int slash = ptr.lastIndexOf('/');
        JsonNode parent = copy.at(ptr.substring(0, slash));
        String last = ptr.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o) {
            if (value == null) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (value == null) {
                a.remove(i);
            } else {
                a.set(i, value);
            }
        }
        return copy;
    }

    @Test
    void agreesWithNetworkntOnEveryGraphPrimitiveType() {
        int decided = 0;
        for (GraphTypes.Primitive p : GraphTypes.Primitive.values()) {
            ObjectNode plain = GraphTypes.schema(p);
            ObjectNode nullable = JSON.createObjectNode();
            nullable.putArray("anyOf").add(plain.deepCopy()).add(JSON.createObjectNode().put("type", "null"));
            for (JsonNode schema : List.of(plain, nullable)) {
                QuickCheck q = quick(schema);
                assertNull(q.unsupported(), p + ": " + q.unsupported());
                Schema n = networknt(schema);
                for (String value : VALUES) {
                    if (agree(p + " " + schema, q, n, json(value)) != Verdict.UNSURE) {
                        decided++;
                    }
                }
            }
        }
        assertTrue(decided > GraphTypes.Primitive.values().length * VALUES.size(), "decided " + decided);
    }

    @Test
    void agreesWithNetworkntKeywordByKeyword() {
        List<String> schemas = List.of(
                "true", "false", "{}",
                "{\"type\": \"integer\"}", "{\"type\": [\"number\", \"null\"]}", "{\"type\": \"string\"}",
                "{\"type\": \"object\"}", "{\"type\": \"array\"}", "{\"type\": \"boolean\"}",
                "{\"enum\": [\"a\", null, true]}", "{\"enum\": [false]}", "{\"const\": \"x\"}",
                "{\"minimum\": 0, \"maximum\": 255}", "{\"minimum\": -9223372036854775808}",
                "{\"format\": \"date-time\"}", "{\"format\": \"date\"}", "{\"format\": \"uuid\"}",
                "{\"pattern\": \"^a\"}", "{\"pattern\": \"b\"}",
                "{\"required\": [\"a\"]}",
                "{\"properties\": {\"a\": {\"type\": \"integer\"}}, \"additionalProperties\": false}",
                "{\"patternProperties\": {\"^@\": {\"type\": \"string\"}}, \"additionalProperties\": {\"type\": \"integer\"}}",
                "{\"items\": {\"type\": \"string\"}}",
                "{\"allOf\": [{\"type\": \"integer\"}, {\"minimum\": 1}]}",
                "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}]}",
                "{\"oneOf\": [{\"type\": \"integer\"}, {\"type\": \"number\"}]}",
                "{\"not\": {\"type\": \"string\"}}",
                "{\"if\": {\"type\": \"string\"}, \"then\": {\"enum\": [\"NaN\"]}, \"else\": {\"type\": \"number\"}}",
                "{\"then\": false}",
                "{\"$defs\": {\"n\": {\"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#/$defs/n\"}}, "
                        + "\"additionalProperties\": false}}, \"$ref\": \"#/$defs/n\"}",
                "{\"type\": \"string\", \"description\": \"d\", \"readOnly\": true, \"contentEncoding\": \"base64\"}");
        for (String s : schemas) {
            JsonNode schema = json(s);
            QuickCheck q = quick(schema);
            assertNull(q.unsupported(), s);
            Schema n = networknt(schema);
            for (String value : VALUES) {
                agree(s, q, n, json(value));
            }
            agree(s, q, n, json("{\"next\": {\"next\": {}}}"));
            agree(s, q, n, json("{\"next\": {\"next\": {\"x\": 1}}}"));
        }
    }

    @Test
    void compiledLazilyAnUnknownKeywordMakesUnsureOnlyTheValuesThatReachIt() {
        JsonNode schema = json("{\"$defs\": {\"odd\": {\"minLength\": 1}, \"n\": {\"type\": \"integer\"}},"
                + " \"type\": \"object\", \"properties\": {\"a\": {\"minLength\": 1}, \"b\": {\"$ref\": \"#/$defs/n\"},"
                + " \"c\": {\"$ref\": \"#/$defs/odd\"}, \"d\": {\"$ref\": \"#/$defs/none\"}}, \"additionalProperties\": false}");
        assertNotNull(quick(schema).unsupported(), "compiled up front, the whole schema is refused");
        QuickCheck q = QuickCheck.compileLazily(schema, JDKRegularExpressionFactory.getInstance());
        assertNull(q.unsupported());
        ObjectNode withoutD = (ObjectNode) schema.deepCopy();
        ((ObjectNode) withoutD.get("properties")).remove("d"); // networknt refuses a reference to nothing up front
        Schema n = networknt(withoutD);
        assertEquals(Verdict.VALID, agree("b", q, n, json("{\"b\": 1}")));
        assertEquals(Verdict.INVALID, agree("b", q, n, json("{\"b\": \"x\"}")));
        assertEquals(Verdict.INVALID, agree("z", q, n, json("{\"z\": 1}")));
        assertEquals(Verdict.VALID, agree("{}", q, n, json("{}")));
        for (String reaches : List.of("{\"a\": \"x\"}", "{\"c\": \"\"}", "{\"d\": 1}", "{\"b\": 2, \"a\": \"\"}")) {
            assertEquals(Verdict.UNSURE, q.verdict(json(reaches)), reaches);
            assertEquals(Verdict.UNSURE, q.verdict(json(reaches)), reaches + ", asked again");
        }
        // one compiled check asked from many threads at once: every answer as on one thread
        JsonNode shared = Catalog.embedded().forApiVersion("v1.0").versions("vppToken", OperationKind.CREATE).get(0).schema();
        QuickCheck once = QuickCheck.compileLazily(shared, JDKRegularExpressionFactory.getInstance());
        QuickCheck eager = quick(shared);
        List<JsonNode> bodies = new ArrayList<>();
        for (String v : VALUES) {
            bodies.add(JSON.createObjectNode().set("state", json(v)));
            bodies.add(JSON.createObjectNode().set("roleScopeTagIds", json(v)));
        }
        bodies.parallelStream().forEach(b -> assertEquals(eager.verdict(b), once.verdict(b), b.toString()));
    }

    @Test
    void answersUnsureWhereValidatorsDifferAndRefusesKeywordsItDoesNotKnow() {
        assertEquals(Verdict.UNSURE, quick(json("{\"type\": \"integer\"}")).verdict(json("1.0")));
        assertEquals(Verdict.UNSURE, quick(json("{\"enum\": [1, 2]}")).verdict(json("1.0")));
        assertEquals(Verdict.UNSURE, quick(json("{\"maximum\": 5}")).verdict(json("4.5")));
        for (String s : List.of("{\"minLength\": 1}", "{\"unevaluatedProperties\": false}", "{\"$ref\": \"other.json\"}",
                "{\"format\": \"no-such-format\"}", "{\"$id\": \"urn:x\"}", "{\"dependentRequired\": {}}")) {
            QuickCheck q = quick(json(s));
            assertNotNull(q.unsupported(), s);
            assertEquals(Verdict.UNSURE, q.verdict(json("{}")), s);
            assertTrue(!q.certainlyValid(json("{}")), s);
        }
    }
}
