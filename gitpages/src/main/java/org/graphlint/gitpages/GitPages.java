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
            return read(repository, repo, q);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GitPagesException g) {
                throw g;
            }
            throw new GitPagesException(repository + ": cannot read the repository: " + e.getMessage(), e);
        }
    }

    private static List<GitPage> read(Path where, Repository repo, Query q) throws IOException {
        String rev = q.rev() == null ? Constants.HEAD : q.rev();
        ObjectId start = repo.resolve(rev + "^{commit}");
        if (start == null) {
            throw new GitPagesException(where + ": no revision '" + rev + "'"
                    + (rev.equals(Constants.HEAD) ? " (an empty repository?)" : " (give a branch, tag or commit with --rev)"));
        }
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
        String rel = folder.isEmpty() ? path : path.substring(Math.min(path.length(), folder.length() + 1));
        if (rel.isEmpty()) {
            rel = path.substring(path.lastIndexOf('/') + 1); // --path named the page itself
        }
        String page = rel.toLowerCase(Locale.ROOT).endsWith(".md") ? rel.substring(0, rel.length() - 3) : rel;
        return page + "/" + LocalDate.ofInstant(time, ZoneOffset.UTC) + "_" + c.name().substring(0, 7) + ".md";
    }
}
