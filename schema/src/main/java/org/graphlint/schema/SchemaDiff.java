package org.graphlint.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What changed between two schemas, each change classified for a client sending payloads: breaking when a payload
 * valid against the old schema may be rejected by the new one (a property or enum value removed, a type changed, a
 * property newly required, null no longer accepted), not breaking otherwise (a property or enum value added, ...).
 * Nested objects ({@code $ref} into {@code $defs}, arrays of them) are compared property by property, with paths like
 * {@code tokenActionResults[].actionState}.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    public static List<SchemaChange> diff(JsonNode oldSchema, JsonNode newSchema) {
        List<SchemaChange> out = new ArrayList<>();
        compareObjects(oldSchema, oldSchema, newSchema, newSchema, "", out, new HashSet<>());
        return List.copyOf(out);
    }

    /** Follows a local {@code $ref} ({@code #/$defs/X}). */
    static JsonNode resolve(JsonNode root, JsonNode s) {
        int guard = 0;
        while (s != null && s.has("$ref") && guard++ < 16) {
            String ref = s.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                return s;
            }
            JsonNode t = root.at(ref.substring(1));
            if (t.isMissingNode()) {
                return s;
            }
            s = t;
        }
        return s;
    }

    /** A schema without its null alternative: {@code anyOf [X, null]} is X, {@code type [string, null]} is string. */
    static JsonNode nonNull(JsonNode s) {
        if (s == null) {
            return null;
        }
        if (isNullSchema(s.path("if")) && s.has("else") && !s.has("then")) {
            return s.get("else");
        }
        JsonNode any = s.get("anyOf");
        if (any != null && any.isArray() && any.size() == 2) {
            if (isNullSchema(any.get(1))) {
                return any.get(0);
            }
            if (isNullSchema(any.get(0))) {
                return any.get(1);
            }
        }
        return s;
    }

    private static boolean isNullSchema(JsonNode s) {
        return s.isObject() && s.size() == 1 && "null".equals(s.path("type").asString(""));
    }

    static boolean nullable(JsonNode s) {
        if (s == null) {
            return false;
        }
        if (isNullSchema(s.path("if")) && s.has("else") && !s.has("then")) {
            return true;
        }
        JsonNode any = s.get("anyOf");
        if (any != null && any.isArray()) {
            for (JsonNode a : any) {
                if (isNullSchema(a)) {
                    return true;
                }
            }
        }
        JsonNode t = s.get("type");
        if (t == null) {
            return !s.has("$ref") && !s.has("enum") && !s.has("const");
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if ("null".equals(x.asString())) {
                    return true;
                }
            }
            return false;
        }
        return "null".equals(t.asString());
    }

    /** A short description of a schema's type, null and enum values left out: {@code string(date-time)}, {@code array<vppTokenActionResult>}. */
    static String typeOf(JsonNode root, JsonNode s) {
        s = nonNull(s);
        if (s == null) {
            return "none";
        }
        if (s.has("$ref")) {
            String ref = s.get("$ref").asString();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        Set<String> types = new TreeSet<>();
        JsonNode t = s.get("type");
        if (t != null && t.isArray()) {
            t.forEach(x -> types.add(x.asString()));
        } else if (t != null) {
            types.add(t.asString());
        }
        types.remove("null");
        String base = types.isEmpty() ? (s.has("enum") ? "enum" : "any") : String.join("|", types);
        if (types.contains("array") && s.has("items")) {
            return "array<" + typeOf(root, s.get("items")) + ">";
        }
        StringBuilder b = new StringBuilder(base);
        if (s.has("format")) {
            b.append('(').append(s.get("format").asString()).append(')');
        } else if (s.has("pattern") && !"object".equals(base)) {
            b.append("(pattern ").append(s.get("pattern").asString()).append(')');
        }
        if (s.has("minimum") || s.has("maximum")) {
            b.append('[').append(s.path("minimum").asString("")).append("..").append(s.path("maximum").asString("")).append(']');
        }
        if (s.has("then")) {
            b.append(" then ").append(s.get("then").toString());
        }
        return b.toString();
    }

    private static Set<String> enumValues(JsonNode s) {
        Set<String> v = new LinkedHashSet<>();
        JsonNode n = nonNull(s);
        if (n != null && n.get("enum") != null) {
            n.get("enum").forEach(x -> {
                if (!x.isNull()) {
                    v.add(x.asString());
                }
            });
        }
        return v;
    }

    private static JsonNode properties(JsonNode s) {
        return s == null ? null : s.get("properties");
    }

    private static void compareObjects(JsonNode oldRoot, JsonNode oldS, JsonNode newRoot, JsonNode newS, String prefix,
            List<SchemaChange> out, Set<String> visited) {
        JsonNode op = properties(oldS);
        JsonNode np = properties(newS);
        if (op == null || np == null) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        op.propertyNames().forEach(names::add);
        np.propertyNames().forEach(names::add);
        for (String name : names) {
            if (name.equals("@odata.type") && prefix.isEmpty()) {
                continue;
            }
            String path = prefix + name;
            JsonNode o = op.get(name);
            JsonNode n = np.get(name);
            if (o == null) {
                out.add(new SchemaChange("property-added", path, "'" + path + "' (" + typeOf(newRoot, n) + ") added", false));
                continue;
            }
            if (n == null) {
                out.add(new SchemaChange("property-removed", path, "'" + path + "' (" + typeOf(oldRoot, o) + ") removed", true));
                continue;
            }
            compareValues(oldRoot, o, newRoot, n, path, out, visited);
        }
        Set<String> oldReq = strings(oldS.get("required"));
        Set<String> newReq = strings(newS.get("required"));
        for (String r : newReq) {
            if (!oldReq.contains(r)) {
                out.add(new SchemaChange("required-added", prefix + r, "'" + prefix + r + "' is now required", true));
            }
        }
        for (String r : oldReq) {
            if (!newReq.contains(r)) {
                out.add(new SchemaChange("required-removed", prefix + r, "'" + prefix + r + "' is no longer required", false));
            }
        }
        boolean oldClosed = closed(oldS);
        boolean newClosed = closed(newS);
        if (oldClosed != newClosed) {
            String where = prefix.isEmpty() ? "(root)" : prefix.substring(0, prefix.length() - 1);
            out.add(new SchemaChange("additional-properties-changed", where,
                    newClosed ? "unknown properties are now rejected" : "unknown properties are now accepted", newClosed));
        }
    }

    /** additionalProperties false, at the top or in the else branch graphlint uses for nested types. */
    private static boolean closed(JsonNode s) {
        JsonNode a = s.path("additionalProperties");
        if (a.isBoolean()) {
            return !a.asBoolean();
        }
        JsonNode e = s.path("else").path("additionalProperties");
        return e.isBoolean() && !e.asBoolean();
    }

    private static void compareValues(JsonNode oldRoot, JsonNode o, JsonNode newRoot, JsonNode n, String path,
            List<SchemaChange> out, Set<String> visited) {
        String ot = typeOf(oldRoot, o);
        String nt = typeOf(newRoot, n);
        if (!ot.equals(nt)) {
            boolean breaking = !nt.equals("any");
            out.add(new SchemaChange("type-changed", path, "'" + path + "' changed from " + ot + " to " + nt, breaking));
        }
        boolean on = nullable(o);
        boolean nn = nullable(n);
        if (on != nn) {
            out.add(new SchemaChange("nullable-changed", path,
                    "'" + path + "' " + (nn ? "now accepts null" : "no longer accepts null"), !nn));
        }
        JsonNode oi = nonNull(o);
        JsonNode ni = nonNull(n);
        String suffix = "";
        if (oi.has("items") && ni.has("items")) {
            oi = nonNull(oi.get("items"));
            ni = nonNull(ni.get("items"));
            suffix = "[]";
        }
        Set<String> oe = enumValues(oi);
        Set<String> ne = enumValues(ni);
        if (!oe.isEmpty() || !ne.isEmpty()) {
            for (String v : ne) {
                if (!oe.contains(v) && !oe.isEmpty()) {
                    out.add(new SchemaChange("enum-value-added", path + suffix, "'" + path + suffix + "' gains '" + v + "'", false));
                }
            }
            for (String v : oe) {
                if (!ne.contains(v) && !ne.isEmpty()) {
                    out.add(new SchemaChange("enum-value-removed", path + suffix, "'" + path + suffix + "' loses '" + v + "'", true));
                }
            }
        }
        if (ot.equals(nt) && oi.has("$ref") && ni.has("$ref")) {
            String key = path + "|" + oi.get("$ref").asString();
            if (visited.add(key) && visited.size() < 10_000) {
                JsonNode od = resolve(oldRoot, oi);
                JsonNode nd = resolve(newRoot, ni);
                compareObjects(oldRoot, od, newRoot, nd, path + suffix + ".", out, visited);
            }
        }
    }

    private static Set<String> strings(JsonNode a) {
        Set<String> s = new LinkedHashSet<>();
        if (a != null && a.isArray()) {
            a.forEach(x -> s.add(x.asString()));
        }
        return s;
    }

    /** True when at least one change is breaking for senders. */
    public static boolean breaking(List<SchemaChange> changes) {
        return changes.stream().anyMatch(SchemaChange::breakingForSenders);
    }

    /** The structural form of a schema: annotations (description, title, $comment, examples) removed, for identity. */
    public static JsonNode structural(JsonNode schema) {
        JsonNode c = schema.deepCopy();
        strip(c, 0);
        return c;
    }

    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "$comment", "examples");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "$defs", "patternProperties", "dependentSchemas");
    private static final Set<String> SCHEMA_ARRAYS = Set.of("anyOf", "oneOf", "allOf", "prefixItems");
    private static final Set<String> SCHEMA_VALUES = Set.of("items", "if", "then", "else", "not", "additionalProperties",
            "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems");

    private static void strip(JsonNode s, int depth) {
        if (!(s instanceof ObjectNode o) || depth > 200) {
            return;
        }
        ANNOTATIONS.forEach(o::remove);
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (SCHEMA_MAPS.contains(k) && v.isObject()) {
                v.forEach(x -> strip(x, depth + 1));
            } else if (SCHEMA_ARRAYS.contains(k) && v.isArray()) {
                v.forEach(x -> strip(x, depth + 1));
            } else if (SCHEMA_VALUES.contains(k)) {
                strip(v, depth + 1);
            }
        }
    }
}
