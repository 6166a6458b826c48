package org.graphlint.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.graphlint.schema.Catalog;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Severity;
import org.graphlint.validate.ValidateOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixtures of every sample page, checked by the validator against the page's own doc version. */
class RequestExamplesTest {

    static Path pages() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("samples/pages"))) {
            p = p.getParent();
        }
        return p.resolve("samples/pages");
    }

    @Test
    void everySamplePagesRequestExampleValidatesAgainstItsPagesVersion(@TempDir Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(pages())) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        PayloadValidator v = PayloadValidator.embedded();
        int fixtures = 0;
        int valid = 0;
        List<String> failures = new ArrayList<>();
        for (Path page : files) {
            PageModel m = PageParser.parse(page);
            for (RequestExamples.Fixture f : RequestExamples.of(m, RequestExamples.pageName(page), Catalog.embedded())) {
                fixtures++;
                assertTrue(f.content().startsWith(RequestExamples.MARKER), f.fileName());
                Path out = dir.resolve(f.fileName());
                assertTrue(!Files.exists(out), "two fixtures named " + f.fileName());
                Files.writeString(out, f.content());
                FileReport r = v.validateFile(out, ValidateOptions.defaults().withVersion(
                        f.lastHandoff() == null ? "latest" : f.lastHandoff().toString()));
                for (Finding x : r.findings()) {
                    assertTrue(!x.rule().equals("http-content-length"), f.fileName() + ": " + x.message());
                }
                if (r.passes(Severity.ERROR)) {
                    valid++;
                } else {
                    failures.add(f.fileName() + ": " + r.findings());
                }
            }
        }
        System.out.printf("graphlint examples over samples/pages: %d pages, %d fixtures, %d valid against their page's version (%.1f %%)%n",
                files.size(), fixtures, valid, 100.0 * valid / fixtures);
        assertTrue(fixtures > 200, "fixtures: " + fixtures);
        // the sample pages' examples all validate (as the schema acceptance run reports for them): any failure is a bug
        assertEquals(List.of(), failures);
    }

    @Test
    void namesSayPageAndOperationAndContentLengthIsTheBodysBytes() {
        PageModel m = PageParser.parse(pages().resolve("seeds/000_a50ef260b08e607c.md"));
        List<RequestExamples.Fixture> fs = RequestExamples.of(m, RequestExamples.pageName(pages().resolve("seeds/000_a50ef260b08e607c.md")),
                Catalog.embedded());
        assertEquals(1, fs.size());
        RequestExamples.Fixture f = fs.get(0);
        assertEquals("000_a50ef260b08e607c.vppToken-create.http", f.fileName());
        String body = f.content().substring(f.content().indexOf("\n\n") + 2).strip();
        String declared = f.content().lines().filter(l -> l.toLowerCase().startsWith("content-length:")).findFirst().orElseThrow();
        assertEquals(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                Integer.parseInt(declared.substring(declared.indexOf(':') + 1).strip()));
        assertEquals("ru-RU_intune-onboarding-vpptoken-create_2018-11-30_005de0e",
                RequestExamples.pageName(Path.of("history/ru-RU/beta/api/intune-onboarding-vpptoken-create/2018-11-30_005de0e.md")));
    }

    /** A function call with its parameters in the URL once made a 300-character name the file system refused. */
    @org.junit.jupiter.api.Test
    void longNamesAreCutWithAHashSoTheyStayWritableAndApart() {
        String params = "roleSchedules_directoryScopeId__a3bb8764-cb92-4276-9d2a-ca1e895e55ea__appScopeId__a3bb8764-cb92-"
                + "4276-9d2a-ca1e895e55ea__principalId__a3bb8764-cb92-4276-9d2a-ca1e895e55ea__roleDefinitionId__";
        String a = RequestExamples.shortened("rbacapplication-roleschedules.get-" + params + "1");
        String b = RequestExamples.shortened("rbacapplication-roleschedules.get-" + params + "2");
        assertTrue(a.length() <= RequestExamples.MAX_STEM, a);
        assertTrue(!a.equals(b), "two long names that differ only at the end stay apart");
        assertEquals("vppToken.vppToken-create", RequestExamples.shortened("vppToken.vppToken-create"));
    }
}
