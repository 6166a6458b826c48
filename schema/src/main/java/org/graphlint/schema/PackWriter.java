package org.graphlint.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writing a packed catalog (the format {@link PackedCatalog} reads): the index text, the deduplicated deflated blobs,
 * the content digest a staleness check compares, and the two files written atomically.
 */
final class PackWriter {

    private PackWriter() {
    }

    /**
     * Packs a catalog (every API version); deterministic for a given catalog. {@code inputsDigest} (may be null) is
     * recorded as is, so that a staleness check can say whether the pages or the builder changed.
     */
    static PackedCatalog.Packed pack(Catalog catalog, String inputsDigest) {
        // Every version: the index line's blobs, its meta (the schema without $defs, its pages and changes) and its
        // $defs entries. An entry object the schemas share (SharedDefs) is written once, equal blobs are stored once
        // (in the order the index first names them), and the blobs are deflated on every core.
        List<String> apis = new ArrayList<>();
        List<SchemaVersion> versions = new ArrayList<>();
        for (Map.Entry<String, Catalog> a : catalog.byApiVersion().entrySet()) {
            for (SchemaVersion v : a.getValue().allVersions()) {
                apis.add(a.getKey());
                versions.add(v);
            }
        }
        Content[] metas = new Content[versions.size()];
        IntStream.range(0, versions.size()).parallel()
                .forEach(i -> metas[i] = Content.of(Catalog.JSON.writeValueAsBytes(meta(versions.get(i)))));
        Map<JsonNode, Integer> defIds = new IdentityHashMap<>();
        List<JsonNode> defNodes = new ArrayList<>();
        for (SchemaVersion v : versions) {
            if (v.tree().get("$defs") instanceof ObjectNode defs) {
                for (Map.Entry<String, JsonNode> d : defs.properties()) {
                    defIds.computeIfAbsent(d.getValue(), n -> {
                        defNodes.add(n);
                        return defNodes.size() - 1;
                    });
                }
            }
        }
        Content[] defBytes = new Content[defNodes.size()];
        IntStream.range(0, defNodes.size()).parallel()
                .forEach(i -> defBytes[i] = Content.of(Catalog.JSON.writeValueAsBytes(defNodes.get(i))));

        Map<Content, Integer> stored = new HashMap<>(); // by content: equal blobs are stored once
        List<byte[]> blobs = new ArrayList<>();
        int[] metaBlob = new int[versions.size()];
        int[] defBlob = new int[defNodes.size()];
        java.util.Arrays.fill(defBlob, -1);
        List<int[]> defBlobsOfVersion = new ArrayList<>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            metaBlob[i] = blob(metas[i], stored, blobs);
            List<Integer> ids = new ArrayList<>();
            if (versions.get(i).tree().get("$defs") instanceof ObjectNode defs) {
                for (Map.Entry<String, JsonNode> d : defs.properties()) {
                    int id = defIds.get(d.getValue());
                    if (defBlob[id] < 0) {
                        defBlob[id] = blob(defBytes[id], stored, blobs);
                    }
                    ids.add(defBlob[id]);
                }
            }
            defBlobsOfVersion.add(ids.stream().mapToInt(Integer::intValue).toArray());
        }

        // The blobs' digest (one pass, in order: ~25 MB for a whole snapshot) is taken on a thread of its own while
        // they are deflated on the others: taken after the deflation, it was the pack's last ~0.2 s, while the
        // schema files were written already and the build's other threads waited for the pack.
        java.util.concurrent.CompletableFuture<byte[]> blobDigest = BesideWork.start("graphlint-pack-digest", () -> {
            MessageDigest d = sha256();
            blobs.forEach(d::update);
            return d.digest();
        });
        byte[][] deflated = deflateAll(blobs);
        ByteArrayOutputStream pack = new ByteArrayOutputStream();
        String[] refs = new String[blobs.size()];
        for (int b = 0; b < blobs.size(); b++) {
            refs[b] = pack.size() + "+" + deflated[b].length + "+" + blobs.get(b).length;
            pack.writeBytes(deflated[b]);
        }

