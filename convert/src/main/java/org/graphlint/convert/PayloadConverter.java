package org.graphlint.convert;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.graphlint.parser.Text;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.SchemaVersion;
import org.graphlint.validate.Category;
import org.graphlint.validate.Finding;
import org.graphlint.validate.Fixtures;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Severity;
import org.graphlint.validate.Target;
import tools.jackson.databind.JsonNode;

/**
 * Converts Graph request payloads from one doc version to another, the conversion derived from the two versions'
 * schemas: properties the target does not document are removed, enum values it does not allow are removed (or replaced,
 * where its docs name the replacement), nested objects and arrays are converted recursively, and a value whose type
 * changed is converted only where no information is lost ({@code 5} to {@code "5"}), else removed. Renames are not
 * guessed. Every change is reported with its JSON pointer; the output is then validated against the target, and
 * whatever the target still rejects at a pointer (a format, a bound, a conditional) is removed and reported too, so the
 * output is valid against the target or the {@link Conversion} says why not.
 *
 * <pre>{@code
 * PayloadConverter converter = PayloadConverter.embedded();
 * FileConversion c = converter.convertFile(Path.of("create.http"), ConvertOptions.to("2018-12-18"));
 * c.changes().forEach(ch -> System.out.println(ch.pointer() + " " + ch.outcome().id() + (ch.lossy() ? " (lost)" : "")));
 * Files.writeString(Path.of("create-2018.http"), c.text());
 * }</pre>
 *
 * Immutable and thread-safe (it holds only its validator).
 */
public final class PayloadConverter {

    /** Findings a removal at their pointer cannot fix (the value is missing or the container is too small). */
    private static final Set<String> STRUCTURAL = Set.of("required", "minItems", "minProperties", "dependentRequired",
            "dependencies", "minContains", "contains");
    private static final int MAX_ROUNDS = 8;

    private final PayloadValidator validator;
    private final java.util.Map<Walker.Id, Shape> shapes = new java.util.concurrent.ConcurrentHashMap<>();

    private PayloadConverter(PayloadValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** A converter over the catalog embedded in the jar. */
    public static PayloadConverter embedded() {
        return new PayloadConverter(PayloadValidator.embedded());
    }

    /** A converter over a validator's catalog (its compiled schemas are shared). */
    public static PayloadConverter of(PayloadValidator validator) {
        return new PayloadConverter(validator);
    }

    public PayloadValidator validator() {
        return validator;
    }

    // ------------------------------------------------------------------ one payload

    /**
     * Converts a parsed payload from one schema version to another (same entity and operation, or not: the walk only
     * needs two schemas). The payload is not modified.
     */
    public Conversion convert(JsonNode payload, Target from, Target to) {
        Objects.requireNonNull(payload, "payload");
        if (same(from, to) && errors(to, payload).isEmpty()) {
            return new Conversion(from, to, payload, List.of(), List.of());
        }
        Walker w = new Walker(from.version().schema(), to.version().schema(), from.versionId(), to.versionId(), shapes);
        JsonNode out = null;
        List<Finding> errs = List.of();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            out = w.run(payload);
            if (out == null) {
                // the body itself has no place in the target (an array where an object is expected): nothing to keep
                return new Conversion(from, to, payload, w.changes, errors(to, payload));
            }
            errs = errors(to, out);
            if (errs.isEmpty()) {
                break;
            }
            boolean added = false;
            for (Finding f : errs) {
                String p = f.pointer();
                if (p == null || p.isEmpty() || STRUCTURAL.contains(f.rule()) || out.at(p).isMissingNode()) {
                    continue;
                }
                String why = "rejected by " + to.versionId() + " (" + f.rule() + "): " + f.message();
                if (w.forced.putIfAbsent(w.original(p), why) == null) {
                    added = true;
                }
            }
            if (!added) {
                break;
            }
        }
        return new Conversion(from, to, out, w.changes, errs);
    }

