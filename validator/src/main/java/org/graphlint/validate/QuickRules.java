package org.graphlint.validate;

import com.networknt.schema.format.Format;
import com.networknt.schema.regex.RegularExpression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graphlint.validate.QuickCheck.Rule;
import org.graphlint.validate.QuickCheck.Unsupported;
import tools.jackson.databind.JsonNode;

import static org.graphlint.validate.Verdict.INVALID;
import static org.graphlint.validate.Verdict.UNSURE;
import static org.graphlint.validate.Verdict.VALID;

/**
 * The {@link QuickCheck} rules of the keywords that hold no subschema ({@code type}, {@code enum}/{@code const},
 * {@code required}, {@code minimum}/{@code maximum}, {@code format}, {@code pattern}), each compiled from its keyword's
 * value; a value this class cannot decide exactly throws {@link Unsupported}.
 */
final class QuickRules {

    private QuickRules() {
    }

    /** The formats networknt checks, with graphlint's own in their place (see {@link Formats}). */
    private static final Map<String, Format> FORMATS = Formats.all();

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String DUR_TIME = "T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S)";
    /** RFC 3339 appendix A. */
    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("P(?:(?:[0-9]+D|[0-9]+M(?:[0-9]+D)?"
            + "|[0-9]+Y(?:[0-9]+M(?:[0-9]+D)?)?)(?:" + DUR_TIME + ")?|" + DUR_TIME + "|[0-9]+W)");

    /**
     * RFC 3339 (and the suite) for the formats graphlint's schemas use, matched on the whole string (no trailing
     * newline): a value is proven valid only when both the format networknt runs and these accept it.
     */
    private static final Map<String, java.util.function.Predicate<String>> STRICT = Map.of(
            "date-time", Formats::rfc3339DateTime,
            "date", t -> {
                java.util.regex.Matcher m = DATE.matcher(t);
                return m.matches() && Formats.validDate(m.group(1), m.group(2), m.group(3));
            },
            "uuid", t -> UUID.matcher(t).matches(),
            "duration", t -> DURATION.matcher(t).matches());

    /** False for a number read as infinity or NaN (a literal beyond double range). */
    private static boolean finite(JsonNode v) {
        return !v.isFloatingPointNumber() || v.isBigDecimal() || Double.isFinite(v.doubleValue());
    }

    static Rule type(JsonNode x) {
        List<String> names = new ArrayList<>();
        if (x.isString()) {
            names.add(x.asString());
        } else if (x.isArray()) {
            x.forEach(n -> names.add(n.asString()));
        } else {
            throw new Unsupported("type that is not a name or a list of names");
        }
        boolean nul = false;
        boolean bool = false;
        boolean str = false;
        boolean obj = false;
        boolean arr = false;
        boolean num = false;
        boolean integer = false;
        for (String n : names) {
            switch (n) {
                case "null" -> nul = true;
                case "boolean" -> bool = true;
                case "string" -> str = true;
                case "object" -> obj = true;
                case "array" -> arr = true;
                case "number" -> num = true;
                case "integer" -> integer = true;
                default -> throw new Unsupported("type '" + n + "'");
            }
        }
        final boolean fNull = nul;
        final boolean fBool = bool;
        final boolean fStr = str;
        final boolean fObj = obj;
        final boolean fArr = arr;
        final boolean fNum = num;
        final boolean fInt = integer;
        return v -> {
            if (v.isString()) {
                return fStr ? VALID : INVALID;
            }
            if (v.isObject()) {
                return fObj ? VALID : INVALID;
            }
            if (v.isArray()) {
                return fArr ? VALID : INVALID;
            }
            if (v.isNull()) {
                return fNull ? VALID : INVALID;
            }
            if (v.isBoolean()) {
                return fBool ? VALID : INVALID;
            }
            if (v.isNumber()) {
                if (!finite(v)) {
                    return UNSURE; // 1e400 read as infinity: networknt calls its type "unknown"
                }
                if (fNum || (fInt && v.isIntegralNumber())) {
                    return VALID;
                }
                // 1.0 for an integer: validators differ, so networknt decides.
                return fInt ? UNSURE : INVALID;
            }
            return UNSURE;
        };
    }

