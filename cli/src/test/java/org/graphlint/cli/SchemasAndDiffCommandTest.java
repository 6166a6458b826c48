package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemasAndDiffCommandTest {
    static final Path SEEDS = Path.of("..", "samples", "pages", "seeds");
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GraphlintCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void buildWritesOneFilePerVersionAndACatalogThatLoads(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cat");
        Run r = run("schemas", "build", SEEDS.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("catalog.json")));
        for (String id : List.of("2018-12-18", "2019-07-31", "2021-03-23")) {
            assertTrue(Files.isRegularFile(out.resolve("beta/vppToken/create/" + id + ".schema.json")), id);
        }
        Catalog c = Catalog.load(out);
        assertEquals(3, c.versions("vppToken", OperationKind.CREATE).size());
        JsonNode cat = JSON.readTree(out.resolve("catalog.json").toFile());
        JsonNode first = cat.path("apiVersions").path("beta").path("versions").get(0);
        assertEquals("es-ES", first.path("pages").get(0).path("locale").asString());
        assertEquals("002_3bffb3abb27b59ec.md", first.path("pages").get(0).path("file").asString());
    }

    @Test
    void buildOfAMissingPathIsAOneLineError(@TempDir Path tmp) {
        Run r = run("schemas", "build", tmp.resolve("nope").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no such file or folder"), r.err());
    }

    @Test
    void listAndShowReadTheEmbeddedCatalog() throws Exception {
        Run list = run("schemas", "list", "--entity", "vppToken", "--format", "json");
        assertEquals(0, list.exit(), list.err());
        JsonNode arr = JSON.readTree(list.out());
        assertTrue(arr.size() >= 3);
        Run show = run("schemas", "show", "2020-04-14", "--entity", "vppToken", "--operation", "create");
        assertEquals(0, show.exit(), show.err());
        JsonNode schema = JSON.readTree(show.out());
        assertTrue(schema.path("properties").has("roleScopeTagIds"));
        assertFalse(schema.path("properties").path("state").toString().contains("duplicateLocationId"));
    }

    @Test
    void showWithACatalogFolderAndSelectors(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cat");
        assertEquals(0, run("schemas", "build", SEEDS.toString(), "--out", out.toString()).exit());
        Run r = run("schemas", "show", "2019-12-31", "--catalog", out.toString());
        assertEquals(0, r.exit(), r.err());
        Catalog c = Catalog.load(out);
        SchemaVersion v = c.select("vppToken", OperationKind.CREATE, "2019-07-31").orElseThrow();
        assertEquals(v.schema(), JSON.readTree(r.out()));
        Run none = run("schemas", "show", "2001-01-01", "--catalog", out.toString());
        assertEquals(2, none.exit());
        assertEquals(1, none.err().strip().lines().count(), none.err());
        assertTrue(none.err().contains("2018-12-18"), "says which versions exist: " + none.err());
        Run bad = run("schemas", "show", "yesterday", "--catalog", out.toString());
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }

    @Test
    void diffOfTheSeedVersionsBothWays(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cat");
        assertEquals(0, run("schemas", "build", SEEDS.toString(), "--out", out.toString()).exit());
        Run fwd = run("diff", "2018-12-18", "2021-03-23", "--catalog", out.toString(), "--format", "json");
        assertEquals(0, fwd.exit(), fwd.err());
        JsonNode j = JSON.readTree(fwd.out());
        assertFalse(j.path("breakingForSenders").asBoolean(true));
        assertTrue(has(j, "property-added", "roleScopeTagIds", false), fwd.out());
        assertTrue(has(j, "enum-value-added", "state", false), fwd.out());
        Run back = run("diff", "2021-03-23", "2018-12-18", "--catalog", out.toString(), "--format", "json");
        assertEquals(1, back.exit(), back.err());
        JsonNode k = JSON.readTree(back.out());
        assertTrue(k.path("breakingForSenders").asBoolean(false));
        assertTrue(has(k, "property-removed", "roleScopeTagIds", true), back.out());
        assertTrue(has(k, "enum-value-removed", "state", true), back.out());
        Run md = run("diff", "2021-03-23", "2018-12-18", "--catalog", out.toString(), "--format", "markdown");
        assertTrue(md.out().contains("| property-removed | `roleScopeTagIds` |"), md.out());
        Run text = run("diff", "2018-12-18", "2021-03-23", "--catalog", out.toString());
        assertTrue(text.out().contains("duplicateLocationId") && text.out().contains("0 breaking"), text.out());
    }

    @Test
    void diffOfTwoPageFiles() throws Exception {
        Run r = run("diff", SEEDS.resolve("002_3bffb3abb27b59ec.md").toString(),
                SEEDS.resolve("001_df977c7fe14f72a9.md").toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertTrue(has(j, "property-added", "roleScopeTagIds", false), r.out());
        assertTrue(has(j, "enum-value-added", "state", false), r.out());
    }

    @Test
    void diffFailOnIsAnEnumOption() {
        String a = SEEDS.resolve("002_3bffb3abb27b59ec.md").toString();
        String b = SEEDS.resolve("001_df977c7fe14f72a9.md").toString();
        Run bad = run("diff", "--fail-on", "breaking-only", a, b);
        assertEquals(2, bad.exit());
        assertEquals("graphlint diff: unknown --fail-on 'breaking-only': use breaking, any or none", bad.err().strip());
        assertEquals("", bad.out());
        // any letter case; the pages differ in added properties and enum values only: breaking for none
        assertEquals(0, run("diff", "--fail-on", "BREAKING", a, b).exit());
        assertEquals(1, run("diff", "--fail-on", "Any", a, b).exit());
        assertEquals(0, run("diff", "--fail-on", "none", a, b).exit());
        Run catalogs = run("diff", "--fail-on", "all", "--against", SEEDS.toString());
        assertEquals("graphlint diff: unknown --fail-on 'all': use breaking, any or none", catalogs.err().strip());
    }

    static boolean has(JsonNode report, String kind, String path, boolean breaking) {
        for (JsonNode c : report.path("changes")) {
            if (c.path("kind").asString().equals(kind) && c.path("path").asString().equals(path)
                    && c.path("breakingForSenders").asBoolean() == breaking) {
                return true;
            }
        }
        return false;
    }
}
