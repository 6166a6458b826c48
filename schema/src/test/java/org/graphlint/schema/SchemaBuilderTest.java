package org.graphlint.schema;

import static org.graphlint.schema.Pages.in;
import static org.graphlint.schema.Pages.members;
import static org.graphlint.schema.Pages.method;
import static org.graphlint.schema.Pages.request;
import static org.graphlint.schema.Pages.response;
import static org.graphlint.schema.Pages.row;
import static org.graphlint.schema.Pages.type;
import static org.graphlint.schema.Pages.unresolved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import java.util.List;
import org.graphlint.parser.PageKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Builder decisions on hand-built page models (no parser involved). */
class SchemaBuilderTest {
    static final String RB = "Request body";
    static final String CREATE_FILE = "beta/api/widget-create/2020-01-01_aaaaaaa.md";

    static Catalog build(List<CatalogBuilder.Input> inputs) {
        return CatalogBuilder.build(inputs).catalog();
    }

    static JsonNode createSchema(Catalog c) {
        return c.select("widget", OperationKind.CREATE, "latest").orElseThrow().schema();
    }

    static List<Error> check(JsonNode schema, String json) {
        assertEquals(List.of(), Schemas.checkAgainstMetaSchema(schema));
        return Schemas.validate(schema, Catalog.JSON.readTree(json));
    }

