package org.graphlint.schema;

import java.io.IOException;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
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
    /** The module's mapper, built on first use (reading the embedded catalog needs none). */
    static final LazyMapper JSON = new LazyMapper();

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

    // ---------------------------------------------------------------- loading (CatalogReader)

    /** The catalog built into the jar (cached; the first call reads its index, and schemas are read when asked for). */
    public static Catalog embedded() {
        Catalog c = embedded;
        if (c == null) {
            synchronized (Catalog.class) {
                c = embedded;
                if (c == null) {
                    c = CatalogReader.embedded();
                    embedded = c;
                }
            }
        }
        return c;
    }

    /** Reads a folder written by {@code graphlint schemas build --out DIR}; throws a one-line {@link CatalogException}. */
    public static Catalog load(Path dir) {
        return CatalogReader.load(dir);
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
        return CatalogJson.catalogJson(apis, apiVersion);
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
