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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken pages give diagnostics with lines, or one-line PageReadExceptions; nothing else escapes. */
class BadInputTest {
    static byte[] seed() throws IOException {
        return Files.readAllBytes(Samples.seed(SeedPagesTest.RU_CREATE));
    }

    static String seedText() throws IOException {
        return new String(seed(), StandardCharsets.UTF_8);
    }

    static boolean has(PageModel p, String code, int line) {
        return p.diagnostics().stream().anyMatch(d -> d.code().equals(code) && (line < 0 || d.line() == line));
    }

    @Test
    void truncatedSpanIsReadLenientlyAndReported() throws IOException {
        String text = seedText();
        String row = "|<span data-ttu-id=\"f3296-154\">токен</span><span class=\"sxs-lookup\"><span data-stu-id=\"f3296-154\">token</span></span>|";
        assertTrue(text.contains(row));
        String cut = text.replace(row, "|<span data-ttu-id=\"f3296-154\">токен</span><span class=\"sxs-lookup\"><span data-stu-id=\"f3296-154\">tok|");
        PageModel p = PageParser.parse("cut.md", cut.getBytes(StandardCharsets.UTF_8));
        assertTrue(has(p, "broken-span", 62), p.diagnostics().toString());
        assertEquals(18, p.properties().size());
    }

    @Test
    void tableRowWithAMissingCellIsReportedAndKept() throws IOException {
        String text = seedText();
        String[] lines = text.split("\n", -1);
        // line 62 is the token row: keep only its name cell
        String row = lines[61];
        lines[61] = row.substring(0, row.indexOf("|", 1) + 1);
        PageModel p = PageParser.parse("short.md", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        assertTrue(has(p, "table-row-short", 62), p.diagnostics().toString());
        PropertyRow token = p.properties().stream().filter(r -> r.line() == 62).findFirst().orElseThrow();
        assertEquals("token", token.name());
    }

    @Test
    void invalidUtf8IsReplacedAndReportedWithItsLine() throws IOException {
        byte[] b = seed();
        String text = new String(b, StandardCharsets.UTF_8);
        int at = text.indexOf("organizationName");
        int byteAt = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        b[byteAt] = (byte) 0xFF;
        PageModel p = PageParser.parse("bad.md", b);
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        assertTrue(has(p, "invalid-utf8", line), p.diagnostics().toString());
        assertEquals(18, p.properties().size());
    }

    @Test
    void bomAndCrlfAreAccepted() throws IOException {
        String crlf = seedText().replace("\n", "\r\n");
        byte[] body = crlf.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        PageModel p = PageParser.parse("bom.md", withBom);
        PageModel original = PageParser.parse("orig.md", seed());
        assertEquals(original.properties(), p.properties());
        assertEquals(original.frontMatter(), p.frontMatter());
        assertTrue(has(p, "bom", 1));
    }

    @Test
    void emptyFileIsAnErrorDiagnostic() {
        PageModel p = PageParser.parse("empty.md", new byte[0]);
        assertTrue(has(p, "empty-page", -1));
        assertTrue(p.properties().isEmpty());
        assertEquals(PageKind.OTHER, p.kind());
    }

    @Test
    void binaryFileIsRefusedOnOneLine() {
        byte[] b = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13};
        PageReadException e = assertThrows(PageReadException.class, () -> PageParser.parse("image.png", b));
        assertTrue(e.getMessage().startsWith("image.png: binary file"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void fiftyMegabyteFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.md");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), 50L * 1000 * 1000 - 1);
        }
        PageReadException e = assertThrows(PageReadException.class, () -> PageParser.parse(big));
        assertTrue(e.getMessage().contains("50.0 MB"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void missingFileIsOneLine() {
        PageReadException e = assertThrows(PageReadException.class, () -> PageParser.parse(Path.of("no/such/page.md")));
        assertEquals("no/such/page.md: no such file", e.getMessage());
    }

    @Test
    void unclosedFenceAndFrontMatterAreReported() throws IOException {
        String text = seedText();
        PageModel cutAtBody = PageParser.parse("trunc.md", text.substring(0, text.indexOf("\"roleScopeTagIds\"")).getBytes(StandardCharsets.UTF_8));
        assertTrue(has(cutAtBody, "fence-unclosed", -1), cutAtBody.diagnostics().toString());
        assertTrue(has(cutAtBody, "example-body-not-json", -1), cutAtBody.diagnostics().toString());
        PageModel noClose = PageParser.parse("fm.md", "---\ntitle: x\n# heading\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(has(noClose, "front-matter-unclosed", 1));
    }

    @Test
    void everyPrefixOfASeedPageParses() throws IOException {
        byte[] b = seed();
        for (int len = 0; len <= b.length; len += 97) {
            PageModel p = PageParser.parse("prefix.md", java.util.Arrays.copyOf(b, len));
            assertTrue(p.properties().size() <= 18);
        }
    }

    @Test
    void nonJsonBodyIsReportedAtItsLine() {
        String page = String.join("\n", List.of("---", "title: t", "---", "# T", "## Example", "```http",
                "POST https://graph.microsoft.com/beta/x", "Content-type: application/json", "", "{", "  \"a\": tru", "}", "```"));
        PageModel p = PageParser.parse("x.md", page.getBytes(StandardCharsets.UTF_8));
        assertTrue(has(p, "example-body-not-json", 11), p.diagnostics().toString());
        assertEquals(1, p.examples().size());
        assertEquals(null, p.examples().get(0).body());
    }
}
