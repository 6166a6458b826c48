package org.graphlint.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compact form of a whole catalog, as the jar embeds it: two files.
 *
 * <ul>
 *   <li>{@code graph.index.gz}: gzip'd text, one line per schema version ({@code v}), documented operation ({@code o})
 *       and {@code @odata.type} ({@code t}), grouped by API version. A version line says where its schema is in the
 *       pack and where each of its {@code $defs} is: a shared type ({@code message}, {@code itemBody}) is stored once
 *       for every schema that uses the same definition.</li>
 *   <li>{@code graph.pack}: the blobs, each deflated on its own: a version's schema without {@code $defs}, its pages
 *       and changes; and each distinct definition.</li>
 * </ul>
 *
 * Reading builds no JSON tree for the index: lines are split as text, grouped by entity, and a schema version is
 * inflated and parsed only when a run asks for its entity and operation. The index's {@code content-sha256} line is the
 * digest of the uncompressed content (index body and blobs), so that a rebuild can be compared with the committed copy
 * whatever zlib compressed it.
 */
final class PackedCatalog {

    static final String FORMAT = "graphlint-pack/1";
    static final String INDEX = "graph.index.gz";
    static final String PACK = "graph.pack";

    private PackedCatalog() {
    }

    // ================================================================== reading

    /** Bytes of one of the two files, read on demand. */
    interface Files2 {
        byte[] read(String name);
    }

