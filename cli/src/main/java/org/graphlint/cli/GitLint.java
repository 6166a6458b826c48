package org.graphlint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graphlint.gitpages.GitPage;
import org.graphlint.gitpages.GitPages;
import org.graphlint.gitpages.GitPagesException;
import org.graphlint.lint.LintException;
import org.graphlint.lint.LintFinding;
import org.graphlint.lint.LintInput;
import org.graphlint.lint.LintResult;
import org.graphlint.lint.LintRule;
import org.graphlint.parser.PageParser;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code graphlint lint --git [TAG=]REPO [--rev REF] [--since DATE] [--path SUBDIR]}: the pages of a repository as they
 * are at a revision, read with JGit (no checkout). A finding names the page by its path in the repository (prefixed by
 * the repository folder as given, unless that is the working folder), so SARIF results line up with the repository's
 * files. With {@code --since}, every page is still linted (a page's examples are checked against the types its links
 * reach) but only findings on pages that a commit from that date on changed are reported.
 */
final class GitLint {
    /** {@code TAG=REPO}: a locale tag as the docs spell them ({@code ru-RU}, {@code pt-BR}, {@code zh-Hans-CN}). */
    private static final Pattern TAGGED = Pattern.compile("([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)=(.+)");

    private GitLint() {
    }

    /** The pages read from the repositories, and the files whose findings are in scope (null: all). */
    record Pages(List<LintInput> inputs, Set<String> scope) {
        /** The result with only the findings on pages in scope (unreadable pages always are). */
        LintResult inScope(LintResult r) {
            if (scope == null) {
                return r;
            }
            List<LintFinding> kept = r.findings().stream()
                    .filter(f -> f.rule() == LintRule.UNREADABLE_PAGE || scope.contains(f.file())).toList();
            return new LintResult(kept, r.pages(), r.unreadable(), r.suppressed(), r.elapsedMillis());
        }
    }

    static Pages pages(GitSourceOptions git, CommandSpec spec) {
        if (git.repositories.isEmpty()) {
            return new Pages(List.of(), null);
        }
        GitPages.Query q = git.query(spec);
        List<LintInput> inputs = new ArrayList<>();
        Set<String> scope = q.since() == null ? null : new HashSet<>();
        for (Path given : git.repositories) {
            String tag = null;
            Path repo = given;
            Matcher m = TAGGED.matcher(given.toString());
            if (m.matches() && !Files.exists(given)) {
                tag = m.group(1);
                repo = Path.of(m.group(2));
            }
            try {
                for (GitPage p : GitPages.tree(repo, q)) {
                    String file = fileName(repo, p.path());
                    inputs.add(p.content() == null
                            ? LintInput.unreadable(file, p.name(), tag, "larger than " + PageParser.MAX_PAGE_BYTES / (1024 * 1024)
                                    + " MB at " + p.commit().substring(0, 7) + "; a reference page is well under 1 MB")
                            : LintInput.of(file, p.name(), tag, p.content()));
                }
                if (scope != null) {
                    for (String path : GitPages.changedPaths(repo, q)) {
                        scope.add(fileName(repo, path));
                    }
                }
            } catch (GitPagesException e) {
                throw new LintException(e.getMessage());
            }
        }
        return new Pages(inputs, scope);
    }

    /** The page's path in the repository, under the repository folder as given unless that is the working folder. */
    static String fileName(Path repo, String path) {
        Path p = repo.resolve(path).normalize();
        return p.toString().replace('\\', '/');
    }
}