    /**
     * The newest version of a target's entity and operation (in its API version) the payload is valid against: the
     * default source of a conversion.
     */
    public Optional<Target> newestValid(Target any, JsonNode payload) {
        Catalog cat = validator.catalog().forApiVersion(any.apiVersion());
        List<SchemaVersion> vs = cat.versions(any.entity(), any.operation());
        for (int i = vs.size() - 1; i >= 0; i--) {
            Target t = vs.get(i).id().equals(any.versionId()) ? any : new Target(vs.get(i), vs.get(i).id(), any.apiVersion());
            if (Fixtures.valid(validator, t, payload)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean same(Target a, Target b) {
        return a.apiVersion().equals(b.apiVersion()) && a.entity().equals(b.entity()) && a.operation() == b.operation()
                && a.versionId().equals(b.versionId());
    }

    private List<Finding> errors(Target t, JsonNode node) {
        if (Fixtures.valid(validator, t, node)) {
            return List.of();
        }
        List<Finding> all = validator.validate(t, node);
        if (all.isEmpty()) {
            return all;
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : all) {
            if (f.severity() == Severity.ERROR) {
                out.add(f);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ fixtures

    /**
     * Converts a fixture file: a JSON body, or a {@code .http}/{@code .rest} file whose bodies are converted with
     * request lines, headers and comments kept and {@code Content-Length} recomputed. Never throws for bad input: a file
     * that cannot be read, a body that is not JSON or has no schema comes back as a problem.
     */
    public FileConversion convertFile(Path file, ConvertOptions options) {
        return convertFile(file, file.toString(), options);
    }

    /** As above, naming the file {@code name} in findings. */
    public FileConversion convertFile(Path file, String name, ConvertOptions options) {
        Fixtures.Text t = Fixtures.read(file, options.routing(options.to()));
        if (t.problem() != null) {
            return new FileConversion(name, null, false, List.of(), t.problem().in(name, 0));
        }
        String text = t.bom() ? t.text().substring(1) : t.text();
        return convertText(name, text, PayloadValidator.isHttp(name), options);
    }

    /** Converts fixture text in memory: a JSON body, or ({@code http}) the text of a {@code .http} file. */
    public FileConversion convertText(String name, String text, boolean http, ConvertOptions options) {
        if (!http) {
            BodyConversion b = body(name, null, text, 0, 1, options);
            String out = text;
            if (b.conversion() != null && b.conversion().changed()) {
                out = rewriteJson(text, b.conversion().output());
            }
            return new FileConversion(name, out, !out.equals(text), List.of(b), null);
        }
        List<Fixtures.Request> reqs = Fixtures.requests(text);
        if (reqs.isEmpty()) {
            return new FileConversion(name, text, false, List.of(), input(name, 0, 1, "empty",
                    "no request in this .http file (expected 'METHOD URL', headers, a blank line, a JSON body)"));
        }
        List<BodyConversion> bodies = new ArrayList<>();
        List<HttpRewrite.Edit> edits = new ArrayList<>();
        for (Fixtures.Request r : reqs) {
            if (r.problem() != null) {
                bodies.add(new BodyConversion(r.index(), r.problem().line(), null, List.of(), r.problem().in(name, r.index())));
                continue;
            }
            if (r.body() == null || r.body().isBlank()) {
                continue; // a request without a body: nothing to convert, kept as it is
            }
            if (r.bodyFile() != null) {
                bodies.add(new BodyConversion(r.index(), r.bodyLine(), null, List.of(), input(name, r.index(), r.bodyLine(),
                        "http-body-file", "the body is read from " + r.bodyFile() + ": convert that file itself"
                        + " (with --entity and --operation if it does not name them)")));
                continue;
            }
            BodyConversion b = body(name, r, r.body(), r.index(), r.bodyLine(), options);
            bodies.add(b);
            if (b.conversion() != null && b.conversion().changed()) {
                String margin = HttpRewrite.margin(r.body());
                String newBody = margin + Json.write(b.conversion().output(), Json.Style.of(r.body()), margin);
                Fixtures.Header cl = r.header("Content-Length");
                edits.add(new HttpRewrite.Edit(r.bodyLine(), r.body(), newBody, cl == null ? 0 : cl.line(),
                        newBody.getBytes(StandardCharsets.UTF_8).length));
            }
        }
        String out = edits.isEmpty() ? text : HttpRewrite.apply(text, edits);
        return new FileConversion(name, out, !out.equals(text), bodies, null);
    }

    /** One body: parsed, routed, its source version chosen, converted. */
    private BodyConversion body(String name, Fixtures.Request r, String text, int request, int line, ConvertOptions o) {
        int shift = line - 1;
        try {
            Fixtures.Json parsed = Fixtures.parse(text);
            if (parsed.problem() != null) {
                return new BodyConversion(request, line, null, List.of(),
                        parsed.problem().shifted(shift).in(name, request));
            }
            JsonNode node = parsed.node();
            Fixtures.Route to = Fixtures.route(validator, name, r, node, o.routing(o.to()));
            if (to.problem() != null) {
                return new BodyConversion(request, line, null, List.of(), moved(to.problem(), name, request, line));
            }
            Target from;
            List<Finding> sourceFindings = List.of();
            if (o.from() != null) {
                Fixtures.Route f = Fixtures.route(validator, name, r, node, o.routing(o.from()));
                if (f.problem() != null) {
                    return new BodyConversion(request, line, null, List.of(), moved(f.problem(), name, request, line));
                }
                from = f.target();
                sourceFindings = errors(from, node);
            } else {
                Optional<Target> newest = newestValid(to.target(), node);
                if (newest.isEmpty()) {
                    List<Finding> errs = errors(to.target(), node);
                    String first = errs.isEmpty() ? "" : "; against " + to.target().versionId() + ": "
                            + (errs.get(0).pointer() == null || errs.get(0).pointer().isEmpty() ? "" : errs.get(0).pointer() + " ")
                            + errs.get(0).message();
                    return new BodyConversion(request, line, null, List.of(), input(name, request, line, "no-source-version",
                            "the body is valid against no " + to.target().entity() + " " + to.target().operation().id()
                            + " version, so there is no version to convert from" + first
                            + "; fix it, or name the version it was written for with --from"));
                }
                from = newest.get();
            }
            return new BodyConversion(request, line, convert(node, from, to.target()), sourceFindings, null);
        } catch (RuntimeException | StackOverflowError e) {
            return new BodyConversion(request, line, null, List.of(), input(name, request, line, "unreadable",
                    "graphlint could not convert this body: " + Text.oneLine(e)));
        }
    }

    private static Finding moved(Finding f, String name, int request, int line) {
        return f.in(name, request).at(line, 1);
    }

    private static Finding input(String name, int request, int line, String rule, String message) {
        return new Finding(name, request, line, 1, null, rule, Severity.ERROR, Category.INPUT, message, null);
    }

    /** A JSON file's text with its body replaced, leading and trailing whitespace kept. */
    static String rewriteJson(String text, JsonNode output) {
        int a = 0;
        while (a < text.length() && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        int b = text.length();
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        return text.substring(0, a) + Json.write(output, Json.Style.of(text.substring(a, b)), "") + text.substring(b);
    }
}
