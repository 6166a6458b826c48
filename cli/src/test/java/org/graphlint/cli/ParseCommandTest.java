package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ParseCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GraphlintCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples/pages/seeds"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("samples not found");
    }

    @Test
    void jsonHasExactlyTheDocumentedTopLevelFields() throws IOException {
        Run r = run("parse", "--format", "json", samples().resolve("pages/seeds/001_df977c7fe14f72a9.md").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode page = JsonMapper.builder().build().readTree(r.out());
        List<String> fields = page.propertyNames().stream().toList();
        assertEquals(List.of("file", "format", "locale", "lastHandoff", "sourceCommit", "openLocFileHash", "title", "kind",
                "operation", "permissions", "properties", "enumMembers", "examples", "diagnostics"), fields);
        assertEquals("sxs", page.get("format").asString());
        assertEquals("2021-03-23", page.get("lastHandoff").asString());
        assertEquals("POST", page.get("operation").get("method").asString());
        assertEquals(18, page.get("properties").size());
        JsonNode state = page.get("properties").get(8);
        assertEquals("state", state.get("name").asString());
        assertEquals("sxs", state.get("nameSource").asString());
        assertEquals(6, state.get("enumValues").size());
    }

    @Test
    void severalPagesGiveJsonLines() {
        Run r = run("parse", samples().resolve("pages/seeds").toString());
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(5, lines.length);
        for (String l : lines) {
            assertTrue(l.startsWith("{\"file\":"), l);
        }
    }

    @Test
    void statsSummarise() {
        Run r = run("parse", "--stats", samples().resolve("pages/seeds").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("pages: 5"), r.out());
        assertTrue(r.out().contains("names by nameSource: {sxs=89}"), r.out());
        assertTrue(r.out().contains("content-length-mismatch=10"), r.out());
    }

    @Test
    void unreadableInputIsOneLineAndExitTwoAndTheOtherPagesAreStillRead(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a-binary.md"), new byte[] {1, 2, 0, 3});
        Files.copy(samples().resolve("pages/seeds/000_a50ef260b08e607c.md"), dir.resolve("b-good.md"));
        Run r = run("parse", "--format", "text", dir.toString(), dir.resolve("missing.md").toString());
        assertEquals(2, r.exit());
        List<String> errs = r.err().lines().toList();
        assertEquals(2, errs.size(), r.err());
        assertTrue(errs.get(0).contains("missing.md: no such file or folder"), r.err());
        assertTrue(errs.get(1).contains("a-binary.md: binary file"), r.err());
        assertTrue(r.out().contains("b-good.md"), r.out());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void errorDiagnosticsMakeExitOne(@TempDir Path dir) throws IOException {
        byte[] b = Files.readAllBytes(samples().resolve("pages/seeds/000_a50ef260b08e607c.md"));
        b[400] = (byte) 0xFF;
        Files.write(dir.resolve("bad-utf8.md"), b);
        Run r = run("parse", "--format", "text", dir.resolve("bad-utf8.md").toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("error invalid-utf8"), r.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("parse").exit());
        assertEquals(2, run("parse", "--format", "yaml", "x.md").exit());
        assertEquals(2, run("no-such-command").exit());
    }

    @Test
    void failOnIsAnEnumOptionWithValidatesSpellingsAndMessage(@TempDir Path dir) throws IOException {
        String page = samples().resolve("pages/seeds/001_df977c7fe14f72a9.md").toString();
        Run bad = run("parse", "--stats", "--fail-on", "info", page);
        assertEquals(2, bad.exit());
        assertEquals("graphlint parse: unknown --fail-on 'info': use error, warning or none", bad.err().strip());
        assertEquals("", bad.out(), "refused before any page is read");
        // any letter case, as validate; the threshold still decides the exit code
        byte[] b = Files.readAllBytes(samples().resolve("pages/seeds/000_a50ef260b08e607c.md"));
        b[400] = (byte) 0xFF;
        Files.write(dir.resolve("bad-utf8.md"), b);
        String broken = dir.resolve("bad-utf8.md").toString();
        assertEquals(1, run("parse", "--stats", "--fail-on", "ERROR", broken).exit());
        assertEquals(0, run("parse", "--stats", "--fail-on", "None", broken).exit());
        assertEquals(1, run("parse", "--stats", "--fail-on", "warning", page).exit(), "the seed page has warnings");
        assertEquals(0, run("parse", "--stats", page).exit(), "default: error");
    }
}
