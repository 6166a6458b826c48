package org.graphlint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.CatalogBuilder;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.PageSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Catalog against catalog (two locales' histories), and the locale matrix of the three locales together. */
class CatalogDiffAndLocalesTest {
    static final Path HISTORY = Path.of("../samples/pages/history");

    static Catalog build(String... locales) {
        List<Path> paths = new ArrayList<>();
        for (String l : locales) {
            paths.add(HISTORY.resolve(l));
        }
        List<String> errors = new ArrayList<>();
        Catalog c = CatalogBuilder.build(PageSource.parse(PageSource.list(paths), errors)).catalog();
        assertTrue(errors.isEmpty(), errors.toString());
        return c;
    }

    @Test
    void esAgainstRuGainsWhatRuHasAndTheReverseBreaksSenders() {
        Catalog es = build("es-ES");
        Catalog ru = build("ru-RU");
        List<CatalogDiff.EntityChange> forward = CatalogDiff.compare(es, ru, null, null);
        assertEquals(3, forward.size(), forward.toString()); // beta create, update, resource; v1.0 unchanged
        assertTrue(forward.stream().allMatch(c -> c.kind() == CatalogDiff.Kind.CHANGED && c.apiVersion().equals("beta")));
        assertTrue(forward.stream().noneMatch(CatalogDiff.EntityChange::breakingForSenders));
        assertEquals(0, CatalogDiff.exitCode(forward, CatalogDiff.FailOn.BREAKING));
        assertEquals(1, CatalogDiff.exitCode(forward, CatalogDiff.FailOn.ANY));
        List<CatalogDiff.EntityChange> back = CatalogDiff.compare(ru, es, "vppToken", OperationKind.CREATE);
        assertEquals(1, back.size());
        assertTrue(back.get(0).breakingForSenders(), back.toString());
        assertTrue(back.get(0).changes().stream().anyMatch(ch -> ch.detail().contains("roleScopeTagIds")), back.toString());
        assertEquals(1, CatalogDiff.exitCode(back, CatalogDiff.FailOn.BREAKING));
        assertEquals(0, CatalogDiff.exitCode(back, CatalogDiff.FailOn.NONE));
        JsonNode json = JsonMapper.builder().build().readTree(CatalogDiff.write("json", "ru", "es", back, CatalogDiff.FailOn.BREAKING));
        assertEquals("changed", json.path("entities").get(0).path("kind").asString());
        assertTrue(CatalogDiff.write("junit", "ru", "es", back, CatalogDiff.FailOn.BREAKING).contains("<failure type=\"changed\""));
        assertTrue(CatalogDiff.write("github", "ru", "es", back, CatalogDiff.FailOn.BREAKING).startsWith("::error title=graphlint diff beta vppToken create::"));
        // an entity only one side has
        Catalog betaOnly = Catalog.of("beta", ru.forApiVersion("beta").allVersions(), List.of(), java.util.Map.of());
        List<CatalogDiff.EntityChange> removed = CatalogDiff.compare(ru, betaOnly, null, null);
        assertTrue(removed.stream().anyMatch(c -> c.kind() == CatalogDiff.Kind.REMOVED && c.apiVersion().equals("v1.0")
                && c.breakingForSenders()), removed.toString());
    }

    @Test
    void localeMatrixShowsEsLagging() {
        LocaleMatrix.Matrix m = LocaleMatrix.of(build("es-ES", "pt-BR", "ru-RU"), "vppToken", OperationKind.CREATE);
        assertEquals(List.of("es-ES", "pt-BR", "ru-RU"), m.locales());
        LocaleMatrix.Row beta = m.rows().stream().filter(r -> r.apiVersion().equals("beta")).findFirst().orElseThrow();
        assertEquals("2020-06-18", beta.latest());
        assertEquals("2018-11-29", beta.cells().get("es-ES").version());
        assertEquals(2, beta.cells().get("es-ES").versionsBehind());
        assertEquals(0, beta.cells().get("ru-RU").versionsBehind());
        String md = LocaleMatrix.markdown(m);
        assertTrue(md.contains("**2018-11-29** (2 behind, 567 d)"), md);
        JsonNode json = JsonMapper.builder().build().readTree(LocaleMatrix.json(m));
        assertEquals(2, json.path("rows").get(0).path("locales").path("es-ES").path("versionsBehind").asInt());
    }
}
