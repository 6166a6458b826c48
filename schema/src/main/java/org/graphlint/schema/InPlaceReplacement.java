package org.graphlint.schema;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.graphlint.schema.CatalogWriter.*;

/** The replacement of a catalog in a folder that already holds one, with catalog.json as the switch (see {@link CatalogWriter}). */
final class InPlaceReplacement {
    private final Path out;
    private final Set<String> listed;
    private final List<String> stagings;
    private final List<String> leftovers;
    private final Set<String> markerPaths;
    private final Set<String> foreignSet;

    /** What happens to a file of the new catalog: written in its free place, kept (same bytes), or staged first. */
    private enum Placement { FRESH, KEEP, STAGE }

    InPlaceReplacement(CatalogFolder folder) {
        this.out = folder.out;
        this.listed = folder.listed;
        this.stagings = folder.stagings;
        this.leftovers = folder.leftovers;
        this.markerPaths = folder.markerPaths;
        this.foreignSet = folder.foreignSet;
    }

    /**
     * Replaces the catalog with as few file-system operations as it can (on a busy disk each costs milliseconds): a
     * file that is already there with the same bytes is kept; a file whose place is free is written there before
     * the switch (the old catalog does not name it); only a file that replaces one of the old catalog's with other
     * bytes is staged, then linked into place after the switch.
     */
    Written run(Catalog catalog, Map<String, byte[]> files, String digest) throws IOException {
        // Never overwrite what the user owns: a new file whose path, or a folder on its way, is theirs.
        for (String rel : files.keySet()) {
            String p = rel;
            while (true) {
                if (foreignSet.contains(p) && (p.equals(rel) || !Files.isDirectory(out.resolve(p), LinkOption.NOFOLLOW_LINKS))) {
                    throw new CatalogException(out.resolve(p) + ": exists and was not written by graphlint; not"
                            + " overwritten (the catalog needs " + rel + "; the previous catalog is unchanged)");
                }
                int slash = p.lastIndexOf('/');
                if (slash < 0) {
                    break;
                }
                p = p.substring(0, slash);
            }
        }
        Set<String> owned = new HashSet<>(leftovers);
        if (listed != null) {
            for (String l : listed) {
                if (!l.startsWith(STAGING_PREFIX) && !foreignSet.contains(l)) {
                    owned.add(l);
                }
            }
        }
        List<String> keep = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        Map<String, String> staged = new LinkedHashMap<>(); // staged file name -> path
        // Each file compared with what is there on every core (a whole snapshot's are 3,555 reads), then taken in order.
        List<Map.Entry<String, byte[]>> all = new ArrayList<>(files.entrySet());
        Placement[] kind = new Placement[all.size()];
        java.util.stream.IntStream.range(0, all.size()).parallel().forEach(i -> {
            String rel = all.get(i).getKey();
            Path p = out.resolve(rel);
            kind[i] = classify(p, owned.contains(rel), all.get(i).getValue());
        });
        for (int i = 0; i < all.size(); i++) {
            String rel = all.get(i).getKey();
            switch (kind[i]) {
                case FRESH -> fresh.add(rel);
                case KEEP -> keep.add(rel);
                default -> staged.put(staged.size() + ".json", rel);
            }
        }
        // Removed once switched: the old catalog's files the new one does not have, and the ones it replaces.
        Set<String> drop = new TreeSet<>(owned);
        drop.removeAll(keep);
        drop.removeAll(fresh);
        String name = STAGING_PREFIX + suffix();
        Path staging = out.resolve(name);
        Files.createDirectory(staging);
        boolean switched = false;
        boolean twoSteps = !staged.isEmpty();
        try {
            StringBuilder marker = new StringBuilder(MARKER_TEXT);
            fresh.forEach(f -> marker.append("new ").append(f).append('\n'));
            staged.forEach((n, f) -> marker.append("link ").append(n).append(' ').append(f).append('\n'));
            drop.forEach(f -> marker.append("drop ").append(f).append('\n'));
            Path part = staging.resolve(MARKER + ".part");
            Files.writeString(part, marker);
            Files.move(part, staging.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
            afterStep.accept("marked");
            Map<String, byte[]> direct = new LinkedHashMap<>();
            fresh.forEach(f -> direct.put(f, files.get(f)));
            writeAll(out, direct);
            Map<String, byte[]> flat = new LinkedHashMap<>();
            staged.forEach((n, f) -> flat.put(name + "/" + n, files.get(f)));
            writeAll(out, flat);
            afterStep.accept("staged");
            Map<String, String> where = new HashMap<>();
            staged.forEach((n, f) -> where.put(f, name + "/" + n));
            Path next = staging.resolve("catalog.next.json");
            Files.write(next, catalogJson(catalog, where, digest));
            // The switch: catalog.json names the new files (the replaced ones where they are staged); from here on
            // the new catalog is whole.
            atomicMove(next, out.resolve(CATALOG));
            switched = true;
            afterStep.accept("switched");
        } finally {
            if (!switched) {
                deleteStaging(staging);
            }
        }
        int removed = 0;
        Set<Path> emptied = new HashSet<>();
        for (String l : drop) {
            Path p = out.resolve(l);
            if (Files.deleteIfExists(p)) {
                emptied.add(p.getParent());
                if (!files.containsKey(l)) {
                    removed++;
                }
            }
        }
        for (String m : markerPaths) {
            Path parent = out.resolve(m).getParent();
            if (parent != null) {
                emptied.add(parent); // folders a killed build made for files it did not get to write
            }
        }
        afterStep.accept("dropped");
        for (String s : stagings) {
            deleteStaging(out.resolve(s));
        }
        removeEmptied(emptied);
        afterStep.accept("emptied");
        if (twoSteps) {
            // The replaced files in their usual place: linked to the staged ones (copied where links are not
            // supported), then catalog.json names them there.
            CatalogWriter.Folders folders = new CatalogWriter.Folders(out);
            for (String f : staged.values()) {
                folders.ensure(out.resolve(f).getParent());
            }
            IOException[] failure = new IOException[1];
            new ArrayList<>(staged.entrySet()).parallelStream().forEach(e -> {
                try {
                    link(staging.resolve(e.getKey()), out.resolve(e.getValue()));
                } catch (IOException x) {
                    synchronized (failure) {
                        failure[0] = x;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            afterStep.accept("linked");
            Path fin = staging.resolve("catalog.json");
            Files.write(fin, catalogJson(catalog, Map.of(), digest));
            atomicMove(fin, out.resolve(CATALOG));
            afterStep.accept("switched back");
        }
        deleteStaging(staging);
        return new Written(out, files.size(), removed);
    }

    /**
     * Whether a file of the new catalog is fresh (its place is free), kept (graphlint's, same bytes) or staged: one
     * stat for all three, as {@code Files.exists}, {@code isRegularFile} and {@code size} would be three.
     */
    private static Placement classify(Path p, boolean owned, byte[] want) {
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Placement.FRESH; // absent (or not even its existence can be read, as Files.exists says: the write will tell)
        }
        try {
            return owned && a.isRegularFile() && a.size() == want.length && Arrays.equals(Files.readAllBytes(p), want)
                    ? Placement.KEEP : Placement.STAGE;
        } catch (IOException e) {
            return Placement.STAGE;
        }
    }

    /** Removes the emptied folders up to (not including) the catalog folder, deepest first. */
    private void removeEmptied(Set<Path> emptied) throws IOException {
        Set<Path> all = new TreeSet<>(Comparator.comparingInt(Path::getNameCount).reversed().thenComparing(Comparator.naturalOrder()));
        for (Path d : emptied) {
            for (Path a = d; a != null && a.startsWith(out) && !a.equals(out); a = a.getParent()) {
                all.add(a);
            }
        }
        for (Path d : all) {
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException e) {
                // still holds something (the user's, with --force, or newer files): kept
            }
        }
    }
}
