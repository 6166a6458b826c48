package org.graphlint.schema;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read-side views of a packed catalog: maps and lists over the index lines, each making its records (and reading
 * its blobs) only when first asked for.
 */
final class PackViews {

    private PackViews() {
    }

    /** Entity name to its operations' versions, each made from the pack when first asked for. */
    static final class LazyEntities extends AbstractMap<String, Map<OperationKind, List<SchemaVersion>>> {
        private final TreeMap<String, List<String>> lines;
        private final PackBlobs blobs;
        private final String api;
        private final ConcurrentHashMap<String, Map<OperationKind, List<SchemaVersion>>> made = new ConcurrentHashMap<>();

        LazyEntities(TreeMap<String, List<String>> lines, PackBlobs blobs, String api) {
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
    static final class LazyOperations2 extends AbstractMap<OperationKind, List<SchemaVersion>> {
        private final EnumMap<OperationKind, List<String>> lines = new EnumMap<>(OperationKind.class);
        private final PackBlobs blobs;
        private final String api;
        private final ConcurrentHashMap<OperationKind, List<SchemaVersion>> made = new ConcurrentHashMap<>();

        LazyOperations2(List<String> entityLines, PackBlobs blobs, String api) {
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
    static final class LazyVersions extends AbstractList<SchemaVersion> {
        private final List<String> lines;
        private final PackBlobs blobs;
        private final String api;
        private final SchemaVersion[] made;

        LazyVersions(List<String> lines, PackBlobs blobs, String api) {
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
    static SchemaVersion version(String line, PackBlobs blobs, String api) {
        String[] f = line.split("\t", 6);
        JsonNode edited = blobs.editedSchema(api, PackedCatalog.unescape(f[1]), f[2], f[3]);
        String[] defRefs = edited == null && f.length > 5 && !f[5].isEmpty() ? f[5].split(" ") : new String[0];
        List<String> refs = new ArrayList<>(defRefs.length);
        for (String d : defRefs) {
            refs.add(d.substring(d.lastIndexOf('=') + 1));
        }
        JsonNode meta = blobs.versionBlobs(f[4], refs);
        ObjectNode schema = (ObjectNode) meta.get("s");
        if (edited != null) {
            schema = (ObjectNode) edited;
        } else if (defRefs.length > 0) {
            ObjectNode defs = Catalog.JSON.createObjectNode();
            for (String d : defRefs) {
                int eq = d.lastIndexOf('=');
                defs.set(PackedCatalog.unescape(d.substring(0, eq)), blobs.def(d.substring(eq + 1)));
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
        return new SchemaVersion(PackedCatalog.unescape(f[1]), OperationKind.fromId(f[2]), f[3], schema, pages, changes);
    }

    /** The documented operations of an API version, made into records when first asked for (routing a .http file). */
    static final class LazyOperations extends AbstractList<DocumentedOperation> {
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
                    out.add(new DocumentedOperation(f[1], f[4], PackedCatalog.unescape(f[3]), OperationKind.fromId(f[2])));
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
}
