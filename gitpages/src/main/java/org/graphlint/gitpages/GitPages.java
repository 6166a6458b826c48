package org.graphlint.gitpages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.CommitTimeRevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.PageReadException;
import org.graphlint.schema.CatalogBuilder;

/**
 * Every state of every page under a folder of a git repository, read with JGit from the object database: no checkout,
 * no git executable. Commits are walked oldest first from a revision; a commit contributes each {@code *.md} blob under
 * the folder that differs from all its parents' (so a merge contributes only what it changed itself), and each distinct
 * content of a path is read once (a revert to an earlier text is that text again, not a new page state).
 *
 * <pre>{@code
 * List<GitPage> pages = GitPages.read(Path.of("microsoft-graph-docs.ru-RU"), GitPages.Query.of("live")
 *         .since(LocalDate.parse("2020-01-01")).path("api-reference/beta"));
 * }</pre>
 */
public final class GitPages {

    private GitPages() {
    }

    /** What to read: the revision to walk from, the earliest commit date, the folder. */
    public record Query(String rev, LocalDate since, String path) {
        public static Query of(String rev) {
            return new Query(rev, null, null);
        }

        public Query since(LocalDate d) {
            return new Query(rev, d, path);
        }

        public Query path(String p) {
            return new Query(rev, since, p);
        }

        String folder() {
            if (path == null) {
                return "";
            }
            String p = path.replace('\\', '/');
            while (p.startsWith("./")) {
                p = p.substring(2);
            }
            while (p.startsWith("/")) {
                p = p.substring(1);
            }
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            return p.equals(".") ? "" : p;
        }
    }

    /** Reads the page states the query selects, oldest commit first. */
    public static List<GitPage> read(Path repository, Query q) {
        return withRepository(repository, repo -> read(repository, repo, q));
    }

    /**
     * The pages as they are at the query's revision, one per path, sorted by path: what a checkout of the revision
     * would hold under the folder, read without one. Each is named by its path relative to the folder (as pages in a
     * folder tree are) and carries the revision's commit. The query's {@code since} plays no part (see
     * {@link #changedPaths}).
     */
    public static List<GitPage> tree(Path repository, Query q) {
        return withRepository(repository, repo -> tree(repository, repo, q));
    }

    /**
     * The repository paths of the pages under the folder that a commit from the query's {@code since} date on (on the
     * revision's history) changed, sorted; every page under the folder when the query has no date.
     */
    public static Set<String> changedPaths(Path repository, Query q) {
        Set<String> out = new java.util.TreeSet<>();
        for (GitPage p : read(repository, q)) {
            out.add(p.path());
        }
        return out;
    }

    private interface RepoRead {
        List<GitPage> apply(Repository repo) throws IOException;
    }

