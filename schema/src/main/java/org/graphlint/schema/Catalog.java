package org.graphlint.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every schema version of every entity and operation, for one Graph API version ({@code beta} by default; see
 * {@link #apiVersions()} and {@link #forApiVersion(String)}), with the pages behind each version and the documented
 * operations. Immutable and thread-safe.
 *
 * <p>On disk (what {@code graphlint schemas build --out DIR} writes through {@link CatalogWriter}) a catalog is a folder with
 * {@code catalog.json} and one schema file per API version, entity, operation and schema version, at the relative path
 * the catalog names ({@code beta/vppToken/create/2018-12-18.schema.json}); {@link #write(Path)} writes it.
 */
public final class Catalog {

    /** The {@code format} field of a {@code catalog.json} this class reads and writes. */
    public static final String FORMAT = "graphlint-catalog/1";
    /** The classpath folder of the embedded catalog. */
    public static final String EMBEDDED_RESOURCE = "org/graphlint/catalog/";
    /** The API version a catalog presents unless told otherwise. */
    public static final String DEFAULT_API_VERSION = "beta";

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The largest catalog.json or schema file read (a whole-snapshot catalog.json is about 4 MB). */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private static volatile Catalog embedded;

    /** One API version's content. */
    record Api(
            Map<String, Map<OperationKind, List<SchemaVersion>>> entities,
            List<DocumentedOperation> operations,
            Map<String, String> odataTypes) {
    }

    private final Map<String, Api> apis;
    private final String apiVersion;
    private final Api api;

    private Catalog(Map<String, Api> apis, String apiVersion) {
        this.apis = apis;
        this.apiVersion = apiVersion;
        this.api = apis.getOrDefault(apiVersion, new Api(Map.of(), List.of(), Map.of()));
    }

    /** A catalog over the given versions and operations, all of one API version. */
    public static Catalog of(String apiVersion, List<SchemaVersion> versions, List<DocumentedOperation> operations,
            Map<String, String> odataTypes) {
        Map<String, Api> apis = new LinkedHashMap<>();
        apis.put(apiVersion, api(versions, operations, odataTypes));
        return new Catalog(Collections.unmodifiableMap(apis), apiVersion);
    }

    /** A catalog over several API versions, presenting {@code defaultApi} (or the first one when it is absent). */
    public static Catalog of(Map<String, Catalog> byApi, String defaultApi) {
        Map<String, Api> apis = new LinkedHashMap<>();
        byApi.forEach((k, c) -> apis.put(k, c.api));
        String def = apis.containsKey(defaultApi) ? defaultApi : apis.keySet().stream().findFirst().orElse(defaultApi);
        return new Catalog(Collections.unmodifiableMap(apis), def);
    }

    /** A catalog over API contents another reader made: the packed embedded catalog reads them lazily ({@link PackedCatalog}). */
    static Catalog ofApis(Map<String, Api> apis, String defaultApi) {
        String def = apis.containsKey(defaultApi) ? defaultApi : apis.keySet().stream().findFirst().orElse(defaultApi);
        return new Catalog(Collections.unmodifiableMap(new LinkedHashMap<>(apis)), def);
    }

    private static Api api(List<SchemaVersion> versions, List<DocumentedOperation> operations, Map<String, String> odataTypes) {
        Map<String, Map<OperationKind, List<SchemaVersion>>> entities = new TreeMap<>();
        for (SchemaVersion v : versions) {
            entities.computeIfAbsent(v.entity(), e -> new java.util.EnumMap<>(OperationKind.class))
                    .computeIfAbsent(v.operation(), o -> new ArrayList<>()).add(v);
        }
        Map<String, Map<OperationKind, List<SchemaVersion>>> frozen = new TreeMap<>();
        entities.forEach((e, m) -> {
            Map<OperationKind, List<SchemaVersion>> ops = new java.util.EnumMap<>(OperationKind.class);
            m.forEach((o, l) -> {
                List<SchemaVersion> sorted = new ArrayList<>(l);
                sorted.sort(java.util.Comparator.comparing(SchemaVersion::id));
                ops.put(o, List.copyOf(sorted));
            });
            frozen.put(e, Collections.unmodifiableMap(ops));
        });
        Map<String, String> types = new TreeMap<>();
        odataTypes.forEach((k, v) -> types.put(normalizeOdataType(k), v));
        return new Api(Collections.unmodifiableMap(frozen), List.copyOf(operations), Collections.unmodifiableMap(types));
    }

    // ---------------------------------------------------------------- loading

    /** The catalog built into the jar from {@code samples/pages} (cached; the first call reads it). */
    public static Catalog embedded() {
        Catalog c = embedded;
        if (c == null) {
            synchronized (Catalog.class) {
                c = embedded;
                if (c == null) {
                    c = PackedCatalog.embedded(); // the all-Graph catalog, read lazily; null in a jar without one
                }
                if (c == null) {
                    c = read(name -> {
                        InputStream in = Catalog.class.getClassLoader().getResourceAsStream(EMBEDDED_RESOURCE + name);
                        if (in == null) {
                            throw new CatalogException("embedded catalog: resource " + EMBEDDED_RESOURCE + name
                                    + " is missing from the jar (rebuild with mvn package)");
                        }
                        try (in) {
                            return in.readAllBytes();
                        } catch (IOException e) {
                            throw new CatalogException("embedded catalog: cannot read " + name + ": " + e.getMessage(), e);
                        }
                    }, "embedded catalog");
                }
                embedded = c;
            }
        }
        return c;
    }

    /** Reads a folder written by {@code graphlint schemas build --out DIR}; throws a one-line {@link CatalogException}. */
    public static Catalog load(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(dir + ": not a catalog folder (expected a folder with catalog.json)");
        }
        Path root = dir.toAbsolutePath().normalize();
        Catalog packed = PackedCatalog.readIfCurrent(root);
        if (packed != null) {
            return packed; // the same catalog, packed by schemas build or export: read lazily, like the embedded one
        }
        return read(name -> {
            Path p = root.resolve(name).normalize();
            if (!p.startsWith(root)) {
                throw new CatalogException(dir + "/catalog.json: schema file '" + name + "' points outside the catalog folder");
            }
            try {
                return org.graphlint.parser.RegularFile.read(p, MAX_FILE_BYTES);
            } catch (NoSuchFileException e) {
                throw new CatalogException(dir.resolve(name) + (name.equals("catalog.json")
                        ? ": missing: not a catalog folder (write one with 'graphlint schemas build --out DIR')"
                        : ": missing (named in catalog.json)"));
            } catch (org.graphlint.parser.RegularFile.NotRegularFileException
                    | org.graphlint.parser.RegularFile.TooLargeException e) {
                throw new CatalogException(dir.resolve(name) + ": " + e.getMessage(), e);
            } catch (java.nio.file.AccessDeniedException e) {
                throw new CatalogException(dir.resolve(name) + ": cannot read: permission denied", e);
            } catch (IOException | UncheckedIOException e) {
                throw new CatalogException(dir.resolve(name) + ": cannot read: " + e.getMessage(), e);
            }
        }, dir.toString());
    }

    interface Source {
        byte[] read(String name);
    }

    private static JsonNode parse(byte[] bytes, String where) {
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw new CatalogException(where + ": empty");
            }
            return n;
        } catch (JacksonException e) {
            throw new CatalogException(where + ": not valid JSON: " + GraphlintText.oneLine(e.getOriginalMessage()));
        }
    }

    private static Catalog read(Source source, String where) {
        String catWhere = where + "/catalog.json";
        JsonNode root = parse(source.read("catalog.json"), catWhere);
        try {
            if (!FORMAT.equals(text(root, "format"))) {
                throw new CatalogException(catWhere + ": format is '" + text(root, "format") + "', expected '" + FORMAT + "'");
            }
            JsonNode apisNode = root.path("apiVersions");
            if (!apisNode.isObject()) {
                throw new CatalogException(catWhere + ": 'apiVersions' must be an object");
            }
            Map<String, Catalog> byApi = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> a : apisNode.properties()) {
                String apiName = a.getKey();
                JsonNode apiNode = a.getValue();
                List<SchemaVersion> versions = new ArrayList<>();
                for (JsonNode v : array(apiNode, "versions", catWhere)) {
                    String file = text(v, "file");
                    if (file == null) {
                        throw new CatalogException(catWhere + ": a version of " + text(v, "entity") + " has no 'file'");
                    }
                    JsonNode schema = parse(source.read(file), where + "/" + file);
                    List<PageRef> pages = new ArrayList<>();
                    for (JsonNode p : array(v, "pages", catWhere)) {
                        String lh = text(p, "lastHandoff");
                        pages.add(new PageRef(text(p, "locale"), lh == null ? null : LocalDate.parse(lh),
                                text(p, "sourceCommit"), text(p, "file")));
                    }
                    List<SchemaChange> changes = new ArrayList<>();
                    for (JsonNode c : array(v, "changes", catWhere)) {
                        changes.add(new SchemaChange(text(c, "kind"), text(c, "path"), text(c, "detail"),
                                c.path("breakingForSenders").asBoolean(false)));
                    }
                    String entity = required(v, "entity", catWhere);
                    String id = required(v, "id", catWhere);
                    versions.add(new SchemaVersion(entity, OperationKind.fromId(required(v, "operation", catWhere)), id,
                            schema, pages, changes));
                }
                List<DocumentedOperation> ops = new ArrayList<>();
                for (JsonNode o : array(apiNode, "operations", catWhere)) {
                    ops.add(new DocumentedOperation(required(o, "method", catWhere), required(o, "path", catWhere),
                            required(o, "entity", catWhere), OperationKind.fromId(required(o, "operation", catWhere))));
                }
                Map<String, String> types = new LinkedHashMap<>();
                JsonNode t = apiNode.path("odataTypes");
                if (t.isObject()) {
                    for (Map.Entry<String, JsonNode> e : t.properties()) {
                        types.put(e.getKey(), e.getValue().asString());
                    }
                }
                byApi.put(apiName, of(apiName, versions, ops, types));
            }
            String def = text(root, "defaultApiVersion");
            return of(byApi, def == null ? DEFAULT_API_VERSION : def);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new CatalogException(catWhere + ": " + GraphlintText.oneLine(e.getMessage()));
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String required(JsonNode n, String field, String where) {
        String s = text(n, field);
        if (s == null || s.isBlank()) {
            throw new CatalogException(where + ": an entry lacks '" + field + "'");
        }
        return s;
    }

    private static Iterable<JsonNode> array(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new CatalogException(where + ": '" + field + "' must be an array");
        }
        return v;
    }

    // ---------------------------------------------------------------- queries

    /** The Graph API version this catalog presents ({@code beta} or {@code v1.0}). */
    public String apiVersion() {
        return apiVersion;
    }

    /** Every API version the catalog holds. */
    public Set<String> apiVersions() {
        return apis.keySet();
    }

    /** The same catalog presenting another API version (empty when it holds none of it). */
    public Catalog forApiVersion(String version) {
        return version.equals(apiVersion) ? this : new Catalog(apis, version);
    }

    /** Every entity with at least one schema version, sorted. */
    public Set<String> entities() {
        return api.entities().keySet();
    }

    /** The operations documented for an entity (create, update, resource), in that order. */
    public Set<OperationKind> operationKinds(String entity) {
        Map<OperationKind, List<SchemaVersion>> m = api.entities().get(entity);
        return m == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(m.keySet()));
    }

    /** The schema versions of an entity and operation, oldest first (empty when there are none). */
    public List<SchemaVersion> versions(String entity, OperationKind op) {
        Map<OperationKind, List<SchemaVersion>> m = api.entities().get(entity);
        if (m == null) {
            return List.of();
        }
        return m.getOrDefault(op, List.of());
    }

    /** Every schema version of this API version, by entity, then operation, then id. */
    public List<SchemaVersion> allVersions() {
        List<SchemaVersion> all = new ArrayList<>();
        api.entities().values().forEach(m -> m.values().forEach(all::addAll));
        return Collections.unmodifiableList(all);
    }

    /**
     * The version a selector names: a schema-version id ({@code 2019-07-31}); any ISO date (the newest version whose id
     * is not after it); a source commit of 7 to 40 hex characters (the newest version with a page translating that
     * commit, matched by prefix); or {@code latest}. Empty when nothing matches (a date before the first version, an
     * unknown commit, an unknown entity). Throws {@link IllegalArgumentException} (one line) for a selector of none of
     * these forms.
     */
    public Optional<SchemaVersion> select(String entity, OperationKind op, String selector) {
        Selector sel = Selector.parse(selector);
        List<SchemaVersion> vs = versions(entity, op);
        if (vs.isEmpty()) {
            return Optional.empty();
        }
        switch (sel.kind()) {
            case LATEST:
                return Optional.of(vs.get(vs.size() - 1));
            case DATE: {
                String d = sel.value();
                SchemaVersion best = null;
                for (SchemaVersion v : vs) {
                    if (v.id().compareTo(d) <= 0) {
                        best = v;
                    }
                }
                return Optional.ofNullable(best);
            }
            case COMMIT: {
                String c = sel.value().toLowerCase(Locale.ROOT);
                for (int i = vs.size() - 1; i >= 0; i--) {
                    for (PageRef p : vs.get(i).pages()) {
                        if (p.sourceCommit() != null && p.sourceCommit().toLowerCase(Locale.ROOT).startsWith(c)) {
                            return Optional.of(vs.get(i));
                        }
                    }
                }
                return Optional.empty();
            }
            default:
                throw new AssertionError(sel);
        }
    }

    /** A parsed version selector. */
    public record Selector(Kind kind, String value) {
        public enum Kind { LATEST, DATE, COMMIT }

        /** Parses a selector; throws {@link IllegalArgumentException} with a one-line message when it has no known form. */
        public static Selector parse(String s) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("empty version selector: give a version id, an ISO date, a source commit or 'latest'");
            }
            String t = s.strip();
            if (t.equalsIgnoreCase("latest")) {
                return new Selector(Kind.LATEST, "latest");
            }
            if (ISO_DATE.matcher(t).matches()) {
                try {
                    return new Selector(Kind.DATE, LocalDate.parse(t).toString());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("version selector '" + t + "' is not a valid date");
                }
            }
            if (COMMIT.matcher(t).matches()) {
                return new Selector(Kind.COMMIT, t);
            }
            throw new IllegalArgumentException("version selector '" + t
                    + "' is not a version id or ISO date (YYYY-MM-DD), a source commit (7+ hex characters) or 'latest'");
        }
    }

    /** The documented HTTP operations of this API version. */
    public List<DocumentedOperation> operations() {
        return api.operations();
    }

    /** The entity an {@code @odata.type} names: {@code #microsoft.graph.vppToken} (with or without {@code #}) is vppToken. */
    public Optional<String> entityForOdataType(String odataType) {
        if (odataType == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(api.odataTypes().get(normalizeOdataType(odataType)));
    }

    /** The odata types this API version knows, normalized ({@code microsoft.graph.vppToken}), to entity names. */
    public Map<String, String> odataTypes() {
        return api.odataTypes();
    }

    static String normalizeOdataType(String t) {
        String s = t.strip();
        return s.startsWith("#") ? s.substring(1) : s;
    }

    // ---------------------------------------------------------------- writing

    /** The relative file a schema version is written to: {@code beta/vppToken/create/2018-12-18.schema.json}. */
    public static String schemaFile(String apiVersion, SchemaVersion v) {
        return apiVersion + "/" + v.entity() + "/" + v.operation().id() + "/" + v.id() + ".schema.json";
    }

    /** This catalog's {@code catalog.json} content (every API version). */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("defaultApiVersion", apis.containsKey(DEFAULT_API_VERSION) ? DEFAULT_API_VERSION : apiVersion);
        ObjectNode apisNode = root.putObject("apiVersions");
        for (Map.Entry<String, Api> a : apis.entrySet()) {
            ObjectNode an = apisNode.putObject(a.getKey());
            ArrayNode vs = an.putArray("versions");
            for (Map<OperationKind, List<SchemaVersion>> m : a.getValue().entities().values()) {
                for (List<SchemaVersion> l : m.values()) {
                    for (SchemaVersion v : l) {
                        ObjectNode vn = vs.addObject();
                        vn.put("entity", v.entity());
                        vn.put("operation", v.operation().id());
                        vn.put("id", v.id());
                        vn.put("file", schemaFile(a.getKey(), v));
                        ArrayNode pages = vn.putArray("pages");
                        for (PageRef p : v.pages()) {
                            ObjectNode pn = pages.addObject();
                            pn.put("locale", p.locale());
                            pn.put("lastHandoff", p.lastHandoff() == null ? null : p.lastHandoff().toString());
                            pn.put("sourceCommit", p.sourceCommit());
                            pn.put("file", p.file());
                        }
                        ArrayNode changes = vn.putArray("changes");
                        for (SchemaChange c : v.changes()) {
                            ObjectNode cn = changes.addObject();
                            cn.put("kind", c.kind());
                            cn.put("path", c.path());
                            cn.put("detail", c.detail());
                            cn.put("breakingForSenders", c.breakingForSenders());
                        }
                    }
                }
            }
            ArrayNode ops = an.putArray("operations");
            for (DocumentedOperation o : a.getValue().operations()) {
                ObjectNode on = ops.addObject();
                on.put("method", o.method());
                on.put("path", o.pathTemplate());
                on.put("entity", o.entity());
                on.put("operation", o.operation().id());
            }
            ObjectNode types = an.putObject("odataTypes");
            a.getValue().odataTypes().forEach(types::put);
        }
        return root;
    }

    /**
     * Writes this catalog (every API version) into a folder: {@code catalog.json} and the schema files, pretty-printed
     * with a trailing newline so that the committed copy diffs well. The folder's previous catalog is replaced whole and
     * only its files are removed; a folder holding files graphlint did not write is refused (see {@link CatalogWriter}).
     */
    public void write(Path dir) throws IOException {
        CatalogWriter.replace(this, dir, false);
    }

    /** Catalog views of each API version, keyed by API version. */
    public Map<String, Catalog> byApiVersion() {
        Map<String, Catalog> m = new LinkedHashMap<>();
        for (String a : apis.keySet()) {
            m.put(a, forApiVersion(a));
        }
        return m;
    }
}