    @Test
    void unresolvedNamesAreSkippedWithANoteNeverInvented() {
        var page = method("Create widget", "POST", "/widgets", "2020-01-01",
                List.of(row(RB, "name", "String"), unresolved(RB, "имя")), List.of());
        CatalogBuilder.Result r = CatalogBuilder.build(List.of(in(page, CREATE_FILE)));
        JsonNode s = createSchema(r.catalog());
        assertTrue(s.path("properties").has("name"));
        assertFalse(s.path("properties").has("имя"));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("имя") && n.contains("could not be recovered")), r.notes().toString());
    }

    @Test
    void requiredOnlyWhereTheTableSaysRequiredAndNeverForUpdates() {
        List<org.graphlint.parser.PropertyRow> rows = List.of(
                row(RB, "displayName", "String", false, null, "The name. Required."),
                row(RB, "note", "String", false, null, "Optional note."),
                row(RB, "id", "String", false, null, "Read-only. Required."));
        var create = method("Create widget", "POST", "/widgets", "2020-01-01", rows, List.of());
        var update = method("Update widget", "PATCH", "/widgets/{id}", "2020-01-01", rows, List.of());
        Catalog c = build(List.of(in(create, CREATE_FILE), in(update, "beta/api/widget-update/2020-01-01_b.md")));
        JsonNode cs = createSchema(c);
        assertEquals("[\"displayName\"]", cs.path("required").toString());
        assertFalse(check(cs, "{\"note\":\"x\"}").isEmpty());
        JsonNode us = c.select("widget", OperationKind.UPDATE, "latest").orElseThrow().schema();
        assertFalse(us.has("required"));
        assertEquals(List.of(), check(us, "{\"note\":\"x\"}"));
    }

    @Test
    void readOnlyAndKeyPropertiesAreAllowedMarkedAndTheKeyIsNotNullable() {
        var page = method("Create widget", "POST", "/widgets", "2020-01-01", List.of(
                row(RB, "id", "String"), row(RB, "lastModifiedDateTime", "DateTimeOffset"),
                row(RB, "size", "Int32", false, null, "Read-only."), row(RB, "name", "String")), List.of());
        JsonNode s = createSchema(build(List.of(in(page, CREATE_FILE))));
        for (String p : List.of("id", "lastModifiedDateTime", "size")) {
            assertTrue(s.path("properties").path(p).path("readOnly").asBoolean(), p);
        }
        assertFalse(s.path("properties").path("name").has("readOnly"));
        assertEquals(List.of(), check(s, "{\"id\":\"1\",\"lastModifiedDateTime\":null,\"name\":null,\"size\":3}"));
        assertFalse(check(s, "{\"id\":null}").isEmpty());
    }

    @Test
    void notNullableInTheDescriptionRejectsNull() {
        var page = method("Create widget", "POST", "/widgets", "2020-01-01", List.of(
                row(RB, "name", "String", false, null, "The name. Not nullable.")), List.of());
        JsonNode s = createSchema(build(List.of(in(page, CREATE_FILE))));
        assertFalse(check(s, "{\"name\":null}").isEmpty());
    }

    @Test
    void enumsAreTheUnionOfTheRowAndTheEnumPageAtTheSameDate() {
        var page = method("Create widget", "POST", "/widgets", "2020-06-01", List.of(
                row(RB, "state", "widgetState", false, "../resources/widgetstate.md", "", "on", "off")), List.of());
        var oldEnum = type(PageKind.ENUM, "widgetState enum type", "2020-01-01", List.of(), members("on", "off", "broken"));
        var newEnum = type(PageKind.ENUM, "widgetState enum type", "2020-07-01", List.of(), members("on", "off", "broken", "gone"));
        Catalog c = build(List.of(in(page, CREATE_FILE.replace("2020-01-01", "2020-06-01")),
                in(oldEnum, "beta/resources/widgetstate/2020-01-01_c.md"),
                in(newEnum, "beta/resources/widgetstate/2020-07-01_d.md")));
        JsonNode s = createSchema(c);
        assertEquals("[\"on\",\"off\",\"broken\",null]", s.path("properties").path("state").path("enum").toString(),
                "the enum page as it stood on the method page's date, not the later one");
        assertFalse(check(s, "{\"state\":\"gone\"}").isEmpty());
    }

    @Test
    void complexTypesBecomeDefsFromTheLinkedPageOrInferredFromExamples() {
        var page = method("Create widget", "POST", "/widgets", "2020-01-01", List.of(
                row(RB, "size", "widgetSize", false, "../resources/widgetsize.md", ""),
                row(RB, "shape", "widgetShape", true, null, "")),
                List.of(request("POST", "https://graph.microsoft.com/beta/widgets",
                        "{\"shape\":[{\"corners\":4}],\"size\":{\"width\":1}}")));
        var size = type(PageKind.COMPLEX_TYPE, "widgetSize resource type", "2020-01-01",
                List.of(row("Properties", "width", "Int32"), row("Properties", "height", "Int32")), List.of());
        Catalog c = build(List.of(in(page, CREATE_FILE), in(size, "beta/resources/widgetsize/2020-01-01_e.md")));
        JsonNode s = createSchema(c);
        assertEquals("#/$defs/widgetSize", s.at("/properties/size/else/$ref").asString());
        assertEquals("#/$defs/widgetShape", s.at("/properties/shape/items/$ref").asString());
        assertTrue(s.at("/$defs/widgetShape/x-graphlint-inferred").asBoolean());
        assertFalse(s.at("/$defs/widgetSize").has("x-graphlint-inferred"));
        assertEquals(List.of(), check(s, "{\"size\":{\"width\":1,\"height\":2},\"shape\":[{\"corners\":3,\"color\":\"red\"}]}"));
        List<Error> typo = check(s, "{\"size\":{\"widht\":1}}");
        assertEquals(1, typo.size(), typo.toString());
        assertEquals("additionalProperties", typo.get(0).getKeyword());
        assertEquals("widht", typo.get(0).getProperty());
        // a derived type of widgetSize may carry its own properties
        assertEquals(List.of(), check(s, "{\"size\":{\"@odata.type\":\"#microsoft.graph.bigWidgetSize\",\"depth\":1}}"));
        assertFalse(check(s, "{\"size\":{\"width\":\"wide\"}}").isEmpty());
    }

    @Test
    void createBodiesAlsoAcceptTheEntitysOtherWritableProperties() {
        var page = method("Create widget", "POST", "/widgets", "2020-01-01",
                List.of(row(RB, "name", "String", false, null, "Required.")), List.of());
        var resource = type(PageKind.RESOURCE, "widget resource type", "2020-01-01", List.of(
                row("Properties", "id", "String"), row("Properties", "name", "String"), row("Properties", "color", "String"),
                row("Relationships", "parts", "part", true, "part.md", "")), List.of());
        JsonNode s = createSchema(build(List.of(in(page, CREATE_FILE), in(resource, "beta/resources/widget/2020-01-01_f.md"))));
        assertEquals(List.of(), check(s, "{\"name\":\"a\",\"color\":\"red\",\"parts\":[{\"x\":1}]}"));
        assertFalse(check(s, "{\"name\":\"a\",\"colour\":\"red\"}").isEmpty());
        assertFalse(check(s, "{\"color\":\"red\"}").isEmpty(), "required comes from the table");
    }

    @Test
    void anchoredLinksIntoAPageOfManyEnumsKeepTheRowsValues() {
        var page = method("Create widget", "POST", "/widgets", "2020-01-01", List.of(
                row(RB, "mode", "widgetMode", false, "enums.md#widgetmode-values", "", "fast", "slow")), List.of());
        var enums = type(PageKind.ENUM, "Enum types", "2020-01-01", List.of(), members("fast", "slow", "red", "green"));
        JsonNode s = createSchema(build(List.of(in(page, CREATE_FILE), in(enums, "beta/resources/enums.md"))));
        assertFalse(check(s, "{\"mode\":\"red\"}").isEmpty());
        assertEquals(List.of(), check(s, "{\"mode\":\"fast\"}"));
    }

    @Test
    void odataTypeMustNameTheEntityOrATypeThePagesExamplesSend() {
        var page = method("Add widget", "POST", "/widgets", "2020-01-01", List.of(row(RB, "name", "String")), List.of(
                request("POST", "u", "{\"@odata.type\":\"#microsoft.graph.widget\",\"name\":\"a\"}"),
                request("POST", "u", "{\"@odata.type\":\"#microsoft.graph.roundWidget\",\"name\":\"b\"}")));
        JsonNode s = createSchema(build(List.of(in(page, CREATE_FILE))));
        assertEquals(List.of(), check(s, "{\"@odata.type\":\"microsoft.graph.roundWidget\"}"));
        assertEquals(List.of(), check(s, "{\"@odata.type\":\"#Microsoft.Graph.widget\"}"));
        assertFalse(check(s, "{\"@odata.type\":\"#microsoft.graph.user\"}").isEmpty());
        assertEquals(List.of(), check(s, "{\"name\":\"x\",\"parent@odata.bind\":\"https://x\",\"@microsoft.graph.conflictBehavior\":\"rename\"}"));
    }

    @Test
    void examplesOfAnotherOperationOnThePageSayNothingAboutItsBody() {
        // teamsapp-publish: POST /appCatalogs/teamsApps, and an example PATCHing the published app definition
        var page = method("Add widget", "POST", "/widgets", "2020-01-01", List.of(row(RB, "name", "String")), List.of(
                request("POST", "https://graph.microsoft.com/beta/widgets", "{\"name\":\"a\"}"),
                response(201, "{\"id\":\"1\",\"name\":\"a\"}"),
                request("PATCH", "https://graph.microsoft.com/beta/widgets/1/definitions/2",
                        "{\"@odata.type\":\"#microsoft.graph.widgetDefinition\",\"publishingState\":\"published\"}"),
                response(200, "{\"id\":\"2\",\"publishingState\":\"published\"}"),
                // a documented path sent with the wrong method is still this operation's example
                request("PUT", "https://graph.microsoft.com/beta/widgets?x=1", "{\"name\":\"b\"}")));
        PageFacts p = PageFacts.of(page, CREATE_FILE);
        assertEquals(List.of(true, true, false, false, true),
                page.examples().stream().map(p::ownsExample).toList());
        JsonNode s = createSchema(build(List.of(in(page, CREATE_FILE))));
        assertTrue(s.at("/properties/id/x-graphlint-inferred").asBoolean()); // the own response still counts
        assertFalse(check(s, "{\"publishingState\":\"published\"}").isEmpty());
        assertFalse(check(s, "{\"@odata.type\":\"#microsoft.graph.widgetDefinition\"}").isEmpty());
    }

    @Test
    void responseExamplePropertiesAreAcceptedAsInferred() {
        var page = method("Update widget", "PATCH", "/widgets/{id}", "2020-01-01", List.of(row(RB, "name", "String")),
                List.of(response(200, "{\"name\":\"a\",\"inheritedFlag\":true}")));
        Catalog c = build(List.of(in(page, "beta/api/widget-update/2020-01-01_g.md")));
        JsonNode s = c.select("widget", OperationKind.UPDATE, "latest").orElseThrow().schema();
        assertTrue(s.at("/properties/inheritedFlag/x-graphlint-inferred").asBoolean());
        assertEquals(List.of(), check(s, "{\"inheritedFlag\":false}"));
        assertFalse(check(s, "{\"inheritedFlag\":\"no\"}").isEmpty());
    }

    @Test
    void pagesWithTheSameSchemaCollapseIntoTheEarliestAndDescriptionsDoNotSplitVersions() {
        var a = method("Create widget", "POST", "/widgets", "2020-03-01",
                List.of(row(RB, "name", "String", false, null, "The name")), List.of());
        var b = method("Create widget", "POST", "/widgets", "2020-01-01",
                List.of(row(RB, "name", "String", false, null, "The widget's name")), List.of());
        var c = method("Create widget", "POST", "/widgets", "2020-05-01",
                List.of(row(RB, "name", "String"), row(RB, "size", "Int32")), List.of());
        Catalog cat = build(List.of(in(a, "beta/api/widget-create/a.md"), in(b, "beta/api/widget-create/b.md"),
                in(c, "beta/api/widget-create/c.md")));
        List<SchemaVersion> vs = cat.versions("widget", OperationKind.CREATE);
        assertEquals(List.of("2020-01-01", "2020-05-01"), vs.stream().map(SchemaVersion::id).toList());
        assertEquals(2, vs.get(0).pages().size());
        assertEquals("The widget's name", vs.get(0).schema().at("/properties/name/description").asString());
        assertEquals(List.of("property-added size"), vs.get(1).changes().stream().map(x -> x.kind() + " " + x.path()).toList());
    }
}
