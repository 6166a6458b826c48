package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.graphlint.parser.Example;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a lint run keeps of a page is the same page for every later check: equal content is held once across pages
 * (strings, example bodies), and a body is shared only with one that is the same tree node for node, member order
 * included (Jackson's equality ignores the order, and the order is what the builder and the findings iterate).
 */
class KeptModelTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static PageModel page(String name, String body) {
        String md = "---\ntitle: \"Create thing\"\n---\n# Create thing\n\n## HTTP request\n\n```http\nPOST /things\n```\n\n"
                + "## Request body\n\n| Property | Type | Description |\n|:--|:--|:--|\n| name | String | The name. Required. |\n\n"
                + "## Example\n\n### Request\n\n```http\nPOST https://graph.microsoft.com/v1.0/things\nContent-type: application/json\n\n"
                + body + "\n```\n";
        return PageParser.parse(name, md.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode requestBody(PageModel m) {
        return m.examples().stream().filter(e -> e.kind() == Example.Kind.REQUEST).findFirst().orElseThrow().body();
    }

    @Test
    void equalBodiesAndStringsAreHeldOnceAndTheKeptPageEqualsTheParsedOneForLaterChecks() {
        KeptModel kept = new KeptModel();
        PageModel a = page("beta/api/thing-create.md", "{\"name\": \"x\", \"size\": {\"w\": 1, \"h\": [2, 3]}}");
        PageModel b = page("v1.0/api/thing-create.md", "{\"name\": \"x\", \"size\": {\"w\": 1, \"h\": [2, 3]}}");
        assertNotSame(requestBody(a), requestBody(b));
        PageModel ka = kept.of(a);
        PageModel kb = kept.of(b);
        assertSame(requestBody(ka), requestBody(kb));
        assertEquals(requestBody(a), requestBody(kb));
        assertSame(ka.properties().get(0).description(), kb.properties().get(0).description());
        assertEquals(a.properties(), ka.properties());
        assertEquals(b.properties(), kb.properties());
        assertEquals(b.examples().get(0).bodyText(), kb.examples().get(0).bodyText());
    }

    @Test
    void aBodyIsSharedOnlyWithTheSameTreeInTheSameOrder() {
        KeptModel kept = new KeptModel();
        PageModel ab = kept.of(page("a.md", "{\"a\": 1, \"b\": {\"c\": 2, \"d\": 3}}"));
        PageModel ba = kept.of(page("b.md", "{\"a\": 1, \"b\": {\"d\": 3, \"c\": 2}}"));
        PageModel dbl = kept.of(page("c.md", "{\"a\": 1.0, \"b\": {\"c\": 2, \"d\": 3}}"));
        assertEquals(requestBody(ab), requestBody(ba), "Jackson calls them equal");
        assertNotSame(requestBody(ab), requestBody(ba));
        assertEquals(List.of("d", "c"), List.copyOf(requestBody(ba).get("b").propertyNames()));
        assertNotSame(requestBody(ab), requestBody(dbl));
        assertEquals(1.0, requestBody(dbl).get("a").doubleValue());
        assertTrue(requestBody(dbl).get("a").isDouble());
    }

    @Test
    void sameTreeComparesClassesValuesAndOrder() {
        assertTrue(KeptModel.sameTree(JSON.readTree("{\"a\":[1,\"x\",null,true,{}]}"), JSON.readTree("{\"a\":[1,\"x\",null,true,{}]}")));
        assertFalse(KeptModel.sameTree(JSON.readTree("{\"a\":1,\"b\":2}"), JSON.readTree("{\"b\":2,\"a\":1}")));
        assertFalse(KeptModel.sameTree(JSON.readTree("[1]"), JSON.readTree("[1.0]")));
        assertFalse(KeptModel.sameTree(JSON.readTree("[1,2]"), JSON.readTree("[1]")));
        assertFalse(KeptModel.sameTree(JSON.readTree("{\"a\":[1]}"), JSON.readTree("{\"a\":{\"0\":1}}")));
        assertFalse(KeptModel.sameTree(JSON.readTree("\"1\""), JSON.readTree("1")));
    }
}
