package org.graphlint.validate;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContextCustomizer;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.DocumentedOperation;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import tools.jackson.databind.JsonNode;

/**
 * Checks Graph request payloads against a schema version of a {@link Catalog}: the library behind
 * {@code graphlint validate}. Immutable and thread-safe; compiled schemas are cached, so keep one instance and share it.
 *
 * <pre>{@code
 * PayloadValidator v = PayloadValidator.embedded();
 * Target t = v.target("vppToken", OperationKind.CREATE, "2020-04-14");
 * FileReport r = v.validate(t, Files.readString(Path.of("token.json")));
 * r.findings().forEach(f -> System.out.println(f.line() + ":" + f.column() + " " + f.rule() + " " + f.message()));
 * }</pre>
 */
public final class PayloadValidator {

    /** Findings in file order: request, line, column (unknown positions last within a request). */
    static final java.util.Comparator<Finding> FILE_ORDER = java.util.Comparator.comparingInt(Finding::request)
            .thenComparingInt(f -> f.line() == 0 ? Integer.MAX_VALUE : f.line())
            .thenComparingInt(Finding::column);

    private final Catalog catalog;
    /** networknt's registry, made on first use: a run whose bodies the pre-check proves valid never needs it. */
    private volatile SchemaRegistry registry;
    private final SchemaRegistryConfig config;
    private final ConcurrentHashMap<String, Schema> compiled = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, QuickCheck> quick = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> targets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> readOnly = new ConcurrentHashMap<>();

    private PayloadValidator(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.config = Formats.CONFIG;
    }

