package org.graphlint.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
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
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;

/**
 * Writes a catalog folder ({@code graphlint schemas build --out DIR}) so that nothing a user owns is lost and a reader
 * always finds a whole catalog:
 *
 * <ul>
 *   <li>A folder that does not exist yet is written as a hidden sibling ({@code .DIR.graphlint-new-*}) and renamed
 *       into place when complete.</li>
 *   <li>A folder that exists is updated in place with {@code catalog.json} as the switch: a file already there with the
 *       same bytes is kept; a file whose place is free is written there first (the old catalog does not name it); a
 *       file that replaces one of the old catalog's with other bytes is written into a hidden staging folder
 *       ({@code DIR/.graphlint-staging-*}). Then {@code catalog.json} is replaced by rename with one naming those files
 *       (the new catalog is whole from here on), the old catalog's other files are removed, and the staged files are
 *       linked (or copied) to their usual place, after which {@code catalog.json} is replaced by rename once more. At
 *       every moment {@code catalog.json} names files that all exist: a build killed at any point leaves the old
 *       catalog or the new one, whole, and the staging folder's marker tells the next build what the killed one
 *       wrote, so that it is cleared. (Java has no atomic exchange of two folders, and a rename cannot replace a
 *       folder that is not empty: hence the switch on {@code catalog.json}.)</li>
 *   <li>Only files graphlint wrote are ever removed: {@code catalog.json}, the files it lists, the folders those
 *       leave empty, and graphlint's own staging folders. A folder holding anything else is refused unless
 *       {@code force}, which writes beside those files and keeps them; a file graphlint did not write is never
 *       overwritten, even with {@code force}.</li>
 * </ul>
 *
 * <p>Replacement is atomic against a process that fails or is killed; files are not synced to disk, so a power loss
 * may still lose the newest build.
 */
public final class CatalogWriter {

    /** Name prefix of a staging folder inside a catalog folder. */
    static final String STAGING_PREFIX = ".graphlint-staging-";
    /** The file that marks a staging folder (or a fresh catalog folder being written) as graphlint's. */
    static final String MARKER = ".graphlint-staging";
    private static final String MARKER_TEXT = "graphlint staging folder: safe to delete when catalog.json does not name it\n";
    private static final String CATALOG = "catalog.json";
    /** The largest previous catalog.json read to learn what graphlint wrote (a whole-snapshot one is about 4 MB). */
    static final long MAX_CATALOG_JSON = 256L << 20;
    private static final int MAX_NAMED = 3;

    /** Called after each step of a replacement with the step's name; tests copy the folder there (a kill). */
    static volatile java.util.function.Consumer<String> afterStep = step -> { };

    private CatalogWriter() {
    }

    /** What a write did: the folder, the schema files written, the files of the previous catalog removed. */
    public record Written(Path out, int files, int removed) {
    }

    /**
     * Checks that a catalog may be written into {@code out}, before any work is done: a {@link CatalogException} (one
     * line, with the reason) when {@code out} is not a folder, holds files graphlint did not write (unless
     * {@code force}), or has a {@code catalog.json} that is not graphlint's.
     */
    public static void check(Path out, boolean force) {
        try {
            Folder f = Folder.inspect(out);
            if (f != null) {
                f.refuseUnlessOwned(force);
            }
        } catch (IOException e) {
            throw new CatalogException(out + ": cannot read: " + reason(e), e);
        }
    }

    /** Writes {@code catalog} into {@code out}, replacing the catalog there (see the class comment). */
    public static Written replace(Catalog catalog, Path out, boolean force) {
        Map<String, byte[]> files = render(catalog);
        try {
            Folder f = Folder.inspect(out);
            if (f == null) {
                return writeFresh(catalog, files, out);
            }
            f.refuseUnlessOwned(force);
            return f.replace(catalog, files);
        } catch (IOException e) {
            throw new CatalogException(where(e, out) + ": cannot write: " + reason(e), e);
        }
    }

