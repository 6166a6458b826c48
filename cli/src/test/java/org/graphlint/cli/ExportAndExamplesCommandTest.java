package org.graphlint.cli;

import static org.graphlint.cli.TestSupport.cli;
import static org.graphlint.cli.TestSupport.repoRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.graphlint.cli.TestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportAndExamplesCommandTest {
    static final Path SEEDS = repoRoot().resolve("samples/pages/seeds");

    @Test
    void examplesWritesOneFixturePerRequestExampleAndNeverOverwritesOthersFiles(@TempDir Path dir) throws Exception {
        Result r = cli("examples", SEEDS.toString(), "--out", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        Path f = dir.resolve("000_a50ef260b08e607c.vppToken-create.http");
        assertTrue(Files.exists(f), r.out());
        Result v = cli("validate", "--doc-version", "2020-04-14", f.toString());
        assertEquals(0, v.exit(), v.out());
        // a second run changes nothing; a file someone else wrote under a fixture's name is left alone (exit 2)
        Result again = cli("examples", SEEDS.toString(), "--out", dir.toString());
        assertTrue(again.out().contains("0 written"), again.out());
        Files.writeString(f, "POST /mine\n");
        Result refused = cli("examples", SEEDS.toString(), "--out", dir.toString());
        assertEquals(2, refused.exit());
        assertTrue(refused.out().contains("not written by graphlint"), refused.out());
        assertEquals("POST /mine\n", Files.readString(f));
    }

    @Test
    void exportOpenapiWritesADocumentAndReplacesOnlyItsOwn(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("graph.json");
        assertEquals(0, cli("export", "openapi", "--doc-version", "2018-12-18", "-o", out.toString()).exit());
        assertTrue(Files.readString(out).contains("\"openapi\" : \"3.1.0\""));
        assertEquals(0, cli("export", "openapi", "-o", out.toString()).exit(), "its own document is replaced");
        assertTrue(Files.readString(out).contains("roleScopeTagIds"));
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{}");
        Result r = cli("export", "openapi", "-o", other.toString());
        assertEquals(2, r.exit());
        assertEquals("{}", Files.readString(other));
        assertEquals(2, cli("export", "openapi", "--api-version", "v2.0").exit());
        assertEquals(2, cli("export").exit());
    }

    @Test
    void exportOpenapiRefusesAFifoOrAFolderAsItsOutputWithoutWaiting(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        // reading a FIFO to learn whether graphlint wrote it would wait for a writer forever
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli("export", "openapi", "-o", fifo.toString()));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
        Result folder = cli("export", "openapi", "-o", dir.toString());
        assertEquals(2, folder.exit(), folder.out() + folder.err());
        assertTrue(folder.err().contains("not a regular file"), folder.err());
        assertTrue(Files.isDirectory(dir) && Files.exists(fifo));
    }
}