    private SchemaRegistry registry() {
        SchemaRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    r = Formats.registry();
                    registry = r;
                }
            }
        }
        return r;
    }

    private static volatile PayloadValidator embedded;

    /**
     * The validator over the catalog built into the jar: one shared instance (it is thread-safe), so that its compiled
     * schemas are reused and a caller can start loading it early on another thread.
     */
    public static PayloadValidator embedded() {
        PayloadValidator v = embedded;
        if (v == null) {
            synchronized (PayloadValidator.class) {
                v = embedded;
                if (v == null) {
                    v = new PayloadValidator(Catalog.embedded());
                    embedded = v;
                }
            }
        }
        return v;
    }

    /** A validator over any catalog. */
    public static PayloadValidator of(Catalog catalog) {
        return new PayloadValidator(catalog);
    }

    /** A validator over a catalog folder written by {@code graphlint schemas build --out DIR}. */
    public static PayloadValidator load(Path catalogDir) {
        return new PayloadValidator(Catalog.load(catalogDir));
    }

    public Catalog catalog() {
        return catalog;
    }

    // ------------------------------------------------------------------ targets

    /**
     * The schema version a selector picks for an entity and operation, in the catalog's default API version.
     *
     * @throws IllegalArgumentException (one-line message) for an unknown entity or operation, a malformed selector, or
     *                                  a selector that matches no version
     */
    public Target target(String entity, OperationKind operation, String selector) {
        Object t = resolve(catalog, entity, operation, selector == null ? "latest" : selector);
        if (t instanceof Finding f) {
            throw new IllegalArgumentException(f.message());
        }
        return (Target) t;
    }

    /** The most target look-ups kept: selectors are caller strings (any date is one), so the cache is bounded. */
    static final int MAX_CACHED_TARGETS = 1024;

    /**
     * A target, or an INPUT finding saying why there is none. Found targets are cached (at most
     * {@link #MAX_CACHED_TARGETS}); failed look-ups are not, as their keys are whatever a caller sent (5,000 unknown
     * 100 KB names once held 1 GB).
     */
    private Object resolve(Catalog cat, String entity, OperationKind op, String selector) {
        String key = cat.apiVersion() + '\u0000' + entity + '\u0000' + op + '\u0000' + selector;
        Object hit = targets.get(key);
        if (hit != null) {
            return hit;
        }
        Object r = lookUp(cat, entity, op, selector);
        if (r instanceof Target) {
            if (targets.size() >= MAX_CACHED_TARGETS) {
                targets.clear();
            }
            targets.putIfAbsent(key, r);
        }
        return r;
    }

    int cachedTargets() {
        return targets.size();
    }

    private Object lookUp(Catalog cat, String entity, OperationKind op, String selector) {
        if (!cat.entities().contains(entity)) {
            List<String> near = Suggest.nearest(entity, cat.entities());
            return SourceText.input(1, 1, "unknown-entity", "no schemas for entity '" + printable(HttpFile.abbreviate(entity)) + "' in the "
                    + cat.apiVersion() + " catalog" + (near.isEmpty() ? "; known: " + Suggest.list(cat.entities(), 12)
                    : "; did you mean " + Suggest.orList(near) + "?"));
        }
        List<SchemaVersion> vs = cat.versions(entity, op);
        if (vs.isEmpty()) {
            return SourceText.input(1, 1, "unknown-operation", "entity '" + entity + "' has no " + op.id()
                    + " schema; it has: " + kinds(cat, entity));
        }
        Optional<SchemaVersion> v;
        try {
            v = cat.select(entity, op, selector);
        } catch (IllegalArgumentException e) {
            return SourceText.input(1, 1, "version", e.getMessage());
        }
        if (v.isEmpty()) {
            return SourceText.input(1, 1, "version", "no " + entity + " " + op.id() + " schema version matches '"
                    + printable(HttpFile.abbreviate(selector)) + "': versions are " + ids(vs) + " (a date selects the newest version not after it)");
        }
        return new Target(v.get(), selector, cat.apiVersion());
    }

    private static String kinds(Catalog cat, String entity) {
        List<String> l = new ArrayList<>();
        cat.operationKinds(entity).forEach(k -> l.add(k.id()));
        return String.join(", ", l);
    }

    private static String orIds(Set<OperationKind> kinds) {
        List<String> l = new ArrayList<>();
        kinds.forEach(k -> l.add(k.id()));
        return l.size() < 2 ? String.join("", l)
                : String.join(", ", l.subList(0, l.size() - 1)) + " or " + l.get(l.size() - 1);
    }

    private static String ids(List<SchemaVersion> vs) {
        List<String> l = new ArrayList<>();
        vs.forEach(v -> l.add(v.id()));
        return String.join(", ", l);
    }

    /** The compiled networknt schema of a target (compiled once, then cached). */
    public Schema schema(Target t) {
        return schema(t.apiVersion(), t.version());
    }

    private Schema schema(String api, SchemaVersion v) {
        String key = api + '/' + v.entity() + '/' + v.operation().id() + '/' + v.id();
        Schema s = compiled.get(key);
        if (s == null) {
            s = compiled.computeIfAbsent(key, k -> {
                String badType = invalidType(v.schema(), "");
                if (badType != null) {
                    // networknt compiles an unknown type name and then words every value as "expected unknown".
                    throw new SchemaFaultException("the schema " + Catalog.schemaFile(api, v) + " cannot be used: "
                            + badType + "; fix the catalog", null);
                }
                try {
                    Schema c = registry().getSchema(SchemaLocation.of("urn:graphlint:" + k.replace('/', ':')), v.schema());
                    c.initializeValidators();
                    return c;
                } catch (RuntimeException e) {
                    throw schemaFault(api, v, e);
                }
            });
        }
        return s;
    }

    private static final Set<String> JSON_TYPES = Set.of("null", "boolean", "object", "array", "number", "string",
            "integer");
    /** Keywords whose value is one subschema. */
    private static final Set<String> ONE_SCHEMA = Set.of("items", "additionalProperties", "unevaluatedProperties",
            "unevaluatedItems", "not", "if", "then", "else", "contains", "propertyNames", "additionalItems");
    /** Keywords whose value is a list of subschemas. */
    private static final Set<String> SCHEMA_LIST = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    /** Keywords whose value maps names to subschemas. */
    private static final Set<String> SCHEMA_MAP = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas");

    /**
     * Where a schema names a type JSON Schema does not have ({@code "type": "strang"}), worded with its JSON pointer;
     * null when every {@code type} is one of the seven.
     */
    static String invalidType(JsonNode schema, String at) {
        if (schema == null || !schema.isObject()) {
            return null;
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            List<JsonNode> names = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(names::add);
            } else {
                names.add(type);
            }
            for (JsonNode n : names) {
                if (!n.isString() || !JSON_TYPES.contains(n.asString())) {
                    return "at " + (at.isEmpty() ? "the root" : at) + ", \"type\" is " + abbreviated(n.toString())
                            + ", which is not a JSON Schema type (null, boolean, object, array, number, string or integer)";
                }
            }
        }
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            String k = e.getKey();
            JsonNode x = e.getValue();
            String here = at + "/" + escape(k);
            String found = null;
            if (ONE_SCHEMA.contains(k)) {
                found = invalidType(x, here);
            } else if (SCHEMA_LIST.contains(k) && x.isArray()) {
                for (int i = 0; i < x.size() && found == null; i++) {
                    found = invalidType(x.get(i), here + "/" + i);
                }
            } else if (SCHEMA_MAP.contains(k) && x.isObject()) {
                for (Map.Entry<String, JsonNode> p : x.properties()) {
                    found = invalidType(p.getValue(), here + "/" + escape(p.getKey()));
                    if (found != null) {
                        break;
                    }
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String abbreviated(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** A schema of the catalog that cannot be used; the message is one line naming the schema file and the fault. */
    static final class SchemaFaultException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SchemaFaultException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static SchemaFaultException schemaFault(String api, SchemaVersion v, Throwable e) {
        if (e instanceof SchemaFaultException f) {
            return f;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why;
        if (root instanceof java.util.regex.PatternSyntaxException p) {
            why = "an invalid pattern `" + p.getPattern() + "` (" + p.getDescription() + ")";
        } else if (root instanceof IOException || String.valueOf(e.getMessage()).matches("(?s).*(https?:|file:).*")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("((?:https?|file):[^\\s,;)]+)")
                    .matcher(String.valueOf(root.getMessage()) + " " + e.getMessage());
            why = "a $ref to " + (m.find() ? m.group(1) : "another document")
                    + ", which graphlint does not fetch (a catalog must be self-contained)";
        } else {
            why = oneLine(root);
        }
        return new SchemaFaultException("the schema " + Catalog.schemaFile(api, v) + " cannot be used: " + why, e);
    }

    /**
     * Compiles what checking against a target needs, ahead of the first body (optional: it is otherwise done on first
     * use). The networknt schema itself is compiled only when a body needs it (a body the pre-check cannot prove valid),
     * or here when the pre-check does not cover the schema.
     */
    public void prepare(Target t) {
        if (quickCheck(t).unsupported() != null) {
            schema(t);
        }
    }

    /** The pre-check of a target's schema (compiled once, then cached); see {@link QuickCheck}. */
    QuickCheck quickCheck(Target t) {
        String key = t.apiVersion() + '/' + t.version().entity() + '/' + t.version().operation().id() + '/' + t.version().id();
        QuickCheck q = quick.get(key);
        if (q == null) {
            q = quick.computeIfAbsent(key, k -> QuickCheck.compile(t.version().schema(), config.getRegularExpressionFactory() != null
                    ? config.getRegularExpressionFactory() : JDKRegularExpressionFactory.getInstance()));
        }
        return q;
    }

    // ------------------------------------------------------------------ validation entry points

    /**
     * Checks a parsed body against a target. Findings carry pointer, rule and message; line and column are 0 (there
     * is no source text) and {@code file} is null.
     */
    public List<Finding> validate(Target target, JsonNode payload) {
        return explain(target, payload);
    }

    /** Checks a JSON body given as text; findings carry line and column. {@code file} is {@code <string>}. */
    public FileReport validate(Target target, String json) {
        return validateText("<string>", json, false, target, ValidateOptions.defaults());
    }

    /** Checks a fixture file ({@code .http}/{@code .rest} or JSON), choosing the schema from the file, latest version. */
    public FileReport validateFile(Path file) {
        return validateFile(file, file.toString(), ValidateOptions.defaults());
    }

    /** Checks a fixture file with the given options. */
    public FileReport validateFile(Path file, ValidateOptions options) {
        return validateFile(file, file.toString(), options);
    }

    /**
     * Checks a fixture file, naming it {@code name} in findings. Never throws for bad input: a file that cannot be
     * read, is too large, is not UTF-8 or not JSON gives an {@link Category#INPUT} finding.
     */
    public FileReport validateFile(Path file, String name, ValidateOptions options) {
        Object read = readFixture(file, options);
        if (read instanceof Finding f) {
            return single(name, f);
        }
        byte[] bytes = (byte[]) read;
        if (!isHttp(name) && SourceText.isAscii(bytes)) {
            // The common case: plain ASCII JSON. Parsed straight from the bytes (no decoding, no char copy); any
            // problem is left to the text path below, which words it.
            SourceText.Parsed p = SourceText.parseAscii(bytes);
            if (p != null) {
                List<Finding> out = new ArrayList<>();
                List<Target> used = new ArrayList<>(1);
                byte[] b = bytes;
                checkParsed(p, () -> new String(b, StandardCharsets.ISO_8859_1), 0, 0, catalog, Routing.fileName(name),
                        options.operation() == null ? operationInName(name) : null, null, options, out, used);
                return report(name, out, used, 1);
            }
        }
        SourceText.Decoded d = SourceText.decode(bytes);
        if (d.problem() != null) {
            return single(name, d.problem());
        }
        FileReport r = validateText(name, d.text(), isHttp(name), null, options, file.toAbsolutePath().getParent());
        if (d.bom()) {
            List<Finding> fs = new ArrayList<>();
            fs.add(new Finding(name, 0, 1, 1, null, "bom", Severity.WARNING, Category.INPUT,
                    "the file starts with a UTF-8 byte-order mark; JSON text must not (RFC 8259 section 8.1), graphlint ignored it",
                    null));
            fs.addAll(r.findings());
            r = new FileReport(r.file(), r.targets(), fs, r.requests());
        }
        return r;
    }

    /**
     * A fixture's bytes, or the finding (without file name) that says why they were not read: one open, one fstat, one
     * read, since a CI run over thousands of fixtures pays per system call.
     */
    static Object readFixture(Path file, ValidateOptions options) {
        try {
            // Only regular files (a FIFO hung the run), and --max-size enforced while reading, not only on the size
            // the file system reports.
            return org.graphlint.parser.RegularFile.read(file, options.maxBytes());
        } catch (org.graphlint.parser.RegularFile.TooLargeException e) {
            return SourceText.input(1, 1, "too-large", (e.size() >= 0 ? "the file is " + bytesText(e.size()) + ", over"
                    : "the file is over") + " the " + bytesText(options.maxBytes())
                    + " limit for a fixture (--max-size); it was not read");
        } catch (org.graphlint.parser.RegularFile.NotRegularFileException e) {
            return SourceText.input(0, 0, "unreadable", e.getMessage());
        } catch (NoSuchFileException e) {
            return SourceText.input(0, 0, "unreadable", "no such file");
        } catch (AccessDeniedException e) {
            return SourceText.input(0, 0, "unreadable", "permission denied");
        } catch (IOException | OutOfMemoryError e) {
            return SourceText.input(0, 0, "unreadable", "cannot read: " + oneLine(e));
        }
    }

    private static final java.util.regex.Pattern OPERATION_WORD =
            java.util.regex.Pattern.compile("(?:^|[-_.])(create|update|resource)(?=[-_.]|$)");

    /**
     * The operation a JSON fixture's file name states as a word ({@code create-valid.json},
     * {@code vppToken-update-2021.json}, {@code token.resource.json}); null when it states none or several.
     */
    static OperationKind operationInName(String name) {
        if (name == null) {
            return null;
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String base = name.substring(slash + 1).toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = OPERATION_WORD.matcher(base);
        OperationKind found = null;
        while (m.find()) {
            OperationKind k = OperationKind.fromId(m.group(1));
            if (found != null && found != k) {
                return null;
            }
            found = k;
        }
        return found;
    }

    /** True for names that are HTTP-client files ({@code .http}, {@code .rest}). */
    public static boolean isHttp(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".http") || n.endsWith(".rest");
    }

    /**
     * Checks fixture text already in memory: a JSON body, or ({@code http == true}) a {@code .http} file. With a non-null
     * {@code target} every body is checked against it; otherwise the target comes from the request line,
     * {@code @odata.type} and {@code options}.
     */
    public FileReport validateText(String name, String text, boolean http, Target target, ValidateOptions options) {
        return validateText(name, text, http, target, options, null);
    }

    /** As above; {@code baseDir} resolves {@code < file} bodies of a .http file (null: the working directory). */
    private FileReport validateText(String name, String text, boolean http, Target target, ValidateOptions options,
            Path baseDir) {
        List<Finding> out = new ArrayList<>();
        List<Target> used = new ArrayList<>();
        int requests = 1;
        if (text.startsWith("\uFEFF")) {
            text = ' ' + text.substring(1);
        }
        if (http) {
            List<HttpFile.Request> reqs = HttpFile.parse(HttpVariables.apply(text, options.variables(), out));
            requests = reqs.size();
            if (reqs.isEmpty()) {
                out.add(SourceText.input(1, 1, "empty", "no request in this .http file (expected 'METHOD URL', headers, a blank line, a JSON body)"));
            }
            for (HttpFile.Request r : reqs) {
                checkRequest(r, target, options, baseDir, out, used);
            }
        } else {
            checkBody(text, 0, 0, catalog, Routing.fileName(name), options.operation() == null ? operationInName(name) : null, target,
                    options, out, used);
        }
        return report(name, out, used, requests);
    }

    /** A file's findings, named and in file order. */
    private static FileReport report(String name, List<Finding> out, List<Target> used, int requests) {
        if (out.isEmpty()) {
            return new FileReport(name, used, List.of(), requests);
        }
        List<Finding> named = new ArrayList<>(out.size());
        for (Finding f : out) {
            named.add(f.in(name, f.request()));
        }
        if (named.size() > 1) {
            named.sort(FILE_ORDER);
        }
        if (named.size() > MAX_FINDINGS + 1) {
            // Several bodies (an .http file): the fixture's report is capped as one body's is.
            long more = 0;
            for (Finding f : named.subList(MAX_FINDINGS, named.size())) {
                more += f.rule().equals("findings-capped") ? countIn(f.message()) : 1;
            }
            List<Finding> kept = new ArrayList<>(named.subList(0, MAX_FINDINGS));
            kept.add(capped(more, null).in(name, 0));
            named = kept;
        }
        return new FileReport(name, used, named, requests);
    }

    private static long countIn(String cappedMessage) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("and ([\\d,]+) more").matcher(cappedMessage);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 1;
    }

    private static FileReport single(String name, Finding f) {
        return new FileReport(name, List.of(), List.of(f.in(name, 0)), 0);
    }

    // ------------------------------------------------------------------ .http requests

    private void checkRequest(HttpFile.Request r, Target forced, ValidateOptions o, Path baseDir, List<Finding> out,
            List<Target> used) {
        int idx = r.index();
        if (r.problem() != null) {
            out.add(r.problem().in(null, idx));
            return;
        }
        Catalog cat = catalogFor(r.url());
        RequestRouter.Route route = router(cat).route(r.method(), r.url());
        Routing.Decision d = Routing.decide(route, cat, r.method(), r.hasBody());
        if (d.finding() != null) {
            out.add(d.finding().in(null, idx).at(r.line(), 1));
        }
        if (!r.hasBody() || d.skipBody()) {
            return;
        }
        if (d.reference() != null) {
            forced = forced != null ? forced : new Target(d.reference(), "builtin", cat.apiVersion());
        }
        DocumentedOperation op = route.operation();
        HttpFile.Header ct = r.header("Content-Type");
        if (ct == null) {
            out.add(new Finding(null, idx, r.line(), 1, null, "http-content-type", Severity.ERROR, Category.HTTP,
                    "the request has a body but no Content-Type header; add 'Content-Type: application/json'", null));
        } else if (!isJson(ct.value())) {
            out.add(new Finding(null, idx, ct.line(), ct.name().length() + 3, null, "http-content-type", Severity.ERROR,
                    Category.HTTP, "Content-Type is '" + ct.value() + "'; Graph expects application/json for this body", null));
        }
        String entity = op == null ? null : op.entity();
        OperationKind kind = op == null ? null : op.operation();
        String include = HttpFile.bodyFile(r.body());
        if (include != null && include.isEmpty()) {
            out.add(new Finding(null, idx, r.bodyLine(), 1, null, "http-body-file", Severity.ERROR, Category.INPUT,
                    "the body line '<' names no file: write '< ./body.json' (a path relative to this .http file)", null));
            return;
        }
        if (include != null) {
            checkBodyFile(r, include, baseDir, cat, entity, kind, forced, o, out, used);
            return;
        }
        checkContentLength(r, r.body().getBytes(StandardCharsets.UTF_8).length, out);
        checkBody(r.body(), r.bodyLine() - 1, idx, cat, entity, kind, forced, o, out, used);
    }

    private static void checkContentLength(HttpFile.Request r, long actual, List<Finding> out) {
        HttpFile.Header cl = r.header("Content-Length");
        if (cl != null) {
            String declared = cl.value().strip();
            boolean ok;
            try {
                ok = Long.parseLong(declared) == actual;
            } catch (NumberFormatException e) {
                ok = false;
            }
            if (!ok) {
                out.add(new Finding(null, r.index(), cl.line(), cl.name().length() + 3, null, "http-content-length",
                        Severity.WARNING, Category.HTTP, "Content-Length says " + declared + " but the body is " + actual
                        + " bytes (UTF-8); fix the header or drop it (HTTP clients compute it)", null));
            }
        }
    }

    /**
     * A body the HTTP client reads from a file ({@code < ./body.json}, resolved against the .http file's folder). Its
     * findings are placed on the {@code <} line, with the body file's own line and column in the message, so that
     * every report points into the fixture it names.
     */
    private void checkBodyFile(HttpFile.Request r, String include, Path baseDir, Catalog cat, String entity,
            OperationKind kind, Target forced, ValidateOptions o, List<Finding> out, List<Target> used) {
        int idx = r.index();
        int line = r.bodyLine();
        Object read;
        try {
            Path file = baseDir == null ? Path.of(include) : baseDir.resolve(include);
            String outside = o.allowOutside() ? null : outsideRoot(file, o.bodyRoot() != null ? o.bodyRoot()
                    : baseDir != null ? baseDir : Path.of(""));
            read = outside != null ? SourceText.input(0, 0, "unreadable", outside) : readFixture(file, o);
        } catch (java.nio.file.InvalidPathException e) {
            read = SourceText.input(0, 0, "unreadable", "not a file path");
        }
        SourceText.Decoded d = read instanceof byte[] b ? SourceText.decode(b) : null;
        Finding problem = read instanceof Finding f ? f : d.problem();
        if (problem != null) {
            out.add(new Finding(null, idx, line, 1, null, "http-body-file", Severity.ERROR, Category.INPUT,
                    "the body file " + printable(include) + (problem.line() > 0 ? " (" + problem.line() + ":" + problem.column() + ")" : "")
                    + ": " + problem.message(), null));
            return;
        }
        checkContentLength(r, ((byte[]) read).length, out);
        if (d.bom()) {
            out.add(new Finding(null, idx, line, 1, null, "bom", Severity.WARNING, Category.INPUT, "the body file "
                    + printable(include) + " starts with a UTF-8 byte-order mark; JSON text must not, graphlint ignored it", null));
        }
        List<Finding> inner = new ArrayList<>();
        checkBody(d.text(), 0, idx, cat, entity, kind, forced, o, inner, used);
        for (Finding f : inner) {
            String where = f.line() > 0 ? printable(include) + ":" + f.line() + ":" + f.column() : printable(include);
            out.add(new Finding(null, idx, line, 1, f.pointer(), f.rule(), f.severity(), f.category(),
                    "in " + where + ": " + f.message(), f.target()));
        }
    }

    /**
     * Why a body file may not be read: it resolves (symbolic links followed) outside the fixture root. Null when it is
     * inside, or does not exist (then reading it says so).
     */
    private static String outsideRoot(Path file, Path root) {
        Path r = root.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        try {
            r = r.toRealPath();
        } catch (IOException e) {
            // the root as written
        }
        try {
            f = f.toRealPath();
        } catch (IOException e) {
            // a missing file: judged as written, and reported as missing if inside
        }
        if (f.startsWith(r)) {
            return null;
        }
        return "resolves outside the fixture folder " + root + "; not read (body files are read only inside the"
                + " folder given to validate; add --allow-outside to read it)";
    }

    /** A path as it may be printed: control characters (a NUL, an escape) as \\uXXXX, never raw into a terminal or log. */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isJson(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) {
            t = t.substring(0, semi);
        }
        t = t.strip();
        return t.equals("application/json") || (t.startsWith("application/") && t.endsWith("+json"));
    }

    /** The path of a request URL without scheme, host, {{variables}}, API version prefix and query. */
    static String pathOf(String url) {
        return DocumentedOperation.requestPath(url);
    }

    Catalog catalogFor(String url) {
        String api = RequestRouter.apiVersionOf(url);
        return api != null && !api.equals(catalog.apiVersion()) && catalog.apiVersions().contains(api)
                ? catalog.forApiVersion(api) : catalog;
    }

    private final ConcurrentHashMap<String, RequestRouter> routers = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, Map<String, String>> entityNames = new ConcurrentHashMap<>();

    /** Lower-case entity name to entity, for one API version (built on first use). */
    private Map<String, String> entityNames(Catalog cat) {
        return entityNames.computeIfAbsent(cat.apiVersion(), k -> {
            Map<String, String> m = new java.util.HashMap<>();
            for (String e : cat.entities()) {
                m.put(e.toLowerCase(Locale.ROOT), e);
            }
            return m;
        });
    }

    /** The request router of one API version of the catalog (built on first use). */
    RequestRouter router(Catalog cat) {
        return routers.computeIfAbsent(cat.apiVersion(), k -> RequestRouter.of(cat));
    }

    // ------------------------------------------------------------------ bodies

    private void checkBody(String body, int lineShift, int request, Catalog cat, String entityHint, OperationKind opHint,
            Target forced, ValidateOptions o, List<Finding> out, List<Target> used) {
        SourceText.Parsed p = SourceText.parse(body);
        if (p.problem() != null) {
            out.add(p.problem().in(null, request).shifted(lineShift));
            return;
        }
        checkParsed(p, () -> body, lineShift, request, cat, entityHint, opHint, forced, o, out, used);
    }

    /** A parsed body against its target; the source text is only asked for when there are findings to place. */
    private void checkParsed(SourceText.Parsed p, java.util.function.Supplier<String> source, int lineShift, int request,
            Catalog cat, String entityHint, OperationKind opHint, Target forced, ValidateOptions o, List<Finding> out,
            List<Target> used) {
        Target t = forced;
        if (t == null) {
            Object r = chooseTarget(cat, p.node(), entityHint, opHint, o);
            if (r instanceof Finding f) {
                out.add(f.in(null, request).at(1 + lineShift, 1));
                return;
            }
            t = (Target) r;
        }
        used.add(t);
        List<Finding> fs = explain(t, p.node());
        if (fs.isEmpty()) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        for (Finding f : fs) {
            if (f.pointer() != null) {
                wanted.add(f.pointer());
                wanted.add(parent(f.pointer()));
            }
        }
        SourceText.Positions pos = SourceText.locate(source.get(), wanted);
        for (Finding f : fs) {
            int[] lc = null;
            if (f.pointer() != null) {
                boolean name = f.rule().equals("additionalProperties") || f.rule().equals("unevaluatedProperties");
                lc = name ? pos.name(f.pointer()) : pos.value(f.pointer());
                if (lc == null) {
                    lc = pos.value(f.pointer());
                }
                if (lc == null) {
                    lc = pos.value(parent(f.pointer()));
                }
            }
            Finding g = f.in(null, request);
            if (lc != null) {
                g = g.at(lc[0], lc[1]);
            }
            out.add(g.shifted(lineShift));
        }
    }

    private static String parent(String pointer) {
        int i = pointer.lastIndexOf('/');
        return i <= 0 ? "" : pointer.substring(0, i);
    }

    Object chooseTarget(Catalog cat, JsonNode node, String entityHint, OperationKind opHint, ValidateOptions o) {
        String fileName = Routing.isFileName(entityHint) ? Routing.fileNameOf(entityHint) : null;
        String entity = o.entity() != null ? o.entity() : fileName != null ? null : entityHint;
        OperationKind schemaOp = null;
        if (entity == null) {
            String[] attached = Routing.attachedSchema(node);
            if (attached != null && cat.entities().contains(attached[0])) {
                entity = attached[0];
                schemaOp = OperationKind.fromId(attached[1]);
            }
        }
        String odataType = null;
        if (entity == null && node.isObject()) {
            JsonNode ot = node.get("@odata.type");
            if (ot != null && ot.isString()) {
                odataType = ot.asString();
                entity = cat.entityForOdataType(odataType).orElse(null);
            }
        }
        if (entity == null && odataType == null && fileName != null) {
            entity = Routing.entityInName(fileName, entityNames(cat));
        }
        if (entity == null) {
            if (cat.entities().size() == 1 && odataType == null) {
                entity = cat.entities().iterator().next();
            } else {
                List<String> near = odataType == null ? List.of()
                        : Suggest.nearest(Routing.typeName(odataType), cat.entities());
                return SourceText.input(1, 1, "ambiguous-target", (odataType != null
                        ? "@odata.type '" + odataType + "' names no entity of the " + cat.apiVersion() + " catalog"
                        + (near.isEmpty() ? "" : " (did you mean " + Suggest.orList(near) + "?)")
                        : "cannot tell which entity this body is for (no request line, no @odata.type, no entity name in the file name)")
                        + ": add --entity NAME (" + Suggest.list(cat.entities(), 8) + ")");
            }
        }
        OperationKind op = o.operation() != null ? o.operation() : opHint != null ? opHint : schemaOp;
        if (op == null) {
            Set<OperationKind> kinds = cat.operationKinds(entity);
            if (kinds.size() == 1) {
                op = kinds.iterator().next();
            } else if (kinds.isEmpty()) {
                return resolve(cat, entity, OperationKind.CREATE, o.selector());
            } else {
                return SourceText.input(1, 1, "ambiguous-target", "cannot tell whether this " + entity
                        + " body is for " + orIds(kinds)
                        + ": add --operation create|update|resource, name the file like `x-create.json`, or use a .http fixture");
            }
        }
        return resolve(cat, entity, op, o.selector());
    }

    // ------------------------------------------------------------------ explaining errors

    /**
     * networknt's errors for a body, bounded: the first {@link #KEPT_ERRORS} are kept, the rest only counted. A body
     * with a million errors once held a million {@link Error}s (and their paths) per schema version it was run against,
     * and the collector's time grew faster than the body.
     */
    private static ErrorSink run(Schema s, JsonNode node) {
        ErrorSink sink = new ErrorSink(KEPT_ERRORS, null);
        s.validate(node, (ExecutionContextCustomizer) (ctx, schemaContext) -> ctx.setErrors(sink));
        return sink;
    }

    /** The most networknt errors kept per run: the findings cap plus room for duplicates. */
    static final int KEPT_ERRORS = 4 * 1000;

    /**
     * The error list networknt adds to during one run: keeps the first {@code keep} errors (or, with {@code wanted},
     * only the cross-version keys of {@link #key} in that set) and counts all of them. {@link #size()} is the count,
     * as networknt compares sizes before and after a subschema; only kept errors can be read back.
     */
    static final class ErrorSink extends java.util.AbstractList<Error> {
        private final int keep;
        private final Set<String> wanted;
        private final List<Error> kept = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private int count;

        ErrorSink(int keep, Set<String> wanted) {
            this.keep = keep;
            this.wanted = wanted;
        }

        @Override
        public boolean add(Error e) {
            count++;
            if (wanted != null) {
                String k = key(e);
                if (k != null && wanted.contains(k)) {
                    keys.add(k);
                }
            } else if (kept.size() < keep) {
                kept.add(e);
            }
            return true;
        }

        @Override
        public void add(int index, Error e) {
            add(e);
        }

        @Override
        public Error get(int index) {
            return kept.get(index);
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public java.util.Iterator<Error> iterator() {
            return kept.iterator();
        }

        @Override
        public void clear() {
            kept.clear();
            keys.clear();
            count = 0;
        }

        /** The errors kept, in the order networknt reported them. */
        List<Error> kept() {
            return kept;
        }

        /** With {@code wanted}: the wanted keys this run's errors have. */
        Set<String> keys() {
            return keys;
        }
    }

    private List<Finding> explain(Target t, JsonNode node) {
        node = Routing.withoutSchemaKeyword(node);
        if (quickCheck(t).certainlyValid(node)) {
            // Proven valid without networknt (most fixtures); networknt runs, and words the findings, for the rest.
            return readOnlyWarnings(t, node);
        }
        ErrorSink errors;
        try {
            errors = run(schema(t), node);
        } catch (RuntimeException e) {
            return List.of(new Finding(null, 0, 1, 1, "", "schema-fault", Severity.ERROR, Category.INPUT,
                    schemaFault(t.apiVersion(), t.version(), e).getMessage(), t));
        } catch (StackOverflowError e) {
            if (depth(node, 0) < SCHEMA_FAULT_DEPTH) {
                // A shallow body cannot exhaust the stack: the schema loops (a $ref that never reaches a keyword).
                return List.of(new Finding(null, 0, 1, 1, "", "schema-fault", Severity.ERROR, Category.INPUT,
                        "the schema " + Catalog.schemaFile(t.apiVersion(), t.version()) + " is at fault, not the body:"
                        + " validating against it never ends (a $ref loop that never reaches a keyword); fix the catalog", t));
            }
            return List.of(new Finding(null, 0, 1, 1, "", "nesting-depth", Severity.ERROR, Category.INPUT,
                    "the body nests too deeply to validate", t));
        }
        List<Finding> readOnly = readOnlyWarnings(t, node);
        if (errors.isEmpty()) {
            return readOnly;
        }
        List<Error> first = errors.kept();
        Set<String> wanted = new HashSet<>();
        for (Error x : first) {
            String k = key(x);
            if (k != null) {
                wanted.add(k);
            }
        }
        // A body with more errors than are kept is judged in the other versions only as far as its listed errors
        // reach: each array on the way to one is cut after the last item holding one (the items before keep their
        // indices, so the keys still match). The other versions' runs then cost what the listed part costs.
        Others others = new Others(t, errors.size() > first.size() ? prefix(node, first) : node, wanted);
        List<Finding> out = new ArrayList<>(Math.min(errors.size(), MAX_FINDINGS) + readOnly.size() + 1);
        out.addAll(readOnly);
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (; i < first.size() && out.size() < MAX_FINDINGS; i++) {
            Finding f = finding(t, first.get(i), node, others);
            if (seen.add(f.rule() + '\u0000' + f.pointer() + '\u0000' + f.message())) {
                out.add(f);
            }
        }
        if (i < errors.size()) {
            out.add(capped(errors.size() - i, t));
        }
        return out;
    }

    /**
     * The body with every array on the way to one of {@code errors}' instances cut after the last item such a way
     * passes through; nothing else changes, and the body itself is not modified.
     */
    static JsonNode prefix(JsonNode node, List<Error> errors) {
        Map<String, Integer> last = new java.util.HashMap<>();
        Set<String> ways = new HashSet<>();
        for (Error e : errors) {
            NodePath p = e.getInstanceLocation();
            if (p == null) {
                continue;
            }
            StringBuilder at = new StringBuilder();
            for (int i = 0; i < p.getNameCount(); i++) {
                ways.add(at.toString());
                Object el = p.getElement(i);
                if (el instanceof Number n) {
                    last.merge(at.toString(), n.intValue(), Math::max);
                    at.append('/').append(n);
                } else {
                    at.append('/').append(escape(String.valueOf(el)));
                }
            }
        }
        return last.isEmpty() ? node : cut(node, "", last, ways);
    }

    /** {@code n} (at pointer {@code at}) with its arrays cut after {@code last}; {@code ways}: the pointers on the way. */
    private static JsonNode cut(JsonNode n, String at, Map<String, Integer> last, Set<String> ways) {
        if (n.isArray()) {
            Integer max = last.get(at);
            if (max == null) {
                return n;
            }
            tools.jackson.databind.node.ArrayNode a = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i <= max && i < n.size(); i++) {
                a.add(cut(n.get(i), at + '/' + i, last, ways));
            }
            return a;
        }
        if (n.isObject()) {
            if (!ways.contains(at)) {
                return n;
            }
            tools.jackson.databind.node.ObjectNode o = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                o.set(e.getKey(), cut(e.getValue(), at + '/' + escape(e.getKey()), last, ways));
            }
            return o;
        }
        return n;
    }

    /** The rule of a value that equals an enum member but for letter case (a warning: the service accepts it). */
    static final String ENUM_CASE = "enum-case";

    /** A body shallower than this cannot overflow the stack by itself: an overflow then is the schema's fault. */
    static final int SCHEMA_FAULT_DEPTH = 64;

    /** The nesting depth of a value, counted up to {@code SCHEMA_FAULT_DEPTH}. */
    private static int depth(JsonNode n, int d) {
        if (d >= SCHEMA_FAULT_DEPTH || !n.isContainer()) {
            return d;
        }
        int max = d + 1;
        for (JsonNode c : n) {
            max = Math.max(max, depth(c, d + 1));
            if (max >= SCHEMA_FAULT_DEPTH) {
                break;
            }
        }
        return max;
    }

    /**
     * The most findings listed for one body (and one fixture); the rest are counted in one last finding. A body with a
     * million errors is then worded in a second, and a report stays readable.
     */
    public static final int MAX_FINDINGS = 1000;

    private static Finding capped(long more, Target t) {
        return new Finding(null, 0, 0, 0, null, "findings-capped", Severity.ERROR, Category.SCHEMA, String.format(
                Locale.ROOT, "and %,d more errors not listed: graphlint lists the first %,d findings of a body", more,
                MAX_FINDINGS), t);
    }

    /**
     * Read-only properties (id, audit dates) in a create or update body: allowed by the schemas (the docs list them and
     * the service ignores them) but worth a warning, since the value sent is thrown away.
     */
    private List<Finding> readOnlyWarnings(Target t, JsonNode node) {
        if (t.operation() == OperationKind.RESOURCE || !node.isObject()) {
            return List.of();
        }
        Set<String> ro = readOnly.computeIfAbsent(t.apiVersion() + '/' + t.label(), k -> {
            Set<String> names = new LinkedHashSet<>();
            t.version().schema().path("properties").properties().forEach(e -> {
                if (e.getValue().path("readOnly").asBoolean(false)) {
                    names.add(e.getKey());
                }
            });
            return names;
        });
        if (ro.isEmpty()) {
            return List.of();
        }
        List<Finding> out = null;
        for (String name : ro) { // a handful of read-only names, not every property of the body
            if (node.has(name)) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(new Finding(null, 0, 0, 0, "/" + escape(name), "readOnly", Severity.WARNING, Category.SCHEMA,
                        "`" + name + "` is read-only: the service sets it and ignores the value sent in "
                        + (t.operation() == OperationKind.UPDATE ? "an update" : "a create") + " body", t));
            }
        }
        return out == null ? List.of() : out;
    }

    /** Lazily validates the same body against the other versions of the target's entity and operation. */
    private final class Others {
        final Target target;
        final JsonNode node;
        final List<SchemaVersion> versions;
        final int index;
        /** Per other version: the keys of its errors (see {@link #key}), so a finding is looked up, not searched for. */
        final Map<String, Set<String>> results = new LinkedHashMap<>();

        /** The keys the findings may ask about: only these are kept from the other versions' runs. */
        final Set<String> wanted;

        Others(Target target, JsonNode node, Set<String> wanted) {
            this.target = target;
            this.node = node;
            this.wanted = wanted;
            Catalog cat = catalog.forApiVersion(target.apiVersion());
            this.versions = cat.versions(target.entity(), target.operation());
            int idx = -1;
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i).id().equals(target.versionId())) {
                    idx = i;
                }
            }
            this.index = idx;
        }

        Set<String> errors(SchemaVersion v) {
            return results.computeIfAbsent(v.id(), id -> {
                if (quickCheck(new Target(v, target.selector(), target.apiVersion())).certainlyValid(node)) {
                    return Set.of(); // valid there: no need to compile or run networknt for that version
                }
                ErrorSink sink = new ErrorSink(0, wanted);
                try {
                    schema(target.apiVersion(), v).validate(node,
                            (ExecutionContextCustomizer) (ctx, schemaContext) -> ctx.setErrors(sink));
                } catch (StackOverflowError e) {
                    return Set.of();
                }
                return sink.keys();
            });
        }

        /** "is valid from version X; you selected Y", "was valid until version X; ..." or null. */
        String note(String key, String validWord) {
            if (index < 0) {
                return null;
            }
            for (int i = index + 1; i < versions.size(); i++) {
                if (!errors(versions.get(i)).contains(key)) {
                    return validWord + " from version " + versions.get(i).id() + "; you selected " + target.selectedText();
                }
            }
            for (int i = index - 1; i >= 0; i--) {
                if (!errors(versions.get(i)).contains(key)) {
                    return validWord + " up to version " + versions.get(i).id() + " and removed in "
                            + versions.get(i + 1).id() + "; you selected " + target.selectedText();
                }
            }
            return null;
        }
    }

    /**
     * What makes two versions' errors "the same" for a cross-version note: the same unknown property at the same place,
     * or a value outside the enum (or const) at the same place. Null for other keywords.
     */
    static String key(Error x) {
        String kw = x.getKeyword();
        if ("additionalProperties".equals(kw) || "unevaluatedProperties".equals(kw)) {
            return unknownKey(kw, pointer(x.getInstanceLocation()), propertyOf(x));
        }
        if ("enum".equals(kw) || "const".equals(kw)) {
            return enumKey(pointer(x.getInstanceLocation()));
        }
        return null;
    }

    private static String propertyOf(Error e) {
        return e.getProperty() != null ? e.getProperty()
                : e.getArguments() != null && e.getArguments().length > 0 ? String.valueOf(e.getArguments()[0]) : null;
    }

    private static String unknownKey(String keyword, String at, String prop) {
        return keyword + '\u0000' + at + '\u0000' + prop;
    }

    private static String enumKey(String at) {
        return "enum\u0000" + at;
    }

    private Finding finding(Target t, Error e, JsonNode root, Others others) {
        String at = pointer(e.getInstanceLocation());
        String keyword = e.getKeyword() == null ? "schema" : e.getKeyword();
        JsonNode value = root.at(at.isEmpty() ? "" : at);
        String message;
        String ptr = at;
        switch (keyword) {
            case "additionalProperties", "unevaluatedProperties" -> {
                String prop = String.valueOf(propertyOf(e));
                ptr = at + "/" + escape(prop);
                String note = others.note(unknownKey(keyword, at, prop), "is documented");
                List<String> known = knownProperties(t, e);
                List<String> near = Suggest.nearest(prop, known);
                if (note != null) {
                    message = "`" + prop + "` " + note;
                } else {
                    message = "unknown property `" + prop + "`" + (near.isEmpty()
                            ? (known.isEmpty() ? "" : "; known properties: " + Suggest.list(known, 25))
                            : "; did you mean " + Suggest.orList(near) + "?");
                }
            }
            case "enum" -> {
                List<String> allowed = new ArrayList<>();
                JsonNode en = e.getSchemaNode();
                if (en != null && en.isArray()) {
                    en.forEach(x -> allowed.add(x.isString() ? x.asString() : x.toString()));
                }
                String shown = show(value);
                if (value.isString()) {
                    // The docs' own examples write "Text" and "Low" where the enum page says text, low, and the
                    // service accepts both: a value equal to a member but for letter case is a warning, not an error.
                    String v = value.asString();
                    for (String a : allowed) {
                        if (!a.equals(v) && a.equalsIgnoreCase(v)) {
                            return new Finding(null, 0, 0, 0, ptr, ENUM_CASE, Severity.WARNING, Category.SCHEMA,
                                    shown + " differs from the documented value `" + a + "` only in letter case; the"
                                    + " service accepts it, but write `" + a + "`", t);
                        }
                    }
                }
                String note = others.note(enumKey(at), "is valid");
                String allowedText = "allowed in " + t.versionId() + ": " + Suggest.list(allowed, 30);
                if (note != null) {
                    message = shown + " " + note + " (" + allowedText + ")";
                } else {
                    List<String> near = value.isString() ? Suggest.nearest(value.asString(), allowed) : List.of();
                    message = shown + " is not an allowed value" + "; " + allowedText
                            + (near.isEmpty() ? "" : "; did you mean " + Suggest.orList(near) + "?");
                }
            }
            case "type" -> {
                Object[] a = e.getArguments();
                String found = a != null && a.length > 0 ? String.valueOf(a[0]) : typeOf(value);
                String expected = a != null && a.length > 1 ? String.valueOf(a[1]) : "another type";
                if (expected.startsWith("[") && expected.endsWith("]")) {
                    expected = expected.substring(1, expected.length() - 1).replace(", ", " or ");
                }
                message = value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())
                        ? "a number too large: " + show(value).replace("Infinity", "beyond ±1.8e308")
                            + " is outside the range of a JSON number any Graph client reads (expected " + expected + ")"
                        : "expected " + expected + ", found " + found + " " + show(value);
            }
            case "format" -> {
                Object[] a = e.getArguments();
                String fmt = a != null && a.length > 0 ? String.valueOf(a[0]) : "the format";
                message = show(value) + " is not a valid " + fmt + formatHint(fmt);
            }
            case "const" -> {
                JsonNode c = e.getSchemaNode();
                message = (at.isEmpty() ? "the body" : "`" + lastName(at) + "`") + " must be "
                        + (c == null ? "a fixed value" : show(c)) + ", found " + show(value)
                        + (at.endsWith("@odata.type") ? " (it must name this entity's type, or be left out)" : "");
            }
            case "pattern" -> {
                if (at.endsWith("/@odata.type") || at.equals("/@odata.type")) {
                    message = "`@odata.type` is " + show(value) + ", which is not "
                            + (at.equals("/@odata.type") ? "a " + t.entity() : "the type this property holds")
                            + " (or a type derived from it); write `#microsoft.graph."
                            + (at.equals("/@odata.type") ? t.entity() : "…") + "` or leave it out";
                } else {
                    JsonNode pat = e.getSchemaNode();
                    message = show(value) + " does not match the documented pattern"
                            + (pat != null && pat.isString() ? " `" + pat.asString() + "`" : "");
                }
            }
            case "required" -> {
                String prop = e.getProperty() != null ? e.getProperty()
                        : (e.getArguments() != null && e.getArguments().length > 0 ? String.valueOf(e.getArguments()[0]) : "?");
                message = "missing required property `" + prop + "`";
            }
            default -> message = e.getMessage();
        }
        return new Finding(null, 0, 0, 0, ptr, keyword, Severity.ERROR, Category.SCHEMA, message, t);
    }

    private static String lastName(String ptr) {
        String s = ptr.substring(ptr.lastIndexOf('/') + 1);
        return s.replace("~1", "/").replace("~0", "~");
    }

    private static String formatHint(String fmt) {
        return switch (fmt) {
            case "date-time" -> " (RFC 3339 date-time with offset, e.g. `2016-12-31T23:57:57.2481234-08:00`)";
            case "date" -> " (ISO 8601 date, e.g. `2016-12-31`)";
            case "time" -> " (e.g. `23:57:57.2481234`)";
            case "duration" -> " (ISO 8601 duration, e.g. `PT1H30M`)";
            case "uuid" -> " (a GUID, e.g. `9ceb2f92-2f92-9ceb-922f-eb9c922feb9c`)";
            default -> "";
        };
    }

    private static String typeOf(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isObject()) {
            return "object";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isString()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        return v.isIntegralNumber() ? "integer" : "number";
    }

    /** A value as a short code span: `valid`, `42`, `{…}`. */
    static String show(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String s;
        if (v.isObject()) {
            s = "{…}";
        } else if (v.isArray()) {
            s = "[…]";
        } else if (v.isString()) {
            s = v.asString();
        } else {
            s = v.toString();
        }
        s = s.replace('\n', ' ').replace('\r', ' ').replace('`', '\'');
        if (s.length() > 60) {
            s = s.substring(0, 60) + "…";
        }
        return "`" + s + "`";
    }

    /** The property names the schema object holding the failing keyword declares. */
    private static List<String> knownProperties(Target t, Error e) {
        JsonNode root = t.version().schema();
        JsonNode holder = null;
        SchemaLocation sl = e.getSchemaLocation();
        if (sl != null && sl.getFragment() != null) {
            NodePath f = sl.getFragment();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < f.getNameCount() - 1; i++) {
                sb.append('/').append(escape(String.valueOf(f.getElement(i))));
            }
            holder = root.at(sb.toString());
        }
        if (holder == null || holder.isMissingNode()) {
            holder = root;
        }
        JsonNode props = holder.path("properties");
        Set<String> names = new LinkedHashSet<>();
        props.propertyNames().forEach(names::add);
        return new ArrayList<>(names);
    }

    /** RFC 6901 pointer of a networknt instance location. */
    static String pointer(NodePath p) {
        if (p == null) {
            return "";
        }
        int n = p.getNameCount();
        if (n == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Object el = p.getElement(i);
            sb.append('/');
            sb.append(el instanceof Number ? el.toString() : escape(String.valueOf(el)));
        }
        return sb.toString();
    }

    static String escape(String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("~", "~0").replace("/", "~1");
    }

    static String bytesText(long n) {
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
        }
        if (n >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return n + " bytes";
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m.strip() : m.substring(0, nl).strip();
    }

    /** Unmodifiable view for tests. */
    Map<String, Schema> compiledCache() {
        return Collections.unmodifiableMap(compiled);
    }
}
