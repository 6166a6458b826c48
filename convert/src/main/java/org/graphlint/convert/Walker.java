package org.graphlint.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Where the target's docs name an enum value's replacement: "`old` is replaced by `new`", "use new instead". */
    static final String REPLACED = "(?:is\\s+)?(?:deprecated[,;:]?\\s*)?(?:\\([^)]*\\)\\s*)?"
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
        return walk(payload, fromRoot, toRoot, Pointer.ROOT, Pointer.ROOT);
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

    private JsonNode walk(JsonNode value, JsonNode fromS, JsonNode toS, Pointer orig, Pointer out) {
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
    private JsonNode checkEnum(JsonNode v, JsonNode original, Shape to, Shape from, Pointer orig) {
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

    private JsonNode walkObject(ObjectNode o, Shape from, Shape to, Pointer orig, Pointer out) {
        ObjectNode copy = null;
        int i = 0;
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            String name = e.getKey();
            JsonNode toSub = to.property(name);
            JsonNode fromSub = from == null ? null : from.property(name);
            Pointer po = orig.child(Pointer.escape(name));
            JsonNode r;
            if (toSub == null) {
                String was = fromSub != null ? "documented in " + fromLabel + ", not in " + toLabel
                        : "documented neither in " + fromLabel + " nor in " + toLabel;
                record(po, ChangeKind.PROPERTY_NOT_IN_TARGET, Outcome.REMOVED, e.getValue(), null,
                        "`" + name + "` is " + was);
                r = null;
            } else {
                r = walk(e.getValue(), fromSub, toSub, po, out.child(Pointer.escape(name)));
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

    private JsonNode walkArray(ArrayNode a, Shape from, Shape to, Pointer orig, Pointer out) {
        ArrayNode copy = null;
        int outIndex = 0;
        for (int i = 0; i < a.size(); i++) {
            JsonNode el = a.get(i);
            String is = Integer.toString(i);
            Pointer po = orig.child(is);
            Pointer pout = outIndex == i ? out.child(is) : out.child(Integer.toString(outIndex));
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

    private void record(Pointer p, ChangeKind kind, Outcome outcome, JsonNode old, JsonNode now, String message) {
        changes.add(change(p, kind, outcome, old, now, message));
    }

    private static Change change(Pointer p, ChangeKind kind, Outcome outcome, JsonNode old, JsonNode now, String message) {
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


}