        StringBuilder body = new StringBuilder();
        body.append("default ").append(catalog.apiVersion()).append('\n');
        int i = 0;
        for (Map.Entry<String, Catalog> a : catalog.byApiVersion().entrySet()) {
            body.append("api ").append(a.getKey()).append('\n');
            Catalog c = a.getValue();
            for (SchemaVersion v : c.allVersions()) {
                body.append("v\t").append(PackedCatalog.escape(v.entity())).append('\t').append(v.operation().id()).append('\t')
                        .append(v.id()).append('\t').append(refs[metaBlob[i]]).append('\t');
                if (v.tree().get("$defs") instanceof ObjectNode defs) {
                    int k = 0;
                    for (Map.Entry<String, JsonNode> d : defs.properties()) {
                        if (k > 0) {
                            body.append(' ');
                        }
                        body.append(PackedCatalog.escape(d.getKey())).append('=').append(refs[defBlobsOfVersion.get(i)[k]]);
                        k++;
                    }
                }
                body.append('\n');
                i++;
            }
            for (DocumentedOperation o : c.operations()) {
                body.append("o\t").append(o.method()).append('\t').append(o.operation().id()).append('\t')
                        .append(PackedCatalog.escape(o.entity())).append('\t').append(o.pathTemplate().replace('\n', ' ').replace('\t', ' '))
                        .append('\n');
            }
            for (Map.Entry<String, String> t : c.odataTypes().entrySet()) {
                body.append("t\t").append(t.getKey()).append('\t').append(t.getValue()).append('\n');
            }
        }
        MessageDigest all = sha256();
        byte[] bodyBytes = body.toString().getBytes(StandardCharsets.UTF_8);
        all.update(bodyBytes);
        all.update(BesideWork.join(blobDigest));
        String digest = HexFormat.of().formatHex(all.digest());
        ByteArrayOutputStream idx = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(idx) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write((PackedCatalog.FORMAT + "\ncontent-sha256 " + digest + "\n"
                    + (inputsDigest == null ? "" : "inputs-sha256 " + inputsDigest + "\n")).getBytes(StandardCharsets.UTF_8));
            gz.write(bodyBytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new PackedCatalog.Packed(idx.toByteArray(), pack.toByteArray(), digest, inputsDigest);
    }

    /** A version's meta blob: the schema without its $defs (sharing its unchanged nodes: no deep copy), pages, changes. */
    private static ObjectNode meta(SchemaVersion v) {
        ObjectNode s = Catalog.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> f : v.tree().properties()) {
            if (!f.getKey().equals("$defs")) {
                s.set(f.getKey(), f.getValue());
            }
        }
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
        return meta;
    }

    /** The number of the blob with these bytes: the one stored already, or a new one. */
    private static int blob(Content raw, Map<Content, Integer> stored, List<byte[]> blobs) {
        Integer have = stored.putIfAbsent(raw, blobs.size());
        if (have != null) {
            return have;
        }
        blobs.add(raw.bytes());
        return blobs.size() - 1;
    }

    /**
     * A blob's bytes as a key of the blobs stored, compared by content; its hash is computed once, on the thread that
     * serialized it (a ByteBuffer's, byte by byte through get(i) on the packing thread, was ~0.1 s of a whole
     * snapshot's pack).
     */
    private record Content(byte[] bytes, int hash) {
        static Content of(byte[] bytes) {
            return new Content(bytes, java.util.Arrays.hashCode(bytes));
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && c.hash == hash && java.util.Arrays.equals(c.bytes, bytes);
        }
    }

    /** Each blob deflated (raw deflate, best compression), on every core: one deflater per slice of blobs. */
    private static byte[][] deflateAll(List<byte[]> blobs) {
        byte[][] out = new byte[blobs.size()][];
        int slices = Math.min(blobs.size(), 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, slices).parallel().forEach(s -> {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            try {
                for (int b = s; b < blobs.size(); b += slices) {
                    out[b] = deflate(deflater, blobs.get(b));
                }
            } finally {
                deflater.end();
            }
        });
        return out;
    }

    private static byte[] deflate(Deflater deflater, byte[] raw) {
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        byte[] buf = new byte[Math.max(64, raw.length + 64)];
        while (!deflater.finished()) {
            int n = deflater.deflate(buf);
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }


    /**
     * Recomputes the content digest of a packed catalog from its two files: the index body and every blob it names,
     * inflated, in pack order. Equal to the declared {@code content-sha256} when the files belong together and are
     * intact.
     */
    static String contentDigest(byte[] indexGz, byte[] pack) {
        String text = PackedCatalog.indexText(indexGz, "index");
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
            blobs.update(PackBlobs.inflate(pack, r.getKey(), r.getValue()[0], r.getValue()[1], "pack"));
        }
        MessageDigest all = sha256();
        all.update(body.getBytes(StandardCharsets.UTF_8));
        all.update(blobs.digest());
        return HexFormat.of().formatHex(all.digest());
    }

    /** Writes the two files into a folder, each replaced atomically (a temporary file moved over the old one). */
    static void write(PackedCatalog.Packed p, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(PackedCatalog.INDEX), p.index());
        writeAtomically(dir.resolve(PackedCatalog.PACK), p.pack());
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
}
