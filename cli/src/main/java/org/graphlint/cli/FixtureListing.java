package org.graphlint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graphlint.validate.Category;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Severity;

/**
 * The fixtures {@code graphlint validate} is given: files as given, folders listed recursively (sorted, hidden folders
 * skipped); what cannot be listed becomes a report of its own, in its place, never skipped.
 */
final class FixtureListing {
    private FixtureListing() {
    }

    /** A file as given, or every fixture under a folder (sorted, hidden folders skipped). */
    static void expand(Path p, List<Path> files, List<String> names, List<FileReport> early) {
        List<FileReport> problems = new ArrayList<>();
        expandInto(p, files, names, problems);
        for (FileReport r : problems) {
            files.add(null);
            names.add(r.file());
            early.add(r);
        }
    }

    private static void expandInto(Path p, List<Path> files, List<String> names, List<FileReport> early) {
        if (!Files.exists(p)) {
            early.add(problem(p.toString(), "no such file or folder"));
            return;
        }
        if (!Files.isDirectory(p)) {
            files.add(p);
            names.add(p.toString());
            return;
        }
        List<Listed> found = new ArrayList<>();
        List<FileReport> problems = new ArrayList<>();
        try {
            walk(p, found, problems, 0);
        } catch (IOException e) {
            early.add(problem(p.toString(), "cannot list folder: " + GraphlintCommand.oneLine(e)));
            return;
        }
        early.addAll(problems);
        if (found.isEmpty() && problems.isEmpty()) {
            early.add(problem(p.toString(), "no *.json, *.http or *.rest fixtures in this folder"));
            return;
        }
        found.sort(null);
        for (Listed f : found) {
            files.add(f.path());
            names.add(f.name());
        }
    }

    /** A listed fixture, ordered by its path string (cheaper to compare than {@link Path}s, and the same order). */
    private record Listed(String name, Path path) implements Comparable<Listed> {
        @Override
        public int compareTo(Listed o) {
            return name.compareTo(o.name);
        }
    }

    /** *.json, *.http or *.rest, in any case. */
    static boolean isFixtureName(String n) {
        int k = n.length() - 5;
        return k >= 0 && (n.regionMatches(true, k, ".json", 0, 5) || n.regionMatches(true, k, ".http", 0, 5)
                || n.regionMatches(true, k, ".rest", 0, 5));
    }

    /**
     * Lists a folder recursively without a stat per fixture: names ending in .json/.http/.rest are taken as files (one
     * that is a folder after all is reported when it is read); only other names are checked for being folders.
     * Hidden folders and symbolic links to folders are not followed.
     */
    private static void walk(Path dir, List<Listed> found, List<FileReport> problems, int depth) throws IOException {
        if (depth > 64) {
            problems.add(problem(dir.toString(), "folders nested deeper than 64 levels; not listed"));
            return;
        }
        List<Path> subdirs = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path e : ds) {
                String full = e.toString();
                if (isFixtureName(full)) {
                    found.add(new Listed(full, e));
                } else if (!e.getFileName().toString().startsWith(".")
                        && Files.isDirectory(e, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    subdirs.add(e);
                }
            }
        }
        for (Path s : subdirs) {
            try {
                walk(s, found, problems, depth + 1);
            } catch (IOException e) {
                problems.add(problem(s.toString(), "cannot list folder: " + GraphlintCommand.oneLine(e)));
            }
        }
    }

    static FileReport problem(String name, String message) {
        return new FileReport(name, List.of(), List.of(new Finding(name, 0, 0, 0, null, "unreadable", Severity.ERROR,
                Category.INPUT, message, null)), 0);
    }
}
