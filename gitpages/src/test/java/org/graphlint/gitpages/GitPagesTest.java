package org.graphlint.gitpages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.graphlint.schema.CatalogBuilder;
import org.graphlint.schema.PageSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vppToken history as commits builds the same catalog as the same pages as folders. */
class GitPagesTest {
    static final Path HISTORY = Path.of("../samples/pages/history");

    @TempDir
    static Path tmp;
    static Path repo;
    static int commits;

    @BeforeAll
    static void repository() throws IOException {
        repo = tmp.resolve("docs");
        commits = HistoryRepository.create(HISTORY, repo);
    }

    /** Page file names without the commit id (the docs repository's in folders, the test repository's in git). */
    static String normalized(String catalogJson) {
        return catalogJson.replaceAll("(\\d{4}-\\d{2}-\\d{2})_[0-9a-f]{7}\\.md", "$1_COMMIT.md");
    }

    @Test
    void gitBuildEqualsFolderBuild() {
        List<String> errors = new ArrayList<>();
        List<GitPage> pages = GitPages.read(repo, GitPages.Query.of("main"));
        assertEquals(517, pages.size());
        CatalogBuilder.Result fromGit = CatalogBuilder.build(GitPages.inputs(pages, errors));
        CatalogBuilder.Result fromFolder = CatalogBuilder.build(PageSource.parse(PageSource.list(List.of(HISTORY)), errors));
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(fromFolder.pages(), fromGit.pages());
        assertEquals(fromFolder.schemas(), fromGit.schemas());
        String folderJson = normalized(fromFolder.catalog().toJson().toString());
        assertTrue(folderJson.contains("\"2019-01-23\""), "the folder build has the roleScopeTagIds version");
        assertEquals(folderJson, normalized(fromGit.catalog().toJson().toString()));
        // names are laid out as the folders are: PAGE/DATE_COMMIT.md
        Set<String> gitNames = pages.stream().map(p -> normalized(p.name())).collect(Collectors.toCollection(TreeSet::new));
        Set<String> folderNames = PageSource.list(List.of(HISTORY)).stream().map(f -> normalized(f.name()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(folderNames, gitNames);
    }

    @Test
    void sincePathAndRevSelect() throws Exception {
        List<GitPage> ru = GitPages.read(repo, GitPages.Query.of(null).path("ru-RU/beta/api/"));
        assertTrue(ru.stream().allMatch(p -> p.path().startsWith("ru-RU/beta/api/")));
        assertTrue(ru.stream().allMatch(p -> p.name().startsWith("intune-onboarding-vpptoken-")), ru.get(0).name());
        long ruFolder;
        try (var s = Files.walk(HISTORY.resolve("ru-RU/beta/api"))) {
            ruFolder = s.filter(Files::isRegularFile).count();
        }
        assertEquals(ruFolder, ru.size());
        List<GitPage> late = GitPages.read(repo, GitPages.Query.of("main").since(LocalDate.parse("2021-01-01")));
        assertTrue(!late.isEmpty() && late.stream().allMatch(p -> !p.time().isBefore(LocalDate.parse("2021-01-01")
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
        // an earlier revision sees only the pages committed by then
        String first;
        try (Git git = Git.open(repo.toFile())) {
            List<String> ids = new ArrayList<>();
            git.log().call().forEach(c -> ids.add(c.name()));
            first = ids.get(ids.size() - 1);
        }
        List<GitPage> atFirst = GitPages.read(repo, GitPages.Query.of(first));
        assertTrue(atFirst.size() < 517 && !atFirst.isEmpty());
        assertTrue(atFirst.stream().allMatch(p -> p.commit().equals(first)));
    }

    @Test
    void treeHoldsEachPageOnceAsAtTheRevisionAndDatesNameCommits() throws Exception {
        // main holds the newest version of every page folder of the history
        Set<String> folders = new TreeSet<>();
        try (var s = Files.walk(HISTORY)) {
            s.filter(Files::isRegularFile).forEach(f -> folders.add(HISTORY.relativize(f.getParent()).toString().replace('\\', '/') + ".md"));
        }
        List<GitPage> tip = GitPages.tree(repo, GitPages.Query.of("main"));
        assertEquals(folders, tip.stream().map(GitPage::path).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(folders.size(), tip.size());
        for (GitPage p : tip) {
            Path newest;
            try (var s = Files.list(HISTORY.resolve(p.path().substring(0, p.path().length() - 3)))) {
                newest = s.sorted().reduce((a, b) -> b).orElseThrow();
            }
            assertEquals(Files.readString(newest), new String(p.content(), java.nio.charset.StandardCharsets.UTF_8), p.path());
        }
        // --path: names relative to the folder, as a folder tree's
        List<GitPage> ru = GitPages.tree(repo, GitPages.Query.of("main").path("ru-RU"));
        assertTrue(ru.stream().allMatch(p -> p.name().equals(p.path().substring("ru-RU/".length()))));
        // a date is the newest commit of that day or before: the history has a commit dated 2019-01-12, none on the 13th
        String onThe12th = GitPages.tree(repo, GitPages.Query.of("2019-01-12")).get(0).commit();
        assertEquals(onThe12th, GitPages.tree(repo, GitPages.Query.of("2019-01-13")).get(0).commit());
        try (Git git = Git.open(repo.toFile())) {
            var c = git.getRepository().parseCommit(git.getRepository().resolve(onThe12th));
            assertEquals(LocalDate.parse("2019-01-12"), LocalDate.ofInstant(java.time.Instant.ofEpochSecond(c.getCommitTime()), java.time.ZoneOffset.UTC));
        }
        // every page exists from 2018-11-30 on; on 2019-01-12 some held older text than on main
        List<GitPage> then = GitPages.tree(repo, GitPages.Query.of("2019-01-12"));
        assertEquals(tip.size(), then.size());
        long older = java.util.stream.IntStream.range(0, tip.size())
                .filter(i -> !java.util.Arrays.equals(tip.get(i).content(), then.get(i).content())).count();
        assertTrue(older > 0, "pages changed since 2019-01-12: " + older);
        GitPagesException none = assertThrows(GitPagesException.class, () -> GitPages.tree(repo, GitPages.Query.of("2000-01-01")));
        assertTrue(none.getMessage().contains("no commit on or before 2000-01-01"), none.getMessage());
    }

    @Test
    void aMergeContributesOnlyWhatItChanged() throws Exception {
        Path r = tmp.resolve("merge");
        try (Git git = Git.init().setDirectory(r.toFile()).setInitialBranch("main").call()) {
            Files.writeString(r.resolve("a.md"), "# a\n");
            git.add().addFilepattern("a.md").call();
            git.commit().setMessage("a").setSign(false).call();
            git.checkout().setCreateBranch(true).setName("side").call();
            Files.writeString(r.resolve("b.md"), "# b\n");
            git.add().addFilepattern("b.md").call();
            git.commit().setMessage("b").setSign(false).call();
            git.checkout().setName("main").call();
            Files.writeString(r.resolve("a.md"), "# a2\n");
            git.add().addFilepattern("a.md").call();
            git.commit().setMessage("a2").setSign(false).call();
            git.merge().include(git.getRepository().resolve("side")).setMessage("merge").call();
        }
        String merge;
        try (Git git = Git.open(r.toFile())) {
            merge = git.getRepository().resolve("main").name();
        }
        List<GitPage> pages = GitPages.read(r, GitPages.Query.of("main"));
        assertEquals(List.of("a.md", "a.md", "b.md"), pages.stream().map(GitPage::path).sorted().toList());
        assertTrue(pages.stream().noneMatch(p -> p.commit().equals(merge)), "the merge changed nothing itself");
    }

    @Test
    void badRepositoriesAreOneLine() throws IOException {
        Path notRepo = Files.createDirectories(tmp.resolve("plain-folder"));
        GitPagesException e = assertThrows(GitPagesException.class, () -> GitPages.read(notRepo, GitPages.Query.of(null)));
        assertTrue(e.getMessage().endsWith("not a git repository"), e.getMessage());
        GitPagesException rev = assertThrows(GitPagesException.class, () -> GitPages.read(repo, GitPages.Query.of("no-such-branch")));
        assertTrue(rev.getMessage().contains("no revision 'no-such-branch'"), rev.getMessage());
        assertThrows(GitPagesException.class, () -> GitPages.read(tmp.resolve("missing"), GitPages.Query.of(null)));
    }
}
