package org.graphlint.convert;


import java.util.ArrayList;
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

/** The keywords of one schema the walk interprets, with {@code $ref}, {@code allOf} and the chosen branch merged. */
final class Shape {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

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
            enumValues.forEach(e -> l.add(Walker.show(e)));
        } else if (constValue != null) {
            l.add(Walker.show(constValue));
        }
        return String.join(", ", l);
    }

    /** The enum value the description names as the replacement of {@code v}, when it is allowed; else null. */
    JsonNode replacement(JsonNode v) {
        if (description == null || !v.isString() || enumValues == null) {
            return null;
        }
        String old = v.asString();
        Matcher m = Pattern.compile("`?\\b" + Pattern.quote(old) + "\\b`?\\s*" + Walker.REPLACED + "([A-Za-z0-9_.-]+)",
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
