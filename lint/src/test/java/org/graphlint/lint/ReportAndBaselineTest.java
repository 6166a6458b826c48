package org.graphlint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Report formats carry the right positions; a baseline hides known findings across line moves, and only those. */
class ReportAndBaselineTest {
    static final Path PAGE = Path.of("src/test/resources/pages/beta/api/intune-onboarding-vpptoken-update.md");

    @TempDir
    Path tmp;

    static LintResult lint(Path... p) {
        return Linter.builder().build().lint(LintInput.read(List.of(p), null));
    }

    @Test
    void sarifResultsParseWithTheFindingsLineAndColumn() throws IOException {
        LintResult r = lint(PAGE);
        JsonNode sarif = JsonMapper.builder().build().readTree(LintFormat.SARIF.write(r, Level.ERROR));
        assertEquals("2.1.0", sarif.path("version").asString());
        JsonNode run = sarif.path("runs").get(0);
        JsonNode results = run.path("results");
        assertEquals(r.findings().size(), results.size());
        List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
        int checked = 0;
        for (JsonNode res : results) {
            if (!res.path("ruleId").asString().equals("translated-identifier")) {
                continue;
            }
            JsonNode region = res.path("locations").get(0).path("physicalLocation").path("region");
            int line = region.path("startLine").asInt();
            int col = region.path("startColumn").asInt();
            String text = lines.get(line - 1);
            // the message names the visible identifier; the region starts on it (UTF-16 columns)
            String msg = res.path("message").path("text").asString();
            String visible = msg.substring(msg.indexOf('`') + 1, msg.indexOf('`', msg.indexOf('`') + 1));
            assertTrue(text.startsWith(visible, col - 1), line + ":" + col + " should start with " + visible);
            assertEquals("error", res.path("level").asString());
            JsonNode rule = run.path("tool").path("driver").path("rules").get(res.path("ruleIndex").asInt());
            assertEquals("translated-identifier", rule.path("id").asString());
            checked++;
        }
        assertEquals(12, checked);
        LintFinding token = r.findings().stream().filter(f -> f.subject().equals("token<-токен")).findFirst().orElseThrow();
        assertEquals(62, token.line());
        assertEquals(32, token.column());
    }

    @Test
    void otherFormatsNameRuleAndPosition() {
        LintResult r = lint(PAGE);
        String gh = LintFormat.GITHUB.write(r, Level.ERROR);
        assertTrue(gh.contains("::error file=" + LintFormat.property(PAGE.toString()) + ",line=62,col=32,title=graphlint translated-identifier::"), gh);
        assertTrue(gh.contains("::warning "), gh);
        String text = LintFormat.TEXT.write(r, Level.ERROR);
        assertTrue(text.contains(PAGE + ":62:32: error [translated-identifier]"), text);
        String md = LintFormat.MARKDOWN.write(r, Level.ERROR);
        assertTrue(md.contains("| `translated-identifier` | 12 |"), md);
        String junit = LintFormat.JUNIT.write(r, Level.ERROR);
        assertTrue(junit.contains("failures=\"1\""), junit);
        JsonNode json = JsonMapper.builder().build().readTree(LintFormat.JSON.write(r, Level.ERROR));
        assertEquals(1, json.path("exitCode").asInt());
        assertEquals(12, json.path("byRule").path("translated-identifier").asInt());
        assertEquals(r.findings().size(), json.path("findings").size());
    }

    @Test
    void baselineRoundTrip() throws IOException {
        Path page = tmp.resolve("page.md");
        Files.copy(PAGE, page);
        Path base = tmp.resolve("lint-baseline.json");
        LintResult first = lint(page);
        assertTrue(first.findings().size() > 10);
        Baseline.write(base, first.findings());
        // re-run: everything known, exit 0
        Baseline.Applied again = Baseline.read(base).apply(lint(page).findings());
        assertEquals(0, again.kept().size());
        assertEquals(first.findings().size(), again.suppressed());
        // lines move (three lines inserted above the table): still nothing new
        String text = Files.readString(page);
        Files.writeString(page, text.replaceFirst("\n## ", "\n\nA new paragraph.\n\n## "));
        LintResult moved = lint(page);
        assertTrue(moved.findings().stream().anyMatch(f -> f.subject().equals("token<-токен") && f.line() == 65));
        assertEquals(0, Baseline.read(base).apply(moved.findings()).kept().size());
        // one page mutated: exactly the new finding
        Files.writeString(page, Files.readString(page).replaceFirst("\"state\": \"valid\"", "\"state\": \"Valid\""));
        List<LintFinding> fresh = Baseline.read(base).apply(lint(page).findings()).kept();
        assertEquals(1, fresh.size(), fresh.toString());
        assertEquals(LintRule.EXAMPLE_ENUM_VALUE, fresh.get(0).rule());
        // and a second copy of a known finding is new too (a count, not a set)
        Files.writeString(page, Files.readString(page).replace("data-ttu-id=\"e56a8-155\">String<", "data-ttu-id=\"e56a8-155\">Строка<"));
        List<LintFinding> more = Baseline.read(base).apply(lint(page).findings()).kept();
        assertEquals(2, more.size(), more.toString());
    }

    @Test
    void aFileThatIsNotABaselineIsNeverOverwritten() throws IOException {
        Path notes = tmp.resolve("notes.json");
        Files.writeString(notes, "{\"mine\": true}\n");
        LintException e = assertThrows(LintException.class, () -> Baseline.write(notes, lint(PAGE).findings()));
        assertTrue(e.getMessage().contains("not a graphlint baseline"), e.getMessage());
        assertEquals("{\"mine\": true}\n", Files.readString(notes));
        Path text = tmp.resolve("README");
        Files.writeString(text, "hello");
        assertThrows(LintException.class, () -> Baseline.write(text, List.of()));
        assertEquals("hello", Files.readString(text));
        assertThrows(LintException.class, () -> Baseline.read(text));
        // no temporary files left behind
        try (var s = Files.list(tmp)) {
            assertEquals(2, s.count());
        }
        // our own baseline is replaced
        Path base = tmp.resolve("b.json");
        Baseline.write(base, lint(PAGE).findings());
        Baseline.write(base, List.of());
        assertEquals(0, Baseline.read(base).size());
    }
}
