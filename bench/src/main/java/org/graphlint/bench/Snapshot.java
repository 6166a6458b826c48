package org.graphlint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every {@code *.md} page under a folder, read into memory once so that the benchmark times parsing, not disk. */
final class Snapshot {
    final String[] names;
    final byte[][] pages;
    final long bytes;

    private Snapshot(String[] names, byte[][] pages, long bytes) {
        this.names = names;
        this.pages = pages;
        this.bytes = bytes;
    }

    static Snapshot load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder; unpack a snapshot first (scripts/parser-bench.sh does)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(f -> f.toString().endsWith(".md") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no *.md pages");
        }
        String[] names = new String[files.size()];
        byte[][] pages = new byte[files.size()][];
        long total = 0;
        for (int i = 0; i < names.length; i++) {
            names[i] = files.get(i).toString();
            try {
                pages[i] = Files.readAllBytes(files.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            total += pages[i].length;
        }
        return new Snapshot(names, pages, total);
    }
}
