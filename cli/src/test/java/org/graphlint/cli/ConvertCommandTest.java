package org.graphlint.cli;

import static org.graphlint.cli.TestSupport.cli;
import static org.graphlint.cli.TestSupport.payloads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graphlint.cli.TestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConvertCommandTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path SEED = payloads().resolve("vppToken/2021-03-23/create-valid.http");
    static final Path DUPLICATE = payloads().resolve("vppToken/2021-03-23/create-duplicateLocationId-valid.http");

    @Test
    void theSeedRequestTo2018DropsRoleScopeTagIdsOnOneLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("create-2018.http");
        Result r = cli("convert", "--to", "2018-12-18", SEED.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> changeLines = r.out().lines().filter(l -> l.startsWith("  /")).toList();
        assertEquals(1, changeLines.size(), r.out());
        assertTrue(changeLines.get(0).startsWith("  /roleScopeTagIds  removed (lost)  property-not-in-target"), r.out());
        String text = Files.readString(out);
        assertFalse(text.contains("roleScopeTagIds"));
        assertTrue(text.startsWith("# duplicateLocationId") || text.startsWith(Files.readString(SEED).lines().findFirst().get()));
        // validate agrees: valid against the target, and Content-Length is right (no warning)
        Result v = cli("validate", "--doc-version", "2018-12-18", out.toString());
        assertEquals(0, v.exit(), v.out());
        assertFalse(v.out().contains("warning"), v.out());
    }

    @Test
    void aValueTheTargetCannotKeepIsReportedAndFailsOnlyWithFailOnLoss() {
        Result r = cli("convert", "--to", "2020-04-14", DUPLICATE.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("/state  removed (lost)  enum-value-not-in-target"), r.err());
        assertTrue(r.err().contains("duplicateLocationId"), r.err());
        assertFalse(r.out().contains("\"duplicateLocationId\""), "stdout is the converted fixture");
        assertTrue(r.out().startsWith("# duplicateLocationId"), r.out());
        Result strict = cli("convert", "--to", "2020-04-14", "--fail-on-loss", DUPLICATE.toString());
        assertEquals(1, strict.exit());
    }

    @Test
    void theJsonReportHasItsDocumentedShape() throws Exception {
        Result r = cli("convert", "--to", "2018-12-18", "--format", "json", SEED.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("graphlint-convert/1", j.get("format").asString());
        assertEquals(1, j.at("/summary/lost").asInt());
        JsonNode body = j.at("/files/0/bodies/0");
        assertEquals("2020-06-18", body.get("from").asString());
        assertEquals("2018-11-29", body.get("to").asString());
        JsonNode ch = body.at("/changes/0");
        assertEquals("/roleScopeTagIds", ch.get("pointer").asString());
        assertEquals("property-not-in-target", ch.get("kind").asString());
        assertEquals("removed", ch.get("outcome").asString());
        assertTrue(ch.get("lossy").asBoolean());
        assertEquals("[\"Role Scope Tag Ids value\"]", ch.get("oldValue").asString());
        assertTrue(ch.get("newValue").isNull());
        assertFalse(j.at("/files/0/output").asString().contains("roleScopeTagIds"));
    }

    @Test
    void aConversionToTheSameVersionChangesNothing() {
        Result r = cli("convert", "--to", "latest", SEED.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("no change"), r.err());
        assertEquals(readUnchecked(SEED), r.out());
    }

    @Test
    void inPlaceReplacesOnlyChangedFixturesAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path a = Files.copy(SEED, dir.resolve("a.http"));
        Path b = Files.copy(payloads().resolve("vppToken/2018-12-18/create-valid.json"), dir.resolve("b-create.json"));
        long bTime = Files.getLastModifiedTime(b).toMillis();
        Result r = cli("convert", "--to", "2018-12-18", "--in-place", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertFalse(Files.readString(a).contains("roleScopeTagIds"));
        assertEquals(bTime, Files.getLastModifiedTime(b).toMillis(), "an unchanged fixture is not rewritten");
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "a temporary file was left behind");
        }
    }

    @Test
    void outputNeverOverwritesAFileGraphlintDidNotWrite(@TempDir Path dir) throws Exception {
        Path existing = dir.resolve("mine.http");
        Files.writeString(existing, "precious");
        Result r = cli("convert", "--to", "2018-12-18", SEED.toString(), "-o", existing.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("never overwrites"), r.out());
        assertEquals("precious", Files.readString(existing));
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("x-create.json");
        Files.writeString(bad, "{\"organizationName\": ");
        Result r = cli("convert", "--to", "2018-12-18", "--in-place", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("json-syntax") || r.out().contains("not valid JSON"), r.out());
        assertEquals("{\"organizationName\": ", Files.readString(bad));
        assertFalse(r.err().contains("Exception"), r.err());
        Path invalidEverywhere = dir.resolve("y-create.json");
        Files.writeString(invalidEverywhere, "{\"organisationName\": \"x\"}");
        // the embedded catalog is all of Graph: a body naming no entity is routed by --entity, never guessed
        Result none = cli("convert", "--entity", "vppToken", "--to", "2018-12-18", invalidEverywhere.toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no-source-version") && none.err().contains("--from"), none.err());
        Result forced = cli("convert", "--entity", "vppToken", "--from", "latest", "--to", "2018-12-18",
                invalidEverywhere.toString());
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(forced.err().contains("not valid against --from"), forced.err());
        assertEquals("{}", forced.out());
    }

    @Test
    void aPipeOrADeviceIsRefusedBeforeItIsOpened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe-create.json");
        try {
            new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        } catch (java.io.IOException e) {
            return; // no mkfifo here: /dev/zero below still checks the rule
        }
        if (Files.exists(fifo)) {
            Result r = cli("convert", "--to", "2018-12-18", dir.toString());
            assertEquals(2, r.exit());
            assertTrue(r.out().contains("not a regular file"), r.out());
        }
        Result zero = cli("convert", "--to", "2018-12-18", "/dev/zero");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("not a regular file"), zero.err());
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) {
        assertEquals(2, cli("convert", SEED.toString()).exit());
        assertEquals(2, cli("convert", "--to", "2018-12-18", "-o", dir.resolve("o").toString(), SEED.toString(),
                DUPLICATE.toString()).exit());
        assertEquals(2, cli("convert", "--to", "not-a-version!", SEED.toString()).exit());
        assertEquals(2, cli("convert", "--to", "2018-12-18", dir.resolve("missing.json").toString()).exit());
    }

    private static String readUnchecked(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
