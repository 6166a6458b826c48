package org.graphlint.cli;

import static org.graphlint.cli.TestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graphlint lint}: exit codes as for validate, formats, the baseline from the command line, bad input. */
class LintCommandTest {
    static final Path SEED = TestSupport.repoRoot().resolve("samples/pages/seeds/003_81aee09778ce15b0.md");

    @TempDir
    Path tmp;

    @Test
    void exitCodesAndFailOn() {
        TestSupport.Result r = cli("lint", SEED.toString());
        assertEquals(ExitCode.FINDINGS, r.exit(), r.err());
        assertTrue(r.out().contains(":62:32: error [translated-identifier]"), r.out());
        TestSupport.Result off = cli("lint", "--rule", "translated-identifier=off", SEED.toString());
        assertEquals(ExitCode.OK, off.exit(), off.out()); // only warnings left: below --fail-on error
        TestSupport.Result warn = cli("lint", "--rule", "translated-identifier=off", "--fail-on", "warning", SEED.toString());
        assertEquals(ExitCode.FINDINGS, warn.exit());
        assertEquals(ExitCode.USAGE_OR_INPUT, cli("lint", "--format", "yaml", SEED.toString()).exit());
        assertEquals(ExitCode.USAGE_OR_INPUT, cli("lint", "--rule", "no-such-rule=off", SEED.toString()).exit());
        assertEquals(ExitCode.USAGE_OR_INPUT, cli("lint").exit());
        TestSupport.Result rules = cli("lint", "--list-rules");
        assertEquals(ExitCode.OK, rules.exit());
        assertTrue(rules.out().contains("locale-lag-schema"), rules.out());
    }

    @Test
    void unreadableInputIsOneLineAndExitTwo() throws IOException {
        TestSupport.Result r = cli("lint", tmp.resolve("nope.md").toString());
        assertEquals(ExitCode.USAGE_OR_INPUT, r.exit());
        assertTrue(r.out().contains("nope.md: no such file or folder"), r.out());
        TestSupport.Result md = cli("lint", "--metadata", tmp.resolve("none.xml").toString(), SEED.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT, md.exit());
        assertEquals(1, md.err().strip().lines().count(), md.err());
        assertFalse(md.err().contains("Exception"), md.err());
    }

    @Test
    void baselineFromTheCommandLine() throws IOException {
        Path page = tmp.resolve("docs/page.md");
        Files.createDirectories(page.getParent());
        Files.copy(SEED, page);
        Path base = tmp.resolve("graphlint-baseline.json");
        TestSupport.Result w = cli("lint", "--baseline", base.toString(), "--write-baseline", page.toString());
        assertEquals(ExitCode.OK, w.exit(), w.err());
        TestSupport.Result again = cli("lint", "--baseline", base.toString(), page.toString());
        assertEquals(ExitCode.OK, again.exit(), again.out());
        assertTrue(again.out().contains("left out by the baseline"), again.out());
        Files.writeString(page, Files.readString(page).replaceFirst("\"token\": \"Token value\"", "\"токен\": \"Token value\""));
        TestSupport.Result fresh = cli("lint", "--baseline", base.toString(), "--format", "sarif", page.toString());
        assertEquals(ExitCode.FINDINGS, fresh.exit());
        assertEquals(1, fresh.out().split("\"ruleId\"", -1).length - 1, fresh.out());
        assertTrue(fresh.out().contains("\"ruleId\" : \"example-key-translated\""), fresh.out());
        // a file graphlint did not write is left alone
        Path mine = tmp.resolve("mine.json");
        Files.writeString(mine, "[]");
        TestSupport.Result refused = cli("lint", "--baseline", mine.toString(), "--write-baseline", page.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT, refused.exit());
        assertEquals("[]", Files.readString(mine));
    }

    @Test
    void englishPrintsTheEnglishPage() throws IOException {
        TestSupport.Result r = cli("english", SEED.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().contains("|token|String|"), r.out());
        assertFalse(r.out().contains("sxs-lookup"));
        assertEquals(ExitCode.USAGE_OR_INPUT, cli("english", tmp.resolve("none.md").toString()).exit());
        Path bad = tmp.resolve("bad.md");
        Files.write(bad, new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28});
        TestSupport.Result b = cli("english", bad.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT, b.exit());
        assertTrue(b.err().contains("not valid UTF-8"), b.err());
        assertEquals(ExitCode.USAGE_OR_INPUT, cli("english", tmp.toString()).exit());
    }
}
