package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a folder of pages is listed: symbolic links followed, loops and unreadable links said, nothing skipped silently. */
class PageSourceTest {

    private static List<String> names(List<PageSource.PageFile> files) {
        return files.stream().map(PageSource.PageFile::name).toList();
    }

    @Test
    void aLinkedFolderIsReadThroughItsLink(@TempDir Path tmp) throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/ru-RU"));
        Files.writeString(elsewhere.resolve("user.md"), "# user\n");
        Path pages = Files.createDirectories(tmp.resolve("pages"));
        Files.writeString(pages.resolve("group.md"), "# group\n");
        Files.createSymbolicLink(pages.resolve("ru-RU"), elsewhere);
        List<String> problems = new ArrayList<>();
        List<PageSource.PageFile> found = PageSource.find(List.of(pages), problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of("group.md", "ru-RU/user.md"), names(found));
    }

    @Test
    void aLinkBackToAFolderAboveIsSaidOnceAndThePagesAreReadOnce(@TempDir Path tmp) throws Exception {
        Path pages = Files.createDirectories(tmp.resolve("pages/sub"));
        Files.writeString(pages.resolve("user.md"), "# user\n");
        Path back = Files.createSymbolicLink(pages.resolve("up"), tmp.resolve("pages"));
        List<String> problems = new ArrayList<>();
        List<PageSource.PageFile> found = PageSource.find(List.of(tmp.resolve("pages")), problems);
        assertEquals(List.of("sub/user.md"), names(found));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(back + ": a symbolic link back to a folder above it"), problems.get(0));
    }

    @Test
    void aLinkThatCannotBeResolvedIsSaidAndTheRestIsRead(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("user.md"), "# user\n");
        Path loop = Files.createSymbolicLink(tmp.resolve("bad"), Path.of("bad")); // bad -> bad: ELOOP
        List<String> problems = new ArrayList<>();
        List<PageSource.PageFile> found = PageSource.find(List.of(tmp), problems);
        assertEquals(List.of("user.md"), names(found));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(loop + ": cannot list"), problems.get(0));
    }

    @Test
    void aBuildKeepsOfEachPageWhatItsStepsReadAndBuildsTheSameCatalogAsFromTheWholePages() {
        Path history = Path.of("../samples/pages/history");
        List<String> problems = new ArrayList<>();
        List<PageSource.PageFile> files = PageSource.find(List.of(history), problems);
        List<CatalogBuilder.Input> kept = PageSource.parse(files, problems);
        assertEquals(List.of(), problems);
        List<CatalogBuilder.Input> whole = new ArrayList<>();
        for (PageSource.PageFile f : files) {
            whole.add(new CatalogBuilder.Input(org.graphlint.parser.PageParser.parse(f.path()), f.name()));
        }
        assertTrue(whole.stream().anyMatch(in -> !in.page().frontMatter().isEmpty()));
        for (CatalogBuilder.Input in : kept) {
            assertTrue(in.page().frontMatter().isEmpty() && in.page().diagnostics().isEmpty(), in.file());
        }
        assertEquals(CatalogBuilder.build(whole).catalog().toJson(), CatalogBuilder.build(kept).catalog().toJson());
    }

    @Test
    void aFolderInsideAnApiVersionFolderKeepsTheVersionInThePagesNames(@TempDir Path tmp) throws Exception {
        // schedule.md's examples name no API version: given the v1.0 folder itself, it was built as beta (the default)
        Path resources = Files.createDirectories(tmp.resolve("api-reference/v1.0/resources"));
        Files.copy(Path.of("src/test/resources/whole-graph/ru-RU/v1.0/resources/schedule.md"), resources.resolve("schedule.md"));
        for (Path given : List.of(tmp.resolve("api-reference"), tmp.resolve("api-reference/v1.0"), resources)) {
            List<String> problems = new ArrayList<>();
            List<PageSource.PageFile> found = PageSource.find(List.of(given), problems);
            assertEquals(List.of(), problems);
            assertEquals(List.of("v1.0/resources/schedule.md"), names(found), given.toString());
            Catalog c = CatalogBuilder.build(PageSource.parse(found, problems)).catalog();
            assertEquals(List.of("v1.0"), List.copyOf(c.apiVersions()), given.toString());
        }
        // a folder of another name keeps names relative to it
        Path other = Files.createDirectories(tmp.resolve("pages"));
        Files.copy(resources.resolve("schedule.md"), other.resolve("schedule.md"));
        assertEquals(List.of("schedule.md"), names(PageSource.find(List.of(other), new ArrayList<>())));
    }
}
