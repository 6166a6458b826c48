package org.graphlint.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Walks a payload alongside its source schema and its target schema (JSON Schema structure, generically: {@code $ref}
 * to local {@code $defs}, {@code properties}, {@code patternProperties}, {@code additionalProperties},
 * {@code unevaluatedProperties}, {@code items}/{@code prefixItems}, {@code type} and type arrays, {@code enum},
 * {@code const}, {@code allOf}, and the branch of {@code anyOf}/{@code oneOf} that takes the value), and builds the
 * payload the target accepts: what the target does not document is removed, changed types are converted where no
 * information is lost, and each change is recorded against the original pointer. Keywords the walk does not interpret
 * ({@code if}/{@code then}/{@code else}, formats, bounds) are left to the validation that follows it, whose findings
 * come back as {@link #forced} removals.
 *
 * <p>Not thread-safe: one walker per conversion.
 */
final class Walker {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    /** Where the target's docs name an enum value's replacement: "`old` is replaced by `new`", "use new instead". */
    private static final String REPLACED = "(?:is\\s+)?(?:deprecated[,;:]?\\s*)?(?:\\([^)]*\\)\\s*)?"
            + "(?:(?:has\\s+been\\s+|is\\s+|was\\s+)?(?:replaced|superseded)\\s+by|(?:renamed|changed)\\s+to|[;,:]?\\s*use)\\s+`?";

    private final JsonNode fromRoot;
    private final JsonNode toRoot;
    private final String fromLabel;
    private final String toLabel;
    /** Original pointers to remove, with the reason (from the validation of an earlier walk). */
    final Map<String, String> forced = new HashMap<>();
    /** Output pointer to original pointer, for array elements whose index shifted because an earlier one was removed. */
    final Map<String, String> shifted = new HashMap<>();
    final List<Change> changes = new ArrayList<>();

    /** Shapes that do not depend on the value (no anyOf/oneOf on the way), by schema node identity; shared. */
    private final Map<Id, Shape> shapes;

    /** A schema node by identity (two equal subschemas of different places stay apart). */
    record Id(JsonNode root, JsonNode schema) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Id i && i.root == root && i.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(root) * 31 + System.identityHashCode(schema);
        }
    }

    Walker(JsonNode fromRoot, JsonNode toRoot, String fromLabel, String toLabel, Map<Id, Shape> shapes) {
        this.shapes = shapes;
        this.fromRoot = fromRoot;
        this.toRoot = toRoot;
        this.fromLabel = fromLabel;
        this.toLabel = toLabel;
    }

    /** The converted payload; {@link #changes} holds what changed. Null when the whole payload had to go. */
    JsonNode run(JsonNode payload) {
        changes.clear();
        shifted.clear();
        return walk(payload, fromRoot, toRoot, Ptr.ROOT, Ptr.ROOT);
    }

    /** The original pointer of an output pointer. */
    String original(String outPointer) {
        if (shifted.isEmpty()) {
            return outPointer;
        }
        String p = outPointer;
        while (!p.isEmpty()) {
            String o = shifted.get(p);
            if (o != null) {
                return o + outPointer.substring(p.length());
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return outPointer;
    }

    // ------------------------------------------------------------------ the walk

    private JsonNode walk(JsonNode value, JsonNode fromS, JsonNode toS, Ptr orig, Ptr out) {
        if (!forced.isEmpty()) {
            String why = forced.get(orig.text());
            if (why != null) {
                record(orig, ChangeKind.NOT_VALID_IN_TARGET, Outcome.REMOVED, value, null, why);
                return null;
            }
        }
        Shape to = shape(toRoot, toS, value);
        Shape from = fromS == null ? null : shape(fromRoot, fromS, value);
        if (to.never) {
            record(orig, ChangeKind.NOT_VALID_IN_TARGET, Outcome.REMOVED, value, null,
                    "no value is allowed here in " + toLabel);
            return null;
        }
        JsonNode v = value;
        if (!to.acceptsType(v)) {
            if (!v.isArray() && to.acceptsTypeName("array") && wraps(v, to)) {
                // a single value where the target takes a collection: one element, converted by the items schema
                int mark = changes.size();
                JsonNode item = walk(value, from == null ? null : from.items(0), to.items(0), orig, out.child("0"));
                if (item == null) {
                    return null;
                }
                ArrayNode a = NODES.arrayNode();
                a.add(item);
                changes.add(mark, change(orig, ChangeKind.TYPE_CONVERTED, Outcome.CONVERTED, value, a,
                        typeName(value) + " converted to an array of one element: " + to.typeText() + " in " + toLabel));
                return a;
            }
            JsonNode c = convertType(v, to);
            if (c == null) {
                record(orig, ChangeKind.TYPE_NOT_CONVERTIBLE, Outcome.REMOVED, value, null,
                        typeName(v) + " is not " + to.typeText() + " in " + toLabel
                        + (from != null && from.acceptsType(v) ? " (it was in " + fromLabel + ")" : "")
                        + ", and has no lossless form in it");
                return null;
            }
            record(orig, ChangeKind.TYPE_CONVERTED, Outcome.CONVERTED, value, c,
                    typeName(v) + " converted to " + typeName(c) + ": " + to.typeText() + " in " + toLabel);
            v = c;
        }
        if (to.enumValues != null || to.constValue != null) {
            JsonNode e = checkEnum(v, value, to, from, orig);
            if (e == null || e != v) {
                return e;
            }
        }
        if (v.isObject()) {
            return walkObject((ObjectNode) v, from, to, orig, out);
        }
        if (v.isArray()) {
            return walkArray((ArrayNode) v, from, to, orig, out);
        }
        return v;
    }

    private Shape shape(JsonNode root, JsonNode schema, JsonNode value) {
        Id id = new Id(root, schema);
        Shape s = shapes.get(id);
        if (s == null) {
            s = Shape.of(root, schema, value);
            if (!s.valueDependent) {
                shapes.put(id, s);
            }
        }
        return s;
    }

    /** The value, its documented replacement, or null (removed) when the target's enum/const does not allow it. */
    private JsonNode checkEnum(JsonNode v, JsonNode original, Shape to, Shape from, Ptr orig) {
        if (to.allows(v)) {
            return v;
        }
        JsonNode replacement = to.replacement(v);
        if (replacement != null) {
            record(orig, ChangeKind.ENUM_VALUE_REPLACED, Outcome.REPLACED, original, replacement,
                    show(v) + " is not a value of " + toLabel + "; its docs name " + show(replacement) + " instead");
            return replacement;
        }
        boolean wasAllowed = from != null && (from.enumValues != null || from.constValue != null) && from.allows(v);
        record(orig, ChangeKind.ENUM_VALUE_NOT_IN_TARGET, Outcome.REMOVED, original, null,
                show(v) + " is not an allowed value in " + toLabel + (wasAllowed ? " (it is in " + fromLabel + ")" : "")
                + "; allowed: " + to.enumText());
        return null;
    }

    private JsonNode walkObject(ObjectNode o, Shape from, Shape to, Ptr orig, Ptr out) {
        ObjectNode copy = null;
        int i = 0;
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            String name = e.getKey();
            JsonNode toSub = to.property(name);
            JsonNode fromSub = from == null ? null : from.property(name);
            Ptr po = orig.child(Ptr.escape(name));
            JsonNode r;
            if (toSub == null) {
                String was = fromSub != null ? "documented in " + fromLabel + ", not in " + toLabel
                        : "documented neither in " + fromLabel + " nor in " + toLabel;
                record(po, ChangeKind.PROPERTY_NOT_IN_TARGET, Outcome.REMOVED, e.getValue(), null,
                        "`" + name + "` is " + was);
                r = null;
            } else {
                r = walk(e.getValue(), fromSub, toSub, po, out.child(Ptr.escape(name)));
            }
            if (r != e.getValue() && copy == null) {
                copy = NODES.objectNode();
                int k = 0;
                for (Map.Entry<String, JsonNode> before : o.properties()) {
                    if (k++ == i) {
                        break;
                    }
                    copy.set(before.getKey(), before.getValue());
                }
            }
            if (copy != null && r != null) {
                copy.set(name, r);
            }
            i++;
        }
        return copy == null ? o : copy;
    }

    private JsonNode walkArray(ArrayNode a, Shape from, Shape to, Ptr orig, Ptr out) {
        ArrayNode copy = null;
        int outIndex = 0;
        for (int i = 0; i < a.size(); i++) {
            JsonNode el = a.get(i);
            String is = Integer.toString(i);
            Ptr po = orig.child(is);
            Ptr pout = outIndex == i ? out.child(is) : out.child(Integer.toString(outIndex));
            if (outIndex != i) {
                shifted.put(pout.text(), po.text());
            }
            JsonNode r = walk(el, from == null ? null : from.items(i), to.items(i), po, pout);
            if (r != el && copy == null) {
                copy = NODES.arrayNode();
                for (int k = 0; k < i; k++) {
                    copy.add(a.get(k));
                }
            }
            if (r != null) {
                if (copy != null) {
                    copy.add(r);
                }
                outIndex++;
            }
        }
        return copy == null ? a : copy;
    }

    // ------------------------------------------------------------------ lossless type conversions

    /** The value in a type the target accepts without losing information, or null when there is none. */
    private JsonNode convertType(JsonNode v, Shape to) {
        if (v.isNumber() && to.acceptsTypeName("string")) {
            return StringNode.valueOf(v.toString());
        }
        if (v.isBoolean() && to.acceptsTypeName("string")) {
            return StringNode.valueOf(v.asBoolean() ? "true" : "false");
        }
        if (v.isString()) {
            String s = v.asString();
            if ((s.equals("true") || s.equals("false")) && to.acceptsTypeName("boolean")) {
                return BooleanNode.valueOf(s.equals("true"));
            }
            JsonNode n = Json.number(s);
            if (n != null && (to.acceptsTypeName("number") || (to.acceptsTypeName("integer") && Shape.integral(n)))) {
                return n;
            }
        }
        if (v.isArray() && v.size() == 1 && !to.acceptsTypeName("array")) {
            JsonNode only = v.get(0);
            if (to.acceptsType(only)) {
                return only;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ reporting

    private void record(Ptr p, ChangeKind kind, Outcome outcome, JsonNode old, JsonNode now, String message) {
        changes.add(change(p, kind, outcome, old, now, message));
    }

    private static Change change(Ptr p, ChangeKind kind, Outcome outcome, JsonNode old, JsonNode now, String message) {
        return new Change(p.text(), kind, outcome, outcome != Outcome.CONVERTED, Json.abbreviate(old),
                now == null ? null : Json.abbreviate(now), message);
    }

    /** True when the target's items take the value (its type, possibly converted) as an element. */
    private boolean wraps(JsonNode v, Shape to) {
        Shape item = Shape.of(toRoot, to.items(0), v);
        return !item.never && (item.acceptsType(v) || convertType(v, item) != null);
    }

    static String show(JsonNode v) {
        return "`" + (v.isString() ? v.asString() : Json.abbreviate(v)) + "`";
    }

    static String typeName(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isString()) {
            return "a string";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return Shape.integral(v) ? "an integer" : "a number";
    }

    // ------------------------------------------------------------------ pointers

    /** A JSON pointer built only when it is needed. */
    static final class Ptr {
        static final Ptr ROOT = new Ptr(null, null);
        private final Ptr parent;
        private final String token;
        private String text;

        private Ptr(Ptr parent, String token) {
            this.parent = parent;
            this.token = token;
            if (parent == null) {
                text = "";
            }
        }

        Ptr child(String escapedToken) {
            return new Ptr(this, escapedToken);
        }

        String text() {
            if (text == null) {
                text = parent.text() + '/' + token;
            }
            return text;
        }

        static String escape(String name) {
            if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
                return name;
            }
            return name.replace("~", "~0").replace("/", "~1");
        }
    }

    // ------------------------------------------------------------------ a schema as the walk sees it

    /** The keywords of one schema the walk interprets, with {@code $ref}, {@code allOf} and the chosen branch merged. */
    static final class Shape {
        boolean never;
        /** True when an anyOf/oneOf branch was chosen by the value: not reusable for another value. */
        boolean valueDependent;
        /** null: any type. */
        List<String> types;
        JsonNode enumValues;
        JsonNode constValue;
        String description;
        final List<JsonNode> objects = new ArrayList<>(2);
        final JsonNode root;

        private Shape(JsonNode root) {
            this.root = root;
        }

        static Shape of(JsonNode root, JsonNode schema, JsonNode value) {
            Shape s = new Shape(root);
            s.add(schema, value, 0);
            return s;
        }

        private void add(JsonNode schema, JsonNode value, int depth) {
            if (schema == null || depth > 32) {
                return;
            }
            schema = resolve(root, schema);
            if (schema == null) {
                return;
            }
            if (schema.isBoolean()) {
                never |= !schema.asBoolean();
                return;
            }
            if (!schema.isObject()) {
                return;
            }
            objects.add(schema);
            JsonNode t = schema.get("type");
            if (t != null) {
                List<String> ts = new ArrayList<>();
                if (t.isString()) {
                    ts.add(t.asString());
                } else if (t.isArray()) {
                    t.forEach(x -> ts.add(x.asString()));
                }
                if (types == null) {
                    types = ts;
                } else {
                    types = intersect(types, ts);
                }
            }
            JsonNode en = schema.get("enum");
            if (en != null && en.isArray()) {
                enumValues = en;
            }
            JsonNode c = schema.get("const");
            if (c != null) {
                constValue = c;
            }
            JsonNode d = schema.get("description");
            if (d != null && d.isString() && description == null) {
                description = d.asString();
            }
            JsonNode all = schema.get("allOf");
            if (all != null && all.isArray()) {
                for (JsonNode sub : all) {
                    add(sub, value, depth + 1);
                }
            }
            for (String k : new String[] {"anyOf", "oneOf"}) {
                JsonNode any = schema.get(k);
                if (any != null && any.isArray() && !any.isEmpty()) {
                    valueDependent = true;
                    JsonNode pick = null;
                    for (JsonNode sub : any) {
                        Shape b = Shape.of(root, sub, value);
                        if (!b.never && b.acceptsType(value) && b.allows(value)) {
                            pick = sub;
                            break;
                        }
                    }
                    add(pick == null ? any.get(0) : pick, value, depth + 1);
                }
            }
        }

        private static List<String> intersect(List<String> a, List<String> b) {
            List<String> r = new ArrayList<>();
            for (String x : a) {
                if (b.contains(x) || (x.equals("integer") && b.contains("number"))) {
                    r.add(x);
                } else if (x.equals("number") && b.contains("integer")) {
                    r.add("integer");
                }
            }
            return r;
        }

        boolean acceptsTypeName(String t) {
            return types == null || types.contains(t) || (t.equals("integer") && types.contains("number"));
        }

        boolean acceptsType(JsonNode v) {
            if (types == null) {
                return true;
            }
            if (v.isNull()) {
                return types.contains("null");
            }
            if (v.isObject()) {
                return types.contains("object");
            }
            if (v.isArray()) {
                return types.contains("array");
            }
            if (v.isString()) {
                return types.contains("string");
            }
            if (v.isBoolean()) {
                return types.contains("boolean");
            }
            if (v.isNumber()) {
                return types.contains("number") || (types.contains("integer") && integral(v));
            }
            return false;
        }

        static boolean integral(JsonNode n) {
            if (n.isIntegralNumber()) {
                return true;
            }
            if (n.isFloatingPointNumber()) {
                try {
                    return n.decimalValue().stripTrailingZeros().scale() <= 0;
                } catch (RuntimeException e) {
                    return false;
                }
            }
            return false;
        }

        String typeText() {
            if (types == null) {
                return "any type";
            }
            return types.isEmpty() ? "no type" : String.join(" or ", types);
        }

        /** True when {@code enum}/{@code const} (if any) allow the value. */
        boolean allows(JsonNode v) {
            if (constValue != null && !Json.same(constValue, v)) {
                return false;
            }
            if (enumValues != null) {
                for (JsonNode e : enumValues) {
                    if (Json.same(e, v)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }

        String enumText() {
            List<String> l = new ArrayList<>();
            if (enumValues != null) {
                enumValues.forEach(e -> l.add(show(e)));
            } else if (constValue != null) {
                l.add(show(constValue));
            }
            return String.join(", ", l);
        }

        /** The enum value the description names as the replacement of {@code v}, when it is allowed; else null. */
        JsonNode replacement(JsonNode v) {
            if (description == null || !v.isString() || enumValues == null) {
                return null;
            }
            String old = v.asString();
            Matcher m = Pattern.compile("`?\\b" + Pattern.quote(old) + "\\b`?\\s*" + REPLACED + "([A-Za-z0-9_.-]+)",
                    Pattern.CASE_INSENSITIVE).matcher(description);
            while (m.find()) {
                String name = m.group(1);
                for (JsonNode e : enumValues) {
                    if (e.isString() && e.asString().equals(name)) {
                        return e;
                    }
                }
            }
            return null;
        }

        /** The schema of a property, or null when the target does not allow it. */
        JsonNode property(String name) {
            if (never) {
                return null;
            }
            if (objects.isEmpty()) {
                return BooleanNode.TRUE;
            }
            // every merged schema must allow the name; the first that declares it gives its schema
            JsonNode found = null;
            for (JsonNode s : objects) {
                JsonNode sub = own(s, name);
                if (sub == null) {
                    return null;
                }
                if (found == null || (found.isBoolean() && found.asBoolean())) {
                    found = sub;
                }
            }
            return found;
        }

        private static JsonNode own(JsonNode s, String name) {
            JsonNode props = s.get("properties");
            if (props != null) {
                JsonNode p = props.get(name);
                if (p != null) {
                    return p;
                }
            }
            JsonNode pp = s.get("patternProperties");
            if (pp != null && pp.isObject()) {
                for (Map.Entry<String, JsonNode> e : pp.properties()) {
                    Pattern p = pattern(e.getKey());
                    if (p != null && p.matcher(name).find()) {
                        return e.getValue();
                    }
                }
            }
            JsonNode ap = s.get("additionalProperties");
            if (ap == null) {
                ap = s.get("unevaluatedProperties");
            }
            if (ap == null) {
                return BooleanNode.TRUE;
            }
            if (ap.isBoolean() && !ap.asBoolean()) {
                return null;
            }
            return ap;
        }

        /** The schema of array element {@code i}. */
        JsonNode items(int i) {
            JsonNode found = null;
            for (JsonNode s : objects) {
                JsonNode prefix = s.get("prefixItems");
                if (prefix != null && prefix.isArray() && i < prefix.size()) {
                    return prefix.get(i);
                }
                JsonNode it = s.get("items");
                if (it != null && (it.isObject() || it.isBoolean())) {
                    found = it;
                } else if (it != null && it.isArray() && i < it.size()) {
                    found = it.get(i); // draft 4-7 tuple form
                }
            }
            return found == null ? BooleanNode.TRUE : found;
        }

        private static Pattern pattern(String regex) {
            Pattern p = PATTERNS.get(regex);
            if (p == null) {
                try {
                    p = Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    return null;
                }
                PATTERNS.putIfAbsent(regex, p);
            }
            return p;
        }
    }

    /** A schema with local {@code $ref}s followed (at most 32 hops); null for a reference that does not resolve. */
    static JsonNode resolve(JsonNode root, JsonNode schema) {
        for (int hops = 0; hops < 32 && schema != null && schema.isObject(); hops++) {
            JsonNode ref = schema.get("$ref");
            if (ref == null || !ref.isString()) {
                return schema;
            }
            String r = ref.asString();
            if (!r.startsWith("#")) {
                return schema; // not local: left to the validation
            }
            JsonNode target = r.length() == 1 ? root : root.at(decode(r.substring(1)));
            if (target == null || target.isMissingNode()) {
                return null;
            }
            if (schema.size() > 1) {
                // 2020-12: $ref next to other keywords applies both; merged as allOf
                ObjectNode merged = (ObjectNode) schema.deepCopy();
                merged.remove("$ref");
                ArrayNode all = merged.has("allOf") && merged.get("allOf").isArray()
                        ? ((ArrayNode) merged.get("allOf")).deepCopy() : NODES.arrayNode();
                all.add(target);
                merged.set("allOf", all);
                return merged;
            }
            schema = target;
        }
        return schema;
    }

    private static String decode(String fragment) {
        if (fragment.indexOf('%') < 0) {
            return fragment;
        }
        return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

}
