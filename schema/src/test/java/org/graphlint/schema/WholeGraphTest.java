package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.graphlint.parser.PageParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Real page pairs from a whole snapshot, each pinning one way a correct payload of some type used to be rejected. */
class WholeGraphTest {
    static final Path ROOT = Path.of("src/test/resources/whole-graph/ru-RU");

    static Catalog v1(String... files) {
        List<CatalogBuilder.Input> in = new ArrayList<>();
        for (String f : files) {
            in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve("v1.0/resources/" + f)), "v1.0/resources/" + f));
        }
        return CatalogBuilder.build(in).catalog().forApiVersion("v1.0");
    }

    static List<String> all() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("v1.0/resources"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static JsonNode resource(Catalog c, String entity) {
        return c.select(entity, OperationKind.RESOURCE, "latest").orElseThrow(() -> new AssertionError("no resource schema for " + entity
                + " in " + c.entities())).schema();
    }

    static List<com.networknt.schema.Error> check(JsonNode schema, String json) {
        assertEquals(List.of(), Schemas.checkAgainstMetaSchema(schema));
        return Schemas.validate(schema, Catalog.JSON.readTree(json));
    }

    @Test
    void baseTypePropertiesAreMergedFromTheBasePage() {
        // todo.md: "Inherits from [entity](../resources/entity.md)"; its own table lists only the relationship `lists`
        Catalog c = v1("todo.md", "entity.md");
        JsonNode s = resource(c, "todo");
        assertTrue(s.path("properties").has("id"), s.toString());
        assertEquals(List.of(), check(s, "{\"id\": \"AAMk\", \"lists\": []}"));
        assertFalse(check(s, "{\"id\": \"AAMk\", \"idd\": 1}").isEmpty());
        // without the base page, id is unknown: the merge is what makes it pass
        assertFalse(check(resource(v1("todo.md"), "todo"), "{\"id\": \"AAMk\"}").isEmpty());
    }

    @Test
    void aDerivedNestedValueIsCheckedAgainstItsOwnTypeClosed() throws IOException {
        // baseItem.createdBy is an identitySet, whose user is an identity; teamworkUserIdentity inherits from identity
        // and adds userIdentityType
        Catalog c = v1(all().toArray(String[]::new));
        JsonNode s = resource(c, "baseItem");
        String derived = "{\"createdBy\": {\"user\": {\"@odata.type\": \"#microsoft.graph.teamworkUserIdentity\", \"id\": \"1\","
                + " \"displayName\": \"A\", \"userIdentityType\": \"aadUser\"}}}";
        assertEquals(List.of(), check(s, derived));
        // the derived type is closed: a property neither it nor its base has is an error
        assertFalse(check(s, derived.replace("\"displayName\"", "\"displayNam\"")).isEmpty());
        // and its own enum holds
        assertFalse(check(s, derived.replace("aadUser", "aadUserX")).isEmpty());
        // a plain identity does not have userIdentityType
        assertFalse(check(s, "{\"createdBy\": {\"user\": {\"id\": \"1\", \"userIdentityType\": \"aadUser\"}}}").isEmpty());
    }

    @Test
    void referenceStyleLinksAreFollowed() {
        // baseitem.md: | createdBy | [identitySet][] | ... and "[identitySet]: identityset.md" at the bottom
        Catalog c = v1("baseitem.md", "identityset.md", "identity.md");
        JsonNode s = resource(c, "baseItem");
        assertEquals("#/$defs/identitySet", s.at("/properties/createdBy/else/$ref").asString(), s.at("/properties/createdBy").toString());
        assertFalse(check(s, "{\"createdBy\": {\"user\": {\"displayName\": 1}}}").isEmpty());
        assertEquals(List.of(), check(s, "{\"createdBy\": {\"user\": {\"displayName\": \"A\", \"id\": \"1\"}}}"));
    }
}
