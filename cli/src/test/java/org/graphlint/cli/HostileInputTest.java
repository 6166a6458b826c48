package org.graphlint.cli;

import static org.graphlint.cli.TestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.graphlint.cli.TestSupport.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, items 5, 6, 8, 9 and 14: FIFOs, devices, broken links and empty folders, for every command. Each case
 * once hung, ran out of memory, or said nothing; each is now one line naming the path, exit 2, and the rest goes on.
 * The timeouts turn a hang back into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputTest {
    static final Path SEED = TestSupport.repoRoot().resolve("samples/pages/seeds/000_a50ef260b08e607c.md");
    static final Path VALID = TestSupport.payloads().resolve("vppToken/2021-03-23/create-valid.json");

    static Path fifo(Path p) throws IOException, InterruptedException {
        Process pr;
        try {
            pr = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo on this system");
            return null;
        }
        Assumptions.assumeTrue(pr.waitFor() == 0, "mkfifo failed");
        return p;
    }

    static void assertSaid(Result r, String path, String words) {
        assertTrue(r.err().contains(path) && r.err().contains(words), "expected '" + path + "' and '" + words + "' in: "
                + r.err() + r.out());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    // ---------------------------------------------------------------- item 5: FIFOs

    @Test
    void parseOfAFifoGivenOrInAFolderIsOneLineAndTheRestIsParsed(@TempDir Path tmp) throws Exception {
        Path f = fifo(tmp.resolve("fifo.md"));
        Result direct = cli("parse", "--format", "text", f.toString(), SEED.toString());
        assertEquals(2, direct.exit());
        assertSaid(direct, "fifo.md", "named pipe (FIFO)");
        assertTrue(direct.out().contains("000_a50ef260b08e607c.md"), direct.out());

        Files.copy(SEED, tmp.resolve("page.md"));
        Result folder = cli("parse", "--format", "text", tmp.toString());
        assertEquals(2, folder.exit());
        assertSaid(folder, "fifo.md", "only regular files are read");
        assertTrue(folder.out().contains("page.md"), folder.out());
    }

    @Test
    void validateOfAFifoGivenOrInAFolderIsOneFindingAndTheRestIsChecked(@TempDir Path tmp) throws Exception {
        Path f = fifo(tmp.resolve("fifo.json"));
        Files.copy(VALID, tmp.resolve("create-valid.json"));
        Result r = cli("validate", "--format", "json", tmp.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("named pipe (FIFO)") && r.out().contains("fifo.json"), r.out());
        assertTrue(r.out().contains("create-valid.json"), r.out());
        Result direct = cli("validate", f.toString());
        assertEquals(2, direct.exit());
        assertTrue(direct.out().contains("named pipe (FIFO)"), direct.out());
    }

    @Test
    void aHttpBodyFileThatIsAFifoIsNotOpened(@TempDir Path tmp) throws Exception {
        fifo(tmp.resolve("fifo"));
        Path http = tmp.resolve("create.http");
        Files.writeString(http, "POST https://graph.microsoft.com/beta/deviceAppManagement/vppTokens\n"
                + "Content-Type: application/json\n\n< ./fifo\n");
        Result r = cli("validate", http.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("named pipe (FIFO)"), r.out());
    }

    @Test
    void schemasBuildOfAFifoDoesNotHang(@TempDir Path tmp) throws Exception {
        Path f = fifo(tmp.resolve("fifo.md"));
        Result r = cli("schemas", "build", f.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.exit());
        assertSaid(r, "fifo.md", "named pipe (FIFO)");
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    // ---------------------------------------------------------------- item 6: /dev/zero, limits while reading

    @Test
    void devZeroIsRefusedByEveryCommandWithoutReadingIt(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        Result parse = cli("parse", "/dev/zero");
        assertEquals(2, parse.exit());
        assertSaid(parse, "/dev/zero", "character device");
        Result validate = cli("validate", "/dev/zero");
        assertEquals(2, validate.exit());
        assertTrue(validate.out().contains("character device"), validate.out());
        Result build = cli("schemas", "build", "/dev/zero", "--out", tmp.resolve("o").toString());
        assertEquals(2, build.exit());
        assertSaid(build, "/dev/zero", "character device");
        // A catalog.json that is a link to /dev/zero.
        Path cat = Files.createDirectory(tmp.resolve("cat"));
        Files.createSymbolicLink(cat.resolve("catalog.json"), Path.of("/dev/zero"));
        Result list = cli("schemas", "list", "--catalog", cat.toString());
        assertEquals(2, list.exit());
        assertSaid(list, "catalog.json", "character device");
    }

    // ---------------------------------------------------------------- item 9: nothing skipped silently in parse

    @Test
    void parseSaysWhatItFoundNothingIn(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Result r = cli("parse", empty.toString());
        assertEquals(2, r.exit());
        assertSaid(r, "empty", "no *.md pages in this folder");

        Path dangling = Files.createDirectory(tmp.resolve("dangling"));
        Files.createSymbolicLink(dangling.resolve("gone.md"), tmp.resolve("nowhere.md"));
        r = cli("parse", dangling.toString());
        assertEquals(2, r.exit());
        assertSaid(r, "gone.md", "broken symbolic link");

        Path dirMd = Files.createDirectory(tmp.resolve("dir.md"));
        r = cli("parse", dirMd.toString());
        assertEquals(2, r.exit());
        assertSaid(r, "dir.md", "no *.md pages in this folder");
    }

    // ---------------------------------------------------------------- item 8: a folder that cannot be listed

    /**
     * A subfolder that cannot be listed (as root a chmod does not do it: a symbolic-link loop fails with ELOOP for
     * root too) is said, exit 2, and the readable pages beside it are still printed.
     */
    @Test
    void parseOfAFolderWithAnUnlistableSubfolderPrintsTheRestAndSaysIt(@TempDir Path tmp) throws Exception {
        Files.copy(SEED, Files.createDirectories(tmp.resolve("good")).resolve("page.md"));
        Path loop = Files.createSymbolicLink(tmp.resolve("bad"), Path.of("bad")); // bad -> bad
        Result r = cli("parse", "--format", "text", tmp.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("page.md"), "the readable page is printed: " + r.out());
        assertSaid(r, loop.toString(), "cannot list");
    }

    // ---------------------------------------------------------------- symbolic links to folders: followed, loops said

    /** A linked folder of fixtures or pages is read through its link by validate, lint and parse alike. */
    @Test
    void aLinkedFolderIsReadByValidateLintAndParse(@TempDir Path tmp) throws Exception {
        Path fixtures = Files.createDirectories(tmp.resolve("elsewhere/vppToken"));
        Files.copy(VALID, fixtures.resolve("create-valid.json"));
        Path given = Files.createDirectories(tmp.resolve("given"));
        Files.createSymbolicLink(given.resolve("linked"), tmp.resolve("elsewhere"));
        Result v = cli("validate", "--format", "json", given.toString());
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains("linked/vppToken/create-valid.json"), v.out());

        Path pages = Files.createDirectories(tmp.resolve("pages-elsewhere"));
        Files.copy(SEED, pages.resolve("page.md"));
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("ru-RU"), pages);
        for (String command : List.of("lint", "parse")) {
            Result r = cli(command, "--format", "text", tree.toString());
            assertTrue(r.exit() <= 1, command + ": " + r.out() + r.err());
            assertTrue(r.out().contains("ru-RU/page.md"), command + ": " + r.out());
        }
    }

    /** A link back to a folder above is said once, naming the link (exit 2), and the pages are still read once. */
    @Test
    void aLinkBackToAFolderAboveIsSaidByValidateAndLint(@TempDir Path tmp) throws Exception {
        Path sub = Files.createDirectories(tmp.resolve("top/vppToken"));
        Files.copy(VALID, sub.resolve("create-valid.json"));
        Files.copy(SEED, sub.resolve("page.md"));
        Path back = Files.createSymbolicLink(sub.resolve("up"), tmp.resolve("top"));
        for (String command : List.of("validate", "lint")) {
            // json: validate's text output names only the fixtures with findings
            Result r = cli(command, "--format", command.equals("validate") ? "json" : "text", tmp.resolve("top").toString());
            assertEquals(2, r.exit(), command + ": " + r.out() + r.err());
            assertTrue((r.out() + r.err()).contains(back.toString()), command + ": " + r.out() + r.err());
            assertTrue((r.out() + r.err()).contains("a symbolic link back to a folder above it"), command + ": " + r.out() + r.err());
            String listed = command.equals("validate") ? "create-valid.json" : "page.md";
            assertTrue(r.out().contains(sub.resolve(listed).toString()), command + ": " + r.out());
            assertFalse(r.out().contains(back + "/"), command + " read through the link back: " + r.out());
        }
    }

    @Test
    void anUppercaseMdPageIsRead(@TempDir Path tmp) throws Exception {
        Files.copy(SEED, tmp.resolve("PAGE.MD"));
        Result r = cli("parse", "--format", "text", tmp.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("PAGE.MD"), r.out());
    }

    // ---------------------------------------------------------------- item 14: an empty --catalog folder

    @Test
    void anEmptyCatalogFolderSaysItIsNotACatalog(@TempDir Path tmp) {
        Result r = cli("schemas", "list", "--catalog", tmp.toString());
        assertEquals(2, r.exit());
        assertSaid(r, "catalog.json", "not a catalog folder");
        assertFalse(r.err().contains("named in catalog.json"), r.err());
    }

    /** Item 14: {@code diff PAGE folder.md} said "no such file" of a folder that exists. */
    @Test
    void diffOfAPageAndAFolderNamedLikeAPageSaysItIsAFolder(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("folder.md"));
        Result r = cli("diff", SEED.toString(), folder.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertSaid(r, "folder.md", "a folder, not a page file");
        assertFalse(r.err().contains("no such file"), r.err());
    }

    /**
     * Item 14: a schema with {@code "type": "strang"} made every value "expected unknown", blamed on the body. It is
     * a catalog fault: one line naming the schema file and the pointer, exit 2.
     */
    @Test
    void aSchemaTypeThatIsNoJsonTypeIsACatalogFault(@TempDir Path tmp) throws Exception {
        Path cat = tmp.resolve("cat");
        Path src = TestSupport.repoRoot().resolve("validator/src/test/resources/testcatalog");
        try (var files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = cat.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path schema = cat.resolve("beta/vppToken/create/2018-12-18.schema.json");
        String text = Files.readString(schema);
        String bad = text.replaceFirst("(\"@odata\\.type\"\\s*:\\s*\\{[^}]*?\"type\"\\s*:\\s*)\"string\"", "$1\"strang\"");
        org.junit.jupiter.api.Assumptions.assumeTrue(!bad.equals(text), "the test catalog's @odata.type has a type");
        Files.writeString(schema, bad);
        Path body = Files.writeString(tmp.resolve("body-create.json"), "{\"@odata.type\": 5}");
        for (List<String> args : List.of(
                List.of("validate", "--catalog", cat.toString(), "--at", "2018-12-18", body.toString()),
                List.of("validate", "--catalog", cat.toString(), "--entity", "vppToken", "--operation", "create",
                        "--at", "2018-12-18", body.toString()))) {
            Result r = cli(args.toArray(String[]::new));
            assertEquals(2, r.exit(), r.out() + r.err());
            String all = r.out() + r.err();
            assertTrue(all.contains("beta/vppToken/create/2018-12-18.schema.json")
                    && all.contains("/properties/@odata.type") && all.contains("not a JSON Schema type"), all);
            assertFalse(all.contains("expected unknown"), all);
        }
    }

    // ---------------------------------------------------------------- item 13: body files stay inside the root

    static final String POST = "POST https://graph.microsoft.com/beta/deviceAppManagement/vppTokens\n"
            + "Content-Type: application/json\n\n";

    @Test
    void aBodyFileOutsideTheFixtureFolderIsNotReadAndItsContentNeverQuoted(@TempDir Path tmp) throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "rootsecret:x:0:0:root:/root:/bin/bash\n");
        Path fixtures = Files.createDirectories(tmp.resolve("repo/fixtures"));
        Files.writeString(fixtures.resolve("create.http"), POST + "< ../../secret.txt\n");
        Result r = cli("validate", fixtures.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("outside the fixture folder") && r.out().contains("--allow-outside"), r.out());
        assertFalse(r.out().contains("rootsecret"), r.out());

        Result allowed = cli("validate", "--allow-outside", fixtures.toString());
        assertEquals(2, allowed.exit(), allowed.out() + allowed.err());
        assertTrue(allowed.out().contains("not valid JSON"), allowed.out());
        assertFalse(allowed.out().contains("rootsecret"), "never quotes a file that is not JSON: " + allowed.out());
    }

    @Test
    void aBodyFileInsideTheFolderGivenIsRead(@TempDir Path tmp) throws Exception {
        Path fixtures = Files.createDirectories(tmp.resolve("fixtures/http"));
        Files.copy(VALID, tmp.resolve("fixtures/body.data")); // not a fixture name: read only as a body
        Files.writeString(fixtures.resolve("create.http"), POST + "< ../body.data\n");
        Result r = cli("validate", tmp.resolve("fixtures").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        // Given the .http file alone, its own folder is the root: ../body.data is outside.
        Result alone = cli("validate", fixtures.resolve("create.http").toString());
        assertEquals(2, alone.exit(), alone.out());
        assertTrue(alone.out().contains("outside the fixture folder"), alone.out());
    }

    // ---------------------------------------------------------------- item 14: messages that say what happened

    @Test
    void aBodyLineWithoutAPathAndANulInAPathAreSaid(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("none.http"), POST + "<\n");
        Result none = cli("validate", tmp.resolve("none.http").toString());
        assertEquals(2, none.exit(), none.out());
        assertTrue(none.out().contains("names no file"), none.out());
        assertFalse(none.out().contains("not valid JSON"), none.out());

        Files.writeString(tmp.resolve("nul.http"), POST + "< ./a\u0000b.json\n");
        Result nul = cli("validate", tmp.resolve("nul.http").toString());
        assertEquals(2, nul.exit(), nul.out());
        assertFalse(nul.out().contains("\u0000"), "a NUL printed raw: " + nul.out());
    }
}
