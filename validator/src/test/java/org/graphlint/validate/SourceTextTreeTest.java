package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/** The fast path's tree builder gives the mapper's tree: the same values and the same node classes. */
class SourceTextTreeTest {

    private static final List<String> TRICKY = List.of(
            "{\"a\":1,\"b\":-0,\"c\":2147483648,\"d\":12345678901234567890123,\"e\":1.0,\"f\":-1.5e-7,\"g\":1e400,"
                    + "\"h\":0.1,\"i\":null,\"j\":true,\"k\":false,\"l\":\"x\\u00e9\\n\",\"m\":[],\"n\":{},\"o\":[[1,[2]],{\"p\":[]}]}",
            "[1, \"two\", 3.5, null, {\"a\": {\"b\": {\"c\": [true]}}}]",
            "\"just a string\"", "42", "-9223372036854775809", "3.0e2", "null", "true",
            "{\"@odata.type\": \"#microsoft.graph.user\", \"$schema\": \"x\", \"\": 1}");

    @Test
    void sameTreeAsTheMapperOnTrickyDocuments() {
        for (String doc : TRICKY) {
            assertSameTree(doc);
        }
    }

    @Test
    void sameTreeAsTheMapperOnEveryBundledJsonFixture() throws IOException {
        Path samples = Path.of("..", "samples", "payloads");
        int n = 0;
        try (Stream<Path> files = Files.walk(samples)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                JsonNode expected;
                try {
                    expected = SourceText.json().readTree(text);
                } catch (RuntimeException e) {
                    continue; // a fixture that is meant not to be JSON
                }
                if (expected == null || expected.isMissingNode()) {
                    continue;
                }
                assertSameTree(text);
                n++;
            }
        }
        assertTrue(n > 5, "bundled JSON fixtures compared: " + n);
    }

    @Test
    void duplicateNamesAndBrokenDocumentsAreLeftToTheMapperPath() {
        assertNull(SourceText.parseAscii("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.US_ASCII)));
        assertNull(SourceText.parseAscii("{\"a\":1".getBytes(StandardCharsets.US_ASCII)));
        assertNull(SourceText.parseAscii("{\"a\":1} {}".getBytes(StandardCharsets.US_ASCII)));
        assertNull(SourceText.parseAscii("".getBytes(StandardCharsets.US_ASCII)));
        assertNotNull(SourceText.parseAscii("{\"a\":{\"a\":1}}".getBytes(StandardCharsets.US_ASCII)), "same name, other objects");
    }

    private static void assertSameTree(String doc) {
        JsonNode expected = SourceText.json().readTree(doc);
        JsonNode actual;
        try (JsonParser p = SourceText.json().createParser(doc)) {
            actual = SourceText.tree(p);
        }
        assertNotNull(actual, doc);
        assertEquals(expected, actual, doc);
        assertSameClasses(expected, actual, doc);
    }

    private static void assertSameClasses(JsonNode e, JsonNode a, String where) {
        assertEquals(e.getClass(), a.getClass(), where);
        if (e.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> ei = e.properties().iterator();
            Iterator<Map.Entry<String, JsonNode>> ai = a.properties().iterator();
            while (ei.hasNext()) {
                Map.Entry<String, JsonNode> x = ei.next();
                Map.Entry<String, JsonNode> y = ai.next();
                assertEquals(x.getKey(), y.getKey(), "property order in " + where);
                assertSameClasses(x.getValue(), y.getValue(), where);
            }
        } else if (e.isArray()) {
            for (int i = 0; i < e.size(); i++) {
                assertSameClasses(e.get(i), a.get(i), where);
            }
        }
    }
}
