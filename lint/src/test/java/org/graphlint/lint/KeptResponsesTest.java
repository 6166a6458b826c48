package org.graphlint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.graphlint.parser.Example;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.graphlint.schema.KeptModel;
import org.graphlint.schema.PageFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lint run keeps the response bodies only of the pages whose own schema the examples pass builds (unless it compares
 * locales): the findings are those of a run that keeps every response, messages included.
 */
class KeptResponsesTest {
    @TempDir
    Path tmp;

    private static List<LintFinding> lint(List<LintInput> inputs, boolean everyResponse) {
        return Linter.builder().build().lint(inputs, everyResponse).findings();
    }

    @Test
    void aResponseTheUpdatePagesBuildReadsIsKeptAndTheFindingsAreThoseOfAWholeRun() throws IOException {
        // a property no table and no JSON representation names, sent by the update page's request and shown by its
        // own response: the builder accepts it as inferred from that response, and the finding says so
        LintRulesTest rules = new LintRulesTest();
        rules.tmp = tmp;
        Path root = rules.tree(LintRulesTest.UPDATE,
                s -> s.replace("\"appleId\": \"Apple Id value\",", "\"appleId\": \"Apple Id value\",\n  \"tokenNote\": \"x\","));
        List<LintInput> in = LintInput.read(List.of(root), null);
        List<LintFinding> slim = lint(in, false);
        assertEquals(lint(in, true), slim);
        LintFinding u = slim.stream().filter(f -> f.rule() == LintRule.EXAMPLE_PROPERTY_UNDOCUMENTED).findFirst().orElseThrow();
        assertEquals("/tokenNote", u.subject());
        assertTrue(u.message().contains("only because the page's examples show it"), u.message());
    }

    @Test
    void theSamplesAndTheLocaleTreesLintAlikeWithEveryResponseKept() {
        List<LintInput> in = new ArrayList<>(LintInput.read(List.of(Path.of("../samples/pages"),
                LintRulesTest.RES.resolve("pages")), null));
        assertEquals(lint(in, true), lint(in, false));
        List<LintInput> locales = Stream.concat(
                LintInput.read(List.of(LintRulesTest.RES.resolve("locales/ru-RU")), "ru-RU").stream(),
                LintInput.read(List.of(LintRulesTest.RES.resolve("locales/pt-BR")), "pt-BR").stream()).toList();
        List<LintFinding> lag = Linter.builder().build().lint(locales).findings();
        assertTrue(lag.stream().anyMatch(f -> f.rule() == LintRule.LOCALE_LAG_SCHEMA), lag.toString());
        assertEquals(lint(locales, true), lag, "a run over locale trees keeps every response");
    }

    @Test
    void theKeptModelDropsResponseBodiesOnlyWhenAsked() throws IOException {
        Path page = LintRulesTest.RES.resolve("pages").resolve(LintRulesTest.UPDATE);
        PageModel m = PageParser.parse(page.toString(), Files.readAllBytes(page));
        PageFacts f = PageFacts.of(m, LintRulesTest.UPDATE);
        assertTrue(ExampleCheck.buildReadsResponses(f), f.toString());
        PageModel slim = new KeptModel().of(m, false);
        PageModel whole = new KeptModel().of(m, true);
        assertEquals(m.examples().size(), slim.examples().size());
        boolean sawResponse = false;
        for (int i = 0; i < m.examples().size(); i++) {
            Example e = m.examples().get(i);
            Example s = slim.examples().get(i);
            assertEquals(e.kind(), s.kind());
            assertEquals(e.method(), s.method());
            assertEquals(e.url(), s.url());
            assertEquals(e.status(), s.status());
            if (e.kind() == Example.Kind.RESPONSE && e.body() != null) {
                sawResponse = true;
                assertNull(s.body());
                assertEquals(e.body(), whole.examples().get(i).body());
            } else {
                assertEquals(e.body(), s.body());
            }
        }
        assertTrue(sawResponse);
        // a GET page's schema is not built: its responses are not kept
        assertFalse(ExampleCheck.buildReadsResponses(new PageFacts(m, f.file(), f.apiVersion(), f.slug(), f.typeName(),
                f.entity(), org.graphlint.schema.OperationKind.RESOURCE, f.kind())));
        assertNotNull(f.entity());
    }
}
