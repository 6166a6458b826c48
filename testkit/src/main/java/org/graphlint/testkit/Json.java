package org.graphlint.testkit;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** JSON helpers. */
final class Json {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Compiled {@code pattern}s and {@code patternProperties} keys: a schema has a few, a campaign matches them millions of times. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private Json() {
    }

    /** The compiled regular expression, compiled once per process. */
    static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    /** Whether a regular expression matches somewhere in a string, as JSON Schema's {@code pattern} does. */
    static boolean finds(String regex, String s) {
        return pattern(regex).matcher(s).find();
    }

    /** JSON equality with numbers compared by value (1 equals 1.0), as JSON Schema's enum and const do. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (var e : a.properties()) {
                JsonNode o = b.get(e.getKey());
                if (o == null || !sameValue(e.getValue(), o)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    static boolean isWhole(JsonNode v) {
        if (v.isIntegralNumber()) {
            return true;
        }
        if (!v.isNumber()) {
            return false;
        }
        double d = v.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return false;
        }
        BigDecimal b = v.decimalValue();
        return b.signum() == 0 || b.scale() <= 0 || b.stripTrailingZeros().scale() <= 0;
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, String token) {
        return pointer + "/" + escape(token);
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** The JSON type name of a value, as JSON Schema's {@code type} keyword names it. */
    static String typeName(JsonNode v) {
        if (v.isNull()) {
            return "null";
        } else if (v.isBoolean()) {
            return "boolean";
        } else if (v.isString()) {
            return "string";
        } else if (v.isIntegralNumber() || (v.isNumber() && isWhole(v))) {
            return "integer";
        } else if (v.isNumber()) {
            return "number";
        } else if (v.isArray()) {
            return "array";
        }
        return "object";
    }
}
