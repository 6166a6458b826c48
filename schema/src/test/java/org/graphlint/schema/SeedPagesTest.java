package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.graphlint.parser.Example;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The done-when checks of the schema issue, on the five seed pages. */
class SeedPagesTest {
    static final Path SEEDS = Path.of("..", "samples", "pages", "seeds");
    static Catalog catalog;

    @BeforeAll
    static void build() {
        List<String> errors = new ArrayList<>();
        catalog = CatalogBuilder.build(PageSource.parse(PageSource.list(List.of(SEEDS)), errors)).catalog();
        assertEquals(List.of(), errors);
    }

    static JsonNode requestBody(String seed) {
        PageModel m = PageParser.parse(SEEDS.resolve(seed));
        return m.examples().stream().filter(e -> e.kind() == Example.Kind.REQUEST && e.body() != null)
                .map(Example::body).findFirst().orElseThrow();
    }

    static SchemaVersion create(String selector) {
        return catalog.select("vppToken", OperationKind.CREATE, selector).orElseThrow(() -> new AssertionError(selector));
    }

    static boolean hasProperty(SchemaVersion v, String name) {
        return v.schema().path("properties").has(name);
    }

    static List<String> stateValues(SchemaVersion v) {
        List<String> out = new ArrayList<>();
        v.schema().path("properties").path("state").path("enum").forEach(x -> {
            if (!x.isNull()) {
                out.add(x.asString());
            }
        });
        return out;
    }

    @Test
    void createHasThreeVersionsWithTheDocumentedDifferences() {
        List<SchemaVersion> vs = catalog.versions("vppToken", OperationKind.CREATE);
        assertEquals(List.of("2018-12-18", "2019-07-31", "2021-03-23"), vs.stream().map(SchemaVersion::id).toList());
        assertFalse(hasProperty(vs.get(0), "roleScopeTagIds"));
        assertTrue(hasProperty(vs.get(1), "roleScopeTagIds"));
        assertFalse(stateValues(vs.get(1)).contains("duplicateLocationId"));
        assertTrue(stateValues(vs.get(2)).contains("duplicateLocationId"));
        assertEquals(17, vs.get(0).schema().path("properties").size() - 1, "17 documented properties + @odata.type");
    }

    @Test
    void selectorsPickTheVersionInForceOnADate() {
        assertEquals("2018-12-18", create("2018-12-18").id());
        assertEquals("2018-12-18", create("2019-07-30").id());
        assertEquals("2019-07-31", create("2019-07-31").id());
        assertEquals("2019-07-31", create("2020-04-14").id());
        assertEquals("2021-03-23", create("2021-03-23").id());
        assertEquals("2021-03-23", create("latest").id());
        assertTrue(catalog.select("vppToken", OperationKind.CREATE, "2017-01-01").isEmpty(), "before the first version");
        // the pt-BR 2021 page translates f592c9f
        assertEquals("2021-03-23", create("f592c9f").id());
        assertTrue(catalog.select("nope", OperationKind.CREATE, "latest").isEmpty());
    }

    @Test
    void versionsKeepEveryPageBehindThem() {
        SchemaVersion v = create("2019-07-31");
        assertEquals(List.of("ja-JP", "ru-RU"), v.pages().stream().map(PageRef::locale).toList());
        assertTrue(v.pages().stream().allMatch(p -> p.sourceCommit() != null && p.file().endsWith(".md")));
    }