    /** The schema files of a catalog, by relative path, as written (pretty-printed, trailing newline); built in parallel. */
    static Map<String, byte[]> render(Catalog catalog) {
        ObjectWriter w = Catalog.JSON.writerWithDefaultPrettyPrinter();
        List<String> names = new ArrayList<>();
        List<SchemaVersion> versions = new ArrayList<>();
        List<String> apis = new ArrayList<>();
        for (Map.Entry<String, Catalog> a : catalog.byApiVersion().entrySet()) {
            for (SchemaVersion v : a.getValue().allVersions()) {
                names.add(Catalog.schemaFile(a.getKey(), v));
                versions.add(v);
                apis.add(a.getKey());
            }
        }
        byte[][] bytes = new byte[names.size()][];
        java.util.stream.IntStream.range(0, names.size()).parallel()
                .forEach(i -> bytes[i] = withNewline(w.writeValueAsBytes(withId(schemaId(apis.get(i), versions.get(i)),
                        versions.get(i).schema()))));
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), bytes[i]);
        }
        return out;
    }

    /**
     * The {@code $id} of a schema file: {@code urn:graphlint:beta:vppToken:resource:2019-01-23}, the location the
     * validator compiles the schema under, so that tools that key schemas by {@code $id} (ajv) can load a whole catalog.
     */
    public static String schemaId(String apiVersion, SchemaVersion v) {
        return schemaId(apiVersion, v.entity(), v.operation(), v.id());
    }

    /** The same from its parts. */
    public static String schemaId(String apiVersion, String entity, OperationKind op, String versionId) {
        return "urn:graphlint:" + apiVersion + ":" + entity + ":" + op.id() + ":" + versionId;
    }

    /**
     * The schema with an {@code $id}: {@code $schema}, then the {@code $id}, then the rest (an {@code $id} it has is
     * replaced); the schema itself is not changed. The builder gives every schema version its id this way, and the
     * writer makes sure of it for catalogs read from elsewhere.
     */
    static JsonNode withId(String id, JsonNode s) {
        if (!(s instanceof tools.jackson.databind.node.ObjectNode o)) {
            return s;
        }
        if (id.equals(o.path("$id").asString(null))) {
            return s;
        }
        tools.jackson.databind.node.ObjectNode out = Catalog.JSON.createObjectNode();
        if (o.has("$schema")) {
            out.set("$schema", o.get("$schema"));
        }
        out.put("$id", id);
        o.properties().forEach(e -> {
            if (!e.getKey().equals("$schema") && !e.getKey().equals("$id")) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    static byte[] withNewline(byte[] b) {
        byte[] r = Arrays.copyOf(b, b.length + 1);
        r[b.length] = '\n';
        return r;
    }

    /** catalog.json as written, with the schema files {@code moved} names somewhere else than their usual place. */
    static byte[] catalogJson(Catalog catalog, Map<String, String> moved) {
        JsonNode root = catalog.toJson();
        if (!moved.isEmpty()) {
            for (JsonNode api : root.path("apiVersions")) {
                for (JsonNode v : api.path("versions")) {
                    String m = moved.get(v.path("file").asString());
                    if (m != null) {
                        ((tools.jackson.databind.node.ObjectNode) v).put("file", m);
                    }
                }
            }
        }
        return withNewline(Catalog.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /** Writes the files under {@code dir} (which exists), creating each folder once; in parallel. */
    static void writeAll(Path dir, Map<String, byte[]> files) throws IOException {
        Set<Path> dirs = new TreeSet<>();
        for (String rel : files.keySet()) {
            Path parent = dir.resolve(rel).getParent();
            if (parent != null) {
                dirs.add(parent);
            }
        }
        for (Path d : dirs) {
            Files.createDirectories(d);
        }
        List<Map.Entry<String, byte[]>> list = new ArrayList<>(files.entrySet());
        IOException[] failure = new IOException[1];
        list.parallelStream().forEach(e -> {
            try {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            } catch (IOException x) {
                synchronized (failure) {
                    failure[0] = x;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** A folder that does not exist: written beside it, then renamed into place. */
    private static Written writeFresh(Catalog catalog, Map<String, byte[]> files, Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new CatalogException(out + ": cannot write a catalog at the file-system root");
        }
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + abs.getFileName() + ".graphlint-new-" + suffix());
        Files.createDirectory(tmp);
        boolean done = false;
        try {
            writeAll(tmp, files);
            Files.write(tmp.resolve(CATALOG), catalogJson(catalog, Map.of()));
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Someone created the folder meanwhile: never replace what they made.
                throw new CatalogException(out + ": was created while graphlint was writing; not replaced (the new"
                        + " catalog is not written)");
            }
            done = true;
        } finally {
            if (!done) {
                deleteTree(tmp);
            }
        }
        return new Written(out, files.size(), 0);
    }

    private static String suffix() {
        return Long.toString(ProcessHandle.current().pid(), 36) + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** An existing folder: what it holds and which of it graphlint wrote. */
    private static final class Folder {
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

        private Folder(Path out) {
            this.out = out;
        }

        /** Null when {@code out} does not exist; a {@link CatalogException} when it is not a folder. */
        static Folder inspect(Path out) throws IOException {
            if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(out)) {
                return null;
            }
            if (!Files.isDirectory(out)) {
                throw new CatalogException(out + ": exists and is not a folder; give --out a folder (new or empty, or"
                        + " one graphlint wrote)");
            }
            Folder f = new Folder(out);
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
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    foreign(rel(out, file) + " (unreadable: " + reason(exc) + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
            // A listed path taken by something else (a folder, a link) is not graphlint's to remove.
            if (listed != null) {
                for (String l : listed) {
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

        /**
         * Replaces the catalog with as few file-system operations as it can (on a busy disk each costs milliseconds): a
         * file that is already there with the same bytes is kept; a file whose place is free is written there before
         * the switch (the old catalog does not name it); only a file that replaces one of the old catalog's with other
         * bytes is staged, then linked into place after the switch.
         */
        Written replace(Catalog catalog, Map<String, byte[]> files) throws IOException {
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
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path p = out.resolve(e.getKey());
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    fresh.add(e.getKey());
                } else if (owned.contains(e.getKey()) && sameBytes(p, e.getValue())) {
                    keep.add(e.getKey());
                } else {
                    staged.put(staged.size() + ".json", e.getKey());
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
                Files.write(next, catalogJson(catalog, where));
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
                for (String f : staged.values()) {
                    Files.createDirectories(out.resolve(f).getParent());
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
                Files.write(fin, catalogJson(catalog, Map.of()));
                atomicMove(fin, out.resolve(CATALOG));
                afterStep.accept("switched back");
            }
            deleteStaging(staging);
            return new Written(out, files.size(), removed);
        }

        private static boolean sameBytes(Path p, byte[] want) {
            try {
                return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) == want.length
                        && Arrays.equals(Files.readAllBytes(p), want);
            } catch (IOException e) {
                return false;
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

    private static void link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException) {
                throw (FileAlreadyExistsException) e;
            }
            Files.copy(from, to);
        }
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            if (!Files.isRegularFile(b, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (Files.isSameFile(a, b)) {
                return true;
            }
            return Files.size(a) == Files.size(b) && Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    private static void atomicMove(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new CatalogException(to + ": the file system cannot replace a file atomically (rename); not written", e);
        }
    }

    /** Deletes a staging folder: its content first and its marker last, so that a kill leaves it recognisable. */
    private static void deleteStaging(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path marker = dir.resolve(MARKER);
        List<Path> all;
        try (var s = Files.walk(dir)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (!p.equals(marker) && !p.equals(dir)) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(marker);
        Files.deleteIfExists(dir);
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: a hidden temporary folder may stay behind
        }
    }

    /** The file an I/O error is about, or {@code fallback}. */
    static String where(IOException e, Path fallback) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile();
        }
        return fallback.toString();
    }

    /** Why an I/O operation failed, in words ("permission denied", "no space left on device"). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.isEmpty() ? r : Character.toLowerCase(r.charAt(0)) + r.substring(1);
        }
        return GraphlintText.oneLine(e.getMessage());
    }
}
