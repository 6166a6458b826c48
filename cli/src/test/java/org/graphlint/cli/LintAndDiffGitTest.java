package org.graphlint.cli;

import static org.graphlint.cli.TestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.graphlint.gitpages.GitPages;
import org.graphlint.gitpages.HistoryRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code graphlint lint --git} and {@code graphlint diff --git}: a repository built in the test from
 * {@code samples/pages/history} (one commit per date) lints as the same pages in a folder do, and diffs across
 * revisions and dates; locale lag across two repositories; clear errors.
 */
class LintAndDiffGitTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path HISTORY = TestSupport.repoRoot().resolve("samples/pages/history");

    @TempDir
    static Path tmp;
    static Path repo;

    @BeforeAll
    static void repository() throws IOException {
        repo = tmp.resolve("docs");
        HistoryRepository.create(HISTORY, repo);
    }

    /** The newest version of each page of a locale's history, laid out as a plain tree (what main holds). */
    static Path tips(String locale) throws IOException {
        Path out = tmp.resolve("tips-" + locale);
        if (Files.isDirectory(out)) {
            return out;
        }
        Path root = HISTORY.resolve(locale);
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                Path page = root.relativize(f.getParent());
                Files.createDirectories(out.resolve(page).getParent());
                // files sort by date: the last one copied is the newest
                Files.copy(f, out.resolve(page + ".md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return out;
    }

    /** rule, file (without the given prefix), line, column, subject of each finding. */
    static List<String> findings(String json, String prefix) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(json).path("findings")) {
            String file = f.path("file").asString();
            assertTrue(file.startsWith(prefix), file + " should start with " + prefix);
            out.add(f.path("rule").asString() + " " + file.substring(prefix.length()) + ":" + f.path("line").asInt() + ":"
                    + f.path("column").asInt() + " " + f.path("subject").asString());
        }
        return out;
    }

    @Test
    void lintGitLintsThePagesAtTheRevisionAsAFolderOfThemWould() throws IOException {
        Path tips = tips("ru-RU");
        TestSupport.Result g = cli("lint", "--git", repo.toString(), "--rev", "main", "--path", "ru-RU", "--format", "json");
        TestSupport.Result f = cli("lint", tips.toString(), "--format", "json");
        assertEquals(ExitCode.FINDINGS, g.exit(), g.err());
        List<String> fromGit = findings(g.out(), repo + "/ru-RU/");
        assertFalse(fromGit.isEmpty());
        assertEquals(findings(f.out(), tips + "/"), fromGit);
        assertEquals(JSON.readTree(f.out()).path("pages"), JSON.readTree(g.out()).path("pages"));
        // SARIF names the page by its path in the repository
        TestSupport.Result sarif = cli("lint", "--git", repo.toString(), "--path", "ru-RU", "--format", "sarif");
        assertTrue(sarif.out().contains("ru-RU/beta/api/intune-onboarding-vpptoken-update.md"), sarif.out());
    }

    @Test
    void sinceReportsOnlyPagesChangedFromThatDateOn() {
        String since = "2021-01-01";
        TestSupport.Result all = cli("lint", "--git", repo.toString(), "--path", "ru-RU", "--format", "json");
        TestSupport.Result recent = cli("lint", "--git", repo.toString(), "--path", "ru-RU", "--since", since, "--format", "json");
        List<String> allFindings = findings(all.out(), repo + "/ru-RU/");
        List<String> recentFindings = findings(recent.out(), repo + "/ru-RU/");
        Set<String> changed = GitPages.changedPaths(repo,
                GitPages.Query.of(null).path("ru-RU").since(java.time.LocalDate.parse(since)));
        assertFalse(changed.isEmpty());
        assertFalse(recentFindings.isEmpty());
        assertTrue(recentFindings.size() < allFindings.size(), recentFindings.size() + " of " + allFindings.size());
        for (String r : recentFindings) {
            String file = "ru-RU/" + r.substring(r.indexOf(' ') + 1, r.indexOf(':'));
            assertTrue(changed.contains(file), file + " changed before " + since);
        }
        // the findings kept are exactly those of the changed pages in the whole run
        assertEquals(allFindings.stream().filter(r -> changed.contains("ru-RU/" + r.substring(r.indexOf(' ') + 1, r.indexOf(':'))))
                .toList(), recentFindings);
    }

    /** A repository with the folder's pages in one commit. */
    static Path repoOf(Path folder, String name) throws Exception {
        Path r = tmp.resolve(name);
        try (Git git = Git.init().setDirectory(r.toFile()).setInitialBranch("main").call()) {
            try (Stream<Path> s = Files.walk(folder)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    Path to = r.resolve(folder.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("t", "t@example.invalid",
                    Date.from(java.time.LocalDate.parse("2021-08-27").atStartOfDay(ZoneOffset.UTC).toInstant()), TimeZone.getTimeZone("UTC"));
            git.commit().setMessage("pages").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        return r;
    }

    @Test
    void localeLagAcrossRepositoriesAsAcrossFolders() throws Exception {
        Path locales = TestSupport.repoRoot().resolve("lint/src/test/resources/locales");
        Path ru = repoOf(locales.resolve("ru-RU"), "loc-ru");
        Path pt = repoOf(locales.resolve("pt-BR"), "loc-pt");
        TestSupport.Result g = cli("lint", "--git", "ru-RU=" + ru, "--git", "pt-BR=" + pt, "--format", "json");
        TestSupport.Result f = cli("lint", "--locale", "ru-RU=" + locales.resolve("ru-RU"), "--locale",
                "pt-BR=" + locales.resolve("pt-BR"), "--format", "json");
        List<String> lagGit = findings(g.out(), tmp + "/").stream().filter(s -> s.startsWith("locale-lag")).toList();
        List<String> lagFolder = findings(f.out(), locales + "/").stream().filter(s -> s.startsWith("locale-lag")).toList();
        assertEquals(1, lagFolder.size(), f.out());
        assertEquals(lagFolder.stream().map(s -> s.replace(" ru-RU/", " loc-ru/").replace(" pt-BR/", " loc-pt/")).toList(), lagGit);
        // untagged, the two repositories are not locale trees: no lag
        TestSupport.Result plain = cli("lint", "--git", ru.toString(), "--git", pt.toString(), "--format", "json");
        assertTrue(findings(plain.out(), tmp + "/").stream().noneMatch(s -> s.startsWith("locale-lag")), plain.out());
    }

    @Test
    void diffGitComparesTwoRevisionsOrDates() {
        // before 2019-01-23 the beta vppToken had no roleScopeTagIds; main has it
        TestSupport.Result d = cli("diff", "--git", repo.toString(), "--path", "ru-RU", "--rev", "2019-01-01",
                "--against-rev", "main", "--entity", "vppToken", "--fail-on", "any", "--format", "json");
        assertEquals(ExitCode.FINDINGS, d.exit(), d.err() + d.out());
        assertTrue(d.out().contains("roleScopeTagIds"), d.out());
        TestSupport.Result same = cli("diff", "--git", repo.toString(), "--path", "ru-RU", "--rev", "main",
                "--against-rev", "main", "--fail-on", "any");
        assertEquals(ExitCode.OK, same.exit(), same.err() + same.out());
        // the same comparison as two catalogs built from folders holding the pages of those two dates
        TestSupport.Result text = cli("diff", "--git", repo.toString(), "--path", "ru-RU", "--rev", "2019-01-01",
                "--against-rev", "main", "--entity", "vppToken", "--fail-on", "none");
        assertEquals(ExitCode.OK, text.exit(), text.err());
        assertTrue(text.out().contains("@2019-01-01") && text.out().contains("@main"), text.out());
    }

    @Test
    void diffGitComparesTwoRepositories() throws Exception {
        Path locales = TestSupport.repoRoot().resolve("lint/src/test/resources/locales");
        Path ru = repoOf(locales.resolve("ru-RU"), "diff-ru");
        Path pt = repoOf(locales.resolve("pt-BR"), "diff-pt");
        TestSupport.Result d = cli("diff", "--git", ru.toString(), "--git", pt.toString(), "--fail-on", "any", "--format", "json");
        assertEquals(ExitCode.FINDINGS, d.exit(), d.err() + d.out());
        assertTrue(d.out().contains("roleScopeTagIds"), d.out());
    }

    @Test
    void badGitUseIsOneLineExitTwo() {
        TestSupport.Result noGit = cli("diff", "--against-rev", "main");
        assertEquals(ExitCode.USAGE_OR_INPUT, noGit.exit());
        assertTrue(noGit.err().contains("--against-rev goes with --git"), noGit.err());
        TestSupport.Result since = cli("diff", "--git", repo.toString(), "--rev", "main", "--against-rev", "main", "--since", "2020-01-01");
        assertEquals(ExitCode.USAGE_OR_INPUT, since.exit());
        TestSupport.Result noRev = cli("lint", "--git", repo.toString(), "--rev", "no-such-branch");
        assertEquals(ExitCode.USAGE_OR_INPUT, noRev.exit());
        assertTrue(noRev.err().contains("no revision 'no-such-branch'") && !noRev.err().contains("Exception"), noRev.err());
        TestSupport.Result early = cli("lint", "--git", repo.toString(), "--rev", "1999-01-01");
        assertEquals(ExitCode.USAGE_OR_INPUT, early.exit());
        assertTrue(early.err().contains("no commit on or before 1999-01-01"), early.err());
        TestSupport.Result revAlone = cli("lint", tmp.toString(), "--rev", "main");
        assertEquals(ExitCode.USAGE_OR_INPUT, revAlone.exit());
        assertTrue(revAlone.err().contains("go with --git"), revAlone.err());
    }
}
