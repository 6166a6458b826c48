package org.graphlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link PageParser#parseWithLines}: the same model as {@link PageParser#parse(String, byte[])}, and the lines its line
 * numbers count, which {@link PageParser#lines} gives again from the bytes alone.
 */
class ParsedPageTest {

    @Test
    void theModelIsParsesAndTheLinesAreTheOnesItsLineNumbersCount() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(Samples.ROOT.resolve("pages"))) {
            pages = s.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(pages.size() > 20, "the sample pages: " + pages.size());
        int rows = 0;
        for (Path f : pages) {
            byte[] b = Files.readAllBytes(f);
            ParsedPage p = PageParser.parseWithLines(f.toString(), b);
            assertEquals(PageParser.parse(f.toString(), b), p.model(), f.toString());
            assertEquals(PageParser.lines(b), p.lines(), f.toString());
            for (PropertyRow r : p.model().properties()) {
                String line = p.lines().get(r.line() - 1);
                assertTrue(line.contains("|"), f + ":" + r.line() + " is a table row: " + line);
                rows++;
            }
            for (EnumMember m : p.model().enumMembers()) {
                assertTrue(p.lines().get(m.line() - 1).contains("|"), f + ":" + m.line());
            }
        }
        assertTrue(rows > 100, "property rows seen: " + rows);
    }

    @Test
    void linesDropTheBomSplitEveryBreakAndReplaceInvalidUtf8() {
        byte[] b = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\r', '\n', 'b', '\r', 'c', '\n', (byte) 0xE0, '\n', '\n'};
        assertEquals(List.of("a", "b", "c", "\uFFFD", ""), PageParser.lines(b));
        assertEquals(List.of(), PageParser.lines(new byte[0]));
        assertEquals(List.of("x"), PageParser.lines("x\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), PageParser.lines(new byte[] {'a', 0, '\n'}), "a binary page has no lines");
        ParsedPage p = PageParser.parseWithLines("t.md", "# T\n\nx\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("# T", "", "x"), p.lines());
        assertThrows(UnsupportedOperationException.class, () -> p.lines().set(0, "changed"));
        assertFalse(p.model().diagnostics().stream().anyMatch(d -> d.code().equals("invalid-utf8")));
    }

    @Test
    void aBinaryPageIsRefusedAsParseRefusesIt() {
        byte[] b = {'#', ' ', 0, 'x'};
        PageReadException e = assertThrows(PageReadException.class, () -> PageParser.parseWithLines("image.png", b));
        assertEquals(assertThrows(PageReadException.class, () -> PageParser.parse("image.png", b)).getMessage(), e.getMessage());
    }
}
