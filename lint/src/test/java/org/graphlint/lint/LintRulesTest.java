package org.graphlint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule on real pages copied from samples/ (a ru-RU vppToken update page and its type pages, locale trees, a v1.0
 * resource page with the v1.0 CSDL's vppToken types), then on copies mutated the way translation and editing break them.
 */
class LintRulesTest {
    static final Path RES = Path.of("src/test/resources");
    static final String UPDATE = "beta/api/intune-onboarding-vpptoken-update.md";

    @TempDir
    Path tmp;

    /** A copy of the test page tree with one page changed. */
    Path tree(String page, UnaryOperator<String> mutation) throws IOException {
        return tree(java.util.Map.of(page, mutation));
    }

    /** A copy of the test page tree with some pages changed. */
    Path tree(java.util.Map<String, UnaryOperator<String>> mutations) throws IOException {
        Path root = tmp.resolve("pages");
        try (Stream<Path> s = Files.walk(RES.resolve("pages"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Path to = root.resolve(RES.resolve("pages").relativize(f).toString());
                Files.createDirectories(to.getParent());
                String text = Files.readString(f);
                for (var m : mutations.entrySet()) {
                    if (f.endsWith(m.getKey())) {
                        text = m.getValue().apply(text);
                    }
                }
                Files.writeString(to, text);
            }
        }
        return root;
    }

    static LintResult lint(Path... paths) {
        return Linter.builder().build().lint(LintInput.read(List.of(paths), null));
    }

    /** Rule and subject of each finding: short enough for an assertion message. */
    static String brief(LintResult r) {
        return r.findings().stream().map(f -> f.rule().id() + " " + f.subject() + " @" + f.line()).toList().toString();
    }

    static List<LintFinding> of(LintResult r, LintRule rule) {
        return r.findings().stream().filter(f -> f.rule() == rule).toList();
    }

    static String lineOf(LintFinding f) throws IOException {
        return Files.readAllLines(Path.of(f.file()), StandardCharsets.UTF_8).get(f.line() - 1);
    }

    /** The finding's column points at the text it names. */
    static void pointsAt(LintFinding f, String text) throws IOException {
        String line = lineOf(f);
        assertTrue(f.column() >= 1, f.toString());
        assertTrue(line.startsWith(text, f.column() - 1), "column " + f.column() + " of '" + line + "' should start '" + text + "'");
    }

    @Test
    void translatedPropertyAndTypeCellsOfTheRealPage() throws IOException {
        LintResult r = lint(tree(UPDATE, s -> s));
        List<LintFinding> t = of(r, LintRule.TRANSLATED_IDENTIFIER).stream().filter(f -> f.file().endsWith(UPDATE)).toList();
        LintFinding token = t.stream().filter(f -> f.subject().equals("token<-токен")).findFirst().orElseThrow();
        assertEquals(62, token.line());
        pointsAt(token, "токен</span>");
        assertTrue(token.message().contains("write `token`"), token.message());
        assertTrue(t.stream().anyMatch(f -> f.subject().equals("vppTokenState<-впптокенстате")), t.toString());
        // identifiers kept as they are are not findings
        assertFalse(t.stream().anyMatch(f -> f.subject().startsWith("organizationName")), t.toString());
    }

    @Test
    void reCasedCellAndTranslatedCodeSpan() throws IOException {
        Path root = tree(UPDATE, s -> s
                .replace("<span data-ttu-id=\"e56a8-145\">appleId</span>", "<span data-ttu-id=\"e56a8-145\">AppleId</span>")
                .replaceFirst("(<span data-ttu-id=\"[^\"]*\">[^<]*)`200 OK`", "$1`200 ОК`"));
        LintResult r = lint(root);
        List<LintFinding> t = of(r, LintRule.TRANSLATED_IDENTIFIER);
        LintFinding apple = t.stream().filter(f -> f.subject().equals("appleId<-AppleId")).findFirst().orElseThrow();
        pointsAt(apple, "AppleId</span>");
        assertTrue(apple.message().contains("re-cased"), apple.message());
        // `200 OK` is not an identifier: no finding; an identifier code span is
        assertFalse(t.stream().anyMatch(f -> f.subject().contains("200")), t.toString());
        Path root2 = tree(UPDATE, s -> s.replace("vppTokenAccountType</span>", "vppTokenAccountType</span>")
                .replaceFirst("<span data-ttu-id=\"([^\"]*)\">([^<]*)`200 OK`", "<span data-ttu-id=\"$1\">$2`200 OK` `токенСостояние`")
                .replaceFirst("(<span data-stu-id=\"[^\"]*\">[^<]*)`200 OK`", "$1`200 OK` `tokenState`"));
        LintFinding code = of(lint(root2), LintRule.TRANSLATED_IDENTIFIER).stream()
                .filter(f -> f.subject().equals("tokenState<-токенСостояние")).findFirst().orElseThrow();
        pointsAt(code, "`токенСостояние`");
    }

    @Test
    void translatedAndReCasedExampleKeys() throws IOException {
        Path root = tree(UPDATE, s -> s.replaceFirst("\"token\": \"Token value\"", "\"токен\": \"Token value\"")
                .replaceFirst("\"appleId\": \"Apple Id value\"", "\"AppleID\": \"Apple Id value\""));
        LintResult r = lint(root);
        List<LintFinding> k = of(r, LintRule.EXAMPLE_KEY_TRANSLATED);
        assertEquals(2, k.size(), brief(r));
        LintFinding tok = k.stream().filter(f -> f.subject().equals("/токен->token")).findFirst().orElseThrow();
        assertEquals(96, tok.line());
        pointsAt(tok, "\"токен\"");
        assertTrue(tok.message().contains("write \"token\""), tok.message());
        LintFinding apple = k.stream().filter(f -> f.subject().equals("/AppleID->appleId")).findFirst().orElseThrow();
        assertEquals(93, apple.line());
        pointsAt(apple, "\"AppleID\"");
        // the unmutated page has none
        assertTrue(of(lint(tree(UPDATE, s -> s)), LintRule.EXAMPLE_KEY_TRANSLATED).isEmpty());
    }

    @Test
    void enumValueReCasedOrUndocumentedAndWrongType() throws IOException {
        Path root = tree(UPDATE, s -> s.replaceFirst("\"state\": \"valid\"", "\"state\": \"Valid\"")
                .replaceFirst("\"lastSyncStatus\": \"inProgress\"", "\"lastSyncStatus\": \"running\"")
                .replaceFirst("\"automaticallyUpdateApps\": true", "\"automaticallyUpdateApps\": \"yes\""));
        LintResult r = lint(root);
        List<LintFinding> e = of(r, LintRule.EXAMPLE_ENUM_VALUE);
        assertEquals(2, e.size(), brief(r));
        LintFinding cased = e.stream().filter(f -> f.subject().startsWith("/state=")).findFirst().orElseThrow();
        assertEquals(97, cased.line());
        pointsAt(cased, "\"state\"");
        assertTrue(cased.message().contains("write \"valid\""), cased.message());
        LintFinding other = e.stream().filter(f -> f.subject().startsWith("/lastSyncStatus=")).findFirst().orElseThrow();
        assertTrue(other.message().contains("not among the documented values"), other.message());
        List<LintFinding> t = of(r, LintRule.EXAMPLE_WRONG_TYPE);
        assertEquals(1, t.size(), brief(r));
        assertEquals(108, t.get(0).line());
        pointsAt(t.get(0), "\"automaticallyUpdateApps\"");
        assertTrue(of(lint(tree(UPDATE, s -> s)), LintRule.EXAMPLE_ENUM_VALUE).isEmpty());
    }

    @Test
    void aRowRemovedFromTheTableMakesTheExamplePropertyUndocumented() throws IOException {
        // the row removed from the method page's table and from the type page's: only the response example shows it
        Path root = tree(java.util.Map.of(
                "beta/resources/intune-onboarding-vpptoken.md", s -> s.replaceFirst("(?m)^\\|<span[^>]*>appleId</span>.*\\R", ""),
                UPDATE, s -> s.replaceFirst("(?m)^\\|<span data-ttu-id=\"e56a8-145\">appleId</span>.*\\R", "")));
        LintResult r = lint(root);
        List<LintFinding> u = of(r, LintRule.EXAMPLE_PROPERTY_UNDOCUMENTED);
        assertEquals(1, u.size(), brief(r));
        assertEquals("/appleId", u.get(0).subject());
        assertEquals(92, u.get(0).line()); // the row removed moves the example up one line
        pointsAt(u.get(0), "\"appleId\"");
        assertTrue(of(lint(tree(UPDATE, s -> s)), LintRule.EXAMPLE_PROPERTY_UNDOCUMENTED).isEmpty());
    }

    @Test
    void aBodySentToValueIsMediaContentNotAnExampleOfTheTable() throws IOException {
        // userflowlanguagepage-put.md (ru-RU v1.0): PUT …/overridesPages/selfasserted1_1/$value sends the page's
        // LocalizedStrings, the content of its stream; the entity's table has only id. Given the v1.0 folder itself.
        Path v1 = tmp.resolve("media/v1.0");
        for (String f : List.of("resources/userflowlanguagepage.md", "api/userflowlanguagepage-put.md")) {
            Files.createDirectories(v1.resolve(f).getParent());
            Files.copy(RES.resolve("media/v1.0").resolve(f), v1.resolve(f));
        }
        LintResult r = lint(v1);
        assertTrue(of(r, LintRule.EXAMPLE_PROPERTY_UNDOCUMENTED).isEmpty(), brief(r));
        // the same body sent to the entity itself is an example of the update: LocalizedStrings is undocumented there
        Path put = v1.resolve("api/userflowlanguagepage-put.md");
        Files.writeString(put, Files.readString(put).replace("selfasserted1_1/$value", "selfasserted1_1"));
        LintResult entity = lint(v1);
        List<LintFinding> u = of(entity, LintRule.EXAMPLE_PROPERTY_UNDOCUMENTED);
        assertEquals(1, u.size(), brief(entity));
        assertEquals("/LocalizedStrings", u.get(0).subject());
    }

    @Test
    void parserDiagnosticsAreFindings() throws IOException {
        LintResult r = lint(tree(UPDATE, s -> s));
        List<LintFinding> cl = of(r, LintRule.CONTENT_LENGTH_MISMATCH).stream().filter(f -> f.file().endsWith(UPDATE)).toList();
        assertEquals(2, cl.size(), cl.toString());
        assertEquals(85, cl.get(0).line());
        assertEquals(Level.WARNING, cl.get(0).level());
        Path cut = tree(UPDATE, s -> s.replaceFirst("(?m)^(\\|<span data-ttu-id=\"e56a8-145\">appleId</span>[^|]*)\\|.*$", "$1|"));
        List<LintFinding> shortRow = of(lint(cut), LintRule.TABLE_ROW_SHORT);
        assertEquals(1, shortRow.size(), brief(lint(cut)));
        assertEquals(59, shortRow.get(0).line());
    }

    @Test
    void localeLagSaysWhatTheSchemaLacks() throws IOException {
        LintResult r = Linter.builder().build().lint(Stream.concat(
                LintInput.read(List.of(RES.resolve("locales/ru-RU")), "ru-RU").stream(),
                LintInput.read(List.of(RES.resolve("locales/pt-BR")), "pt-BR").stream()).toList());
        List<LintFinding> lag = of(r, LintRule.LOCALE_LAG_SCHEMA);
        assertEquals(1, lag.size(), brief(r));
        LintFinding f = lag.get(0);
        assertTrue(f.file().contains("ru-RU"), f.file());
        assertTrue(f.message().contains("roleScopeTagIds"), f.message());
        assertTrue(f.message().contains("pt-BR"), f.message());
        assertTrue(lineOf(f).startsWith("ms.lasthandoff:"), lineOf(f));
        assertEquals(Level.ERROR, f.level());
        // the same two pages given without locales are not compared
        assertTrue(of(lint(RES.resolve("locales")), LintRule.LOCALE_LAG_SCHEMA).isEmpty());
    }

    @Test
    void docsVsServiceBothWays() throws IOException {
        ServiceMetadata md = ServiceMetadata.read(RES.resolve("service/vpptoken-v1.0-csdl.xml"));
        LintResult clean = Linter.builder().metadata("v1.0", md).build()
                .lint(LintInput.read(List.of(RES.resolve("service")), null));
        assertTrue(of(clean, LintRule.SERVICE_UNDOCUMENTED).isEmpty(), brief(clean));
        assertTrue(of(clean, LintRule.DOCUMENTED_NOT_IN_SERVICE).isEmpty(), brief(clean));
        // the service gains a property the page does not document
        Path csdl = tmp.resolve("md.xml");
        Files.writeString(csdl, Files.readString(RES.resolve("service/vpptoken-v1.0-csdl.xml"))
                .replace("<Property Name=\"token\" Type=\"Edm.String\" />",
                        "<Property Name=\"token\" Type=\"Edm.String\" />\n<Property Name=\"roleScopeTagIds\" Type=\"Collection(Edm.String)\" />"));
        LintResult more = Linter.builder().metadata("v1.0", ServiceMetadata.read(csdl)).build()
                .lint(LintInput.read(List.of(RES.resolve("service")), null));
        List<LintFinding> u = of(more, LintRule.SERVICE_UNDOCUMENTED);
        assertEquals(1, u.size(), brief(more));
        assertEquals("+roleScopeTagIds", u.get(0).subject());
        // the beta enum page documents duplicateLocationId, which v1.0's service does not declare
        LintResult beta = Linter.builder().metadata(null, md).build()
                .lint(LintInput.read(List.of(RES.resolve("pages/beta/resources/intune-onboarding-vpptokenstate.md")), null));
        List<LintFinding> d = of(beta, LintRule.DOCUMENTED_NOT_IN_SERVICE);
        assertEquals(1, d.size(), brief(beta));
        assertEquals("-duplicateLocationId", d.get(0).subject());
        pointsAt(d.get(0), "duplicateLocationId");
    }

    @Test
    void metadataThatIsNotCsdlIsOneClearLine() throws IOException {
        Path bad = tmp.resolve("bad.xml");
        Files.writeString(bad, "<edmx:Edmx><unclosed>");
        LintException e = org.junit.jupiter.api.Assertions.assertThrows(LintException.class, () -> ServiceMetadata.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        Path dtd = tmp.resolve("dtd.xml");
        Files.writeString(dtd, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThrows(dtd);
    }

    private static void assertThrows(Path p) {
        org.junit.jupiter.api.Assertions.assertThrows(LintException.class, () -> ServiceMetadata.read(p));
    }

    @Test
    void unreadableInputIsAFindingAndExitTwo() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("x.md"));
        LintResult r = lint(tmp.resolve("missing.md"));
        assertEquals(2, r.exitCode(Level.ERROR));
        assertEquals(LintRule.UNREADABLE_PAGE, r.findings().get(0).rule());
        Path nul = tmp.resolve("nul.md");
        Files.write(nul, new byte[] {'#', 0, 'x'});
        LintResult b = lint(nul);
        assertEquals(2, b.exitCode(Level.ERROR), brief(b));
        assertTrue(Files.isDirectory(dir));
    }
}
