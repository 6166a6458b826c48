package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The validate command on malformed fixtures: give findings (or exit 2 with one line), never a stack trace or an out-of-memory crash. */
class ValidateBadInputTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static void noStackTrace(TestSupport.Result r) {
        for (String s : new String[] {r.out(), r.err()}) {
            assertFalse(s.contains("Exception"), s);
            assertFalse(s.contains("\tat "), s);
            assertFalse(s.contains("Error:"), s);
        }
    }

    @ParameterizedTest(name = "{0}: {1} at {2}:{3}")
    @CsvSource({
        "not-json.json, json-syntax, 1, 1",
        "truncated.json, json-syntax, 14, 22",
        "invalid-utf8.json, encoding, 23, 22",
        "utf16.json, encoding, 1, 1",
        "empty.json, empty, 1, 1",
        "trailing-garbage.json, json-syntax, 30, 1",
        "duplicate-property.json, duplicate-property, 9, 12",
    })
    void malformedFixturesAreReportedWithTheirPositionAndTheRunGoesOn(String file, String rule, int line, int column)
            throws IOException {
        Path bad = TestSupport.payloads().resolve("malformed").resolve(file);
        Path good = TestSupport.payloads().resolve("vppToken/2021-03-23/create-valid.http");
        TestSupport.Result r = TestSupport.cli("validate", "--format", "json", bad.toString(), good.toString());
        noStackTrace(r);
        assertEquals(2, r.exit());
        assertEquals("", r.err());
        JsonNode out = JSON.readTree(r.out());
        assertEquals(2, out.path("summary").path("fixtures").asInt());
        JsonNode f = out.path("files").get(0).path("findings").get(0);
        assertEquals(rule, f.path("rule").asString());
        assertEquals("input", f.path("category").asString());
        assertEquals(line, f.path("line").asInt());
        assertEquals(column, f.path("column").asInt());
        assertTrue(out.path("files").get(1).path("valid").asBoolean(), "the good fixture after the bad one is still checked");
    }

    @Test
    void hundredThousandDeepNestingIsAFindingNotACrash(@TempDir Path dir) throws IOException {
        int depth = 100_000;
        StringBuilder sb = new StringBuilder(depth * 8);
        sb.append("{\"displayName\": ");
        for (int i = 0; i < depth; i++) {
            sb.append("{\"a\":");
        }
        sb.append("1");
        sb.append("}".repeat(depth + 1));
        Path f = dir.resolve("deep.json");
        Files.writeString(f, sb);
        Path arrays = dir.resolve("deep-arrays.json");
        Files.writeString(arrays, "[".repeat(depth) + "]".repeat(depth));
        TestSupport.Result r = TestSupport.cli("validate", "--operation", "create", "--format", "json", f.toString(), arrays.toString());
        noStackTrace(r);
        assertEquals(2, r.exit());
        JsonNode out = JSON.readTree(r.out());
        for (JsonNode file : out.path("files")) {
            JsonNode finding = file.path("findings").get(0);
            assertEquals("nesting-depth", finding.path("rule").asString());
            assertEquals(1, finding.path("line").asInt());
            assertTrue(finding.path("column").asInt() > 500 /* the validator's nesting limit */);
        }
    }

    @Test
    void a200MegabyteFileIsRefusedBySizeWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(200L << 20);
        }
        TestSupport.Result r = TestSupport.cli("validate", "--format", "json", big.toString());
        noStackTrace(r);
        assertEquals(2, r.exit());
        JsonNode f = JSON.readTree(r.out()).path("files").get(0).path("findings").get(0);
        assertEquals("too-large", f.path("rule").asString());
        assertTrue(f.path("message").asString().contains("200.0 MiB"), f.toString());
    }

    @Test
    void aFolderOfTenThousandFixturesIsCheckedWhole(@TempDir Path dir) throws IOException {
        byte[] valid = Files.readAllBytes(TestSupport.payloads().resolve("vppToken/2021-03-23/create-valid.json"));
        Path sub = dir.resolve("many");
        Files.createDirectories(sub);
        for (int i = 0; i < 10_000; i++) {
            Files.write(sub.resolve(String.format("f%05d.json", i)), i == 7777 ? "{\"token\": ".getBytes(StandardCharsets.UTF_8) : valid);
        }
        TestSupport.Result r = TestSupport.cli("validate", "--operation", "create", "--format", "json", sub.toString());
        noStackTrace(r);
        assertEquals(2, r.exit(), r.err());
        JsonNode out = JSON.readTree(r.out());
        assertEquals(10_000, out.path("summary").path("fixtures").asInt());
        assertEquals(1, out.path("summary").path("errors").asInt());
        JsonNode bad = out.path("files").get(7777);
        assertTrue(bad.path("file").asString().endsWith("f07777.json"));
        assertEquals("json-syntax", bad.path("findings").get(0).path("rule").asString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--format=xml|unknown --format 'xml'",
        "--fail-on=info|unknown --fail-on 'info'",
        "--entity=vppTokens|did you mean `vppToken`?",
        "--operation=delete|unknown operation 'delete'",
        "--doc-version=last-tuesday|version selector 'last-tuesday'",
        "--doc-version=2001-01-01|no vppToken create schema version matches '2001-01-01'",
        "--catalog=/nonexistent/catalog|not a catalog folder",
        "--max-size=lots|--max-size 'lots'",
    })
    void usageErrorsAreOneLineAndExitTwo(String option, String expected) {
        TestSupport.Result r = TestSupport.cli("validate", option, "--entity=vppToken", "--operation=create",
                TestSupport.payloads().resolve("vppToken/2021-03-23/create-valid.json").toString());
        if (option.startsWith("--entity") || option.startsWith("--operation")) {
            r = TestSupport.cli("validate", option, TestSupport.payloads().resolve("vppToken/2021-03-23/create-valid.json").toString());
        }
        noStackTrace(r);
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void aMissingPathIsReportedInItsPlaceAndTheOthersAreChecked() throws IOException {
        TestSupport.Result r = TestSupport.cli("validate", "--format", "json", "no/such/file.json",
                TestSupport.payloads().resolve("vppToken/2021-03-23/create-valid.http").toString());
        assertEquals(2, r.exit());
        JsonNode files = JSON.readTree(r.out()).path("files");
        assertEquals("no/such/file.json", files.get(0).path("file").asString());
        assertEquals("unreadable", files.get(0).path("findings").get(0).path("rule").asString());
        assertTrue(files.get(1).path("valid").asBoolean());
    }


    @Test
    void aCatalogFolderCanReplaceTheEmbeddedOne() {
        TestSupport.Result cli = TestSupport.cli("validate", "--catalog", TestSupport.testCatalog().toString(), "--doc-version",
                "2018-12-18", TestSupport.payloads().resolve("vppToken/2018-12-18/create-roleScopeTagIds-too-early.http").toString());
        assertEquals(1, cli.exit(), cli.out() + cli.err());
        assertTrue(cli.out().contains("documented from version 2019-07-31"), cli.out());
    }
}
