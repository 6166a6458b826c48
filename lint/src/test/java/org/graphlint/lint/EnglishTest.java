package org.graphlint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.junit.jupiter.api.Test;

/** The English page parses to the same rows, types and enums as the sxs page: every seed and history sample. */
class EnglishTest {

    static List<String> rows(PageModel m) {
        return m.properties().stream().map(r -> r.section() + "|" + r.name() + "|" + r.type() + "|" + r.collection() + "|"
                + r.enumValues() + "|" + r.typeLink()).toList();
    }

    static List<String> members(PageModel m) {
        return m.enumMembers().stream().map(e -> e.name() + "=" + e.value()).toList();
    }

    @Test
    void seedsAndHistoryParseTheSame() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("../samples/pages/seeds")), Files.walk(Path.of("../samples/pages/history")))) {
            pages = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertEquals(522, pages.size());
        int withRows = 0;
        for (Path p : pages) {
            byte[] b = Files.readAllBytes(p);
            PageModel before = PageParser.parse(p.toString(), b);
            English.Result en = English.of(new String(b, StandardCharsets.UTF_8));
            assertTrue(en.pairs() > 0, p.toString());
            assertFalse(en.text().contains("sxs-lookup"), p + " still has span pairs");
            PageModel after = PageParser.parse(p.toString(), en.text().getBytes(StandardCharsets.UTF_8));
            assertEquals(rows(before), rows(after), p.toString());
            assertEquals(members(before), members(after), p.toString());
            assertEquals(before.kind(), after.kind(), p.toString());
            // the output has no spans, so the parser reads it as a plain page: its visible title is the English one
            assertEquals(before.title().english(), after.title().english() != null ? after.title().english()
                    : after.title().localized(), p.toString());
            if (!before.properties().isEmpty() || !before.enumMembers().isEmpty()) {
                withRows++;
            }
            // the visible text of a property cell is now its English name
            after.properties().forEach(r -> assertEquals(r.name(), r.localizedName().strip(), p + ":" + r.line()));
        }
        assertTrue(withRows > 400, "pages with rows: " + withRows);
    }

    @Test
    void theRussianHeadingBecomesEnglish() throws IOException {
        String page = Files.readString(Path.of("../samples/pages/seeds/003_81aee09778ce15b0.md"));
        String en = English.of(page).text();
        assertTrue(en.contains("|token|String|"), en);
        assertFalse(en.contains("токен</span>"));
        assertTrue(en.lines().anyMatch(l -> l.startsWith("## ") && l.endsWith("Request body")), en);
    }
}
