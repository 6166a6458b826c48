package org.graphlint.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static org.graphlint.schema.CatalogWriter.*;

/** An existing catalog folder as found: what its catalog.json lists, graphlint's staging folders, and what graphlint did not write. */
final class CatalogFolder {
    final Path out;
    /** catalog.json's state: null when absent, else the files it lists (relative, normalized). */
    Set<String> listed;
    /** Why catalog.json is not graphlint's (null when it is, or is absent). */
    String catalogForeign;
    /** Staging folders left by earlier (killed or current) builds, relative names. */
    final List<String> stagings = new ArrayList<>();
    /** Canonical files a killed build had linked from its staging folder, not named by catalog.json. */
    final List<String> leftovers = new ArrayList<>();
    /** Every path an earlier build's staging marker names: their folders may be left empty by a kill. */
    final Set<String> markerPaths = new HashSet<>();
    /** Entries graphlint did not write, relative. */
    final List<String> foreign = new ArrayList<>();
    /** Every relative path that exists as something other than a folder graphlint may use (for conflicts). */
    final Set<String> foreignSet = new HashSet<>();

    private CatalogFolder(Path out) {
        this.out = out;
    }

    /** Null when {@code out} does not exist; a {@link CatalogException} when it is not a folder. */
    static CatalogFolder inspect(Path out) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(out)) {
            return null;
        }
        if (!Files.isDirectory(out)) {
            throw new CatalogException(out + ": exists and is not a folder; give --out a folder (new or empty, or"
                    + " one graphlint wrote)");
        }
        CatalogFolder f = new CatalogFolder(out);
        f.readCatalog();
        f.walk();
        return f;
    }

    private void readCatalog() throws IOException {
        Path cj = out.resolve(CATALOG);
        if (!Files.exists(cj, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(cj, LinkOption.NOFOLLOW_LINKS)) {
            catalogForeign = "not a regular file";
            return;
        }
        if (Files.size(cj) > MAX_CATALOG_JSON) {
            catalogForeign = "larger than " + (MAX_CATALOG_JSON >> 20) + " MB";
            return;
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(cj)) {
            root = Catalog.JSON.readTree(in.readNBytes((int) MAX_CATALOG_JSON));
        } catch (JacksonException e) {
            catalogForeign = "not JSON";
            return;
        }
        if (root == null || !Catalog.FORMAT.equals(root.path("format").asString(null))) {
            catalogForeign = "no \"format\": \"" + Catalog.FORMAT + "\"";
            return;
        }
        Set<String> names = new HashSet<>();
        JsonNode packed = root.path(PackedCatalog.PACKED_FIELD);
        for (String k : List.of("index", "pack")) {
            String file = packed.path(k).asString(null);
            if (file != null) {
                String rel = relative(file);
                if (rel == null) {
                    catalogForeign = "names a pack file outside the folder (" + file + ")";
                    return;
                }
                names.add(rel);
            }
        }
        for (JsonNode api : root.path("apiVersions")) {
            for (JsonNode v : api.path("versions")) {
                String rel = relative(v.path("file").asString(null));
                if (rel == null) {
                    catalogForeign = "names a schema file outside the folder (" + v.path("file") + ")";
                    return;
                }
                names.add(rel);
            }
        }
        listed = names;
    }

    /** A relative path inside the folder, normalized with '/', or null when it is not one. */
    private String relative(String file) {
        if (file == null || file.isBlank() || file.indexOf('\0') >= 0) {
            return null;
        }
        try {
            Path p = Path.of(file).normalize();
            if (p.isAbsolute() || p.toString().isEmpty() || p.startsWith("..")) {
                return null;
            }
            return p.toString().replace('\\', '/');
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** A staging folder's marker: the files it links into place and the previous files it removes. */
    record Marker(Map<String, String> link, Set<String> written, Set<String> drop) {
    }

    private void walk() throws IOException {
        // Staging folders first (top level only): their markers say which other files are graphlint's.
        Map<String, Marker> markers = new LinkedHashMap<>();
        try (var s = Files.newDirectoryStream(out, e -> e.getFileName().toString().startsWith(STAGING_PREFIX))) {
            for (Path d : s) {
                if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                    Marker m = readMarker(d);
                    if (m != null) {
                        markers.put(d.getFileName().toString(), m);
                        stagings.add(d.getFileName().toString());
                    }
                }
            }
        }
        Set<String> owned = new HashSet<>();
        if (listed != null) {
            owned.addAll(listed);
        }
        for (Map.Entry<String, Marker> m : markers.entrySet()) {
            Set<String> present = new HashSet<>(m.getValue().drop());
            present.addAll(m.getValue().written());
            for (String d : present) {
                if (Files.isRegularFile(out.resolve(d), LinkOption.NOFOLLOW_LINKS)) {
                    owned.add(d);
                    leftovers.add(d);
                }
            }
            for (Map.Entry<String, String> l : m.getValue().link().entrySet()) {
                if (sameContent(out.resolve(l.getValue()), out.resolve(m.getKey()).resolve(l.getKey()))) {
                    owned.add(l.getValue());
                    leftovers.add(l.getValue());
                }
            }
        }
        if (listed != null) {
            leftovers.removeAll(listed);
        }
        Set<String> ancestors = new HashSet<>();
        Set<String> paths = new HashSet<>(owned);
        markers.values().forEach(m -> {
            paths.addAll(m.link().values());
            paths.addAll(m.written());
            paths.addAll(m.drop());
        });
        markerPaths.addAll(paths);
        markerPaths.removeAll(owned);
        for (String o : paths) {
            for (Path a = Path.of(o).getParent(); a != null; a = a.getParent()) {
                ancestors.add(a.toString().replace('\\', '/'));
            }
        }
        Set<String> regular = new HashSet<>();
        Files.walkFileTree(out, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(out)) {
                    return FileVisitResult.CONTINUE;
                }
                String r = rel(out, dir);
                if (markers.containsKey(r)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!ancestors.contains(r)) {
                    // A folder no file of graphlint's is in: the user's. Named when empty (else its files are).
                    foreignSet.add(r);
                    try (var s = Files.list(dir)) {
                        if (s.findAny().isEmpty()) {
                            foreign.add(r + "/");
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String r = rel(out, file);
                if (r.equals(CATALOG)) {
                    if (catalogForeign != null) {
                        foreign(r);
                    }
                } else if (!attrs.isRegularFile() || !owned.contains(r)) {
                    foreign(r);
                }
                if (attrs.isRegularFile()) {
                    regular.add(r);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                foreign(rel(out, file) + " (unreadable: " + reason(exc) + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        // A listed path taken by something else (a folder, a link) is not graphlint's to remove. (A regular file the
        // walk just saw needs no second look: a whole catalog's are 3,555 files, two stats each.)
        if (listed != null) {
            for (String l : listed) {
                if (regular.contains(l)) {
                    continue;
                }
                Path p = out.resolve(l);
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    foreignSet.add(l);
                }
            }
        }
    }

    private void foreign(String r) {
        foreign.add(r);
        foreignSet.add(r.endsWith("/") ? r.substring(0, r.length() - 1) : r);
    }

    /** A staging folder's marker, or null when the folder is not graphlint's. */
    private Marker readMarker(Path dir) throws IOException {
        Path m = dir.resolve(MARKER);
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            // Emptied, or killed before its marker was in place: graphlint's when nothing else is in it.
            try (var s = Files.list(dir)) {
                return s.allMatch(p -> p.getFileName().toString().equals(MARKER + ".part"))
                        ? new Marker(Map.of(), Set.of(), Set.of()) : null;
            }
        }
        if (Files.size(m) > MAX_CATALOG_JSON) {
            return null;
        }
        String text = Files.readString(m, StandardCharsets.UTF_8);
        if (!text.startsWith(MARKER_TEXT)) {
            return null;
        }
        Map<String, String> link = new HashMap<>();
        Set<String> written = new HashSet<>();
        Set<String> drop = new HashSet<>();
        for (String line : text.substring(MARKER_TEXT.length()).split("\n")) {
            int sp = line.indexOf(' ');
            if (sp < 0) {
                continue;
            }
            String kind = line.substring(0, sp);
            String rest = line.substring(sp + 1);
            if (kind.equals("link")) {
                // "link STAGED PATH": STAGED is a plain file name inside the staging folder
                int sp2 = rest.indexOf(' ');
                String staged = sp2 < 0 ? "" : rest.substring(0, sp2);
                String r = sp2 < 0 ? null : relative(rest.substring(sp2 + 1));
                if (staged.matches("[0-9]+\\.json") && r != null && !r.startsWith(STAGING_PREFIX)) {
                    link.put(staged, r);
                }
                continue;
            }
            String r = relative(rest);
            if (r == null || r.startsWith(STAGING_PREFIX)) {
                continue;
            }
            if (kind.equals("new")) {
                written.add(r);
            } else if (kind.equals("drop")) {
                drop.add(r);
            }
        }
        return new Marker(link, written, drop);
    }

    void refuseUnlessOwned(boolean force) {
        if (catalogForeign != null) {
            throw new CatalogException(out.resolve(CATALOG) + ": not a graphlint catalog (" + catalogForeign
                    + "); graphlint does not overwrite it, even with --force: give --out another folder");
        }
        if (!foreign.isEmpty() && !force) {
            List<String> sorted = new ArrayList<>(foreign);
            sorted.sort(null);
            String named = String.join(", ", sorted.subList(0, Math.min(MAX_NAMED, sorted.size())))
                    + (sorted.size() > MAX_NAMED ? " and " + (sorted.size() - MAX_NAMED) + " more" : "");
            throw new CatalogException(out + ": holds files graphlint did not write (" + named + "); refused: give"
                    + " --out a new or empty folder, or add --force to write beside them (they are kept)");
        }
    }
}
