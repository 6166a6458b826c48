package org.graphlint.testkit;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A small JSON Schema evaluator for the keywords graphlint's schemas use, good enough to decide which branch of an
 * {@code if}/{@code then}/{@code else} or {@code anyOf}/{@code oneOf} a value takes and to honour {@code not}.
 * Keywords it does not know are treated as satisfied (generation never relies on them to reject values). It is not the
 * validator under test: generated payloads are never filtered through networknt.
 */
final class Eval {
    private final JsonNode root;

    Eval(JsonNode root) {
        this.root = root;
    }

    JsonNode resolve(String ref) {
        if (ref.equals("#")) {
            return root;
        }
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode t = root.at(ref.substring(1));
        return t.isMissingNode() ? null : t;
    }

    boolean matches(JsonNode s, JsonNode v) {
        return matches(s, v, 0);
    }

    private boolean matches(JsonNode s, JsonNode v, int depth) {
        if (s == null || depth > 200) {
            return true;
        }
        if (s.isBoolean()) {
            return s.asBoolean();
        }
        if (!s.isObject()) {
            return true;
        }
        if (s.has("$ref")) {
            JsonNode t = resolve(s.get("$ref").asString());
            if (t != null && !matches(t, v, depth + 1)) {
                return false;
            }
        }
        JsonNode type = s.get("type");
        if (type != null && !typeOk(type, v)) {
            return false;
        }
        JsonNode en = s.get("enum");
        if (en != null && en.isArray()) {
            boolean any = false;
            for (JsonNode e : en) {
                any |= Json.sameValue(e, v);
            }
            if (!any) {
                return false;
            }
        }
        if (s.has("const") && !Json.sameValue(s.get("const"), v)) {
            return false;
        }
        if (v.isString()) {
            String str = v.asString();
            if (s.has("pattern") && !Json.finds(s.get("pattern").asString(), str)) {
                return false;
            }
            int cps = str.codePointCount(0, str.length());
            if (s.has("minLength") && cps < s.get("minLength").asInt()) {
                return false;
            }
            if (s.has("maxLength") && cps > s.get("maxLength").asInt()) {
                return false;
            }
            if (s.has("format") && !Formats.valid(s.get("format").asString(), str)) {
                return false;
            }
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            if (s.has("minimum") && d.compareTo(s.get("minimum").decimalValue()) < 0) {
                return false;
            }
            if (s.has("maximum") && d.compareTo(s.get("maximum").decimalValue()) > 0) {
                return false;
            }
            if (s.has("exclusiveMinimum") && d.compareTo(s.get("exclusiveMinimum").decimalValue()) <= 0) {
                return false;
            }
            if (s.has("exclusiveMaximum") && d.compareTo(s.get("exclusiveMaximum").decimalValue()) >= 0) {
                return false;
            }
        }
        if (v.isObject()) {
            JsonNode req = s.get("required");
            if (req != null) {
                for (JsonNode r : req) {
                    if (!v.has(r.asString())) {
                        return false;
                    }
                }
            }
            JsonNode props = s.get("properties");
            JsonNode pats = s.get("patternProperties");
            JsonNode add = s.get("additionalProperties");
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                boolean declared = false;
                if (props != null && props.has(f.getKey())) {
                    declared = true;
                    if (!matches(props.get(f.getKey()), f.getValue(), depth + 1)) {
                        return false;
                    }
                }
                if (pats != null) {
                    for (Map.Entry<String, JsonNode> p : pats.properties()) {
                        if (Json.finds(p.getKey(), f.getKey())) {
                            declared = true;
                            if (!matches(p.getValue(), f.getValue(), depth + 1)) {
                                return false;
                            }
                        }
                    }
                }
                if (!declared && add != null && !matches(add, f.getValue(), depth + 1)) {
                    return false;
                }
            }
        }
        if (v.isArray()) {
            JsonNode items = s.get("items");
            if (items != null) {
                for (JsonNode i : v) {
                    if (!matches(items, i, depth + 1)) {
                        return false;
                    }
                }
            }
            if (s.has("minItems") && v.size() < s.get("minItems").asInt()) {
                return false;
            }
            if (s.has("maxItems") && v.size() > s.get("maxItems").asInt()) {
                return false;
            }
        }
        if (s.has("not") && matches(s.get("not"), v, depth + 1)) {
            return false;
        }
        JsonNode all = s.get("allOf");
        if (all != null) {
            for (JsonNode a : all) {
                if (!matches(a, v, depth + 1)) {
                    return false;
                }
            }
        }
        JsonNode anyOf = s.get("anyOf");
        if (anyOf != null) {
            boolean any = false;
            for (Iterator<JsonNode> it = anyOf.iterator(); it.hasNext() && !any;) {
                any = matches(it.next(), v, depth + 1);
            }
            if (!any) {
                return false;
            }
        }
        JsonNode oneOf = s.get("oneOf");
        if (oneOf != null) {
            int n = 0;
            for (JsonNode a : oneOf) {
                n += matches(a, v, depth + 1) ? 1 : 0;
            }
            if (n != 1) {
                return false;
            }
        }
        if (s.has("if")) {
            JsonNode branch = matches(s.get("if"), v, depth + 1) ? s.get("then") : s.get("else");
            if (branch != null && !matches(branch, v, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    static boolean typeOk(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeOk(t.asString(), v)) {
                    return true;
                }
            }
            return false;
        }
        return typeOk(type.asString(), v);
    }

    static boolean typeOk(String t, JsonNode v) {
        return switch (t) {
            case "null" -> v.isNull();
            case "boolean" -> v.isBoolean();
            case "string" -> v.isString();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && Json.isWhole(v));
            case "array" -> v.isArray();
            case "object" -> v.isObject();
            default -> true;
        };
    }
}
