package org.graphlint.testkit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The defects of each kind one value can carry, for {@link Defects}: an arbitrary of candidates and a fixed probe
 * of the same kind, from the flat schemas governing the value (and, for later-version properties, the later
 * versions' schemas).
 */
final class DefectCandidates {
    /** A candidate: the site's pointer, the new value (or, for a property, the object with it), rule and pointer. */
    record Candidate(String site, JsonNode newValue, DefectKind kind, String rule, String pointer, String detail) {
    }

    /** The defects of one kind a site can carry, and one fixed defect of them to learn whether the site takes any. */
    record Option(Arbitrary<Candidate> candidates, Candidate probe) {
    }

    private final SchemaArbitraries gen;
    private final List<JsonNode> later;
    private final List<SchemaArbitraries> laterGen;

    DefectCandidates(SchemaArbitraries gen, List<JsonNode> later) {
        this.gen = gen;
        this.later = later;
        this.laterGen = later.stream().map(l -> new SchemaArbitraries(l, 2)).toList();
    }

    Optional<Option> of(DefectKind k, String ptr, JsonNode v, List<JsonNode> flat) {
        return switch (k) {
            case UNKNOWN_PROPERTY -> unknownProperty(ptr, v, flat);
            case WRONG_TYPE -> wrongType(ptr, v, flat);
            case OUTSIDE_ENUM -> outsideEnum(ptr, v, flat);
            case MALFORMED_FORMAT -> malformed(ptr, v, flat);
            case OUT_OF_RANGE -> outOfRange(ptr, v, flat);
            case LATER_VERSION_PROPERTY -> laterProperty(ptr, v, flat);
        };
    }

    static boolean closed(List<JsonNode> flat) {
        return flat.stream().anyMatch(s -> s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean());
    }

    static boolean admitted(List<JsonNode> flat, String name) {
        for (JsonNode s : flat) {
            if (SchemaArbitraries.schemasFor(s, name).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Candidate unknown(String ptr, JsonNode v, String n, JsonNode val) {
        ObjectNode o = ((ObjectNode) v).deepCopy();
        o.set(n, val);
        return new Candidate(ptr, o, DefectKind.UNKNOWN_PROPERTY, "additionalProperties", Json.child(ptr, n),
                "added unknown property '" + n + "'");
    }

    private Optional<Option> unknownProperty(String ptr, JsonNode v, List<JsonNode> flat) {
        if (!v.isObject() || !closed(flat)) {
            return Optional.empty();
        }
        Optional<String> probe = List.of("unknownProperty", "zz", "x~y/z").stream().filter(n -> !v.has(n) && !admitted(flat, n)).findFirst();
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        List<String> declared = declared(flat);
        int longest = declared.stream().mapToInt(String::length).max().orElse(1);
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                // names a JSON pointer must escape, and non-ASCII ones
                Arbitraries.strings().withCharRange('a', 'c').withChars("/~._-é").ofMinLength(1).ofMaxLength(6),
                // a misspelling of a declared property, the case graphlint exists for
                // (combined, not flatMapped: jqwik regenerates a flatMap's inner value on every value() and distance(),
                // which made shrinking an invalid payload take seconds per step)
                Combinators.combine(Arbitraries.of(declared), Arbitraries.integers().between(0, longest - 1)).as((n, k) -> {
                    int i = k % n.length();
                    return n.substring(0, i) + n.substring(i + 1) + (i % 2 == 0 ? "" : "s");
                }))
                .filter(n -> !n.isEmpty() && !v.has(n) && !admitted(flat, n));
        return Optional.of(new Option(Combinators.combine(names, gen.anyJson(2)).as((n, val) -> unknown(ptr, v, n, val)),
                unknown(ptr, v, probe.get(), Json.F.nullNode())));
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

    private static Candidate laterOne(String ptr, JsonNode v, String n, JsonNode val) {
        ObjectNode o = ((ObjectNode) v).deepCopy();
        o.set(n, val);
        return new Candidate(ptr, o, DefectKind.LATER_VERSION_PROPERTY, "additionalProperties", Json.child(ptr, n),
                "added '" + n + "', which only a later version declares");
    }

    private Optional<Option> laterProperty(String ptr, JsonNode v, List<JsonNode> flat) {
        if (!ptr.isEmpty() || !v.isObject() || !closed(flat)) {
            return Optional.empty();
        }
        List<Arbitrary<Candidate>> out = new ArrayList<>();
        Candidate probe = null;
        for (int i = 0; i < later.size(); i++) {
            if (!(later.get(i).get("properties") instanceof ObjectNode lp)) {
                continue;
            }
            SchemaArbitraries lg = laterGen.get(i);
            for (String n : lp.propertyNames()) {
                if (v.has(n) || admitted(flat, n)) {
                    continue;
                }
                out.add(lg.of(lp.get(n)).map(val -> laterOne(ptr, v, n, val)));
                if (probe == null) {
                    probe = laterOne(ptr, v, n, Json.F.nullNode());
                }
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(new Option(out.size() == 1 ? out.get(0) : Arbitraries.oneOf(out), probe));
    }

    private Optional<Option> wrongType(String ptr, JsonNode v, List<JsonNode> flat) {
        if (flat.stream().noneMatch(s -> s.has("type")) || flat.stream().anyMatch(s -> s.has("enum") || s.has("const"))) {
            return Optional.empty();
        }
        List<JsonNode> others = new ArrayList<>(List.of(Json.F.stringNode("wrong"), Json.F.numberNode(1.5), Json.F.numberNode(7),
                Json.F.booleanNode(true), Json.F.arrayNode(), Json.F.objectNode(), Json.F.nullNode()));
        others.removeIf(o -> flat.stream().allMatch(s -> !s.has("type") || Eval.typeOk(s.get("type"), o)));
        if (others.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> cs = others.stream().map(o -> new Candidate(ptr, o, DefectKind.WRONG_TYPE, "type", ptr,
                "replaced " + Json.typeName(v) + " with " + Json.typeName(o) + " " + o)).toList();
        return Optional.of(new Option(Arbitraries.of(cs), cs.get(0)));
    }

    private Optional<Option> outsideEnum(String ptr, JsonNode v, List<JsonNode> flat) {
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
        Function<String, List<String>> near = x -> List.of(x + "X", x.toUpperCase(java.util.Locale.ROOT) + "_", "x" + x,
                x.isEmpty() ? "unknown" : x.substring(0, x.length() - 1));
        Function<String, Candidate> outside = x -> new Candidate(ptr, Json.F.stringNode(x), DefectKind.OUTSIDE_ENUM, "enum", ptr,
                "value '" + x + "' is not in the enum");
        Optional<String> probe = values.stream().flatMap(x -> near.apply(x).stream()).filter(x -> !values.contains(x)).findFirst();
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        List<String> outsides = values.stream().flatMap(x -> near.apply(x).stream()).filter(x -> !values.contains(x)).distinct().toList();
        return Optional.of(new Option(Arbitraries.of(outsides).map(outside), outside.apply(probe.get())));
    }

    static void collectEnum(JsonNode s, List<String> out) {
        if (s.get("enum") instanceof ArrayNode en) {
            en.forEach(x -> {
                if (x.isString()) {
                    out.add(x.asString());
                }
            });
        }
    }

    private Optional<Option> malformed(String ptr, JsonNode v, List<JsonNode> flat) {
        if (!v.isString()) {
            return Optional.empty();
        }
        for (JsonNode s : flat) {
            if (s.has("format") && Formats.known(s.get("format").asString())) {
                String f = s.get("format").asString();
                Function<String, Candidate> bad = x -> new Candidate(ptr, Json.F.stringNode(x), DefectKind.MALFORMED_FORMAT,
                        "format", ptr, "malformed " + f + " '" + x + "'");
                return Optional.of(new Option(Formats.malformed(f).map(bad), bad.apply("not a " + f)));
            }
        }
        for (JsonNode s : flat) {
            if (s.has("pattern")) {
                java.util.regex.Pattern p = Json.pattern(s.get("pattern").asString());
                String val = v.asString();
                List<String> fixed = List.of("~", "not valid!", " ", "P", "12:", "#", "=" + val, val + "!", val + " ", "\u00e9" + val);
                Optional<String> probe = fixed.stream().filter(x -> !p.matcher(x).find()).findFirst();
                if (probe.isEmpty()) {
                    return Optional.empty();
                }
                Arbitrary<String> bad = Arbitraries.oneOf(Arbitraries.of(fixed), ScalarArbitraries.text())
                        .filter(x -> !p.matcher(x).find());
                Function<String, Candidate> c = x -> new Candidate(ptr, Json.F.stringNode(x), DefectKind.MALFORMED_FORMAT, "pattern", ptr,
                        "'" + x + "' does not match " + p.pattern());
                return Optional.of(new Option(bad.map(c), c.apply(probe.get())));
            }
        }
        return Optional.empty();
    }

    private Optional<Option> outOfRange(String ptr, JsonNode v, List<JsonNode> flat) {
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
        return out.isEmpty() ? Optional.empty() : Optional.of(new Option(Arbitraries.of(out), out.get(0)));
    }

    private static JsonNode number(BigInteger b) {
        return b.bitLength() < 32 ? Json.F.numberNode(b.intValue())
                : b.bitLength() < 64 ? Json.F.numberNode(b.longValue()) : Json.F.numberNode(b);
    }
}
