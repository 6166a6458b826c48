package org.graphlint.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
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
                    for (Map.Entry<String, JsonNode> f : v.tree().properties()) {
                        if (!f.getKey().equals("$defs")) {
                            s.set(f.getKey(), f.getValue());
                        }
                    }
                    JsonNode defs = v.tree().get("$defs");
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
                    body.append("v\t").append(PackedCatalog.escape(v.entity())).append('\t').append(v.operation().id()).append('\t')
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
                            body.append(PackedCatalog.escape(d.getKey())).append('=')
                                    .append(store(Catalog.JSON.writeValueAsBytes(d.getValue()), stored, pack, deflater, blobDigest));
                        }
                    }
                    body.append('\n');
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
            gz.write((PackedCatalog.FORMAT + "\ncontent-sha256 " + digest + "\n"
                    + (inputsDigest == null ? "" : "inputs-sha256 " + inputsDigest + "\n")).getBytes(StandardCharsets.UTF_8));
            gz.write(bodyBytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new PackedCatalog.Packed(idx.toByteArray(), pack.toByteArray(), digest, inputsDigest);
    }

    private static String store(byte[] raw, Map<java.nio.ByteBuffer, String> stored, ByteArrayOutputStream pack,
            Deflater deflater, MessageDigest blobDigest) {
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
