package org.graphlint.validate;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import tools.jackson.databind.JsonNode;

/**
 * Checks one parsed body against one target and words what is wrong: the pre-check's proof where it has one, else
 * networknt's errors turned into {@link Finding}s (pointer, rule, message; no position), with notes on the versions a
 * value is valid in, and warnings for read-only properties. Thread-safe.
 */
final class FindingExplainer {

    private final Catalog catalog;
    private final CompiledSchemas schemas;
    private final ConcurrentHashMap<CompiledSchemas.Key, Set<String>> readOnly = new ConcurrentHashMap<>();
    /** One copy of each target's schema tree (SchemaVersion hands out copies), read when wording findings. */
    private final ConcurrentHashMap<CompiledSchemas.Key, JsonNode> trees = new ConcurrentHashMap<>();

    FindingExplainer(Catalog catalog, CompiledSchemas schemas) {
        this.catalog = catalog;
        this.schemas = schemas;
    }

    List<Finding> explain(Target t, JsonNode node) {
        node = Routing.withoutSchemaKeyword(node);
        if (schemas.quickCheck(t).certainlyValid(node)) {
            // Proven valid without networknt (most fixtures); networknt runs, and words the findings, for the rest.
            return readOnlyWarnings(t, node);
        }
        ErrorSink errors;
        try {
            errors = ErrorSink.run(schemas.schema(t.apiVersion(), t.version()), node);
        } catch (RuntimeException e) {
            return List.of(new Finding(null, 0, 1, 1, "", "schema-fault", Severity.ERROR, Category.INPUT,
                    CompiledSchemas.schemaFault(t.apiVersion(), t.version(), e).getMessage(), t));
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
            String k = ErrorSink.key(x);
            if (k != null) {
                wanted.add(k);
            }
        }
        // A body with more errors than are kept is judged in the other versions only as far as its listed errors
        // reach: each array on the way to one is cut after the last item holding one (the items before keep their
        // indices, so the keys still match). The other versions' runs then cost what the listed part costs.
        OtherVersions others = new OtherVersions(catalog, schemas, t, errors.size() > first.size() ? OtherVersions.prefix(node, first) : node, wanted);
        List<Finding> out = new ArrayList<>(Math.min(errors.size(), PayloadValidator.MAX_FINDINGS) + readOnly.size() + 1);
        out.addAll(readOnly);
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (; i < first.size() && out.size() < PayloadValidator.MAX_FINDINGS; i++) {
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

    /** The rule of a value that equals an enum member but for letter case (a warning: the service accepts it). */
    static final String ENUM_CASE = "enum-case";
    static final String OPEN_TYPE_PROPERTY = "open-type-property";

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

    /** The last finding of a capped list: how many more errors there were. */
    static Finding capped(long more, Target t) {
        return new Finding(null, 0, 0, 0, null, "findings-capped", Severity.ERROR, Category.SCHEMA, String.format(
                Locale.ROOT, "and %,d more errors not listed: graphlint lists the first %,d findings of a body", more,
                PayloadValidator.MAX_FINDINGS), t);
    }

    /**
     * Read-only properties (id, audit dates) in a create or update body: allowed by the schemas (the docs list them and
     * the service ignores them) but worth a warning, since the value sent is thrown away.
     */
    private List<Finding> readOnlyWarnings(Target t, JsonNode node) {
        if (t.operation() == OperationKind.RESOURCE || !node.isObject()) {
            return List.of();
        }
        Set<String> ro = readOnly.computeIfAbsent(CompiledSchemas.Key.of(t), k -> {
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

    private Finding finding(Target t, Error e, JsonNode root, OtherVersions others) {
        String at = pointer(e.getInstanceLocation());
        String keyword = e.getKeyword() == null ? "schema" : e.getKeyword();
        JsonNode value = root.at(at.isEmpty() ? "" : at);
        String message;
        String ptr = at;
        switch (keyword) {
            case "additionalProperties", "unevaluatedProperties" -> {
                UnknownProperty unknown = UnknownProperty.of(
                        trees.computeIfAbsent(CompiledSchemas.Key.of(t), k -> t.version().schema()), e);
                String prop = unknown.name();
                ptr = at + "/" + escape(prop);
                String note = others.note(ErrorSink.unknownKey(keyword, at, prop), "is documented");
                List<String> known = unknown.known();
                List<String> near = unknown.near();
                String open = unknown.openTypeWarning();
                if (open != null && note == null) {
                    // an open type (user, openTypeExtension): the service accepts properties beyond the documented ones
                    // (custom data, extension_<app>_<name>), so an unknown one is a warning; a near miss of a documented
                    // name stays an error below (a misspelling, not custom data)
                    return new Finding(null, 0, 0, 0, ptr, OPEN_TYPE_PROPERTY, Severity.WARNING, Category.SCHEMA,
                            "`" + prop + "` is not a documented property of `" + open + "`, an open type: the service"
                            + " accepts it as custom data", t);
                }
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
                String note = others.note(ErrorSink.enumKey(at), "is valid");
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

}
