package org.graphlint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.graphlint.parser.PageParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines read from a page's bytes (not from a second decode of the whole text) must be the lines of the decoded text,
 * whatever the line breaks, a BOM or broken UTF-8; pages listed from folders are read when linted and give the findings
 * of the same pages given from memory, in the same order.
 */
class LintPageTest {
    @TempDir
    Path tmp;

    private static LintPage page(byte[] b) {
        LintInput in = LintInput.of("t.md", "t.md", null, b);
        return LintPage.of(in, PageParser.parse("t.md", b));
    }

    /** The decoded text's lines, split as the parser counts them (CRLF, CR, LF), BOM dropped. */
    private static List<String> expected(byte[] b) {
        String t = new String(b, StandardCharsets.UTF_8);
        if (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
            t = t.substring(1);
        }
        return List.of(t.split("\r\n|\r|\n", -1));
    }

    @Test
    void linesFromBytesAreTheDecodedLines() {
        byte[] broken = {'a', (byte) 0xE0, '\n', (byte) 0xD0, (byte) 0xBC, '`', 'x', '`', '\r', '\n', (byte) 0xC3, '\r', 'z'};
        List<byte[]> cases = List.of(
                "# Т\r\n| `токен` | Строка |\r\n\r\nlast".getBytes(StandardCharsets.UTF_8),
                ("\uFEFF# title\nsecond `x`\n").getBytes(StandardCharsets.UTF_8),
                "old\rmac\rbreaks".getBytes(StandardCharsets.UTF_8),
                "".getBytes(StandardCharsets.UTF_8),
                broken);
        for (byte[] b : cases) {
            LintPage p = page(b);
            List<String> want = expected(b);
            List<String> got = new ArrayList<>();
            for (int n = 1; n <= p.lineCount(); n++) {
                got.add(p.line(n));
                assertEquals(want.get(n - 1).indexOf('`') >= 0, p.hasBacktick(n), "backtick on line " + n);
            }
            assertEquals(want, got);
            assertEquals("", p.line(p.lineCount() + 1));
            assertFalse(p.hasBacktick(0));
        }
    }

    @Test
    void folderPagesAreReadWhenLintedAndMatchPagesFromMemory() throws IOException {
        Path root = LintRulesTest.RES.resolve("pages");
        List<LintInput> listed = LintInput.read(List.of(root), null);
        assertTrue(listed.stream().allMatch(LintInput::deferred), "listing a folder reads no page");
        List<LintInput> inMemory = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                inMemory.add(LintInput.of(f.toString(), root.relativize(f).toString(), null, Files.readAllBytes(f)));
            }
        }
        LintResult fromFolder = Linter.builder().build().lint(listed);
        LintResult fromMemory = Linter.builder().build().lint(inMemory);
        assertNotEquals(0, fromFolder.findings().size());
        assertEquals(fromMemory.findings(), fromFolder.findings());
        assertTrue(listed.stream().allMatch(LintInput::deferred), "the listed inputs keep no bytes");
    }

    @Test
    void aPageGoneBeforeItIsLintedIsUnreadableNotSkipped() throws IOException {
        Path f = tmp.resolve("gone.md");
        Files.writeString(f, "# gone\n");
        List<LintInput> listed = LintInput.read(List.of(tmp), null);
        Files.delete(f);
        LintResult r = Linter.builder().build().lint(listed);
        assertEquals(1, r.unreadable());
        assertEquals(LintRule.UNREADABLE_PAGE, r.findings().get(0).rule());
    }
}
