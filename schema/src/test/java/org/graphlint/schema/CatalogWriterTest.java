package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a catalog folder never loses a user's file and always leaves a whole catalog (issue 15, items 1-3 and 12). */
class CatalogWriterTest {
    static final Path PAGES = Path.of("..", "samples", "pages");
    static Catalog seeds;
    static Catalog history;

    @BeforeAll
    static void build() {
        seeds = CatalogBuilder.build(PageSource.parse(PageSource.list(List.of(PAGES.resolve("seeds"))), new ArrayList<>()))
                .catalog();
        history = CatalogBuilder.build(PageSource.parse(PageSource.list(List.of(PAGES.resolve("history"))), new ArrayList<>()))
                .catalog();
        assertNotEquals(seeds.toJson(), history.toJson());
    }

    @AfterEach
    void noHook() {
        CatalogWriter.afterStep = step -> { };
    }

    /** Every file under a folder, relative, with '/'. */
    static Set<String> files(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> !p.equals(dir)).forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')
                    + (Files.isDirectory(p) ? "/" : "")));
        }
        return out;
    }

    /** catalog.json, every schema file the catalog names and their folders: what a clean write leaves. */
    static Set<String> expected(Catalog c) {
        Set<String> out = new TreeSet<>();
        out.add("catalog.json");
        for (Map.Entry<String, Catalog> a : c.byApiVersion().entrySet()) {
            for (SchemaVersion v : a.getValue().allVersions()) {
                String f = Catalog.schemaFile(a.getKey(), v);
                out.add(f);
                for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
                    out.add(f.substring(0, i + 1));
                }
            }
        }
        return out;
    }

    @Test
    void aNewFolderIsWrittenBesideAndRenamedWithNothingLeftBehind(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cat");
        CatalogWriter.replace(seeds, out, false);
        assertEquals(expected(seeds), files(out));
        assertEquals(Set.of("cat/"), files(tmp).stream().filter(f -> f.indexOf('/') == f.length() - 1).collect(
                java.util.stream.Collectors.toSet()), "no hidden temporary folder beside it: " + files(tmp));
        assertEquals(seeds.toJson(), Catalog.load(out).toJson());
    }

    @Test
    void aRebuildRemovesOnlyWhatThePreviousCatalogListed(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cat");
        CatalogWriter.replace(history, out, false);
        CatalogWriter.Written w = CatalogWriter.replace(seeds, out, false);
        assertEquals(expected(seeds), files(out), "the history catalog's own files are gone, and its emptied folders");
        assertEquals(seeds.toJson(), Catalog.load(out).toJson());
        assertTrue(w.removed() > 0);
    }

    /** Issue 15 item 1: a user's schema file and folder beside an old catalog.json were deleted. */
    @Test
    void userFilesBesideACatalogAreRefusedAndKept(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("proj");
        CatalogWriter.replace(seeds, out, false);
        Path user = out.resolve("docs/other/user.schema.json");
        Files.createDirectories(user.getParent());
        Files.writeString(user, "{}");
        Path hidden = out.resolve(".mine/x.schema.json");
        Files.createDirectories(hidden.getParent());
        Files.writeString(hidden, "{}");
        Set<String> before = files(out);
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogWriter.replace(history, out, false));
        assertTrue(e.getMessage().contains("holds files graphlint did not write") && e.getMessage().contains("--force")
                && e.getMessage().contains("docs/other/user.schema.json"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(before, files(out));
        assertEquals(seeds.toJson(), Catalog.load(out).toJson());

        // --force writes beside them and keeps them; the previous catalog's files go.
        CatalogWriter.replace(history, out, true);
        assertEquals("{}", Files.readString(user));
        assertEquals("{}", Files.readString(hidden));
        Set<String> want = new TreeSet<>(expected(history));
        want.addAll(List.of("docs/", "docs/other/", "docs/other/user.schema.json", ".mine/", ".mine/x.schema.json"));
        assertEquals(want, files(out));
    }

    @Test
    void aCatalogJsonGraphlintDidNotWriteIsNeverOverwritten(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("catalog.json"), "{\"mine\": true}");
        for (boolean force : new boolean[] {false, true}) {
            CatalogException e = assertThrows(CatalogException.class, () -> CatalogWriter.replace(seeds, tmp, force));
            assertTrue(e.getMessage().contains("not a graphlint catalog"), e.getMessage());
            assertEquals("{\"mine\": true}", Files.readString(tmp.resolve("catalog.json")));
            assertEquals(Set.of("catalog.json"), files(tmp));
        }
    }

    @Test
    void aUserFileWhereTheCatalogWritesIsNotOverwrittenEvenWithForce(@TempDir Path tmp) throws IOException {
        String f = Catalog.schemaFile("beta", seeds.allVersions().get(0));
        Files.createDirectories(tmp.resolve(f).getParent());
        Files.writeString(tmp.resolve(f), "mine");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogWriter.replace(seeds, tmp, true));
        assertTrue(e.getMessage().contains("not written by graphlint; not overwritten"), e.getMessage());
        assertEquals("mine", Files.readString(tmp.resolve(f)));
        assertFalse(Files.exists(tmp.resolve("catalog.json")));
        assertTrue(files(tmp).stream().noneMatch(n -> n.startsWith(".graphlint")), files(tmp).toString());
    }

    /** Issue 15 item 12: an --out that is a file said only its name. */
    @Test
    void anOutThatIsAFileIsAOneLineReason(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("out-file");
        Files.writeString(file, "x");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogWriter.check(file, true));
        assertTrue(e.getMessage().contains("out-file: exists and is not a folder"), e.getMessage());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void foldersAreMadeParentsFirstOnceEachAndAFileInTheWayIsAnError(@TempDir Path tmp) throws Exception {
        CatalogWriter.Folders folders = new CatalogWriter.Folders(tmp);
        Path deep = tmp.resolve("beta/vppToken/resource");
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        // two threads asking for the same new folders at once: both see them made, neither fails
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    folders.ensure(deep);
                    folders.ensure(tmp.resolve("beta/vppToken/create"));
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        assertTrue(Files.isDirectory(deep));
        assertTrue(Files.isDirectory(tmp.resolve("beta/vppToken/create")));
        Files.createDirectories(tmp.resolve("v1.0/user"));
        folders.ensure(tmp.resolve("v1.0/user/update")); // an existing parent is used as it is
        assertTrue(Files.isDirectory(tmp.resolve("v1.0/user/update")));
        Files.writeString(tmp.resolve("v1.0/group"), "the user's");
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> folders.ensure(tmp.resolve("v1.0/group/create")));
        assertEquals("the user's", Files.readString(tmp.resolve("v1.0/group")));
        // a link in the tree is not a folder of the catalog: never written through
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(tmp.resolve("v1.0/team"), elsewhere);
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> folders.ensure(tmp.resolve("v1.0/team/create")));
        assertFalse(Files.exists(elsewhere.resolve("create")));
    }

    @Test
    void aFileThatAppearedWhereANewOneGoesIsNeverOverwritten(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("v1.0/user/update"));
        Files.writeString(tmp.resolve("v1.0/user/update/2021-08-27.schema.json"), "the user's");
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("v1.0/user/create/2021-08-27.schema.json", "{}".getBytes());
        files.put("v1.0/user/update/2021-08-27.schema.json", "{}".getBytes());
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> CatalogWriter.writeAll(tmp, files));
        assertEquals("the user's", Files.readString(tmp.resolve("v1.0/user/update/2021-08-27.schema.json")));
    }

    @Test
    void ioErrorsAreWorded() {
        assertEquals("permission denied", CatalogWriter.reason(new AccessDeniedException("/x/beta")));
        assertEquals("no space left on device",
                CatalogWriter.reason(new java.nio.file.FileSystemException("/x", null, "No space left on device")));
    }

    /**
     * Issue 15 item 3: a build killed at any step. The folder is copied as it stands after each step (what a kill
     * there leaves, cleanup not run); each copy must hold the old catalog or the new one, whole, and a later build
     * into it must succeed without --force and leave nothing behind. Two cases: a catalog replaced by another one
     * (files written in free places, the old ones removed), and the same catalog over files of other bytes (each
     * staged, then linked into place).
     */
    @Test
    void aBuildKilledAtAnyStepLeavesTheOldOrTheNewCatalogWhole(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cat");
        CatalogWriter.replace(seeds, out, false);
        assertKillSafe(tmp, out, seeds, history, List.of("marked", "staged", "switched", "dropped", "emptied"));
    }

    @Test
    void aBuildReplacingFilesInPlaceKilledAtAnyStepLeavesAWholeCatalog(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cat");
        CatalogWriter.replace(seeds, out, false);
        // As an older graphlint would have left them: the same files with other bytes.
        String oldJson = Catalog.load(out).toJson().toString();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                Files.writeString(p, Files.readString(p).replace("\"type\"", "\"type\" "));
            }
        }
        Catalog older = Catalog.load(out);
        assertEquals(oldJson, older.toJson().toString());
        assertKillSafe(tmp, out, older, seeds,
                List.of("marked", "staged", "switched", "dropped", "emptied", "linked", "switched back"));
    }

    private static void assertKillSafe(Path tmp, Path out, Catalog old, Catalog next, List<String> steps)
            throws IOException {
        Map<String, Path> killed = new LinkedHashMap<>();
        Map<String, Set<String>> oldFiles = new LinkedHashMap<>();
        CatalogWriter.afterStep = step -> killed.put(step, copy(out, tmp.resolve("killed-" + killed.size())));
        CatalogWriter.replace(next, out, false);
        CatalogWriter.afterStep = step -> { };
        assertEquals(steps, List.copyOf(killed.keySet()));
        assertEquals(expected(next), files(out));
        for (Map.Entry<String, Path> k : killed.entrySet()) {
            Path dir = k.getValue();
            Catalog c = Catalog.load(dir);
            boolean before = k.getKey().equals("marked") || k.getKey().equals("staged");
            assertEquals((before ? old : next).toJson(), c.toJson(), "killed after " + k.getKey());
            for (SchemaVersion v : c.allVersions()) {
                SchemaVersion want = (before ? old : next).select(v.entity(), v.operation(), v.id()).orElseThrow();
                assertEquals(want.schema(), v.schema(), "killed after " + k.getKey() + ": " + v.id());
            }
            // The next build (of either catalog) clears what the killed one left, with no --force.
            CatalogWriter.replace(history, dir, false);
            assertEquals(expected(history), files(dir), "rebuilt after a kill after " + k.getKey());
            CatalogWriter.replace(seeds, dir, false);
            assertEquals(expected(seeds), files(dir), "rebuilt after a kill after " + k.getKey());
        }
    }

    /** A kill in the middle of writing: only part of the new files exist. */
    @Test
    void aBuildKilledWhileWritingIsClearedByTheNext(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cat");
        CatalogWriter.replace(seeds, out, false);
        Path[] copy = new Path[1];
        CatalogWriter.afterStep = step -> {
            if (step.equals("staged")) {
                copy[0] = copy(out, tmp.resolve("killed"));
            }
        };
        CatalogWriter.replace(history, out, false);
        CatalogWriter.afterStep = step -> { };
        Set<String> seedFiles = expected(seeds);
        try (Stream<Path> s = Files.walk(copy[0])) {
            List<Path> written = s.filter(p -> p.toString().endsWith(".schema.json")
                    && !seedFiles.contains(copy[0].relativize(p).toString())).toList();
            assertFalse(written.isEmpty());
            for (Path w : written) {
                Files.delete(w); // the folders made for them stay, empty, as when killed before writing the files
            }
        }
        assertEquals(seeds.toJson(), Catalog.load(copy[0]).toJson());
        CatalogWriter.replace(seeds, copy[0], false);
        assertEquals(expected(seeds), files(copy[0]), "no folder the killed build made is left");
    }

    @Test
    void aRebuildOfTheSameCatalogKeepsItsFiles(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cat");
        CatalogWriter.replace(seeds, out, false);
        Path one = out.resolve(Catalog.schemaFile("beta", seeds.allVersions().get(0)));
        Object inode = Files.readAttributes(one, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        CatalogWriter.replace(seeds, out, false);
        assertEquals(inode, Files.readAttributes(one, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        assertEquals(expected(seeds), files(out));
    }

    static Path copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return to;
    }
}