    static Rule enumOf(JsonNode x) {
        if (!x.isArray()) {
            throw new Unsupported("enum that is not an array");
        }
        Set<String> strings = new HashSet<>();
        boolean nul = false;
        boolean t = false;
        boolean f = false;
        boolean other = false;
        for (JsonNode m : x) {
            if (m.isString()) {
                strings.add(m.asString());
            } else if (m.isNull()) {
                nul = true;
            } else if (m.isBoolean()) {
                if (m.asBoolean()) {
                    t = true;
                } else {
                    f = true;
                }
            } else {
                other = true; // numbers, objects, arrays: equality networknt's way is not re-implemented here
            }
        }
        final boolean fNull = nul;
        final boolean fTrue = t;
        final boolean fFalse = f;
        final boolean fOther = other;
        return v -> {
            if (v.isString()) {
                return strings.contains(v.asString()) ? VALID : INVALID;
            }
            if (v.isNull()) {
                return fNull ? VALID : INVALID;
            }
            if (v.isBoolean()) {
                return (v.asBoolean() ? fTrue : fFalse) ? VALID : INVALID;
            }
            return fOther || !finite(v) ? UNSURE : INVALID;
        };
    }

    static Rule required(JsonNode x) {
        if (!x.isArray()) {
            throw new Unsupported("required that is not an array");
        }
        List<String> names = new ArrayList<>();
        x.forEach(n -> names.add(n.asString()));
        return v -> {
            if (!v.isObject()) {
                return VALID;
            }
            for (String n : names) {
                if (!v.has(n)) {
                    return INVALID;
                }
            }
            return VALID;
        };
    }

    static Rule bound(String k, JsonNode x) {
        if (!x.isIntegralNumber()) {
            throw new Unsupported(k + " that is not an integer");
        }
        BigDecimal b = new BigDecimal(x.bigIntegerValue());
        boolean min = k.equals("minimum");
        return v -> {
            if (!v.isNumber()) {
                return VALID;
            }
            if (!v.isIntegralNumber()) {
                return UNSURE; // floating-point comparison is networknt's to make
            }
            int c = new BigDecimal(v.bigIntegerValue()).compareTo(b);
            return (min ? c >= 0 : c <= 0) ? VALID : INVALID;
        };
    }

    static Rule format(JsonNode x) {
        Format f = x.isString() ? FORMATS.get(x.asString()) : null;
        if (f == null) {
            throw new Unsupported("format " + x);
        }
        java.util.function.Predicate<String> strict = STRICT.getOrDefault(x.asString(), t -> true);
        return v -> {
            if (!v.isString()) {
                return VALID;
            }
            String t = v.asString();
            if (!f.matches(null, t)) {
                return INVALID;
            }
            // networknt accepts some strings RFC 3339 and the JSON-Schema-Test-Suite call invalid (a trailing
            // newline): those are not proven valid here; networknt has the last word (SuiteTest).
            return strict.test(t) ? VALID : UNSURE;
        };
    }

    /** A {@code pattern} rule: strings must match; other values pass. */
    static Rule matching(RegularExpression re) {
        return v -> !v.isString() ? VALID : re.matches(v.asString()) ? VALID : INVALID;
    }

    /** {@code re}, remembering its answers for short strings. */
    static RegularExpression remembered(RegularExpression re) {
        return new Remembered(re);
    }

    /**
     * A pattern that remembers its answers for short strings. Fixtures repeat the same property names and
     * {@code @odata.type} values thousands of times, and a {@code patternProperties} pattern such as
     * {@code ^[A-Za-z0-9_.]*@odata\.[A-Za-z]+$} backtracks over every name it does not match.
     */
    private static final class Remembered implements RegularExpression {
        private static final int MAX_LENGTH = 128;
        private static final int MAX_ENTRIES = 4096;
        private final RegularExpression re;
        private final java.util.concurrent.ConcurrentHashMap<String, Boolean> seen = new java.util.concurrent.ConcurrentHashMap<>();

        Remembered(RegularExpression re) {
            this.re = re;
        }

        @Override
        public boolean matches(String value) {
            if (value.length() > MAX_LENGTH) {
                return re.matches(value);
            }
            Boolean b = seen.get(value);
            if (b == null) {
                b = re.matches(value);
                if (seen.size() < MAX_ENTRIES) {
                    seen.put(value, b);
                }
            }
            return b;
        }
    }
}
