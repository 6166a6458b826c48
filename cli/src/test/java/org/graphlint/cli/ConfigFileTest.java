package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** .graphlint.yaml: defaults, per-path overrides, precedence of flags, unknown keys. */
class ConfigFileTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path root;
    Path config;
    Path newBody;
    Path oldBody;
    Path otherBody;

    /**
     * A fixture tree whose bodies say neither entity (no @odata.type) nor operation (no word in the name): only the
     * configuration can route them. The body has roleScopeTagIds, documented from 2019 on.
     */
    @BeforeEach
    void tree() throws IOException {
        String body = Files.readString(TestSupport.payloads().resolve("vppToken/2021-03-23/create-valid.json"))
                .replaceFirst("\"@odata.type\": \"[^\"]*\",", "");
        newBody = write("tokens/new/body.json", body);
        oldBody = write("tokens/old/body.json", body);
        otherBody = write("other/body.json", body);
        config = write(".graphlint.yaml", """
                # defaults for every fixture
                fail-on: error
                overrides:
                  - paths: ["tokens/**"]
                    entity: vppToken
                    operation: create
                  - paths: tokens/old/*.json     # later entries win
                    doc-version: 2018-12-18
                """);
    }

    private Path write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private JsonNode files(TestSupport.Result r) {
        return JSON.readTree(r.out()).path("files");
    }

    private static String rules(JsonNode file) {
        StringBuilder sb = new StringBuilder();
        file.path("findings").forEach(f -> sb.append(f.path("rule").asString()).append(' '));
        return sb.toString().strip();
    }

    @Test
    void overridesRouteFixturesByGlob() {
        TestSupport.Result r = TestSupport.cli("validate", "--config", config.toString(), "--format", "json",
                newBody.toString(), oldBody.toString(), otherBody.toString());
        JsonNode f = files(r);
        assertEquals("", rules(f.get(0)), r.out());                                   // tokens/new: vppToken create, latest
        assertEquals("additionalProperties", rules(f.get(1)), r.out());               // tokens/old: 2018-12-18, no roleScopeTagIds
        assertTrue(f.get(1).toString().contains("documented from version"), r.out());
        assertEquals("ambiguous-target", rules(f.get(2)), r.out());                   // other/: no override
        assertEquals(2, r.exit());
    }

    @Test
    void flagsWinOverTheFile() throws IOException {
        // --doc-version beats the override's doc-version; --entity/--operation reach the fixture outside any glob
        TestSupport.Result r = TestSupport.cli("validate", "--config", config.toString(), "--format", "json",
                "--doc-version", "latest", "--entity", "vppToken", "--operation", "create",
                oldBody.toString(), otherBody.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        // file defaults: fail-on and format from the file, the flag still wins
        Files.writeString(config, "fail-on: none\nformat: json\ndoc-version: 2018-12-18\n"
                + "overrides:\n  - paths: [\"tokens/\"]\n    entity: vppToken\n    operation: create\n");
        TestSupport.Result fileDefaults = TestSupport.cli("validate", "--config", config.toString(), newBody.toString());
        assertEquals(0, fileDefaults.exit(), fileDefaults.out());                      // fail-on: none
        assertEquals("additionalProperties", rules(files(fileDefaults).get(0)));       // format json, doc-version 2018-12-18
        TestSupport.Result flag = TestSupport.cli("validate", "--config", config.toString(), "--fail-on", "error",
                "--format", "text", newBody.toString());
        assertEquals(1, flag.exit(), flag.out());
        assertTrue(flag.out().contains("error   additionalProperties"), flag.out());
        TestSupport.Result none = TestSupport.cli("validate", "--config", "none", newBody.toString());
        assertTrue(none.out().contains("ambiguous-target"), none.out());
    }

    @Test
    void reportsFromTheFileAreWritten() throws IOException {
        Path sarif = root.resolve("out/graphlint.sarif");
        Files.writeString(config, "reports:\n  sarif: " + sarif + "\noverrides:\n  - paths: tokens/**\n"
                + "    entity: vppToken\n    operation: create\n");
        TestSupport.Result r = TestSupport.cli("validate", "--config", config.toString(), newBody.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("2.1.0", JSON.readTree(sarif.toFile()).path("version").asString());
    }

    @Test
    void unknownKeysAreErrorsNamingTheNearestKey() throws IOException {
        Files.writeString(config, "fail_on: none\n");
        TestSupport.Result top = TestSupport.cli("validate", "--config", config.toString(), newBody.toString());
        assertEquals(2, top.exit());
        assertEquals("", top.out());
        assertTrue(top.err().contains("unknown key 'fail_on'; did you mean 'fail-on'?"), top.err());
        assertEquals(1, top.err().strip().lines().count(), top.err());

        Files.writeString(config, "overrides:\n  - paths: tokens/**\n    entitty: vppToken\n");
        TestSupport.Result nested = TestSupport.cli("validate", "--config", config.toString(), newBody.toString());
        assertEquals(2, nested.exit());
        assertTrue(nested.err().contains("unknown key 'overrides[0].entitty'; did you mean 'overrides[0].entity'?"), nested.err());

        Files.writeString(config, "overrides:\n  - paths: tokens/**\n    operation: delete\n");
        TestSupport.Result value = TestSupport.cli("validate", "--config", config.toString(), newBody.toString());
        assertEquals(2, value.exit());
        assertTrue(value.err().contains(".graphlint.yaml: overrides [tokens/**]: unknown operation 'delete'"), value.err());

        Files.writeString(config, "overrides:\n  - paths: tokens/**\n    entity: vppTokens\n");
        TestSupport.Result entity = TestSupport.cli("validate", "--config", config.toString(), newBody.toString());
        assertEquals(2, entity.exit());
        assertTrue(entity.err().contains("vppToken"), entity.err());

        Files.writeString(config, "doc-version: [1, 2\n");
        TestSupport.Result yaml = TestSupport.cli("validate", "--config", config.toString(), newBody.toString());
        assertEquals(2, yaml.exit());
        assertTrue(yaml.err().contains("not readable as YAML"), yaml.err());
    }

    @Test
    void theNearestFileAboveTheWorkingFolderIsFound() throws IOException {
        Path deep = Files.createDirectories(root.resolve("tokens/new/deeper"));
        assertEquals(config, ConfigFile.find(deep).file());
        Path inner = write("tokens/.graphlint.yaml", "fail-on: warning\n");
        assertEquals(inner, ConfigFile.find(deep).file());
        assertEquals("warning", ConfigFile.find(deep).failOn());
        assertNull(ConfigFile.find(Files.createDirectories(root.getParent().resolve(root.getFileName() + "-sibling"))).file());
    }

    @Test
    void aStdinFixtureIsRoutedByItsName() throws IOException {
        String body = Files.readString(newBody);
        TestSupport.Result r = OutputOptionsTest.cli(OutputOptionsTest.stdin(body), "validate", "--config", config.toString(),
                "--stdin-name", root.resolve("tokens/old/piped.json").toString(), "--format", "json", "-");
        assertEquals("additionalProperties", rules(files(r).get(0)), r.out() + r.err());
    }

    @Test
    void theApiVersionComesFromTheFileOrTheFlag() throws IOException {
        Files.writeString(config, "api-version: v1.0\noverrides:\n  - paths: tokens/**\n    entity: vppToken\n"
                + "    operation: create\n");
        // the beta body has properties v1.0 does not document (tokenActionResults...)
        TestSupport.Result v1 = TestSupport.cli("validate", "--config", config.toString(), "--format", "json", newBody.toString());
        assertEquals(1, v1.exit(), v1.out() + v1.err());
        assertEquals("v1.0", files(v1).get(0).path("targets").get(0).path("apiVersion").asString());
        TestSupport.Result beta = TestSupport.cli("validate", "--config", config.toString(), "--api-version", "beta",
                newBody.toString());
        assertEquals(0, beta.exit(), beta.out() + beta.err());
        TestSupport.Result none = TestSupport.cli("validate", "--config", config.toString(), "--api-version", "v2",
                newBody.toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no API version 'v2' (it has beta, v1.0)"), none.err());
    }
}
