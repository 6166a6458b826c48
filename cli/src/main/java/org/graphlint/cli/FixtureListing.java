package org.graphlint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.graphlint.parser.Text;
import org.graphlint.validate.Category;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Severity;

/**
 * The fixtures {@code graphlint validate} and {@code convert} are given: files as given, folders listed recursively
 * (sorted, hidden folders skipped, symbolic links to folders followed); what cannot be listed becomes a report of its
 * own, never skipped.
 */
final class FixtureListing {
    private FixtureListing() {
    }

    /** A file as given, or every fixture under a folder (sorted, hidden folders skipped). */
    static void expand(Path p, List<Path> files, List<String> names, List<FileReport> early) {
        List<FileReport> problems = new ArrayList<>();
        list(p, (name, path) -> {
            files.add(path);
            names.add(name);
        }, (name, message) -> problems.add(problem(name, message)));
        for (FileReport r : problems) {
            files.add(null);
            names.add(r.file());
            early.add(r);
        }
    }

    /**
     * What a path given to validate or convert holds: the file itself, or every fixture under a folder, sorted, each
     * handed to {@code fixture} (its name, its path); then what could not be listed, each handed to {@code problem}
     * (the path's name, one line). A path that does not exist, or a folder without fixtures, is a problem too.
     */
    static void list(Path p, BiConsumer<String, Path> fixture, BiConsumer<String, String> problem) {
        if (!Files.exists(p)) {
            problem.accept(p.toString(), "no such file or folder");
            return;
        }
        if (!Files.isDirectory(p)) {
            fixture.accept(p.toString(), p);
            return;
        }
        List<Listed> found = new ArrayList<>();
        List<String[]> problems = new ArrayList<>();
        try {
            java.util.Set<Object> above = new java.util.HashSet<>();
            Object key = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            if (key != null) {
                above.add(key);
            }
            walk(p, found, problems, 0, above);
        } catch (IOException e) {
            problem.accept(p.toString(), "cannot list folder: " + Text.oneLine(e));
            return;
        }
        if (found.isEmpty() && problems.isEmpty()) {
            problem.accept(p.toString(), "no *.json, *.http or *.rest fixtures in this folder");
            return;
        }
        found.sort(null);
        for (Listed f : found) {
            fixture.accept(f.name(), f.path());
        }
        for (String[] pr : problems) {
            problem.accept(pr[0], pr[1]);
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
     * Hidden folders are not listed; symbolic links to folders are followed, except one back to a folder above it
     * ({@code above}: the file keys of the folders being listed), which is said and not followed again.
     */
    private static void walk(Path dir, List<Listed> found, List<String[]> problems, int depth, java.util.Set<Object> above)
            throws IOException {
        if (depth > 64) {
            problems.add(new String[] {dir.toString(), "folders nested deeper than 64 levels; not listed"});
            return;
        }
        List<Path> subdirs = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path e : ds) {
                String full = e.toString();
                if (isFixtureName(full)) {
                    found.add(new Listed(full, e));
                } else if (!e.getFileName().toString().startsWith(".")) {
                    java.nio.file.attribute.BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(e, java.nio.file.attribute.BasicFileAttributes.class);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        continue; // a dangling link not named like a fixture: not a fixture
                    } catch (IOException unreadable) {
                        problems.add(new String[] {full, "cannot list folder: " + Text.oneLine(unreadable)});
                        continue;
                    }
                    if (!a.isDirectory()) {
                        continue;
                    }
                    if (a.fileKey() != null && above.contains(a.fileKey())) {
                        problems.add(new String[] {full, "a symbolic link back to a folder above it; its fixtures were"
                                + " read once, through the folder itself"});
                        continue;
                    }
                    subdirs.add(e);
                    keys.add(a.fileKey());
                }
            }
        }
        for (int i = 0; i < subdirs.size(); i++) {
            Path s = subdirs.get(i);
            Object key = keys.get(i);
            if (key != null) {
                above.add(key);
            }
            try {
                walk(s, found, problems, depth + 1, above);
            } catch (IOException e) {
                problems.add(new String[] {s.toString(), "cannot list folder: " + Text.oneLine(e)});
            } finally {
                if (key != null) {
                    above.remove(key);
                }
            }
        }
    }

    static FileReport problem(String name, String message) {
        return new FileReport(name, List.of(), List.of(new Finding(name, 0, 0, 0, null, "unreadable", Severity.ERROR,
                Category.INPUT, message, null)), 0);
    }
}
