package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link JsonTrees#read} builds the tree a mapper's {@code readTree} builds, property order and node classes included. */
class JsonTreesTest {

    private static JsonNode read(String json) {
        try (JsonParser p = JsonTrees.mapper().createParser(json)) {
            return JsonTrees.read(p);
        }
    }

    private static void sameAsMapper(String json) {
        JsonNode expected = JsonTrees.mapper().readTree(json);
        JsonNode got = read(json);
        assertNotNull(got, json);
        assertEquals(expected, got, json);
        assertSameShape(expected, got, json);
    }

    /** Equal nodes of the same classes, object properties in the same order (equals ignores the order). */
    private static void assertSameShape(JsonNode a, JsonNode b, String json) {
        assertEquals(a.getClass(), b.getClass(), json);
        if (a.isObject()) {
            assertEquals(new ArrayList<>(a.propertyNames()), new ArrayList<>(b.propertyNames()), json);
            for (String n : a.propertyNames()) {
                assertSameShape(a.get(n), b.get(n), json);
            }
        } else if (a.isArray()) {
            Iterator<JsonNode> i = a.values().iterator();
            Iterator<JsonNode> j = b.values().iterator();
            while (i.hasNext()) {
                assertSameShape(i.next(), j.next(), json);
            }
        }
    }

    @Test
    void nestingOfEveryKindInOrder() {
        sameAsMapper("{}");
        sameAsMapper("[]");
        sameAsMapper("{\"a\":{},\"b\":[],\"c\":[{}],\"d\":[[]]}");
        sameAsMapper("{\"z\":1,\"a\":{\"y\":[1,{\"q\":{\"r\":[2,3]},\"p\":null},[true,false]],\"x\":\"s\"},\"m\":2.5}");
        sameAsMapper("[{\"a\":1},{\"a\":2,\"b\":[{\"c\":{}}]},3]");
        sameAsMapper("{\"big\":12345678901,\"bigger\":123456789012345678901234567890,\"neg\":-1,\"exp\":1e300}");
    }

    @Test
    void objectsWithManyPropertiesKeepTheirOrder() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            sb.append(i == 0 ? "" : ",").append("\"p").append((i * 37) % 200).append("\":").append(i);
        }
        sameAsMapper(sb.append('}').toString());
    }

    @Test
    void scalarDocuments() {
        sameAsMapper("1");
        sameAsMapper("\"s\"");
        sameAsMapper("null");
        sameAsMapper("true");
    }

    @Test
    void duplicateNamesGiveNullAtAnyDepth() {
        assertNull(read("{\"a\":1,\"a\":2}"));
        assertNull(read("{\"a\":1,\"b\":{\"c\":1,\"c\":1}}"));
        assertNull(read("[{\"x\":[],\"x\":{}}]"));
        // the same name in sibling and nested objects is no duplicate
        assertInstanceOf(ObjectNode.class, read("{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2}]}"));
    }

    @Test
    void randomDocumentsMatchTheMapper() {
        Random r = new Random(10);
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            value(r, sb, 0);
            String json = sb.toString();
            sameAsMapper(json);
        }
    }

    /** A random JSON value with distinct property names per object. */
    private static void value(Random r, StringBuilder sb, int depth) {
        int k = depth > 6 ? 2 + r.nextInt(3) : r.nextInt(5);
        switch (k) {
            case 0 -> {
                sb.append('{');
                int n = r.nextInt(depth == 0 ? 60 : 8);
                List<String> used = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String name = "k" + r.nextInt(1000);
                    if (used.contains(name)) {
                        continue;
                    }
                    used.add(name);
                    sb.append(used.size() == 1 ? "" : ",").append('"').append(name).append("\":");
                    value(r, sb, depth + 1);
                }
                sb.append('}');
            }
            case 1 -> {
                sb.append('[');
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",");
                    value(r, sb, depth + 1);
                }
                sb.append(']');
            }
            case 2 -> sb.append('"').append("v").append(r.nextInt(100)).append('"');
            case 3 -> sb.append(r.nextBoolean() ? Integer.toString(r.nextInt()) : Double.toString(r.nextDouble()));
            default -> sb.append(r.nextBoolean() ? "null" : r.nextBoolean() ? "true" : "false");
        }
    }
}
