package org.graphlint.cli;

import static org.graphlint.cli.TestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graphlint.gitpages.HistoryRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graphlint schemas build --git}: the same catalog as the folder build, and clear errors. */
class SchemasGitBuildTest {
    @TempDir
    Path tmp;

    @Test
    void gitBuildWritesTheFolderBuildsCatalog() throws IOException {
        Path history = TestSupport.repoRoot().resolve("samples/pages/history");
        Path repo = tmp.resolve("repo");
        HistoryRepository.create(history, repo);
        TestSupport.Result g = cli("schemas", "build", "--git", repo.toString(), "--rev", "main", "--out", tmp.resolve("g").toString());
        assertEquals(ExitCode.OK, g.exit(), g.err());
        TestSupport.Result f = cli("schemas", "build", history.toString(), "--out", tmp.resolve("f").toString());
        assertEquals(ExitCode.OK, f.exit(), f.err());
        String norm = "(\\d{4}-\\d{2}-\\d{2})_[0-9a-f]{7}\\.md";
        // the pack's digest covers the page file names too, which differ as above
        String digest = "\"contentSha256\" : \"[0-9a-f]{64}\"";
        assertEquals(Files.readString(tmp.resolve("f/catalog.json")).replaceAll(norm, "$1.md").replaceAll(digest, ""),
                Files.readString(tmp.resolve("g/catalog.json")).replaceAll(norm, "$1.md").replaceAll(digest, ""));
        assertTrue(g.out().startsWith("517 pages"), g.out());
        TestSupport.Result since = cli("schemas", "build", "--git", repo.toString(), "--since", "2021-01-01", "--path", "ru-RU",
                "--out", tmp.resolve("s").toString());
        assertEquals(ExitCode.OK, since.exit(), since.err());
        assertTrue(!since.out().startsWith("517 pages") && !since.out().startsWith("0 pages"), since.out());
    }

    @Test
    void badGitInputIsOneLineExitTwo() {
        TestSupport.Result r = cli("schemas", "build", "--git", tmp.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(ExitCode.USAGE_OR_INPUT, r.exit());
        assertTrue(r.err().strip().endsWith("not a git repository"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        TestSupport.Result d = cli("schemas", "build", "--git", tmp.toString(), "--since", "yesterday", "--out", tmp.resolve("o").toString());
        assertEquals(ExitCode.USAGE_OR_INPUT, d.exit());
        assertEquals(ExitCode.USAGE_OR_INPUT, cli("schemas", "build", "--out", tmp.resolve("o").toString()).exit());
    }
}
