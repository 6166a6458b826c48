package org.graphlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every historical vppToken page (sxs and plain, as copied from ../shared/corpus) parses cleanly. */
class AllSamplesTest {
    @Test
    void everyHistoryAndPlainPageParsesWithoutErrors() throws IOException {
        List<Path> files = new ArrayList<>(TwinAgreementTest.pages(Samples.ROOT.resolve("pages/history")));
        int sxs = files.size();
        files.addAll(TwinAgreementTest.pages(Samples.ROOT.resolve("plain-pages")));
        assertEquals(517, sxs);
        assertEquals(517 + 558, files.size());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            PageModel p = PageParser.parse(f);
            PageFormat expected = i < sxs ? PageFormat.SXS : PageFormat.PLAIN;
            if (p.format() != expected) {
                problems.add(f + ": format " + p.format());
            }
            if (p.locale() == null || p.lastHandoff() == null || p.sourceCommit() == null) {
                problems.add(f + ": front matter incomplete " + p.frontMatter());
            }
            String dir = f.getParent().getFileName().toString();
            PageKind kind = dir.endsWith("-create") || dir.endsWith("-update") || dir.endsWith("-get") || dir.endsWith("-list")
                    ? PageKind.METHOD
                    : dir.endsWith("vpptoken") ? PageKind.RESOURCE
                    : dir.endsWith("actionresult") ? PageKind.COMPLEX_TYPE : PageKind.ENUM;
            if (p.kind() != kind) {
                problems.add(f + ": kind " + p.kind() + ", expected " + kind);
            }
            if (kind == PageKind.METHOD) {
                assertNotNull(p.operation(), f.toString());
            }
            // beta vppToken has 15-18 properties over the years, v1.0 has 12
            int least = f.toString().contains("/v1.0/") ? 12 : 15;
            if ((kind == PageKind.RESOURCE || dir.endsWith("-create")) && p.properties().size() < least) {
                problems.add(f + ": only " + p.properties().size() + " properties");
            }
            p.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                    .forEach(d -> problems.add(f + ":" + d.line() + ": " + d.code() + " " + d.message()));
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + problems.subList(0, Math.min(10, problems.size())));
    }
}
