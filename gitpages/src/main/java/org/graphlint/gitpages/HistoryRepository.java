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
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Lays a folder of hand-copied page histories ({@code PAGE/DATE_COMMIT.md}, as {@code samples/pages/history}) out as
 * a git repository: one commit per date (a second version of a page on the same date gets a commit of its own), dated
 * that day at noon UTC, each page at {@code PAGE.md}; the objects are written directly (the repository has no checkout). What the equivalence test and the git-vs-folder benchmark read.
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
        // Objects are written straight into the object database (no worktree, no index file on disk): the test and the
        // benchmark lay out hundreds of pages, and adding them through a checkout cost most of their time.
        int commits = 0;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
             ObjectInserter ins = git.getRepository().newObjectInserter()) {
            Repository repo = git.getRepository();
            java.util.TreeMap<String, ObjectId> tree = new java.util.TreeMap<>();
            ObjectId parent = null;
            int i = 0;
            while (i < versions.size()) {
                LocalDate day = versions.get(i).date();
                Set<String> inCommit = new HashSet<>();
                while (i < versions.size() && versions.get(i).date().equals(day) && inCommit.add(versions.get(i).page())) {
                    Version v = versions.get(i++);
                    tree.put(v.page(), ins.insert(Constants.OBJ_BLOB, Files.readAllBytes(v.file())));
                }
                DirCache index = DirCache.newInCore();
                DirCacheBuilder b = index.builder();
                for (java.util.Map.Entry<String, ObjectId> e : tree.entrySet()) {
                    DirCacheEntry entry = new DirCacheEntry(e.getKey());
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(e.getValue());
                    b.add(entry);
                }
                b.finish();
                Date when = Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
                PersonIdent who = new PersonIdent("graphlint", "graphlint@example.invalid", when, TimeZone.getTimeZone("UTC"));
                CommitBuilder c = new CommitBuilder();
                c.setTreeId(index.writeTree(ins));
                if (parent != null) {
                    c.setParentId(parent);
                }
                c.setAuthor(who);
                c.setCommitter(who);
                c.setMessage("pages of " + day);
                parent = ins.insert(c);
                commits++;
            }
            ins.flush();
            if (parent != null) {
                RefUpdate u = repo.updateRef("refs/heads/main");
                u.setNewObjectId(parent);
                u.setForceUpdate(true);
                RefUpdate.Result r = u.update();
                if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED) {
                    throw new IOException("cannot set main in " + dir + ": " + r);
                }
            }
        } catch (GitAPIException e) {
            throw new IOException("cannot create the repository in " + dir + ": " + e.getMessage(), e);
        }
        return commits;
    }
}