    @Test
    void eachSeedRequestExampleValidatesAgainstItsOwnVersion() {
        String[][] seeds = {
            {"000_a50ef260b08e607c.md", "2020-04-14", "create"},
            {"001_df977c7fe14f72a9.md", "2021-03-23", "create"},
            {"002_3bffb3abb27b59ec.md", "2018-12-18", "create"},
            {"003_81aee09778ce15b0.md", "2020-04-14", "update"},
            {"004_ad92e49060364116.md", "2019-07-31", "create"},
        };
        for (String[] s : seeds) {
            SchemaVersion v = catalog.select("vppToken", OperationKind.fromId(s[2]), s[1]).orElseThrow();
            List<Error> errors = Schemas.validate(v.schema(), requestBody(s[0]));
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), s[0] + " against " + v.id());
        }
    }

    @Test
    void thePtBrExampleFailsAgainst2018NamingRoleScopeTagIds() {
        List<Error> errors = Schemas.validate(create("2018-12-18").schema(), requestBody("001_df977c7fe14f72a9.md"));
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> "additionalProperties".equals(e.getKeyword())
                && "roleScopeTagIds".equals(e.getProperty())), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.toString().contains("roleScopeTagIds")), errors.toString());
    }

    @Test
    void diffOldToNewIsNonBreakingAndNewToOldBreaking() {
        List<SchemaChange> forward = SchemaDiff.diff(create("2018-12-18").schema(), create("2021-03-23").schema());
        assertTrue(forward.contains(new SchemaChange("property-added", "roleScopeTagIds",
                "'roleScopeTagIds' (array<string>) added", false)), forward.toString());
        assertTrue(forward.stream().anyMatch(c -> c.kind().equals("enum-value-added") && c.path().equals("state")
                && c.detail().contains("duplicateLocationId") && !c.breakingForSenders()), forward.toString());
        assertFalse(SchemaDiff.breaking(forward), forward.toString());

        List<SchemaChange> back = SchemaDiff.diff(create("2021-03-23").schema(), create("2018-12-18").schema());
        assertTrue(back.stream().anyMatch(c -> c.kind().equals("property-removed") && c.path().equals("roleScopeTagIds")
                && c.breakingForSenders()), back.toString());
        assertTrue(back.stream().anyMatch(c -> c.kind().equals("enum-value-removed") && c.path().equals("state")
                && c.detail().contains("duplicateLocationId") && c.breakingForSenders()), back.toString());
    }

    @Test
    void versionsRecordWhatChangedFromThePreviousOne() {
        assertEquals(List.of(), create("2018-12-18").changes());
        assertEquals(List.of("property-added roleScopeTagIds"),
                create("2019-07-31").changes().stream().map(c -> c.kind() + " " + c.path()).toList());
        assertEquals(List.of("enum-value-added state"),
                create("2021-03-23").changes().stream().map(c -> c.kind() + " " + c.path()).toList());
    }

    @Test
    void updateRequiresNothingAndAcceptsNullToClear() {
        SchemaVersion u = catalog.select("vppToken", OperationKind.UPDATE, "latest").orElseThrow();
        assertFalse(u.schema().has("required"));
        JsonNode body = Catalog.JSON.readTree("{\"displayName\":null,\"state\":null}");
        assertEquals(List.of(), Schemas.validate(u.schema(), body));
        JsonNode bad = Catalog.JSON.readTree("{\"roleScopeTagIds\":null}");
        assertFalse(Schemas.validate(u.schema(), bad).isEmpty(), "collections are never null");
    }

    @Test
    void odataTypeMustNameTheEntity() {
        JsonNode wrong = Catalog.JSON.readTree("{\"@odata.type\":\"#microsoft.graph.user\"}");
        List<Error> errors = Schemas.validate(create("latest").schema(), wrong);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("pattern", errors.get(0).getKeyword());
        assertEquals("/@odata.type", errors.get(0).getInstanceLocation().toString());
        for (String ok : List.of("#microsoft.graph.vppToken", "microsoft.graph.vppToken", "#Microsoft.Graph.vppToken")) {
            JsonNode b = Catalog.JSON.createObjectNode().put("@odata.type", ok);
            assertEquals(List.of(), Schemas.validate(create("latest").schema(), b), ok);
        }
        for (String bad : List.of("#microsoft.graph.vppTokens", "vppToken", "#microsoft.graph.xvppToken")) {
            JsonNode b = Catalog.JSON.createObjectNode().put("@odata.type", bad);
            assertEquals(1, Schemas.validate(create("latest").schema(), b).size(), bad);
        }
        assertEquals(Optional.of("vppToken"), catalog.entityForOdataType("#microsoft.graph.vppToken"));
        assertEquals(Optional.of("vppToken"), catalog.entityForOdataType("microsoft.graph.vppToken"));
        assertEquals(Optional.empty(), catalog.entityForOdataType("#microsoft.graph.user"));
    }

    @Test
    void documentedOperationsMapMethodAndPathToEntityAndOperation() {
        assertTrue(catalog.operations().contains(
                new DocumentedOperation("POST", "/deviceAppManagement/vppTokens", "vppToken", OperationKind.CREATE)));
        assertTrue(catalog.operations().contains(new DocumentedOperation("PATCH",
                "/deviceAppManagement/vppTokens/{vppTokenId}", "vppToken", OperationKind.UPDATE)));
    }

    @Test
    void everySchemaIsAValid202012Schema() {
        for (SchemaVersion v : catalog.allVersions()) {
            assertEquals(List.of(), Schemas.checkAgainstMetaSchema(v.schema()).stream().map(Error::toString).toList(),
                    v.entity() + " " + v.operation().id() + " " + v.id());
        }
    }
}
