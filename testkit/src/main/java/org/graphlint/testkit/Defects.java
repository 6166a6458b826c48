package org.graphlint.testkit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts one defect into a valid payload. The payload is walked alongside its schema to learn which flat schemas govern
 * each value (branches decided as a validator decides them); a candidate defect is kept only when, by {@link Eval}, the
 * changed value breaks exactly the one keyword the defect is about, and no enclosing {@code if}/{@code anyOf}/{@code oneOf}
 * decision changes.
 */
final class Defects {
    private final JsonNode root;
    private final Eval eval;
    private final SchemaArbitraries gen;
    /** Later versions' schemas, for {@link DefectKind#LATER_VERSION_PROPERTY}. */
    private final List<JsonNode> later;

    Defects(JsonNode root, SchemaArbitraries gen, List<JsonNode> later) {
        this.root = root;
        this.eval = gen.eval();
        this.gen = gen;
        this.later = later;
    }

    /** The flat schemas governing each value of a payload, by pointer; null for a value under an undecidable branch. */
    Map<String, List<JsonNode>> walk(JsonNode payload) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        walk(List.of(root), payload, "", out);
        return out;
    }

    private void walk(List<JsonNode> conj, JsonNode v, String ptr, Map<String, List<JsonNode>> out) {
        List<JsonNode> flat = effective(conj, v);
        out.put(ptr, flat);
        if (flat == null) {
            return;
        }
        if (v.isObject()) {
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                List<JsonNode> child = new ArrayList<>();
                for (JsonNode s : flat) {
                    SchemaArbitraries.schemasFor(s, f.getKey()).ifPresent(child::addAll);
                }
                walk(child, f.getValue(), Json.child(ptr, f.getKey()), out);
            }
        } else if (v.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode s : flat) {
                if (s.has("items") && !s.get("items").isArray()) {
                    items.add(s.get("items"));
                }
            }
            for (int i = 0; i < v.size(); i++) {
                walk(items, v.get(i), Json.child(ptr, i), out);
            }
        }
    }

    /** The flat schemas a value is checked against: $ref and allOf followed, if/anyOf/oneOf decided for the value. */
    List<JsonNode> effective(List<JsonNode> conj, JsonNode v) {
        List<JsonNode> flat = new ArrayList<>();
        ArrayDeque<JsonNode> q = new ArrayDeque<>(conj);
        int steps = 0;
        while (!q.isEmpty()) {
            if (steps++ > 500) {
                return null;
            }
            JsonNode s = q.poll();
            if (!s.isObject()) {
                continue;
            }
            flat.add(s);
            if (s.has("$ref")) {
                JsonNode t = eval.resolve(s.get("$ref").asString());
                if (t != null) {
                    q.add(t);
                }
            }
            if (s.get("allOf") instanceof ArrayNode a) {
                a.forEach(q::add);
            }
            if (s.has("if")) {
                JsonNode b = eval.matches(s.get("if"), v) ? s.get("then") : s.get("else");
                if (b != null) {
                    q.add(b);
                }
            }
            for (String k : List.of("anyOf", "oneOf")) {
                if (s.get(k) instanceof ArrayNode ms) {
                    List<JsonNode> ok = new ArrayList<>();
                    ms.forEach(m -> {
                        if (eval.matches(m, v)) {
                            ok.add(m);
                        }
                    });
                    if (ok.size() != 1) {
                        return null; // which member a validator blames is not defined: no defect here
                    }
                    q.add(ok.get(0));
                }
            }
        }
        return flat;
    }

    /** A candidate: the site's pointer, the new value (or, for a property, the object with it), rule and pointer. */
    private record Candidate(String site, JsonNode newValue, DefectKind kind, String rule, String pointer, String detail) {
    }

    /** Every defect of the given kinds this payload can carry, as an arbitrary over them (empty when none fits). */
    Optional<Arbitrary<InvalidPayload>> defects(JsonNode payload, Set<DefectKind> kinds) {
        Map<String, List<JsonNode>> sites = walk(payload);
        // kinds equally likely, then any site of the kind
        List<Arbitrary<Candidate>> arbs = new ArrayList<>();
        for (DefectKind k : kinds) {
            List<Arbitrary<Candidate>> ofKind = new ArrayList<>();
            for (Map.Entry<String, List<JsonNode>> e : sites.entrySet()) {
                if (e.getValue() != null) {
                    candidates(k, e.getKey(), payload.at(e.getKey()), e.getValue()).ifPresent(ofKind::add);
                }
            }
            if (!ofKind.isEmpty()) {
                arbs.add(ofKind.size() == 1 ? ofKind.get(0) : Arbitraries.oneOf(ofKind));
            }
        }
        if (arbs.isEmpty()) {
            return Optional.empty();
        }
        Arbitrary<Candidate> any = arbs.size() == 1 ? arbs.get(0) : Arbitraries.oneOf(arbs);
        return Optional.of(any.map(c -> apply(payload, sites, c)).filter(Optional::isPresent).map(Optional::get));
    }

    private Optional<InvalidPayload> apply(JsonNode payload, Map<String, List<JsonNode>> before, Candidate c) {
        JsonNode mutated = replace(payload, c.site(), c.newValue());
        Map<String, List<JsonNode>> after = walk(mutated);
        // every enclosing branch decision stays as it was
        for (Map.Entry<String, List<JsonNode>> e : before.entrySet()) {
            String p = e.getKey();
            if (c.site().startsWith(p) && !c.site().equals(p) && (c.site().charAt(p.length()) == '/')) {
                if (!sameSchemas(e.getValue(), after.get(p))) {
                    return Optional.empty();
                }
            }
        }
        List<JsonNode> siteFlat = after.get(c.site());
        if (siteFlat == null || !breaksOnly(siteFlat, c)) {
            return Optional.empty();
        }
        return Optional.of(new InvalidPayload(mutated, c.kind(), c.rule(), c.pointer(), c.detail()));
    }

    private static boolean sameSchemas(List<JsonNode> a, List<JsonNode> b) {
        if (a == null || b == null || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Every flat schema at the site accepts the new value but for the defect's keyword, and one rejects it for that. */
    private boolean breaksOnly(List<JsonNode> flat, Candidate c) {
        JsonNode v = c.newValue();
        boolean broken = false;
        for (JsonNode s : flat) {
            JsonNode local = local(s);
            if (eval.matches(local, v)) {
                continue;
            }
            ObjectNode without = ((ObjectNode) local).deepCopy();
            switch (c.rule()) {
                case "additionalProperties" -> without.remove("additionalProperties");
                case "minimum", "maximum" -> without.remove(List.of("minimum", "maximum"));
                default -> without.remove(c.rule());
            }
            if (!eval.matches(without, v)) {
                return false; // it breaks something else as well
            }
            broken = true;
        }
        return broken;
    }

    /** A flat schema's own keywords (branches and references are separate flat schemas already). */
    private static JsonNode local(JsonNode s) {
        ObjectNode c = ((ObjectNode) s).deepCopy();
        c.remove(List.of("$ref", "allOf", "anyOf", "oneOf", "if", "then", "else", "not", "$defs"));
        // children are checked by their own sites; only this value's keywords matter, so nested schemas accept all
        for (String k : List.of("properties", "patternProperties")) {
            if (c.get(k) instanceof ObjectNode p) {
                p.propertyNames().forEach(n -> p.put(n, true));
            }
        }
        if (c.has("items")) {
            c.put("items", true);
        }
        if (c.has("additionalProperties") && !c.get("additionalProperties").isBoolean()) {
            c.put("additionalProperties", true);
        }
        return c;
    }

    static JsonNode replace(JsonNode payload, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return value;
        }
        JsonNode copy = payload.deepCopy();
        int slash = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, slash);
        String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        JsonNode p = copy.at(parent);
        if (p instanceof ObjectNode o) {
            o.set(token, value);
        } else if (p instanceof ArrayNode a) {
            a.set(Integer.parseInt(token), value);
        }
        return copy;
    }

    // ------------------------------------------------------------------------------------------------ candidates

    private Optional<Arbitrary<Candidate>> candidates(DefectKind k, String ptr, JsonNode v, List<JsonNode> flat) {
        return switch (k) {
            case UNKNOWN_PROPERTY -> unknownProperty(ptr, v, flat);
            case WRONG_TYPE -> wrongType(ptr, v, flat);
            case OUTSIDE_ENUM -> outsideEnum(ptr, v, flat);
            case MALFORMED_FORMAT -> malformed(ptr, v, flat);
            case OUT_OF_RANGE -> outOfRange(ptr, v, flat);
            case LATER_VERSION_PROPERTY -> laterProperty(ptr, v, flat);
        };
    }

    private static boolean closed(List<JsonNode> flat) {
        return flat.stream().anyMatch(s -> s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean());
    }

    private boolean admitted(List<JsonNode> flat, String name) {
        for (JsonNode s : flat) {
            if (SchemaArbitraries.schemasFor(s, name).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Optional<Arbitrary<Candidate>> unknownProperty(String ptr, JsonNode v, List<JsonNode> flat) {
        if (!v.isObject() || !closed(flat)) {
            return Optional.empty();
        }
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                // names a JSON pointer must escape, and non-ASCII ones
                Arbitraries.strings().withCharRange('a', 'c').withChars("/~._-é").ofMinLength(1).ofMaxLength(6),
                // a misspelling of a declared property, the case graphlint exists for
                Arbitraries.of(declared(flat)).flatMap(n -> Arbitraries.integers().between(0, Math.max(0, n.length() - 1))
                        .map(i -> n.substring(0, i) + n.substring(Math.min(n.length(), i + 1)) + (i % 2 == 0 ? "" : "s"))))
                .filter(n -> !n.isEmpty() && !v.has(n) && !admitted(flat, n));
        return Optional.of(names.flatMap(n -> gen.anyJson(2).map(val -> {
            ObjectNode o = ((ObjectNode) v).deepCopy();
            o.set(n, val);
            return new Candidate(ptr, o, DefectKind.UNKNOWN_PROPERTY, "additionalProperties", Json.child(ptr, n),
                    "added unknown property '" + n + "'");
        })));
    }

    private static List<String> declared(List<JsonNode> flat) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : flat) {
            if (s.get("properties") instanceof ObjectNode p) {
                p.propertyNames().forEach(n -> {
                    if (!n.startsWith("@") && n.length() > 1) {
                        out.add(n);
                    }
                });
            }
        }
        return out.isEmpty() ? List.of("name") : out;
    }

    private Optional<Arbitrary<Candidate>> laterProperty(String ptr, JsonNode v, List<JsonNode> flat) {
        if (!ptr.isEmpty() || !v.isObject() || !closed(flat)) {
            return Optional.empty();
        }
        List<Arbitrary<Candidate>> out = new ArrayList<>();
        for (JsonNode l : later) {
            if (!(l.get("properties") instanceof ObjectNode lp)) {
                continue;
            }
            for (String n : lp.propertyNames()) {
                if (v.has(n) || admitted(flat, n)) {
                    continue;
                }
                SchemaArbitraries lg = new SchemaArbitraries(l, 2);
                out.add(lg.of(lp.get(n)).map(val -> {
                    ObjectNode o = ((ObjectNode) v).deepCopy();
                    o.set(n, val);
                    return new Candidate(ptr, o, DefectKind.LATER_VERSION_PROPERTY, "additionalProperties", Json.child(ptr, n),
                            "added '" + n + "', which only a later version declares");
                }));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(Arbitraries.oneOf(out));
    }

    private Optional<Arbitrary<Candidate>> wrongType(String ptr, JsonNode v, List<JsonNode> flat) {
        if (flat.stream().noneMatch(s -> s.has("type")) || flat.stream().anyMatch(s -> s.has("enum") || s.has("const"))) {
            return Optional.empty();
        }
        List<JsonNode> others = new ArrayList<>(List.of(Json.F.stringNode("wrong"), Json.F.numberNode(1.5), Json.F.numberNode(7),
                Json.F.booleanNode(true), Json.F.arrayNode(), Json.F.objectNode(), Json.F.nullNode()));
        others.removeIf(o -> flat.stream().allMatch(s -> !s.has("type") || Eval.typeOk(s.get("type"), o)));
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Arbitraries.of(others).map(o -> new Candidate(ptr, o, DefectKind.WRONG_TYPE, "type", ptr,
                "replaced " + Json.typeName(v) + " with " + Json.typeName(o) + " " + o)));
    }

    private Optional<Arbitrary<Candidate>> outsideEnum(String ptr, JsonNode v, List<JsonNode> flat) {
        // an enum here, or one a string would meet here (the OData special values of a Double)
        List<String> values = new ArrayList<>();
        for (JsonNode s : flat) {
            collectEnum(s, values);
            if (s.has("then")) {
                collectEnum(s.get("then"), values);
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Arbitraries.of(values).flatMap(x -> Arbitraries.of(x + "X", x.toUpperCase(java.util.Locale.ROOT) + "_",
                "x" + x, x.isEmpty() ? "unknown" : x.substring(0, x.length() - 1)))
                .filter(x -> !values.contains(x))
                .map(x -> new Candidate(ptr, Json.F.stringNode(x), DefectKind.OUTSIDE_ENUM, "enum", ptr, "value '" + x + "' is not in the enum")));
    }

    private static void collectEnum(JsonNode s, List<String> out) {
        if (s.get("enum") instanceof ArrayNode en) {
            en.forEach(x -> {
                if (x.isString()) {
                    out.add(x.asString());
                }
            });
        }
    }

    private Optional<Arbitrary<Candidate>> malformed(String ptr, JsonNode v, List<JsonNode> flat) {
        if (!v.isString()) {
            return Optional.empty();
        }
        for (JsonNode s : flat) {
            if (s.has("format") && Formats.known(s.get("format").asString())) {
                String f = s.get("format").asString();
                return Optional.of(Formats.malformed(f).map(x -> new Candidate(ptr, Json.F.stringNode(x), DefectKind.MALFORMED_FORMAT,
                        "format", ptr, "malformed " + f + " '" + x + "'")));
            }
        }
        for (JsonNode s : flat) {
            if (s.has("pattern")) {
                java.util.regex.Pattern p = Json.pattern(s.get("pattern").asString());
                String val = v.asString();
                Arbitrary<String> bad = Arbitraries.oneOf(
                        Arbitraries.of("~", "not valid!", " ", "P", "12:", "#", "=" + val, val + "!", val + " ", "\u00e9" + val),
                        SchemaArbitraries.text())
                        .filter(x -> !p.matcher(x).find());
                return Optional.of(bad.map(x -> new Candidate(ptr, Json.F.stringNode(x), DefectKind.MALFORMED_FORMAT, "pattern", ptr,
                        "'" + x + "' does not match " + p.pattern())));
            }
        }
        return Optional.empty();
    }

    private Optional<Arbitrary<Candidate>> outOfRange(String ptr, JsonNode v, List<JsonNode> flat) {
        if (!v.isIntegralNumber()) {
            return Optional.empty();
        }
        List<Candidate> out = new ArrayList<>();
        for (JsonNode s : flat) {
            if (s.has("maximum") && s.get("maximum").isIntegralNumber()) {
                BigInteger m = s.get("maximum").bigIntegerValue().add(BigInteger.ONE);
                out.add(new Candidate(ptr, number(m), DefectKind.OUT_OF_RANGE, "maximum", ptr, m + " is one past the maximum"));
            }
            if (s.has("minimum") && s.get("minimum").isIntegralNumber()) {
                BigInteger m = s.get("minimum").bigIntegerValue().subtract(BigInteger.ONE);
                out.add(new Candidate(ptr, number(m), DefectKind.OUT_OF_RANGE, "minimum", ptr, m + " is one below the minimum"));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(Arbitraries.of(out));
    }

    private static JsonNode number(BigInteger b) {
        return b.bitLength() < 64 ? Json.F.numberNode(b.longValue()) : Json.F.numberNode(b);
    }
}
