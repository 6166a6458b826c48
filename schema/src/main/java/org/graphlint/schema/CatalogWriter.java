package org.graphlint.schema;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;
import tools.jackson.core.io.SerializedString;

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
    static final String MARKER_TEXT = "graphlint staging folder: safe to delete when catalog.json does not name it\n";
    static final String CATALOG = "catalog.json";
    /** The largest previous catalog.json read to learn what graphlint wrote (a whole-snapshot one is about 4 MB). */
    static final long MAX_CATALOG_JSON = 256L << 20;
    static final int MAX_NAMED = 3;

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
            CatalogFolder f = CatalogFolder.inspect(out);
            if (f != null) {
                f.refuseUnlessOwned(force);
            }
        } catch (IOException e) {
            throw new CatalogException(out + ": cannot read: " + reason(e), e);
        }
    }

    /** Writes {@code catalog} into {@code out}, replacing the catalog there (see the class comment). */
    public static Written replace(Catalog catalog, Path out, boolean force) {
        return replace(catalog, out, force, false);
    }

    /**
     * As {@link #replace(Catalog, Path, boolean)}; with {@code packed}, the folder also gets the catalog's packed form
     * ({@code graph.index.gz}, {@code graph.pack}, the embedded catalog's format), named by {@code catalog.json}'s
     * leading {@code "packed"} field with its content digest: {@code validate --catalog DIR} then reads the index and
     * only the schemas a run needs, as it reads the embedded catalog, instead of every JSON file.
     */
    public static Written replace(Catalog catalog, Path out, boolean force, boolean packed) {
        // the pack (one thread) is made while the schema files are rendered (on the others)
        java.util.concurrent.CompletableFuture<PackedCatalog.Packed> packing = packed
                ? BesideWork.start("graphlint-pack", () -> PackedCatalog.pack(catalog, null))
                : null;
        try {
            if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(out)) {
                // a new folder: each file written as soon as it is rendered (a whole snapshot's are 70 MB)
                return writeFresh(catalog, out, packing);
            }
            // An existing folder is inspected (a whole catalog's is 8,800 entries to walk) while the files are
            // rendered; the inspection's answer (a refusal, or what graphlint wrote there) is waited for before any write.
            java.util.concurrent.CompletableFuture<CatalogFolder> inspecting = BesideWork.start("graphlint-inspect", () -> {
                try {
                    return CatalogFolder.inspect(out);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Map<String, byte[]> files = render(catalog);
            CatalogFolder f;
            try {
                f = BesideWork.join(inspecting);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            if (f == null) {
                return writeFresh(catalog, out, packing); // removed meanwhile: a new folder after all
            }
            String digest = null;
            if (packing != null) {
                PackedCatalog.Packed p = BesideWork.join(packing);
                files.put(PackedCatalog.INDEX, p.index());
                files.put(PackedCatalog.PACK, p.pack());
                digest = p.contentDigest();
            }
            f.refuseUnlessOwned(force);
            return new InPlaceReplacement(f).run(catalog, files, digest);
        } catch (IOException e) {
            throw new CatalogException(where(e, out) + ": cannot write: " + reason(e), e);
        }
    }

    /** The schema files of a catalog, by relative path, as written (pretty-printed, trailing newline); built in parallel. */
    static Map<String, byte[]> render(Catalog catalog) throws IOException {
        List<String> names = schemaFiles(catalog);
        byte[][] bytes = new byte[names.size()][];
        render(catalog, (b, len, i) -> bytes[i] = Arrays.copyOf(b, len));
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), bytes[i]);
        }
        return out;
    }

    /** The relative paths of a catalog's schema files, in catalog order. */
    private static List<String> schemaFiles(Catalog catalog) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Catalog> a : catalog.byApiVersion().entrySet()) {
            for (SchemaVersion v : a.getValue().allVersions()) {
                names.add(Catalog.schemaFile(a.getKey(), v));
            }
        }
        return names;
    }

    /** Where a rendered schema file goes: its first {@code length} bytes of {@code bytes} (valid only during the call). */
    @FunctionalInterface
    private interface RenderedFile {
        void accept(byte[] bytes, int length, int index) throws IOException;
    }

    /** A thread's buffer for the file it renders: reused, file after file, instead of three new arrays per file. */
    private static final class FileBuffer extends java.io.ByteArrayOutputStream {
        FileBuffer() {
            super(64 << 10);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private static final ThreadLocal<FileBuffer> FILE_BUFFERS = ThreadLocal.withInitial(FileBuffer::new);

    /**
     * Renders each schema file (number {@code i} in {@link #schemaFiles} order) and hands it to {@code sink}, in parallel.
     * Each file is rendered into its thread's buffer: a whole snapshot's 35 MB of schema files were rendered into new
     * arrays, copied to one of their exact size and copied again for the trailing newline.
     */
    private static void render(Catalog catalog, RenderedFile sink) throws IOException {
        ObjectWriter w = Catalog.JSON.writerWithDefaultPrettyPrinter();
        List<SchemaVersion> versions = new ArrayList<>();
        List<String> apis = new ArrayList<>();
        for (Map.Entry<String, Catalog> a : catalog.byApiVersion().entrySet()) {
            for (SchemaVersion v : a.getValue().allVersions()) {
                versions.add(v);
                apis.add(a.getKey());
            }
        }
        Map<JsonNode, RawValue> defText = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        IOException[] failure = new IOException[1];
        java.util.stream.IntStream.range(0, versions.size()).parallel().forEach(i -> {
            FileBuffer b = FILE_BUFFERS.get();
            b.reset();
            w.writeValue(b, withDefsRendered(withId(schemaId(apis.get(i), versions.get(i)), versions.get(i).tree()), defText, w));
            b.write('\n');
            try {
                sink.accept(b.bytes(), b.size(), i);
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

    /**
     * The schema with each {@code $defs} entry written from its text, rendered once per entry object: schemas share the
     * entries of their linked types ({@link SharedDefs}), a whole snapshot thousands of times. The same bytes as the
     * tree itself gives (an entry sits two levels deep: its lines are indented by two more levels, four spaces).
     */
    static JsonNode withDefsRendered(JsonNode schema, Map<JsonNode, RawValue> rendered, ObjectWriter w) {
        if (!(schema instanceof ObjectNode o) || !(o.get("$defs") instanceof ObjectNode defs)) {
            return schema;
        }
        ObjectNode out = Catalog.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            if (!e.getKey().equals("$defs")) {
                out.set(e.getKey(), e.getValue());
                continue;
            }
            ObjectNode d = out.putObject("$defs");
            for (Map.Entry<String, JsonNode> def : defs.properties()) {
                RawValue text = rendered.get(def.getValue());
                if (text == null) {
                    text = new RawValue(new SerializedString(w.writeValueAsString(def.getValue()).replace("\n", "\n    ")));
                    rendered.put(def.getValue(), text);
                }
                d.putRawValue(def.getKey(), text);
            }
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

    /**
     * catalog.json as written, with the schema files {@code moved} names somewhere else than their usual place, and the
     * pack named first when {@code packedDigest} is not null.
     */
    static byte[] catalogJson(Catalog catalog, Map<String, String> moved, String packedDigest) {
        JsonNode root = catalog.toJson();
        if (packedDigest != null) {
            tools.jackson.databind.node.ObjectNode first = Catalog.JSON.createObjectNode();
            first.set("format", root.get("format"));
            // before apiVersions: a reader finds it in the file's first bytes (PackedCatalog.packedDigest)
            first.set(PackedCatalog.PACKED_FIELD, PackedCatalog.packedField(packedDigest));
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                if (!e.getKey().equals("format")) {
                    first.set(e.getKey(), e.getValue());
                }
            }
            root = first;
        }
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
        Folders folders = new Folders(dir);
        List<Map.Entry<String, byte[]>> list = new ArrayList<>(files.entrySet());
        IOException[] failure = new IOException[1];
        list.parallelStream().forEach(e -> {
            try {
                Path p = dir.resolve(e.getKey());
                folders.ensure(p.getParent());
                // a new file only: one that appeared since the folder was inspected is never overwritten
                Files.write(p, e.getValue(), java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
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

    /**
     * The folders of a tree being written under {@code root} (which exists), each created once, parents first, from
     * any thread: {@link Files#createDirectories} first tries the deepest folder and, when its parent is missing,
     * walks up with an access check per level. A whole snapshot's catalog is 3,555 files in 5,273 folders, most holding
     * one file: that was 6,992 mkdir calls (1,719 failing) and 3,453 access calls, made one by one before the first
     * file was written. Here each folder costs one mkdir, made by the thread that writes its first file.
     */
    static final class Folders {
        private final Path root;
        private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> made = new java.util.concurrent.ConcurrentHashMap<>();

        Folders(Path root) {
            this.root = root;
        }

        /** Makes sure {@code dir} (under the root, or the root itself) is a folder; an existing one is used as it is. */
        void ensure(Path dir) throws IOException {
            if (dir == null || dir.equals(root) || made.containsKey(dir)) {
                return;
            }
            ensure(dir.getParent()); // outside computeIfAbsent: a mapping function must not update the map
            try {
                made.computeIfAbsent(dir, d -> {
                    try {
                        Files.createDirectory(d);
                    } catch (FileAlreadyExistsException e) {
                        // a real folder only, as Files.createDirectories: a link in the catalog's tree is not followed
                        if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return Boolean.TRUE;
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /**
     * A folder that does not exist: written beside it, then renamed into place. Each schema file is written as soon as
     * it is rendered, then the pack when {@code packing} is done, then catalog.json.
     */
    private static Written writeFresh(Catalog catalog, Path out, java.util.concurrent.CompletableFuture<PackedCatalog.Packed> packing)
            throws IOException {
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
            List<String> names = schemaFiles(catalog);
            // each folder made by the thread that writes its first file, beside the other thread's rendering
            Folders folders = new Folders(tmp);
            render(catalog, (bytes, length, i) -> {
                Path file = tmp.resolve(names.get(i));
                folders.ensure(file.getParent());
                try (java.io.OutputStream schemaFile = Files.newOutputStream(file)) {
                    schemaFile.write(bytes, 0, length);
                }
            });
            PhaseTimes.mark("render");
            int files = names.size();
            String digest = null;
            if (packing != null) {
                PackedCatalog.Packed p = BesideWork.join(packing);
                PhaseTimes.mark("waiting for the pack");
                Files.write(tmp.resolve(PackedCatalog.INDEX), p.index());
                Files.write(tmp.resolve(PackedCatalog.PACK), p.pack());
                digest = p.contentDigest();
                files += 2;
            }
            Files.write(tmp.resolve(CATALOG), catalogJson(catalog, Map.of(), digest));
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Someone created the folder meanwhile: never replace what they made.
                throw new CatalogException(out + ": was created while graphlint was writing; not replaced (the new"
                        + " catalog is not written)");
            }
            done = true;
            return new Written(out, files, 0);
        } finally {
            if (!done) {
                deleteTree(tmp);
            }
        }
    }

    static String suffix() {
        return Long.toString(ProcessHandle.current().pid(), 36) + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** An existing folder: what it holds and which of it graphlint wrote. */

    static void link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException) {
                throw (FileAlreadyExistsException) e;
            }
            Files.copy(from, to);
        }
    }

    static boolean sameContent(Path a, Path b) {
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

    static void atomicMove(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new CatalogException(to + ": the file system cannot replace a file atomically (rename); not written", e);
        }
    }

    /** Deletes a staging folder: its content first and its marker last, so that a kill leaves it recognisable. */
    static void deleteStaging(Path dir) throws IOException {
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

    static void deleteTree(Path dir) {
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
        return org.graphlint.parser.Text.oneLine(e.getMessage());
    }
}
