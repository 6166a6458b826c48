package org.graphlint.lint;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.graphlint.parser.Example;
import org.graphlint.parser.Identifiers;
import org.graphlint.parser.PageKind;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PropertyRow;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.PageFacts;
import org.graphlint.schema.SchemaBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Table vs example, and example keys that are not identifiers. A method page's own request examples are checked
 * against the schema its tables make (the one {@code graphlint schemas build} makes); every failure the schema
 * acceptance run calls a doc error becomes a finding, and what it calls a builder gap (a row whose name was not
 * recovered, a property only the service's responses show, a derived {@code @odata.type}) does not: a lint false
 * positive costs a maintainer's trust. A resource page's JSON representation is checked for keys that are translated or
 * mis-cased spellings of its documented properties.
 */
final class ExampleCheck {

    private ExampleCheck() {
    }

    /**
     * A page's schema compiled once, whatever the number of its examples (networknt's compilation costs more than the
     * validation of an example). Not kept across pages: compiled schemas are large, and a snapshot's would fill the heap.
     */
    private static final class Compiled {
        private JsonNode schema;
        /** The pre-check of {@link #schema}: cheap to make, each part compiled when an example reaches it. */
        private java.util.function.Predicate<JsonNode> certainlyValid;
        /** networknt's compilation of {@link #schema}, made only for an example the pre-check cannot prove valid. */
        private Schema compiled;

        private void use(JsonNode s) {
            if (s != schema) {
                schema = s;
                certainlyValid = org.graphlint.validate.PayloadValidator.certainlyValid(s);
                compiled = null;
            }
        }

        /**
         * True when the body is valid for certain (graphlint's pre-check, no networknt compilation): most examples
         * are, and a page's networknt schema, with every $defs entry compiled up front, was a quarter of this pass's time.
         */
        boolean certainlyValid(JsonNode s, JsonNode body) {
            use(s);
            return certainlyValid.test(body);
        }

        Schema of(JsonNode s) {
            use(s);
            if (compiled == null) {
                // as validate compiles it (graphlint's formats), $ref targets when an example reaches them
                compiled = org.graphlint.validate.PayloadValidator.compileOneOff(s);
            }
            return compiled;
        }
    }

    /**
     * True for a page whose schema this pass builds with its response examples read: a method page that creates,
     * updates or acts on an entity (the builder gives a GET page, operation RESOURCE, no schema). The responses of
     * every other page are read by no check after the first pass ({@link org.graphlint.schema.KeptModel#of(PageModel, boolean)}).
     */
    static boolean buildReadsResponses(PageFacts f) {
        return f.kind() == PageKind.METHOD && f.entity() != null && f.operation() != null
                && f.operation() != OperationKind.RESOURCE;
    }

    static void check(LintPage p, SchemaBuilder builder, List<LintFinding> out) {
        PageFacts f = p.facts();
        if (p.model().examples().isEmpty()) {
            return;
        }
        if (f.kind() == PageKind.METHOD) {
            List<Example> reqs = PageFacts.ownExamples(p.model()).stream()
                    .filter(e -> e.kind() == Example.Kind.REQUEST && e.body() != null && e.body().isObject()
                            // a body sent to …/$value is the media content (a page's strings), not the entity's JSON
                            && !PageFacts.mediaRequest(e)).toList();
            if (reqs.isEmpty()) {
                return;
            }
            // the schema as it checks these bodies: the properties they do not send are left unbuilt
            Optional<SchemaBuilder.Built> built = f.entity() == null || f.operation() == null ? Optional.empty()
                    : builder.buildForBodies(f, reqs.stream().map(Example::body).toList());
            Compiled compiled = new Compiled();
            for (Example e : reqs) {
                if (built.isPresent()) {
                    againstSchema(p, e, built.get().schema(), compiled, f.requestBodyRows(), out);
                } else {
                    keys(p, e, f.requestBodyRows(), out);
                }
            }
        } else if (f.kind() == PageKind.RESOURCE || f.kind() == PageKind.COMPLEX_TYPE) {
            List<PropertyRow> rows = new ArrayList<>(f.propertyRows());
            rows.addAll(f.relationshipRows());
            for (Example e : p.model().examples()) {
                if (e.kind() == Example.Kind.REPRESENTATION && e.body() != null && e.body().isObject()) {
                    keys(p, e, rows, out);
                }
            }
        }
    }

    /** Top-level keys that are a translated or re-cased spelling of a documented name (no schema needed). */
    private static void keys(LintPage p, Example e, List<PropertyRow> rows, List<LintFinding> out) {
        if (rows.isEmpty()) {
            return;
        }
        JsonPositions pos = null;
        for (String key : e.body().propertyNames()) {
            if (key.startsWith("@") || key.contains("@odata.")) {
                continue;
            }
            if (rows.stream().anyMatch(r -> r.name().equals(key))) {
                continue;
            }
            String english = englishFor(key, rows);
            if (english == null && Identifiers.isGraphIdentifier(key)) {
                continue; // an ASCII key no table names: perhaps inherited; not this rule's to say
            }
            if (pos == null) {
                pos = JsonPositions.of(e.bodyText());
            }
            out.add(keyFinding(p, e, pos, "/" + JsonPositions.escape(key), key, english));
        }
    }

    /** The documented English name a key stands for: same letters in another case, or a row's localized name. */
    static String englishFor(String key, List<PropertyRow> rows) {
        for (PropertyRow r : rows) {
            if (r.nameSource().recovered() && r.name().equals(key)) {
                return key;
            }
        }
        for (PropertyRow r : rows) {
            if (r.nameSource().recovered() && r.name().equalsIgnoreCase(key)) {
                return r.name();
            }
        }
        for (PropertyRow r : rows) {
            if (r.nameSource().recovered() && r.localizedName() != null && r.localizedName().strip().equalsIgnoreCase(key.strip())
                    && !r.localizedName().equals(r.name())) {
                return r.name();
            }
        }
        return null;
    }

    private static LintFinding keyFinding(LintPage p, Example e, JsonPositions pos, String pointer, String key, String english) {
        int[] lc = position(p, e, pos, pointer);
        String msg = english != null
                ? "the example key \"" + key + "\" is not an identifier of the documented type: write \"" + english + "\""
                : "the example key \"" + key + "\" is not an identifier (translated?): use the English property name the table documents";
        return LintFinding.of(p.file(), lc[0], lc[1], LintRule.EXAMPLE_KEY_TRANSLATED, msg,
                pointer + (english == null ? "" : "->" + english));
    }

    private static void againstSchema(LintPage p, Example e, JsonNode schema, Compiled compiled, List<PropertyRow> rows,
            List<LintFinding> out) {
        inferred(p, e, schema, rows, out);
        if (compiled.certainlyValid(schema, e.body())) {
            return;
        }
        List<Error> errs;
        try {
            errs = compiled.of(schema).validate(e.body());
        } catch (RuntimeException ex) {
            return; // the schema acceptance run reports validator trouble as a builder gap, not a doc error
        }
        if (errs.isEmpty()) {
            return;
        }
        JsonPositions pos = JsonPositions.of(e.bodyText());
        Set<String> seen = new HashSet<>();
        for (Error err : errs) {
            String kw = err.getKeyword() == null ? "" : err.getKeyword();
            String at = pointer(err.getInstanceLocation());
            boolean top = at.isEmpty();
            switch (kw) {
                case "additionalProperties" -> {
                    String prop = err.getProperty();
                    if (prop == null) {
                        continue;
                    }
                    String ptr = at + "/" + JsonPositions.escape(prop);
                    if (!seen.add(kw + ptr)) {
                        continue;
                    }
                    if (top && unrecovered(prop, rows)) {
                        continue; // builder gap: the row's name was not recovered
                    }
                    String english = top ? englishFor(prop, rows) : null;
                    if (prop.equals(english)) {
                        continue; // a row documents it; the builder left the row out (a builder gap, not a doc error)
                    }
                    if (english != null || !Identifiers.isGraphIdentifier(prop)) {
                        out.add(keyFinding(p, e, pos, ptr, prop, english));
                        continue;
                    }
                    // A property the response examples show too may be inherited from a base type the page does not
                    // repeat; it is still missing from the table a maintainer reads, so it is reported, saying so.
                    boolean returned = top && inResponses(p, prop);
                    int[] lc = position(p, e, pos, ptr);
                    out.add(LintFinding.of(p.file(), lc[0], lc[1], LintRule.EXAMPLE_PROPERTY_UNDOCUMENTED,
                            "the example sends \"" + prop + "\"" + (top ? "" : " in " + at)
                                    + " but no table documents it" + (returned ? " (the response shows it too)" : "")
                                    + ": add a row for it or remove it from the example",
                            ptr));
                }
                case "type" -> {
                    if (!seen.add(kw + at)) {
                        continue;
                    }
                    int[] lc = position(p, e, pos, at);
                    out.add(LintFinding.of(p.file(), lc[0], lc[1], LintRule.EXAMPLE_WRONG_TYPE,
                            at + ": " + message(err) + ": fix the example value or the documented type", at + ":type"));
                }
                case "enum" -> {
                    if (!seen.add(kw + at)) {
                        continue;
                    }
                    JsonNode value = err.getInstanceNode();
                    JsonNode allowed = err.getSchemaNode();
                    String cased = null;
                    if (value != null && value.isString() && allowed != null && allowed.isArray()) {
                        for (JsonNode a : allowed) {
                            if (a.isString() && a.asString().equalsIgnoreCase(value.asString())) {
                                cased = a.asString();
                            }
                        }
                    }
                    String v = value == null ? "?" : value.toString();
                    int[] lc = position(p, e, pos, at);
                    String msg = cased != null
                            ? at + ": " + v + " differs in case from the documented value: write \"" + cased + "\""
                            : at + ": " + v + " is not among the documented values " + allowedList(allowed)
                                    + ": use one of them or document it";
                    out.add(LintFinding.of(p.file(), lc[0], lc[1], LintRule.EXAMPLE_ENUM_VALUE, msg, at + "=" + v));
                }
                case "format", "pattern", "minimum", "maximum" -> {
                    if (at.endsWith("@odata.type")) {
                        continue; // derived types and other namespaces: not what this rule is about
                    }
                    if (!seen.add("format" + at)) {
                        continue;
                    }
                    int[] lc = position(p, e, pos, at);
                    out.add(LintFinding.of(p.file(), lc[0], lc[1], LintRule.EXAMPLE_VALUE_FORMAT,
                            at + ": " + message(err) + ": write a value of the documented type", at + ":" + kw));
                }
                case "required" -> {
                    String prop = err.getProperty();
                    if (!seen.add(kw + at + "/" + prop)) {
                        continue;
                    }
                    int[] lc = position(p, e, pos, at);
                    out.add(LintFinding.of(p.file(), lc[0], lc[1], LintRule.EXAMPLE_MISSING_REQUIRED,
                            (at.isEmpty() ? "the example" : at) + " omits \"" + prop
                                    + "\", which the table marks Required: add it to the example", at + "!" + prop));
                }
                default -> {
                    // not a doc error the acceptance run can name: stay quiet rather than guess
                }
            }
        }
    }

    /**
     * Top-level example properties the schema accepts only because a response example shows them
     * ({@code x-graphlint-inferred}): no table documents them. Pages with no table at all are left alone (their whole
     * schema is inferred; that is one missing table, not one finding per property).
     */
    private static void inferred(LintPage p, Example e, JsonNode schema, List<PropertyRow> rows, List<LintFinding> out) {
        if (schema.path(SchemaBuilder.INFERRED).asBoolean(false)) {
            return;
        }
        JsonNode props = schema.path("properties");
        JsonPositions pos = null;
        for (String key : e.body().propertyNames()) {
            if (!props.path(key).path(SchemaBuilder.INFERRED).asBoolean(false)) {
                continue;
            }
            if (pos == null) {
                pos = JsonPositions.of(e.bodyText());
            }
            String ptr = "/" + JsonPositions.escape(key);
            String english = englishFor(key, rows);
            if (key.equals(english)) {
                continue; // documented by a row the builder did not use
            }
            if (english != null || !Identifiers.isGraphIdentifier(key)) {
                out.add(keyFinding(p, e, pos, ptr, key, english));
                continue;
            }
            int[] lc = position(p, e, pos, ptr);
            out.add(LintFinding.of(p.file(), lc[0], lc[1], LintRule.EXAMPLE_PROPERTY_UNDOCUMENTED,
                    "the example sends \"" + key + "\" but no table documents it (graphlint accepts it only because the"
                            + " page's examples show it): add a row for it to the request body table or the type's page", ptr));
        }
    }

    private static String allowedList(JsonNode allowed) {
        if (allowed == null || !allowed.isArray()) {
            return "";
        }
        List<String> vs = new ArrayList<>();
        for (JsonNode a : allowed) {
            if (!a.isNull()) {
                vs.add(a.isString() ? a.asString() : a.toString());
            }
        }
        return "(" + String.join(", ", vs) + ")";
    }

    private static String message(Error err) {
        String m = err.getMessage() == null ? err.toString() : err.getMessage();
        int colon = m.indexOf(": ");
        if (m.startsWith("$") && colon > 0) {
            m = m.substring(colon + 2);
        }
        return m.replace('\n', ' ');
    }

    private static boolean unrecovered(String prop, List<PropertyRow> rows) {
        for (PropertyRow r : rows) {
            if (!r.nameSource().recovered()
                    && (prop.equalsIgnoreCase(r.localizedName()) || prop.equalsIgnoreCase(r.name()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inResponses(LintPage p, String prop) {
        for (Example e : p.model().examples()) {
            if (e.kind() != Example.Kind.RESPONSE || e.body() == null) {
                continue;
            }
            if (e.body().has(prop)) {
                return true;
            }
            for (JsonNode v : e.body().path("value")) {
                if (v.has(prop)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** File line and column of a pointer in an example body (the body's first line when it cannot be found). */
    static int[] position(LintPage p, Example e, JsonPositions pos, String pointer) {
        int[] lc = pos.find(pointer);
        if (lc == null) {
            return new int[] {e.bodyLine() > 0 ? e.bodyLine() : e.line(), 0};
        }
        int fileLine = e.bodyLine() + lc[0] - 1;
        String[] bodyLines = e.bodyText().split("\r\n|\r|\n", -1);
        String bl = lc[0] - 1 < bodyLines.length ? bodyLines[lc[0] - 1] : "";
        String fl = p.line(fileLine);
        int shift = fl.endsWith(bl) ? fl.length() - bl.length() : 0;
        return new int[] {fileLine, lc[1] + shift};
    }

    /** RFC 6901 pointer of a networknt instance location. */
    static String pointer(NodePath path) {
        if (path == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            sb.append('/').append(el instanceof Number ? el.toString() : JsonPositions.escape(String.valueOf(el)));
        }
        return sb.toString();
    }
}
