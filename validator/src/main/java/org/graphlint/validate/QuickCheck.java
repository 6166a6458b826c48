package org.graphlint.validate;

import com.networknt.schema.format.Format;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A pre-check that can only say "certainly valid". Most fixtures a CI run sees are valid, and proving that needs none
 * of networknt's error bookkeeping (paths, messages, annotations), so a body is first run through this small
 * evaluator of the schema keywords graphlint's catalogs use; only when it cannot prove the body valid does networknt
 * run, and networknt alone words every finding.
 *
 * <p>Every keyword answers {@link #VALID}, {@link #INVALID} or {@link #UNSURE}, and answers VALID or INVALID only
 * where networknt (with graphlint's registry settings) is known to answer the same: formats and patterns are decided by
 * networknt's own {@link Format} and {@link RegularExpression} objects, and anything else (a keyword this class does
 * not know, a non-local {@code $ref}, an integer written as {@code 1.0}, a number in an {@code enum}) is UNSURE or
 * makes the whole schema unsupported. The tests hold it to that against networknt.
 */
final class QuickCheck {

    static final int INVALID = 0;
    static final int VALID = 1;
    static final int UNSURE = 2;

    /** A compiled keyword (or schema): VALID, INVALID or UNSURE for one value. */
    @FunctionalInterface
    interface Rule {
        int test(JsonNode v);
    }

    /** A schema with a keyword this class does not evaluate. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** Keywords that never change a verdict in draft 2020-12 (annotations) or only hold subschemas for {@code $ref}. */
    private static final Set<String> IGNORED = Set.of("$schema", "$comment", "$defs", "definitions", "title",
            "description", "readOnly", "writeOnly", "deprecated", "default", "examples", "contentEncoding",
            "contentMediaType");

    private static final Rule ALWAYS = v -> VALID;
    private static final Rule NEVER = v -> INVALID;
    private static final QuickCheck NONE = new QuickCheck(null, "no schema");

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

    private final Rule root;
    private final String unsupported;

    private QuickCheck(Rule root, String unsupported) {
        this.root = root;
        this.unsupported = unsupported;
    }

    /** Compiles a schema; a schema with anything this class cannot decide exactly gives a check that never answers. */
    static QuickCheck compile(JsonNode schema, RegularExpressionFactory regex) {
        if (schema == null) {
            return NONE;
        }
        try {
            return new QuickCheck(new Compiler(schema, regex).compile(schema), null);
        } catch (Unsupported e) {
            return new QuickCheck(null, e.getMessage());
        }
    }

    /** True only when the value is valid for certain; false means "ask networknt". Never throws. */
    boolean certainlyValid(JsonNode value) {
        if (root == null) {
            return false;
        }
        try {
            return root.test(value) == VALID;
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    /** The verdict itself (for tests). */
    int verdict(JsonNode value) {
        if (root == null) {
            return UNSURE;
        }
        try {
            return root.test(value);
        } catch (RuntimeException | StackOverflowError e) {
            return UNSURE;
        }
    }

    /** Why the schema is not pre-checked, or null when it is. */
    String unsupported() {
        return unsupported;
    }

    // ------------------------------------------------------------------ combining verdicts

    private static int all(Rule[] rules, JsonNode v) {
        int out = VALID;
        for (Rule r : rules) {
            out = and(out, r.test(v));
            if (out == INVALID) {
                return INVALID;
            }
        }
        return out;
    }

    /** False for a number read as infinity or NaN (a literal beyond double range). */
    private static boolean finite(JsonNode v) {
        return !v.isFloatingPointNumber() || v.isBigDecimal() || Double.isFinite(v.doubleValue());
    }

    /** Both verdicts at once: INVALID if either is, else UNSURE if either is, else VALID. */
    private static int and(int a, int b) {
        return a == INVALID || b == INVALID ? INVALID : a == UNSURE || b == UNSURE ? UNSURE : VALID;
    }

    private static int not(int x) {
        return x == UNSURE ? UNSURE : x == VALID ? INVALID : VALID;
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

    // ------------------------------------------------------------------ compiling

    private static final class Compiler {
        private final JsonNode rootSchema;
        private final RegularExpressionFactory regex;
        /** Compiled {@code $ref} targets by pointer; a holder first, so that recursive references terminate. */
        private final Map<String, Rule[]> refs = new HashMap<>();

        Compiler(JsonNode rootSchema, RegularExpressionFactory regex) {
            this.rootSchema = rootSchema;
            this.regex = regex;
        }

        Rule compile(JsonNode s) {
            if (s.isBoolean()) {
                return s.asBoolean() ? ALWAYS : NEVER;
            }
            if (!s.isObject()) {
                throw new Unsupported("a schema that is neither an object nor a boolean");
            }
            List<Rule> rules = new ArrayList<>();
            boolean objectRule = false;
            JsonNode ifSchema = null;
            for (Map.Entry<String, JsonNode> e : s.properties()) {
                String k = e.getKey();
                JsonNode x = e.getValue();
                switch (k) {
                    case "type" -> rules.add(type(x));
                    case "enum" -> rules.add(enumOf(x));
                    case "const" -> rules.add(enumOf(tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(x)));
                    case "properties", "patternProperties", "additionalProperties" -> objectRule = true;
                    case "required" -> rules.add(required(x));
                    case "items" -> rules.add(items(x));
                    case "minimum", "maximum" -> rules.add(bound(k, x));
                    case "format" -> rules.add(format(x));
                    case "pattern" -> rules.add(pattern(x));
                    case "$ref" -> rules.add(ref(x));
                    case "allOf" -> {
                        Rule[] rs = list(x);
                        rules.add(v -> all(rs, v));
                    }
                    case "anyOf" -> rules.add(anyOf(list(x)));
                    case "oneOf" -> rules.add(oneOf(list(x)));
                    case "not" -> {
                        Rule r = compile(x);
                        rules.add(v -> not(r.test(v)));
                    }
                    case "if" -> ifSchema = x;
                    case "then", "else" -> { /* with "if" */ }
                    default -> {
                        // x-…: the builder's annotations; "$id": the builder's own (urn:graphlint:…), the location the
                        // schema is compiled under, so "#/$defs/…" resolves as without it (any other $id may move it)
                        boolean ownId = k.equals("$id") && x.isString() && x.asString().startsWith("urn:graphlint:");
                        if (!IGNORED.contains(k) && !k.startsWith("x-") && !ownId) {
                            throw new Unsupported("keyword '" + k + "'");
                        }
                    }
                }
            }
            if (objectRule) {
                rules.add(object(s));
            }
            if (ifSchema != null) {
                rules.add(conditional(compile(ifSchema), optional(s.get("then")), optional(s.get("else"))));
            }
            if (rules.isEmpty()) {
                return ALWAYS;
            }
            if (rules.size() == 1) {
                return rules.get(0);
            }
            Rule[] rs = rules.toArray(new Rule[0]);
            return v -> all(rs, v);
        }

        private Rule optional(JsonNode s) {
            return s == null ? null : compile(s);
        }

        private Rule[] list(JsonNode x) {
            if (!x.isArray() || x.isEmpty()) {
                throw new Unsupported("an empty or non-array subschema list");
            }
            Rule[] rs = new Rule[x.size()];
            for (int i = 0; i < rs.length; i++) {
                rs[i] = compile(x.get(i));
            }
            return rs;
        }

        private static Rule conditional(Rule cond, Rule then, Rule otherwise) {
            return v -> {
                int c = cond.test(v);
                if (c == UNSURE) {
                    return UNSURE;
                }
                Rule r = c == VALID ? then : otherwise;
                return r == null ? VALID : r.test(v);
            };
        }

        private static Rule anyOf(Rule[] rs) {
            return v -> {
                int out = INVALID;
                for (Rule r : rs) {
                    int x = r.test(v);
                    if (x == VALID) {
                        return VALID;
                    }
                    if (x == UNSURE) {
                        out = UNSURE;
                    }
                }
                return out;
            };
        }

        private static Rule oneOf(Rule[] rs) {
            return v -> {
                int valid = 0;
                for (Rule r : rs) {
                    int x = r.test(v);
                    if (x == UNSURE) {
                        return UNSURE;
                    }
                    if (x == VALID) {
                        valid++;
                    }
                }
                return valid == 1 ? VALID : INVALID;
            };
        }

        private static Rule type(JsonNode x) {
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

        private static Rule enumOf(JsonNode x) {
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

        private static Rule required(JsonNode x) {
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

        private Rule items(JsonNode x) {
            if (x.isArray()) {
                throw new Unsupported("items as an array (draft 2019 tuple form)");
            }
            Rule r = compile(x);
            return v -> {
                if (!v.isArray()) {
                    return VALID;
                }
                int out = VALID;
                for (JsonNode e : v) {
                    out = and(out, r.test(e));
                    if (out == INVALID) {
                        return INVALID;
                    }
                }
                return out;
            };
        }

        private static Rule bound(String k, JsonNode x) {
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

        private static Rule format(JsonNode x) {
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

        private RegularExpression regex(String p) {
            try {
                return new Remembered(regex.getRegularExpression(p));
            } catch (RuntimeException e) {
                throw new Unsupported("pattern " + p);
            }
        }

        private Rule pattern(JsonNode x) {
            if (!x.isString()) {
                throw new Unsupported("pattern that is not a string");
            }
            RegularExpression re = regex(x.asString());
            return v -> !v.isString() ? VALID : re.matches(v.asString()) ? VALID : INVALID;
        }

        private Rule ref(JsonNode x) {
            String r = x.isString() ? x.asString() : "";
            if (!r.equals("#") && !r.startsWith("#/")) {
                throw new Unsupported("$ref " + r);
            }
            Rule[] holder = refs.get(r);
            if (holder == null) {
                holder = new Rule[1];
                refs.put(r, holder);
                JsonNode target = r.equals("#") ? rootSchema : rootSchema.at(unescapeFragment(r.substring(1)));
                if (target == null || target.isMissingNode()) {
                    throw new Unsupported("$ref " + r + " to nothing");
                }
                holder[0] = compile(target);
            }
            Rule[] h = holder;
            return v -> h[0].test(v);
        }

        private static String unescapeFragment(String f) {
            return f.indexOf('%') < 0 ? f : java.net.URLDecoder.decode(f.replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8);
        }

        private Rule object(JsonNode s) {
            Map<String, Rule> props = new LinkedHashMap<>();
            JsonNode p = s.get("properties");
            if (p != null) {
                if (!p.isObject()) {
                    throw new Unsupported("properties that is not an object");
                }
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    props.put(e.getKey(), compile(e.getValue()));
                }
            }
            List<RegularExpression> patterns = new ArrayList<>();
            List<Rule> patternRules = new ArrayList<>();
            JsonNode pp = s.get("patternProperties");
            if (pp != null) {
                if (!pp.isObject()) {
                    throw new Unsupported("patternProperties that is not an object");
                }
                for (Map.Entry<String, JsonNode> e : pp.properties()) {
                    patterns.add(regex(e.getKey()));
                    patternRules.add(compile(e.getValue()));
                }
            }
            JsonNode ap = s.get("additionalProperties");
            Rule additional = ap == null ? null : compile(ap);
            RegularExpression[] pats = patterns.toArray(new RegularExpression[0]);
            Rule[] patRules = patternRules.toArray(new Rule[0]);
            return v -> {
                if (!v.isObject()) {
                    return VALID;
                }
                int out = VALID;
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    String name = e.getKey();
                    JsonNode value = e.getValue();
                    boolean matched = false;
                    Rule r = props.get(name);
                    if (r != null) {
                        matched = true;
                        out = and(out, r.test(value));
                        if (out == INVALID) {
                            return INVALID;
                        }
                    }
                    for (int i = 0; i < pats.length; i++) {
                        if (pats[i].matches(name)) {
                            matched = true;
                            out = and(out, patRules[i].test(value));
                            if (out == INVALID) {
                                return INVALID;
                            }
                        }
                    }
                    if (!matched && additional != null) {
                        out = and(out, additional.test(value));
                        if (out == INVALID) {
                            return INVALID;
                        }
                    }
                }
                return out;
            };
        }
    }
}
