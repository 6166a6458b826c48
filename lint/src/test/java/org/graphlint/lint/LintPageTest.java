package org.graphlint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.graphlint.parser.ParsedPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's lines are the parser's (one decode, the model's line numbers), whatever the line breaks, a BOM or broken
 * UTF-8, and the same when read again from the file after the page let them go; pages listed from folders are read when
 * linted and give the findings of the same pages given from memory, in the same order.
 */
class LintPageTest {
    @TempDir
    Path tmp;

    private static LintPage page(LintInput in) {
        ParsedPage parsed = PageParser.parseWithLines(in.file(), in.content());
        return LintPage.of(in, parsed.model(), parsed.lines());
    }

    /** The decoded text's lines, split as the parser counts them (CRLF, CR, LF; a final break ends the last line), BOM dropped. */
    private static List<String> expected(byte[] b) {
        String t = new String(b, StandardCharsets.UTF_8);
        if (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
            t = t.substring(1);
        }
        List<String> lines = new ArrayList<>(List.of(t.split("\r\n|\r|\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static List<String> lines(LintPage p) {
        List<String> got = new ArrayList<>();
        for (int n = 1; n <= p.lineCount(); n++) {
            got.add(p.line(n));
        }
        return got;
    }

    @Test
    void linesAreTheDecodedLinesBeforeAndAfterRelease() throws IOException {
        byte[] broken = {'a', (byte) 0xE0, '\n', (byte) 0xD0, (byte) 0xBC, '`', 'x', '`', '\r', '\n', (byte) 0xC3, '\r', 'z'};
        List<byte[]> cases = List.of(
                "# Т\r\n| `токен` | Строка |\r\n\r\nlast".getBytes(StandardCharsets.UTF_8),
                ("\uFEFF# title\nsecond `x`\n").getBytes(StandardCharsets.UTF_8),
                "old\rmac\rbreaks\r\r".getBytes(StandardCharsets.UTF_8),
                "".getBytes(StandardCharsets.UTF_8),
                broken);
        int i = 0;
        for (byte[] b : cases) {
            Path f = tmp.resolve("p" + i++ + ".md");
            Files.write(f, b);
            LintInput listed = LintInput.read(List.of(f), null).get(0);
            LintPage p = page(listed.load());
            List<String> want = expected(b);
            assertEquals(want, lines(p));
            assertEquals("", p.line(0));
            assertEquals("", p.line(p.lineCount() + 1));
            p.release();
            assertTrue(p.input().deferred(), "released: the page holds no bytes");
            assertEquals(want, lines(p), "read again from the file");
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
