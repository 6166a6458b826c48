package org.graphlint.gitpages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Lays a folder of hand-copied page histories ({@code PAGE/DATE_COMMIT.md}, as {@code samples/pages/history}) out as
 * a git repository: one commit per date (a second version of a page on the same date gets a commit of its own), dated
 * that day at noon UTC, each page at {@code PAGE.md}. What the equivalence test and the git-vs-folder benchmark read.
 */
public final class HistoryRepository {
    private static final Pattern VERSION = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})_[0-9a-fA-F]+\\.md");

    private HistoryRepository() {
    }

    private record Version(LocalDate date, String page, Path file) {
    }

    /** Creates the repository in {@code dir} (which must not exist or be empty); returns the number of commits. */
    public static int create(Path history, Path dir) throws IOException {
        List<Version> versions = new ArrayList<>();
        try (Stream<Path> s = Files.walk(history)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                Matcher m = VERSION.matcher(f.getFileName().toString());
                if (m.matches()) {
                    String page = history.relativize(f.getParent()).toString().replace('\\', '/') + ".md";
                    versions.add(new Version(LocalDate.parse(m.group(1)), page, f));
                }
            }
        }
        versions.sort(Comparator.comparing(Version::date).thenComparing(Version::page).thenComparing(Version::file));
        int commits = 0;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            int i = 0;
            while (i < versions.size()) {
                LocalDate day = versions.get(i).date();
                Set<String> inCommit = new HashSet<>();
                while (i < versions.size() && versions.get(i).date().equals(day) && inCommit.add(versions.get(i).page())) {
                    Version v = versions.get(i++);
                    Path to = dir.resolve(v.page());
                    Files.createDirectories(to.getParent());
                    Files.copy(v.file(), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    git.add().addFilepattern(v.page()).call();
                }
                Date when = Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
                PersonIdent who = new PersonIdent("graphlint", "graphlint@example.invalid", when, TimeZone.getTimeZone("UTC"));
                git.commit().setMessage("pages of " + day).setAuthor(who).setCommitter(who).setSign(false).call();
                commits++;
            }
        } catch (GitAPIException e) {
            throw new IOException("cannot create the repository in " + dir + ": " + e.getMessage(), e);
        }
        return commits;
    }
}
