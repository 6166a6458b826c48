package org.graphlint.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import tools.jackson.databind.JsonNode;

/**
 * The blobs of a pack ({@code graph.pack}), read one by one where the index says they are: a run reads only the
 * blobs of the versions it checks against, never the whole pack. Out of a jar (where the pack is deflated once more
 * and cannot be sought) the reads go forward through one open stream, reopened only to go back; out of a folder they are
 * positional reads of the file. Shared definitions are parsed once. Thread-safe.
 */
final class PackBlobs {

    /** Where a pack's bytes come from. */
    interface Source {
        /** {@code len} bytes at {@code off}; fewer when the pack ends first. */
        byte[] read(long off, int len) throws IOException;
    }

    private final Source source;
    private final String where;
    private final ConcurrentHashMap<String, JsonNode> defs = new ConcurrentHashMap<>();
    /** A catalog folder the pack was written into with its JSON files, and when catalog.json was written; or null. */
    private final Path folder;
    private final long catalogJsonMillis;

    PackBlobs(Source source, String where, Path folder, long catalogJsonMillis) {
        this.source = source;
        this.where = where;
        this.folder = folder;
        this.catalogJsonMillis = catalogJsonMillis;
    }

    /**
     * A pack inside a jar (or any stream that cannot seek): reads go forward through one open stream, skipping what
     * lies between; going back reopens it. Callers read a version's blobs in pack order (see {@link #prefetchInOrder}).
     */
    static Source stream(Supplier<InputStream> open) {
        return new Source() {
            private InputStream in;
            private long pos;
            private final byte[] skip = new byte[64 * 1024];

            @Override
            public synchronized byte[] read(long off, int len) throws IOException {
                if (in == null || off < pos) {
                    if (in != null) {
                        in.close();
                    }
                    in = open.get();
                    pos = 0;
                }
                while (pos < off) {
                    int n = in.read(skip, 0, (int) Math.min(skip.length, off - pos));
                    if (n < 0) {
                        return new byte[0];
                    }
                    pos += n;
                }
                byte[] b = in.readNBytes(len);
                pos += b.length;
                return b;
            }
        };
    }

    /** A pack file: positional reads, the file opened for each. */
    static Source file(Path pack) {
        return (off, len) -> {
            try (FileChannel ch = FileChannel.open(pack)) {
                ByteBuffer b = ByteBuffer.allocate(len);
                long p = off;
                while (b.hasRemaining()) {
                    int n = ch.read(b, p);
                    if (n < 0) {
                        break;
                    }
                    p += n;
                }
                return b.position() == len ? b.array() : Arrays.copyOf(b.array(), b.position());
            }
        };
    }

    /** A pack given whole (tests, and packs just written). */
    static Source bytes(byte[] pack) {
        return (off, len) -> off >= pack.length ? new byte[0]
                : Arrays.copyOfRange(pack, (int) off, (int) Math.min(pack.length, off + len));
    }

    /**
     * The schema file of a version when it was changed after the build wrote {@code catalog.json}; null when it was not
     * (or this pack is not in a catalog folder, or the file is gone: the pack has the version).
     */
    JsonNode editedSchema(String api, String entity, String op, String id) {
        if (folder == null) {
            return null;
        }
        Path f = folder.resolve(api + "/" + entity + "/" + op + "/" + id + ".schema.json");
        try {
            if (Files.getLastModifiedTime(f).toMillis() <= catalogJsonMillis) {
                return null;
            }
            return Catalog.JSON.readTree(org.graphlint.parser.RegularFile.read(f, Catalog.MAX_FILE_BYTES));
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            return null;
        } catch (tools.jackson.core.JacksonException e) {
            throw new CatalogException(f + ": not valid JSON: " + org.graphlint.parser.Text.oneLine(e.getOriginalMessage()));
        }
    }

    /** A blob reference of the index: {@code OFFSET+LENGTH+RAWLENGTH}. */
    record Ref(long off, int len, int rawLen, String text) {
        static Ref parse(String ref, String where) {
            int a = ref.indexOf('+');
            int b = ref.indexOf('+', a + 1);
            try {
                Ref r = new Ref(Long.parseLong(ref, 0, a, 10), Integer.parseInt(ref, a + 1, b, 10),
                        Integer.parseInt(ref, b + 1, ref.length(), 10), ref);
                if (r.off >= 0 && r.len >= 0 && r.rawLen >= 0) {
                    return r;
                }
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // said below
            }
            throw new CatalogException(where + "/" + PackedCatalog.INDEX + ": '" + ref + "' is not a blob reference");
        }
    }

    /** The inflated bytes of a blob. */
    byte[] raw(String ref) {
        Ref r = Ref.parse(ref, where);
        byte[] deflated;
        try {
            deflated = source.read(r.off(), r.len());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CatalogException(where + "/" + PackedCatalog.PACK + ": cannot read: " + e.getMessage(), e);
        }
        if (deflated.length != r.len()) {
            throw new CatalogException(where + "/" + PackedCatalog.PACK + ": blob " + ref
                    + " lies outside the pack: the index and the pack do not belong together");
        }
        return inflate(deflated, 0, r.len(), r.rawLen(), where);
    }

    JsonNode json(String ref) {
        byte[] raw = raw(ref);
        try {
            try (tools.jackson.core.JsonParser p = Catalog.JSON.createParser(raw)) {
                JsonNode n = JsonTrees.read(p); // no mapper: see JsonTrees
                if (n != null && p.nextToken() == null) {
                    return n;
                }
            }
            return JsonTrees.mapper().readTree(raw); // anything unusual: the mapper's reading, and its words
        } catch (tools.jackson.core.JacksonException e) {
            throw new CatalogException(where + "/" + PackedCatalog.PACK + ": blob " + ref + " is not JSON: "
                    + org.graphlint.parser.Text.oneLine(e.getOriginalMessage()));
        }
    }

    JsonNode def(String ref) {
        JsonNode d = defs.get(ref);
        return d != null ? d : defs.computeIfAbsent(ref, this::json);
    }

    /**
     * The meta blob of a version (its schema without {@code $defs}, pages and changes), with its definitions read and
     * cached on the way: all of them in pack order, so that a jar's stream goes through the pack once per version
     * instead of once per blob.
     */
    JsonNode versionBlobs(String metaRef, java.util.List<String> defRefs) {
        java.util.List<Ref> todo = new java.util.ArrayList<>(defRefs.size() + 1);
        Ref meta = Ref.parse(metaRef, where);
        todo.add(meta);
        for (String d : defRefs) {
            if (!defs.containsKey(d)) {
                todo.add(Ref.parse(d, where));
            }
        }
        todo.sort(java.util.Comparator.comparingLong(Ref::off));
        JsonNode m = null;
        for (Ref r : todo) {
            if (r == meta) {
                m = json(r.text());
            } else {
                def(r.text());
            }
        }
        return m;
    }

    static byte[] inflate(byte[] p, int off, int len, int rawLen, String where) {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(p, off, len);
            byte[] out = new byte[rawLen];
            int n = 0;
            while (n < rawLen) {
                int k = inf.inflate(out, n, rawLen - n);
                if (k == 0 && (inf.finished() || inf.needsInput())) {
                    break;
                }
                n += k;
            }
            if (n != rawLen) {
                throw new CatalogException(where + "/" + PackedCatalog.PACK + ": a blob is shorter than the index says");
            }
            return out;
        } catch (DataFormatException e) {
            throw new CatalogException(where + "/" + PackedCatalog.PACK + ": a blob is corrupt: " + e.getMessage());
        } finally {
            inf.end();
        }
    }
}
