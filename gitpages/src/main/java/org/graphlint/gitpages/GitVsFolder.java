package org.graphlint.gitpages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.graphlint.parser.PageParser;
import org.graphlint.schema.PageSource;

/**
 * Benchmark (not a test): pages/s read from git against pages/s read from a folder, the same pages, interleaved in
 * one process, medians. {@code GitVsFolder FOLDER [ROUNDS]}: a folder of page histories ({@code PAGE/DATE_COMMIT.md})
 * becomes one commit per date; any other folder (a docs snapshot) becomes one commit. Reports reading alone and
 * reading plus parsing.
 */
public final class GitVsFolder {
    private GitVsFolder() {
    }

    public static void main(String[] args) throws IOException, GitAPIException {
        Path folder = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path repo = Files.createTempDirectory("graphlint-gitbench");
        try {
            long t0 = System.nanoTime();
            int commits;
            boolean history;
            try (Stream<Path> s = Files.walk(folder)) {
                history = s.anyMatch(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}_[0-9a-f]+\\.md"));
            }
            if (history) {
                commits = HistoryRepository.create(folder, repo);
            } else {
                commits = snapshot(folder, repo);
            }
            try (Git git = Git.open(repo.toFile())) {
                git.gc().call(); // packed, as a cloned repository is
            }
            System.out.printf(Locale.ROOT, "repository: %d commits from %s in %.1f s%n", commits, folder, (System.nanoTime() - t0) / 1e9);
            List<PageSource.PageFile> files = PageSource.list(List.of(folder));
            double[] readFolder = new double[rounds];
            double[] readGit = new double[rounds];
            double[] parseFolder = new double[rounds];
            double[] parseGit = new double[rounds];
            int n = files.size();
            int gitPages = 0;
            for (int r = 0; r < rounds; r++) {
                long a = System.nanoTime();
                List<byte[]> bytes = new ArrayList<>(n);
                for (PageSource.PageFile f : files) {
                    bytes.add(Files.readAllBytes(f.path()));
                }
                long b = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    PageParser.parse(files.get(i).name(), bytes.get(i));
                }
                long c = System.nanoTime();
                List<GitPage> pages = GitPages.read(repo, GitPages.Query.of(null));
                long d = System.nanoTime();
                for (GitPage p : pages) {
                    PageParser.parse(p.name(), p.content());
                }
                long e = System.nanoTime();
                gitPages = pages.size();
                readFolder[r] = n / ((b - a) / 1e9);
                parseFolder[r] = n / ((c - a) / 1e9);
                readGit[r] = pages.size() / ((d - c) / 1e9);
                parseGit[r] = pages.size() / ((e - c) / 1e9);
                System.out.printf(Locale.ROOT, "round %d: read folder %.0f pages/s, git %.0f pages/s; read+parse folder %.0f, git %.0f%n",
                        r + 1, readFolder[r], readGit[r], parseFolder[r], parseGit[r]);
            }
            System.out.printf(Locale.ROOT, "%d pages (git: %d states); medians of %d rounds: read folder %.0f pages/s, git %.0f pages/s (git/folder %.2f); read+parse folder %.0f pages/s, git %.0f pages/s (git/folder %.2f)%n",
                    n, gitPages, rounds, median(readFolder), median(readGit), median(readGit) / median(readFolder),
                    median(parseFolder), median(parseGit), median(parseGit) / median(parseFolder));
        } finally {
            try (Stream<Path> s = Files.walk(repo)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p); // the temporary repository this run created
                }
            }
        }
    }

    private static int snapshot(Path folder, Path repo) throws IOException, GitAPIException {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
             Stream<Path> s = Files.walk(folder)) {
            for (Path f : s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".md")).toList()) {
                Path to = repo.resolve(folder.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage("snapshot").setSign(false).call();
        }
        return 1;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
