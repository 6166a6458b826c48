package org.graphlint.validate;

import com.networknt.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
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
 *
 * <p>A front door over package-private pieces: {@link FixtureReader} (the I/O edge), {@link TargetResolver} (which
 * schema version a body is checked against), {@link RequestChecks} ({@code .http} requests), {@link BodyChecker} and
 * {@link FindingExplainer} (networknt's errors worded as findings), {@link CompiledSchemas} (the caches).
 */
public final class PayloadValidator {

    /** Findings in file order: request, line, column (unknown positions last within a request). */
    static final Comparator<Finding> FILE_ORDER = Comparator.comparingInt(Finding::request)
            .thenComparingInt(f -> f.line() == 0 ? Integer.MAX_VALUE : f.line())
            .thenComparingInt(Finding::column);

    /**
     * The most findings listed for one body (and one fixture); the rest are counted in one last finding. A body with a
     * million errors is then worded in a second, and a report stays readable.
     */
    public static final int MAX_FINDINGS = 1000;

    private final Catalog catalog;
    private final CompiledSchemas schemas = new CompiledSchemas();
    private final TargetResolver targets;
    private final FindingExplainer explainer;
    private final BodyChecker bodies;
    private final RequestChecks requests;

    private PayloadValidator(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.targets = new TargetResolver(catalog);
        this.explainer = new FindingExplainer(catalog, schemas);
        this.bodies = new BodyChecker(targets, explainer);
        this.requests = new RequestChecks(targets, bodies);
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

    /**
     * The schema version a selector picks for an entity and operation, in the catalog's default API version.
     *
     * @throws IllegalArgumentException (one-line message) for an unknown entity or operation, a malformed selector, or
     *                                  a selector that matches no version
     */
    public Target target(String entity, OperationKind operation, String selector) {
        TargetResolver.Resolution r = targets.resolve(catalog, entity, operation, selector == null ? "latest" : selector);
        if (r instanceof TargetResolver.Missing m) {
            throw new IllegalArgumentException(m.why().message());
        }
        return ((TargetResolver.Found) r).target();
    }

    /**
     * A schema compiled for a few bodies and then dropped (not cached), as validate compiles (graphlint's formats), its
     * {@code $ref} targets when a body first reaches them. Thread-safe.
     */
    public static Schema compileOneOff(JsonNode schema) {
        return Formats.oneOff().getSchema(schema);
    }

    /**
     * graphlint's pre-check of a schema, for callers that validate with {@link #compileOneOff} themselves: true only
     * when a value is valid for certain (networknt says so too); false means "ask networknt". Cheap to make (no
     * networknt compilation; each part of the schema compiled when a value first reaches it) and to ask; thread-safe.
     */
    public static java.util.function.Predicate<JsonNode> certainlyValid(JsonNode schema) {
        QuickCheck q = QuickCheck.compileLazily(schema, CompiledPatterns.INSTANCE);
        return q::certainlyValid;
    }

    /** The compiled networknt schema of a target (compiled once, then cached). */
    public Schema schema(Target t) {
        return schemas.schema(t.apiVersion(), t.version());
    }

    /**
     * Compiles what checking against a target needs, ahead of the first body (optional: it is otherwise done on first
     * use). The networknt schema itself is compiled only when a body needs it (a body the pre-check cannot prove valid),
     * or here when the pre-check does not cover the schema.
     */
    public void prepare(Target t) {
        if (schemas.quickCheck(t).unsupported() != null) {
            schema(t);
        }
    }

    /**
     * Checks a parsed body against a target. Findings carry pointer, rule and message; line and column are 0 (there
     * is no source text) and {@code file} is null.
     */
    public List<Finding> validate(Target target, JsonNode payload) {
        return explainer.explain(target, payload);
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
        FixtureReader.Read read = FixtureReader.read(file, options);
        if (read instanceof FixtureReader.Unread u) {
            return single(name, u.why());
        }
        byte[] bytes = ((FixtureReader.Bytes) read).bytes();
        if (!isHttp(name) && SourceText.isAscii(bytes)) {
            // The common case: plain ASCII JSON. Parsed straight from the bytes (no decoding, no char copy); any
            // problem is left to the text path below, which words it.
            SourceText.Parsed p = SourceText.parseAscii(bytes);
            if (p != null) {
                BodyChecker.Checked c = bodies.check(p, () -> new String(bytes, StandardCharsets.ISO_8859_1), 0, 0,
                        jsonHints(name, options, null), options);
                return report(name, c.findings(), c.target() == null ? List.of() : List.of(c.target()), 1);
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
        if (text.startsWith("\uFEFF")) {
            text = ' ' + text.substring(1);
        }
        if (!http) {
            BodyChecker.Checked c = bodies.check(text, 0, 0, jsonHints(name, options, target), options);
            return report(name, c.findings(), c.target() == null ? List.of() : List.of(c.target()), 1);
        }
        List<Finding> out = new ArrayList<>();
        List<Target> used = new ArrayList<>();
        List<HttpFile.Request> reqs = HttpFile.parse(HttpVariables.apply(text, options.variables(), out));
        if (reqs.isEmpty()) {
            out.add(SourceText.input(1, 1, "empty", "no request in this .http file (expected 'METHOD URL', headers, a blank line, a JSON body)"));
        }
        for (HttpFile.Request r : reqs) {
            BodyChecker.Checked c = requests.check(r, target, options, baseDir);
            out.addAll(c.findings());
            if (c.target() != null) {
                used.add(c.target());
            }
        }
        return report(name, out, used, reqs.size());
    }

    /** Where a JSON file's body goes: the entity and operation its file name states (unless the options say). */
    private BodyChecker.Hints jsonHints(String name, ValidateOptions options, Target forced) {
        return new BodyChecker.Hints(catalog, Routing.fileName(name),
                options.operation() == null ? TargetResolver.operationInName(name) : null, forced);
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
            kept.add(FindingExplainer.capped(more, null).in(name, 0));
            named = kept;
        }
        return new FileReport(name, used, named, requests);
    }

    private static final Pattern MORE = Pattern.compile("and ([\\d,]+) more");

    private static long countIn(String cappedMessage) {
        Matcher m = MORE.matcher(cappedMessage);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 1;
    }

    private static FileReport single(String name, Finding f) {
        return new FileReport(name, List.of(), List.of(f.in(name, 0)), 0);
    }

    /** The pieces, for the package's other front doors ({@link Fixtures}) and tests. */
    TargetResolver targets() {
        return targets;
    }

    CompiledSchemas schemas() {
        return schemas;
    }

    int cachedTargets() {
        return targets.cachedTargets();
    }

    Map<CompiledSchemas.Key, Schema> compiledCache() {
        return schemas.compiledCache();
    }
}