    private static List<GitPage> withRepository(Path repository, RepoRead what) {
        if (!Files.isDirectory(repository)) {
            throw new GitPagesException(repository + ": no such folder (--git wants a git repository's folder)");
        }
        Git git;
        try {
            git = Git.open(repository.toFile());
        } catch (RepositoryNotFoundException e) {
            throw new GitPagesException(repository + ": not a git repository", e);
        } catch (IOException e) {
            throw new GitPagesException(repository + ": cannot open the repository: " + e.getMessage(), e);
        }
        try (git; Repository repo = git.getRepository()) {
            return what.apply(repo);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GitPagesException g) {
                throw g;
            }
            throw new GitPagesException(repository + ": cannot read the repository: " + e.getMessage(), e);
        }
    }

    /**
     * The commit a revision names: a branch, tag or commit id as git reads them, or a date ({@code yyyy-mm-dd}, UTC)
     * for the newest commit on HEAD's history made on or before that day.
     */
    static ObjectId resolve(Path where, Repository repo, String rev) throws IOException {
        String r = rev == null ? Constants.HEAD : rev;
        ObjectId id;
        try {
            id = repo.resolve(r + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            id = null;
        }
        if (id == null && DAY.matcher(r).matches()) {
            LocalDate day;
            try {
                day = LocalDate.parse(r);
            } catch (java.time.DateTimeException e) {
                throw new GitPagesException(where + ": '" + r + "' is neither a revision nor a date");
            }
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            if (head != null) {
                long end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                try (RevWalk walk = new RevWalk(repo)) {
                    walk.sort(RevSort.COMMIT_TIME_DESC);
                    walk.markStart(walk.parseCommit(head));
                    for (RevCommit c : walk) {
                        if (c.getCommitTime() < end) {
                            return c.copy();
                        }
                    }
                }
            }
            throw new GitPagesException(where + ": no commit on or before " + day + " on HEAD's history");
        }
        if (id == null) {
            throw new GitPagesException(where + ": no revision '" + r + "'"
                    + (r.equals(Constants.HEAD) ? " (an empty repository?)" : " (give a branch, tag, commit or yyyy-mm-dd with --rev)"));
        }
        return id;
    }

    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static List<GitPage> tree(Path where, Repository repo, Query q) throws IOException {
        ObjectId start = resolve(where, repo, q.rev());
        String folder = q.folder();
        List<GitPage> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(repo, reader)) {
            RevCommit c = walk.parseCommit(start);
            Instant time = Instant.ofEpochSecond(c.getCommitTime());
            tw.setRecursive(true);
            TreeFilter md = PathSuffixFilter.create(".md");
            tw.setFilter(folder.isEmpty() ? md : AndTreeFilter.create(PathFilter.create(folder), md));
            tw.addTree(c.getTree());
            while (tw.next()) {
                if (!FileMode.REGULAR_FILE.equals(tw.getFileMode(0)) && !FileMode.EXECUTABLE_FILE.equals(tw.getFileMode(0))) {
                    continue; // a symlink or a submodule
                }
                String path = tw.getPathString();
                out.add(new GitPage(path, relative(path, folder), c.name(), time, content(reader, tw.getObjectId(0))));
            }
        }
        return out;
    }

    private static List<GitPage> read(Path where, Repository repo, Query q) throws IOException {
        ObjectId start = resolve(where, repo, q.rev());
        String folder = q.folder();
        List<GitPage> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(); // path + blob id: each content of a path once
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(repo, reader)) {
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.sort(RevSort.REVERSE, true);
            if (q.since() != null) {
                walk.setRevFilter(CommitTimeRevFilter.after(q.since().atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)));
            }
            walk.markStart(walk.parseCommit(start));
            TreeFilter md = PathSuffixFilter.create(".md");
            TreeFilter files = folder.isEmpty() ? md : AndTreeFilter.create(PathFilter.create(folder), md);
            tw.setRecursive(true);
            tw.setFilter(AndTreeFilter.create(files, TreeFilter.ANY_DIFF));
            for (RevCommit c : walk) {
                tw.reset();
                tw.addTree(c.getTree());
                for (RevCommit parent : c.getParents()) {
                    tw.addTree(walk.parseCommit(parent).getTree());
                }
                int trees = tw.getTreeCount();
                Instant time = Instant.ofEpochSecond(c.getCommitTime());
                while (tw.next()) {
                    if (!FileMode.REGULAR_FILE.equals(tw.getFileMode(0)) && !FileMode.EXECUTABLE_FILE.equals(tw.getFileMode(0))) {
                        continue; // deleted here, a symlink or a submodule
                    }
                    ObjectId blob = tw.getObjectId(0);
                    boolean fromParent = false;
                    for (int i = 1; i < trees; i++) {
                        if (blob.equals(tw.getObjectId(i))) {
                            fromParent = true;
                        }
                    }
                    String path = tw.getPathString();
                    if (fromParent || !seen.add(path + '\u0000' + blob.name())) {
                        continue;
                    }
                    out.add(new GitPage(path, name(path, folder, c, time), c.name(), time, content(reader, blob)));
                }
            }
        }
        return out;
    }

    /**
     * Parses the page states for the schema builder, each under its {@link GitPage#name()}; pages that cannot be read
     * (too large, binary) are reported in {@code errors} with their path and commit, and left out.
     */
    public static List<CatalogBuilder.Input> inputs(List<GitPage> pages, List<String> errors) {
        List<CatalogBuilder.Input> out = new ArrayList<>(pages.size());
        for (GitPage p : pages) {
            String label = p.path() + " at " + p.commit().substring(0, 7);
            if (p.content() == null) {
                errors.add(label + ": larger than " + PageParser.MAX_PAGE_BYTES / (1024 * 1024) + " MB; not a page");
                continue;
            }
            try {
                out.add(new CatalogBuilder.Input(PageParser.parse(p.name(), p.content()), p.name()));
            } catch (PageReadException e) {
                errors.add(label + ": " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            }
        }
        return out;
    }

    private static byte[] content(ObjectReader reader, ObjectId blob) throws IOException {
        ObjectLoader l = reader.open(blob, Constants.OBJ_BLOB);
        if (l.getSize() > PageParser.MAX_PAGE_BYTES) {
            return null;
        }
        return l.getCachedBytes(Integer.MAX_VALUE);
    }

    /** {@code PAGE/DATE_COMMIT.md} relative to the folder, as hand-copied page histories are laid out. */
    static String name(String path, String folder, RevCommit c, Instant time) {
        String rel = relative(path, folder);
        String page = rel.toLowerCase(Locale.ROOT).endsWith(".md") ? rel.substring(0, rel.length() - 3) : rel;
        return page + "/" + LocalDate.ofInstant(time, ZoneOffset.UTC) + "_" + c.name().substring(0, 7) + ".md";
    }

    /** The path relative to the folder ({@code --path} naming the page itself leaves its file name). */
    static String relative(String path, String folder) {
        String rel = folder.isEmpty() ? path : path.substring(Math.min(path.length(), folder.length() + 1));
        return rel.isEmpty() ? path.substring(path.lastIndexOf('/') + 1) : rel;
    }
}
