package org.graphlint.validate;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

import static org.graphlint.validate.Verdict.INVALID;
import static org.graphlint.validate.Verdict.UNSURE;
import static org.graphlint.validate.Verdict.VALID;

/**
 * A pre-check that can only say "certainly valid". Most fixtures a CI run sees are valid, and proving that needs none
 * of networknt's error bookkeeping (paths, messages, annotations), so a body is first run through this small
 * evaluator of the schema keywords graphlint's catalogs use; only when it cannot prove the body valid does networknt
 * run, and networknt alone words every finding.
 *
 * <p>Every keyword answers a {@link Verdict}: VALID, INVALID or UNSURE, and answers VALID or INVALID only where
 * networknt (with graphlint's registry settings) is known to answer the same: formats and patterns are decided by
 * networknt's own {@link com.networknt.schema.format.Format} and {@link RegularExpression} objects, and anything else
 * (a keyword this class does not know, a non-local {@code $ref}, an integer written as {@code 1.0}, a number in an
 * {@code enum}) is UNSURE or makes the whole schema unsupported. The tests hold it to that against networknt. The
 * rules of the keywords without subschemas are in {@link QuickRules}.
 */
final class QuickCheck {

    /** A compiled keyword (or schema): VALID, INVALID or UNSURE for one value. */
    @FunctionalInterface
    interface Rule {
        Verdict test(JsonNode v);
    }

    /** A schema with a keyword this class does not evaluate. */
    static final class Unsupported extends RuntimeException {
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

    private final Rule root;
    private final String unsupported;

    private QuickCheck(Rule root, String unsupported) {
        this.root = root;
        this.unsupported = unsupported;
    }

    /** Compiles a schema; a schema with anything this class cannot decide exactly gives a check that never answers. */
    static QuickCheck compile(JsonNode schema, RegularExpressionFactory regex) {
        return compile(schema, regex, false);
    }

    /**
     * Compiles a schema for a few values and then dropped: each property's subschema and each {@code $ref} target is
     * compiled when a value first reaches it, as networknt compiles, so a body of three properties does not pay for
     * the hundred the schema and its {@code $defs} describe. A part with anything this class cannot decide answers
     * UNSURE for the values that reach it (so {@link #unsupported()} names only what the root itself holds).
     */
    static QuickCheck compileLazily(JsonNode schema, RegularExpressionFactory regex) {
        return compile(schema, regex, true);
    }

    private static QuickCheck compile(JsonNode schema, RegularExpressionFactory regex, boolean lazily) {
        if (schema == null) {
            return NONE;
        }
        try {
            return new QuickCheck(new Compiler(schema, regex, lazily).compile(schema), null);
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
    Verdict verdict(JsonNode value) {
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

    private static Verdict all(Rule[] rules, JsonNode v) {
        Verdict out = VALID;
        for (Rule r : rules) {
            out = out.and(r.test(v));
            if (out == INVALID) {
                return INVALID;
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ compiling

    private static final class Compiler {
        private final JsonNode rootSchema;
        private final RegularExpressionFactory regex;
        /** Compiled {@code $ref} targets by pointer; a holder first, so that recursive references terminate. */
        private final Map<String, Rule[]> refs = new HashMap<>();
        /** Subschemas compiled when a value first reaches them ({@link #compileLazily}). */
        private final boolean lazily;

        Compiler(JsonNode rootSchema, RegularExpressionFactory regex, boolean lazily) {
            this.rootSchema = rootSchema;
            this.regex = regex;
            this.lazily = lazily;
        }

        /**
         * A subschema's rule: compiled now, or (lazily) on the first value that reaches it, under the compiler's lock
         * (the compiler's maps are not thread-safe; a compiled rule is). A part this class cannot decide is UNSURE.
         */
        private Rule sub(JsonNode s) {
            if (!lazily) {
                return compile(s);
            }
            return new Rule() {
                private volatile Rule rule;

                @Override
                public Verdict test(JsonNode v) {
                    Rule r = rule;
                    if (r == null) {
                        synchronized (Compiler.this) {
                            r = rule;
                            if (r == null) {
                                try {
                                    r = compile(s);
                                } catch (Unsupported e) {
                                    r = v2 -> UNSURE;
                                }
                                rule = r;
                            }
                        }
                    }
                    return r.test(v);
                }
            };
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
                    case "type" -> rules.add(QuickRules.type(x));
                    case "enum" -> rules.add(QuickRules.enumOf(x));
                    case "const" -> rules.add(QuickRules.enumOf(tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(x)));
                    case "properties", "patternProperties", "additionalProperties" -> objectRule = true;
                    case "required" -> rules.add(QuickRules.required(x));
                    case "items" -> rules.add(items(x));
                    case "minimum", "maximum" -> rules.add(QuickRules.bound(k, x));
                    case "format" -> rules.add(QuickRules.format(x));
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
                        rules.add(v -> r.test(v).not());
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
                Verdict c = cond.test(v);
                if (c == UNSURE) {
                    return UNSURE;
                }
                Rule r = c == VALID ? then : otherwise;
                return r == null ? VALID : r.test(v);
            };
        }

        private static Rule anyOf(Rule[] rs) {
            return v -> {
                Verdict out = INVALID;
                for (Rule r : rs) {
                    Verdict x = r.test(v);
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
                    Verdict x = r.test(v);
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

        private Rule items(JsonNode x) {
            if (x.isArray()) {
                throw new Unsupported("items as an array (draft 2019 tuple form)");
            }
            Rule r = compile(x);
            return v -> {
                if (!v.isArray()) {
                    return VALID;
                }
                Verdict out = VALID;
                for (JsonNode e : v) {
                    out = out.and(r.test(e));
                    if (out == INVALID) {
                        return INVALID;
                    }
                }
                return out;
            };
        }

        private RegularExpression regex(String p) {
            try {
                return QuickRules.remembered(regex.getRegularExpression(p));
            } catch (RuntimeException e) {
                throw new Unsupported("pattern " + p);
            }
        }

        private Rule pattern(JsonNode x) {
            if (!x.isString()) {
                throw new Unsupported("pattern that is not a string");
            }
            RegularExpression re = regex(x.asString());
            return QuickRules.matching(re);
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
                holder[0] = sub(target);
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
                    props.put(e.getKey(), sub(e.getValue()));
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
                Verdict out = VALID;
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    String name = e.getKey();
                    JsonNode value = e.getValue();
                    boolean matched = false;
                    Rule r = props.get(name);
                    if (r != null) {
                        matched = true;
                        out = out.and(r.test(value));
                        if (out == INVALID) {
                            return INVALID;
                        }
                    }
                    for (int i = 0; i < pats.length; i++) {
                        if (pats[i].matches(name)) {
                            matched = true;
                            out = out.and(patRules[i].test(value));
                            if (out == INVALID) {
                                return INVALID;
                            }
                        }
                    }
                    if (!matched && additional != null) {
                        out = out.and(additional.test(value));
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
