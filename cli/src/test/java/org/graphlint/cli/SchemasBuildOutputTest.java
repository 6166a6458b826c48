package org.graphlint.cli;

import static org.graphlint.cli.TestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.graphlint.cli.TestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schemas build --out}: the reproductions of issue 15, items 1, 2 and 12. */
class SchemasBuildOutputTest {
    static final Path SEEDS = TestSupport.repoRoot().resolve("samples/pages/seeds");
    static final Path HISTORY = TestSupport.repoRoot().resolve("samples/pages/history");

    /** Every file under a folder with its content (bytes as ISO-8859-1: the pack beside the JSON is binary). */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(dir.relativize(p).toString(), Files.isRegularFile(p)
                        ? new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1) : "<dir>");
            }
        }
        return m;
    }

    /** Item 1: a catalog.json copied into a project made the build delete the project's own schema files. */
    @Test
    void aUsersSchemaFilesBesideACatalogJsonAreNeverDeleted(@TempDir Path tmp) throws IOException {
        Path proj = tmp.resolve("proj");
        Path built = tmp.resolve("built");
        assertEquals(0, cli("schemas", "build", SEEDS.toString(), "--out", built.toString()).exit());
        Files.createDirectories(proj.resolve("docs/other"));
        Files.copy(built.resolve("catalog.json"), proj.resolve("catalog.json"));
        Files.writeString(proj.resolve("docs/other/user.schema.json"), "{}\n");
        Map<String, String> before = snapshot(proj);

        Result r = cli("schemas", "build", SEEDS.toString(), "--out", proj.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("holds files graphlint did not write (docs/other/user.schema.json)"), r.err());
        assertTrue(r.err().contains("--force"), r.err());
        assertEquals(before, snapshot(proj), "nothing touched");

        Result forced = cli("schemas", "build", SEEDS.toString(), "--out", proj.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertEquals("{}\n", Files.readString(proj.resolve("docs/other/user.schema.json")));
        assertTrue(Files.isRegularFile(proj.resolve("beta/vppToken/create/2021-03-23.schema.json")));
    }

    /** Item 2: a failed build left the previous catalog with an empty catalog.json. */
    @Test
    void aFailedBuildLeavesThePreviousCatalogExactlyAsItWas(@TempDir Path tmp) throws IOException {
        Path keep = tmp.resolve("keep");
        assertEquals(0, cli("schemas", "build", SEEDS.toString(), "--out", keep.toString()).exit());
        Map<String, String> before = snapshot(keep);
        Path bad = tmp.resolve("bad.md");
        Files.write(bad, "---\ntitle: x\n---\n# a\u0000b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Result r = cli("schemas", "build", bad.toString(), "--out", keep.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("bad.md"), r.err());
        assertTrue(r.err().contains("not written") && r.err().contains("unchanged"), r.err());
        assertEquals(before, snapshot(keep));
    }

    /** Item 12: `--out` naming a file said only "graphlint: out-file". */
    @Test
    void anOutThatIsAFileIsRefusedWithTheReasonBeforeAnyWork(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("out-file");
        Files.writeString(file, "mine\n");
        Result r = cli("schemas", "build", SEEDS.toString(), "--out", file.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("out-file: exists and is not a folder"), r.err());
        assertEquals("mine\n", Files.readString(file));
        assertFalse(r.out().contains("pages"), "refused before building: " + r.out());
    }

    @Test
    void aRebuildReplacesTheCatalogAndRemovesOnlyItsOwnFiles(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cat");
        assertEquals(0, cli("schemas", "build", HISTORY.toString(), "--out", out.toString()).exit());
        assertEquals(0, cli("schemas", "build", SEEDS.toString(), "--out", out.toString()).exit());
        Path fresh = tmp.resolve("fresh");
        assertEquals(0, cli("schemas", "build", SEEDS.toString(), "--out", fresh.toString()).exit());
        assertEquals(snapshot(fresh), snapshot(out), "exactly a fresh build: the history catalog's files are gone");
        Result list = cli("schemas", "list", "--catalog", out.toString());
        assertEquals(0, list.exit(), list.err());
    }
}