    /** The embedded packed catalog, or null when the jar carries none. */
    static Catalog embedded() {
        ClassLoader cl = PackedCatalog.class.getClassLoader();
        if (cl.getResource(Catalog.EMBEDDED_RESOURCE + INDEX) == null) {
            return null;
        }
        return read(name -> {
            try (InputStream in = cl.getResourceAsStream(Catalog.EMBEDDED_RESOURCE + name)) {
                if (in == null) {
                    throw new CatalogException("embedded catalog: resource " + Catalog.EMBEDDED_RESOURCE + name
                            + " is missing from the jar (rebuild with mvn package)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new CatalogException("embedded catalog: cannot read " + name + ": " + e.getMessage(), e);
            }
        }, "embedded catalog", true);
    }

    /** The field of a folder's {@code catalog.json} that names its pack; written before {@code apiVersions}. */
    static final String PACKED_FIELD = "packed";

    /**
     * The packed form of a catalog folder (what {@code schemas build --out} and {@code schemas export} write beside the
     * JSON files), read lazily like the embedded one; null when the folder has none, or one that is not the pack its
     * {@code catalog.json} names (by content digest), so that the caller reads the JSON. Reads only the first
     * kilobytes of {@code catalog.json}, never the whole file, and stats no schema file until a version is asked for
     * (a schema file changed after the build is then read from the file: see {@link Blobs#editedSchema}).
     */
    static Catalog readIfCurrent(Path dir) {
        try {
            Path json = dir.resolve("catalog.json");
            String digest = packedDigest(json);
            if (digest == null) {
                return null;
            }
            Path idx = dir.resolve(INDEX);
            Path pack = dir.resolve(PACK);
            if (!Files.isRegularFile(idx) || !Files.isRegularFile(pack)) {
                return null;
            }
            String text = indexText(org.graphlint.parser.RegularFile.read(idx, Catalog.MAX_FILE_BYTES), dir.toString());
            if (!digest.equals(header(text, "content-sha256"))) {
                return null;
            }
            long written = Files.getLastModifiedTime(json).toMillis();
            Catalog c = read(text, name -> {
                try {
                    return org.graphlint.parser.RegularFile.read(dir.resolve(name), Catalog.MAX_FILE_BYTES);
                } catch (IOException e) {
                    throw new CatalogException(dir.resolve(name) + ": cannot read: " + e.getMessage(), e);
                }
            }, dir.toString(), false, dir, written);
            return c;
        } catch (IOException | java.io.UncheckedIOException | CatalogException e) {
            return null; // the JSON files are the catalog; the pack only a faster way to read them
        }
    }

    /**
     * The content digest of the pack a {@code catalog.json} names in its leading {@code "packed"} field, read from the
     * file's first kilobytes; null when it names none (or is not a regular file: the JSON reader says what it is).
     */
    static String packedDigest(Path catalogJson) {
        if (!Files.isRegularFile(catalogJson)) {
            return null;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(catalogJson)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            return null;
        }
        try (tools.jackson.core.JsonParser p = Catalog.JSON.createParser(head)) {
            if (p.nextToken() != tools.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                tools.jackson.core.JsonToken t = p.nextToken();
                if (name.equals(PACKED_FIELD) && t == tools.jackson.core.JsonToken.START_OBJECT) {
                    String index = null;
                    String packName = null;
                    String digest = null;
                    while (p.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        String v = p.getValueAsString();
                        switch (f) {
                            case "index" -> index = v;
                            case "pack" -> packName = v;
                            case "contentSha256" -> digest = v;
                            default -> p.skipChildren();
                        }
                    }
                    return INDEX.equals(index) && PACK.equals(packName) ? digest : null;
                }
                if (t == tools.jackson.core.JsonToken.START_OBJECT || t == tools.jackson.core.JsonToken.START_ARRAY) {
                    return null; // "apiVersions": the field is written before it, or not at all
                }
            }
            return null;
        } catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    /** The {@code "packed"} field of a folder's {@code catalog.json} naming a pack. */
    static ObjectNode packedField(String contentDigest) {
        ObjectNode n = Catalog.JSON.createObjectNode();
        n.put("index", INDEX);
        n.put("pack", PACK);
        n.put("contentSha256", contentDigest);
        return n;
    }

    /** The index text of a packed catalog (for tests and the staleness check). */
    static String indexText(byte[] gz, String where) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException(where + "/" + INDEX + ": not a gzip'd index: " + e.getMessage(), e);
        }
    }

    static Catalog read(Files2 files, String where) {
        return read(files, where, false);
    }

    /** As {@link #read(Files2, String)}; with {@code prefetch}, the pack is read on a background thread meanwhile. */
    static Catalog read(Files2 files, String where, boolean prefetch) {
        return read(indexText(files.read(INDEX), where), files, where, prefetch, null, 0);
    }

    private static Catalog read(String text, Files2 files, String where, boolean prefetch, Path folder, long catalogJsonMillis) {
        Blobs blobs = new Blobs(files, where);
        blobs.folder = folder;
        blobs.catalogJsonMillis = catalogJsonMillis;
        if (prefetch) {
            blobs.prefetch();
        }
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].equals(FORMAT)) {
            throw new CatalogException(where + "/" + INDEX + ": not a " + FORMAT + " index");
        }
        String def = Catalog.DEFAULT_API_VERSION;
        Map<String, Catalog.Api> apis = new LinkedHashMap<>();
        String api = null;
        TreeMap<String, List<String>> versions = null;
        List<String> ops = null;
        Map<String, String> types = null;
        for (int i = 1; i <= lines.length; i++) {
            String l = i < lines.length ? lines[i] : "api";
            if (l.startsWith("api")) {
                if (api != null) {
                    apis.put(api, new Catalog.Api(new LazyEntities(versions, blobs, api), new LazyOperations(ops),
                            Collections.unmodifiableMap(types)));
                }
                if (i == lines.length) {
                    break;
                }
                api = l.substring(4);
                versions = new TreeMap<>();
                ops = new ArrayList<>();
                types = new TreeMap<>();
            } else if (l.startsWith("v\t")) {
                int a = l.indexOf('\t', 2);
                versions.computeIfAbsent(l.substring(2, a), k -> new ArrayList<>(3)).add(l);
            } else if (l.startsWith("o\t")) {
                ops.add(l);
            } else if (l.startsWith("t\t")) {
                int a = l.indexOf('\t', 2);
                types.put(l.substring(2, a), l.substring(a + 1));
            } else if (l.startsWith("default ")) {
                def = l.substring(8);
            }
        }
        return Catalog.ofApis(apis, def);
    }

    /**
     * The pack, read whole: on a background thread as soon as the index is read (reading the 4 MB pack out of the jar,
     * where it is deflated once more, costs about 50 ms of CPU, which then overlaps with the command line, the listing
     * of the fixtures and the routing on the other core), or on first use when that thread has not run.
     */
    private static final class Blobs {
        private final Files2 files;
        private final String where;
        private volatile byte[] pack;
        private volatile Thread prefetch;
        private final ConcurrentHashMap<String, JsonNode> defs = new ConcurrentHashMap<>();
        /** A catalog folder the pack was written into with its JSON files, and when catalog.json was written; or null. */
        Path folder;
        long catalogJsonMillis;

        /**
         * The schema file of a version when it was changed after the build wrote {@code catalog.json}; null when it was
         * not (or this pack is not in a catalog folder, or the file is gone: the pack has the version).
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
                throw new CatalogException(f + ": not valid JSON: " + GraphlintText.oneLine(e.getOriginalMessage()));
            }
        }

        Blobs(Files2 files, String where) {
            this.files = files;
            this.where = where;
        }

        /** Starts reading the pack on a daemon thread; a failure there is left for the first use to report. */
        void prefetch() {
            Thread t = new Thread(() -> {
                try {
                    load();
                } catch (RuntimeException e) {
                    // read again, and reported, by the first raw()
                }
            }, "graphlint-pack");
            t.setDaemon(true);
            prefetch = t;
            t.start();
        }

        private byte[] load() {
            byte[] p = pack;
            if (p == null) {
                synchronized (this) {
                    p = pack;
                    if (p == null) {
                        p = files.read(PACK);
                        pack = p;
                    }
                }
            }
            return p;
        }

        byte[] raw(String ref) {
            byte[] p = pack;
            if (p == null) {
                Thread t = prefetch;
                if (t != null && t != Thread.currentThread()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                p = load();
            }
            String[] f = ref.split("\\+");
            int off = Integer.parseInt(f[0]);
            int len = Integer.parseInt(f[1]);
            int rawLen = Integer.parseInt(f[2]);
            if (off < 0 || len < 0 || off + len > p.length) {
                throw new CatalogException(where + "/" + PACK + ": blob " + ref + " lies outside the pack (" + p.length
                        + " bytes): the index and the pack do not belong together");
            }
            return inflate(p, off, len, rawLen, where);
        }

        JsonNode json(String ref) {
            try {
                return Catalog.JSON.readTree(raw(ref));
            } catch (tools.jackson.core.JacksonException e) {
                throw new CatalogException(where + "/" + PACK + ": blob " + ref + " is not JSON: "
                        + GraphlintText.oneLine(e.getOriginalMessage()));
            }
        }

        JsonNode def(String ref) {
            JsonNode d = defs.get(ref);
            return d != null ? d : defs.computeIfAbsent(ref, this::json);
        }
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
                throw new CatalogException(where + "/" + PACK + ": a blob is shorter than the index says");
            }
            return out;
        } catch (DataFormatException e) {
            throw new CatalogException(where + "/" + PACK + ": a blob is corrupt: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    /** Entity name to its operations' versions, each made from the pack when first asked for. */
    private static final class LazyEntities extends AbstractMap<String, Map<OperationKind, List<SchemaVersion>>> {
        private final TreeMap<String, List<String>> lines;
        private final Blobs blobs;
        private final String api;
        private final ConcurrentHashMap<String, Map<OperationKind, List<SchemaVersion>>> made = new ConcurrentHashMap<>();

        LazyEntities(TreeMap<String, List<String>> lines, Blobs blobs, String api) {
            this.lines = lines;
            this.blobs = blobs;
            this.api = api;
        }

        @Override
        public Set<String> keySet() {
            return Collections.unmodifiableSet(lines.keySet());
        }

        @Override
        public boolean containsKey(Object key) {
            return lines.containsKey(key);
        }

        @Override
        public int size() {
            return lines.size();
        }

        @Override
        public Map<OperationKind, List<SchemaVersion>> get(Object key) {
            if (!(key instanceof String e) || !lines.containsKey(e)) {
                return null;
            }
            return made.computeIfAbsent(e, k -> new LazyOperations2(lines.get(k), blobs, api));
        }

        @Override
        public Set<Entry<String, Map<OperationKind, List<SchemaVersion>>>> entrySet() {
            Map<String, Map<OperationKind, List<SchemaVersion>>> all = new TreeMap<>();
            for (String e : lines.keySet()) {
                all.put(e, get(e));
            }
            return Collections.unmodifiableMap(all).entrySet();
        }
    }

    /** One entity's operations; the versions of an operation are made when it is first asked for. */
    private static final class LazyOperations2 extends AbstractMap<OperationKind, List<SchemaVersion>> {
        private final EnumMap<OperationKind, List<String>> lines = new EnumMap<>(OperationKind.class);
        private final Blobs blobs;
        private final String api;
        private final ConcurrentHashMap<OperationKind, List<SchemaVersion>> made = new ConcurrentHashMap<>();

        LazyOperations2(List<String> entityLines, Blobs blobs, String api) {
            this.blobs = blobs;
            this.api = api;
            for (String l : entityLines) {
                String[] f = l.split("\t", 5);
                lines.computeIfAbsent(OperationKind.fromId(f[2]), k -> new ArrayList<>()).add(l);
            }
        }

        @Override
        public Set<OperationKind> keySet() {
            return Collections.unmodifiableSet(lines.keySet());
        }

        @Override
        public List<SchemaVersion> get(Object key) {
            if (!(key instanceof OperationKind k) || !lines.containsKey(k)) {
                return null;
            }
            return made.computeIfAbsent(k, kk -> new LazyVersions(lines.get(kk), blobs, api));
        }

        @Override
        public Set<Entry<OperationKind, List<SchemaVersion>>> entrySet() {
            Map<OperationKind, List<SchemaVersion>> all = new EnumMap<>(OperationKind.class);
            for (OperationKind k : lines.keySet()) {
                all.put(k, get(k));
            }
            return Collections.unmodifiableMap(all).entrySet();
        }
    }

    /**
     * The versions of one entity and operation, oldest first: the count and ids come from the index, and a version's
     * schema is inflated and parsed only when that version is asked for (selecting {@code latest} reads one).
     */
    private static final class LazyVersions extends AbstractList<SchemaVersion> {
        private final List<String> lines;
        private final Blobs blobs;
        private final String api;
        private final SchemaVersion[] made;

        LazyVersions(List<String> lines, Blobs blobs, String api) {
            List<String> sorted = new ArrayList<>(lines);
            sorted.sort(java.util.Comparator.comparing(l -> l.split("\t", 5)[3]));
            this.lines = sorted;
            this.blobs = blobs;
            this.api = api;
            this.made = new SchemaVersion[sorted.size()];
        }

        @Override
        public SchemaVersion get(int i) {
            SchemaVersion v;
            synchronized (made) {
                v = made[i];
            }
            if (v == null) {
                v = version(lines.get(i), blobs, api);
                synchronized (made) {
                    if (made[i] == null) {
                        made[i] = v;
                    }
                    v = made[i];
                }
            }
            return v;
        }

        @Override
        public int size() {
            return lines.size();
        }
    }

    /**
     * {@code v ENTITY OP ID BLOB [NAME=BLOB ...]}. In a catalog folder, a schema file changed after the build wrote
     * {@code catalog.json} (by hand, in an editor) is read from the file instead of the pack.
     */
    private static SchemaVersion version(String line, Blobs blobs, String api) {
        String[] f = line.split("\t", 6);
        JsonNode meta = blobs.json(f[4]);
        ObjectNode schema = (ObjectNode) meta.get("s");
        JsonNode edited = blobs.editedSchema(api, unescape(f[1]), f[2], f[3]);
        if (edited != null) {
            schema = (ObjectNode) edited;
        } else if (f.length > 5 && !f[5].isEmpty()) {
            ObjectNode defs = Catalog.JSON.createObjectNode();
            for (String d : f[5].split(" ")) {
                int eq = d.lastIndexOf('=');
                defs.set(unescape(d.substring(0, eq)), blobs.def(d.substring(eq + 1)));
            }
            schema.set("$defs", defs);
        }
        List<PageRef> pages = new ArrayList<>();
        for (JsonNode p : meta.path("p")) {
            String lh = p.path("h").asString(null);
            pages.add(new PageRef(p.path("l").asString(null), lh == null ? null : LocalDate.parse(lh),
                    p.path("c").asString(null), p.path("f").asString(null)));
        }
        List<SchemaChange> changes = new ArrayList<>();
        for (JsonNode c : meta.path("c")) {
            changes.add(new SchemaChange(c.path("k").asString(null), c.path("p").asString(null),
                    c.path("d").asString(null), c.path("b").asBoolean(false)));
        }
        return new SchemaVersion(unescape(f[1]), OperationKind.fromId(f[2]), f[3], schema, pages, changes);
    }

    /** The documented operations of an API version, made into records when first asked for (routing a .http file). */
    private static final class LazyOperations extends AbstractList<DocumentedOperation> {
        private final List<String> lines;
        private volatile List<DocumentedOperation> made;

        LazyOperations(List<String> lines) {
            this.lines = lines;
        }

        private List<DocumentedOperation> made() {
            List<DocumentedOperation> m = made;
            if (m == null) {
                List<DocumentedOperation> out = new ArrayList<>(lines.size());
                for (String l : lines) {
                    String[] f = l.split("\t", 5); // o METHOD OP ENTITY PATH
                    out.add(new DocumentedOperation(f[1], f[4], unescape(f[3]), OperationKind.fromId(f[2])));
                }
                m = List.copyOf(out);
                made = m;
            }
            return m;
        }

        @Override
        public DocumentedOperation get(int index) {
            return made().get(index);
        }

        @Override
        public int size() {
            return lines.size();
        }
    }

    // ================================================================== writing

    /** The two files of a catalog, and the digest of their uncompressed content. */
    record Packed(byte[] index, byte[] pack, String contentDigest, String inputsDigest) {
    }

    /**
     * Packs a catalog (every API version); deterministic for a given catalog. {@code inputsDigest} (may be null) is
     * recorded as is, so that a staleness check can say whether the pages or the builder changed.
     */
    static Packed pack(Catalog catalog, String inputsDigest) {
        ByteArrayOutputStream pack = new ByteArrayOutputStream();
        MessageDigest blobDigest = sha256();
        Map<java.nio.ByteBuffer, String> stored = new HashMap<>(); // by content: equal blobs are stored once
        StringBuilder body = new StringBuilder();
        body.append("default ").append(catalog.apiVersion()).append('\n');
        Deflater deflater = new Deflater(9, true);
        try {
            for (Map.Entry<String, Catalog> a : catalog.byApiVersion().entrySet()) {
                body.append("api ").append(a.getKey()).append('\n');
                Catalog c = a.getValue();
                for (SchemaVersion v : c.allVersions()) {
                    // the schema without its $defs, sharing its (unchanged) nodes: no deep copy
                    ObjectNode s = Catalog.JSON.createObjectNode();
                    for (Map.Entry<String, JsonNode> f : v.schema().properties()) {
                        if (!f.getKey().equals("$defs")) {
                            s.set(f.getKey(), f.getValue());
                        }
                    }
                    JsonNode defs = v.schema().get("$defs");
                    ObjectNode meta = Catalog.JSON.createObjectNode();
                    meta.set("s", s);
                    ArrayNode pages = meta.putArray("p");
                    for (PageRef p : v.pages()) {
                        ObjectNode pn = pages.addObject();
                        pn.put("l", p.locale());
                        pn.put("h", p.lastHandoff() == null ? null : p.lastHandoff().toString());
                        pn.put("c", p.sourceCommit());
                        pn.put("f", p.file());
                    }
                    ArrayNode changes = meta.putArray("c");
                    for (SchemaChange ch : v.changes()) {
                        ObjectNode cn = changes.addObject();
                        cn.put("k", ch.kind());
                        cn.put("p", ch.path());
                        cn.put("d", ch.detail());
                        cn.put("b", ch.breakingForSenders());
                    }
                    body.append("v\t").append(escape(v.entity())).append('\t').append(v.operation().id()).append('\t')
                            .append(v.id()).append('\t')
                            .append(store(Catalog.JSON.writeValueAsBytes(meta), stored, pack, deflater, blobDigest))
                            .append('\t');
                    if (defs != null && defs.isObject()) {
                        boolean first = true;
                        for (Map.Entry<String, JsonNode> d : defs.properties()) {
                            if (!first) {
                                body.append(' ');
                            }
                            first = false;
                            body.append(escape(d.getKey())).append('=')
                                    .append(store(Catalog.JSON.writeValueAsBytes(d.getValue()), stored, pack, deflater, blobDigest));
                        }
                    }
                    body.append('\n');
                }
                for (DocumentedOperation o : c.operations()) {
                    body.append("o\t").append(o.method()).append('\t').append(o.operation().id()).append('\t')
                            .append(escape(o.entity())).append('\t').append(o.pathTemplate().replace('\n', ' ').replace('\t', ' '))
                            .append('\n');
                }
                for (Map.Entry<String, String> t : c.odataTypes().entrySet()) {
                    body.append("t\t").append(t.getKey()).append('\t').append(t.getValue()).append('\n');
                }
            }
        } finally {
            deflater.end();
        }
        MessageDigest all = sha256();
        byte[] bodyBytes = body.toString().getBytes(StandardCharsets.UTF_8);
        all.update(bodyBytes);
        all.update(blobDigest.digest());
        String digest = HexFormat.of().formatHex(all.digest());
        ByteArrayOutputStream idx = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(idx) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write((FORMAT + "\ncontent-sha256 " + digest + "\n"
                    + (inputsDigest == null ? "" : "inputs-sha256 " + inputsDigest + "\n")).getBytes(StandardCharsets.UTF_8));
            gz.write(bodyBytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Packed(idx.toByteArray(), pack.toByteArray(), digest, inputsDigest);
    }

    private static String store(byte[] raw, Map<java.nio.ByteBuffer, String> stored, ByteArrayOutputStream pack, Deflater deflater,
            MessageDigest blobDigest) {
        java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(raw);
        String ref = stored.get(key);
        if (ref != null) {
            return ref;
        }
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[Math.max(64, raw.length + 64)];
        int off = pack.size();
        int len = 0;
        while (!deflater.finished()) {
            int n = deflater.deflate(buf);
            pack.write(buf, 0, n);
            len += n;
        }
        blobDigest.update(raw);
        ref = off + "+" + len + "+" + raw.length;
        stored.put(key, ref);
        return ref;
    }

    /** A header value of a packed index ({@code content-sha256}, {@code inputs-sha256}); null when absent. */
    static String header(String indexText, String name) {
        int a = indexText.indexOf("\n" + name + " ");
        if (a < 0) {
            return null;
        }
        int b = indexText.indexOf('\n', a + 1);
        return indexText.substring(a + name.length() + 2, b < 0 ? indexText.length() : b);
    }

    /**
     * Recomputes the content digest of a packed catalog from its two files: the index body and every blob it names,
     * inflated, in pack order. Equal to the declared {@code content-sha256} when the files belong together and are
     * intact.
     */
    static String contentDigest(byte[] indexGz, byte[] pack) {
        String text = indexText(indexGz, "index");
        int start = text.indexOf('\n', text.indexOf("\ncontent-sha256 ") + 1) + 1;
        if (text.startsWith("inputs-sha256 ", start)) {
            start = text.indexOf('\n', start) + 1;
        }
        String body = text.substring(start);
        java.util.TreeMap<Integer, int[]> refs = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\+(\\d+)\\+(\\d+)").matcher(body);
        for (String l : body.split("\n")) {
            if (l.startsWith("v\t")) {
                m.reset(l.substring(l.indexOf('\t', l.indexOf('\t', l.indexOf('\t', 2) + 1) + 1)));
                while (m.find()) {
                    refs.put(Integer.parseInt(m.group(1)), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
                }
            }
        }
        MessageDigest blobs = sha256();
        for (Map.Entry<Integer, int[]> r : refs.entrySet()) {
            blobs.update(inflate(pack, r.getKey(), r.getValue()[0], r.getValue()[1], "pack"));
        }
        MessageDigest all = sha256();
        all.update(body.getBytes(StandardCharsets.UTF_8));
        all.update(blobs.digest());
        return HexFormat.of().formatHex(all.digest());
    }

    /** Writes the two files into a folder, each replaced atomically (a temporary file moved over the old one). */
    static void write(Packed p, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(INDEX), p.index());
        writeAtomically(dir.resolve(PACK), p.pack());
    }

    private static void writeAtomically(Path f, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '\t' || c == '\n' || c == ' ' || c == '=' || c == '\r') {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append('%').append(String.format("%02X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
