package org.graphlint.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
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

    /** The embedded packed catalog, or null when the jar carries none. */
    static Catalog embedded() {
        ClassLoader cl = PackedCatalog.class.getClassLoader();
        if (cl.getResource(Catalog.EMBEDDED_RESOURCE + INDEX) == null) {
            return null;
        }
        String where = "embedded catalog";
        byte[] index;
        try (InputStream in = resource(cl, INDEX)) {
            index = in.readAllBytes();
        } catch (IOException e) {
            throw new CatalogException(where + ": cannot read " + INDEX + ": " + e.getMessage(), e);
        }
        return read(indexText(index, where), PackBlobs.stream(() -> resource(cl, PACK)), where, null, 0);
    }

    private static InputStream resource(ClassLoader cl, String name) {
        InputStream in = cl.getResourceAsStream(Catalog.EMBEDDED_RESOURCE + name);
        if (in == null) {
            throw new CatalogException("embedded catalog: resource " + Catalog.EMBEDDED_RESOURCE + name
                    + " is missing from the jar (rebuild with mvn package)");
        }
        return in;
    }

    /** The field of a folder's {@code catalog.json} that names its pack; written before {@code apiVersions}. */
    static final String PACKED_FIELD = "packed";

    /**
     * The packed form of a catalog folder (what {@code schemas build --out} and {@code schemas export} write beside the
     * JSON files), read lazily like the embedded one; null when the folder has none, or one that is not the pack its
     * {@code catalog.json} names (by content digest), so that the caller reads the JSON. Reads only the first
     * kilobytes of {@code catalog.json}, never the whole file, and stats no schema file until a version is asked for
     * (a schema file changed after the build is then read from the file: see {@link PackBlobs#editedSchema}).
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
            return read(text, PackBlobs.file(pack), dir.toString(), dir, written);
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

    /** A packed catalog from its two files' bytes (tests, and a pack just written). */
    static Catalog read(byte[] indexGz, byte[] pack, String where) {
        return read(indexText(indexGz, where), PackBlobs.bytes(pack), where, null, 0);
    }

    private static Catalog read(String text, PackBlobs.Source pack, String where, Path folder, long catalogJsonMillis) {
        PackBlobs blobs = new PackBlobs(pack, where, folder, catalogJsonMillis);
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
                    apis.put(api, new Catalog.Api(new PackViews.LazyEntities(versions, blobs, api), new PackViews.LazyOperations(ops),
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

    /** A header value of a packed index ({@code content-sha256}, {@code inputs-sha256}); null when absent. */
    /** The two files of a catalog, and the digest of their uncompressed content. */
    record Packed(byte[] index, byte[] pack, String contentDigest, String inputsDigest) {
    }

    /** See {@link PackWriter#pack}. */
    static Packed pack(Catalog catalog, String inputsDigest) {
        return PackWriter.pack(catalog, inputsDigest);
    }

    /** See {@link PackWriter#write}. */
    static void write(Packed p, Path dir) throws IOException {
        PackWriter.write(p, dir);
    }

    /** See {@link PackWriter#contentDigest}. */
    static String contentDigest(byte[] indexGz, byte[] pack) {
        return PackWriter.contentDigest(indexGz, pack);
    }

    static String header(String indexText, String name) {
        int a = indexText.indexOf("\n" + name + " ");
        if (a < 0) {
            return null;
        }
        int b = indexText.indexOf('\n', a + 1);
        return indexText.substring(a + name.length() + 2, b < 0 ? indexText.length() : b);
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
