package org.graphlint.cli;

import static org.graphlint.cli.TestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graphlint diff --catalog A --against B} and {@code graphlint locales} from the command line. */
class CatalogDiffCommandTest {
    @TempDir
    Path tmp;

    @Test
    void catalogAgainstCatalog() {
        Path history = TestSupport.repoRoot().resolve("samples/pages/history");
        String ru = tmp.resolve("ru").toString();
        String es = tmp.resolve("es").toString();
        assertEquals(0, cli("schemas", "build", history.resolve("ru-RU").toString(), "--out", ru).exit());
        assertEquals(0, cli("schemas", "build", history.resolve("es-ES").toString(), "--out", es).exit());
        TestSupport.Result forward = cli("diff", "--catalog", es, "--against", ru);
        assertEquals(ExitCode.OK, forward.exit(), forward.out() + forward.err());
        assertTrue(forward.out().contains("'roleScopeTagIds' (array<string>) added"), forward.out());
        TestSupport.Result back = cli("diff", "--catalog", ru, "--against", es, "--entity", "vppToken", "--operation", "create",
                "--format", "markdown");
        assertEquals(ExitCode.FINDINGS, back.exit(), back.out() + back.err());
        assertTrue(back.out().contains("| beta | vppToken | create |"), back.out());
        assertEquals(ExitCode.OK, cli("diff", "--catalog", ru, "--against", es, "--fail-on", "none").exit());
        assertEquals(ExitCode.FINDINGS, cli("diff", "--catalog", es, "--against", ru, "--fail-on", "any", "--format", "github").exit());
        assertEquals(ExitCode.USAGE_OR_INPUT, cli("diff", "--catalog", es, "--against", tmp.resolve("none").toString()).exit());
        assertEquals(ExitCode.USAGE_OR_INPUT, cli("diff", "--catalog", es, "--against", ru, "--fail-on", "sometimes").exit());
        assertEquals(ExitCode.USAGE_OR_INPUT, cli("diff").exit());
        // the two-version form still works
        assertEquals(ExitCode.OK, cli("diff", "2018-11-29", "2020-06-18", "--entity", "vppToken").exit());
    }

    @Test
    void localesFromTheEmbeddedCatalogAndFromPages() {
        TestSupport.Result r = cli("locales", "--entity", "vppToken", "--operation", "create", "--api-version", "beta");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().contains("| beta | vppToken | create | 2020-06-18 |"), r.out());
        assertTrue(!r.out().contains("| v1.0 |"), r.out());
        TestSupport.Result j = cli("locales", "--format", "json", TestSupport.repoRoot().resolve("samples/pages/history/es-ES").toString());
        assertEquals(ExitCode.OK, j.exit(), j.err());
        assertTrue(j.out().contains("\"es-ES\""), j.out());
        assertEquals(ExitCode.USAGE_OR_INPUT, cli("locales", "--format", "csv").exit());
    }
}
