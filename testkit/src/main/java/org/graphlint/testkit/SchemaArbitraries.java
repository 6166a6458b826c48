package org.graphlint.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid instances of a JSON Schema (draft 2020-12), generated from the schema itself: {@code type}, {@code enum},
 * {@code const}, {@code format}, {@code pattern}, {@code minLength}/{@code maxLength}, numeric bounds, {@code $ref}
 * into the same document, {@code properties}/{@code required}/{@code patternProperties}/{@code additionalProperties},
 * {@code items}/{@code minItems}/{@code maxItems}, {@code allOf}, {@code anyOf}, {@code oneOf}, {@code not} and
 * {@code if}/{@code then}/{@code else} (each branch generated with what it implies, and checked with {@link Eval}).
 */
final class SchemaArbitraries {
    /** Depth below which optional properties and array items are still generated. */
    private final int maxDepth;
    private final JsonNode root;
    private final Eval eval;
    private final Map<Integer, Arbitrary<JsonNode>> anyJson = new java.util.concurrent.ConcurrentHashMap<>();

    SchemaArbitraries(JsonNode root, int maxDepth) {
        this.root = root;
        this.maxDepth = maxDepth;
        this.eval = new Eval(root);
    }

    Eval eval() {
        return eval;
    }

    Arbitrary<JsonNode> of(JsonNode schema) {
        return of(List.of(schema), 0);
    }


    Arbitrary<JsonNode> of(List<JsonNode> conjunction, int depth) {
        List<Alternatives.Alternative> alts = Alternatives.expand(eval, conjunction);
        List<Arbitrary<JsonNode>> arbs = new ArrayList<>();
        for (Alternatives.Alternative a : alts) {
            if (Alternatives.contradictory(a)) {
                continue; // no value satisfies it: filtering its values would only miss, until jqwik gives up
            }
            Optional<Arbitrary<JsonNode>> g = flat(a.all(), depth);
            if (g.isEmpty()) {
                continue;
            }
            Arbitrary<JsonNode> arb = g.get();
            if (!a.none().isEmpty() || Alternatives.needsCheck(a.all())) {
                List<JsonNode> all = a.all();
                List<JsonNode> none = a.none();
                arb = arb.filter(v -> all.stream().allMatch(s -> eval.matches(s, v)) && none.stream().noneMatch(s -> eval.matches(s, v)));
            }
            arbs.add(arb);
        }
        if (arbs.isEmpty()) {
            throw new IllegalArgumentException("schema admits no value that graphlint's generator can build: " + conjunction);
        }
        return arbs.size() == 1 ? arbs.get(0) : Arbitraries.oneOf(arbs);
    }

    // ------------------------------------------------------------------------------------------------ flat schemas

    private static final List<String> TYPES = List.of("null", "boolean", "integer", "number", "string", "array", "object");

    private Optional<Arbitrary<JsonNode>> flat(List<JsonNode> all, int depth) {
        Set<String> types = new LinkedHashSet<>(TYPES);
        List<JsonNode> enumValues = null;
        for (JsonNode s : all) {
            JsonNode t = s.get("type");
            if (t != null) {
                Set<String> these = new LinkedHashSet<>();
                if (t.isArray()) {
                    t.forEach(x -> these.add(x.asString()));
                } else {
                    these.add(t.asString());
                }
                if (these.contains("number")) {
                    these.add("integer");
                }
                types.retainAll(these);
            }
            JsonNode en = s.has("const") ? Json.F.arrayNode().add(s.get("const")) : s.get("enum");
            if (en != null && en.isArray()) {
                List<JsonNode> vals = new ArrayList<>();
                en.forEach(vals::add);
                if (enumValues == null) {
                    enumValues = vals;
                } else {
                    List<JsonNode> keep = new ArrayList<>();
                    for (JsonNode v : enumValues) {
                        if (vals.stream().anyMatch(x -> Json.sameValue(x, v))) {
                            keep.add(v);
                        }
                    }
                    enumValues = keep;
                }
            }
        }
        if (enumValues != null) {
            List<JsonNode> ok = enumValues.stream().filter(v -> all.stream().allMatch(s -> eval.matches(withoutBranches(s), v))).toList();
            return ok.isEmpty() ? Optional.empty() : Optional.of(Arbitraries.of(ok));
        }
        if (types.size() == TYPES.size()) {
            // no type constraint: what the keywords imply, or any JSON value
            Set<String> implied = implied(all);
            if (!implied.isEmpty()) {
                types = implied;
            }
        }
        if (types.contains("number") && types.contains("integer") && types.size() == TYPES.size()) {
            types.remove("integer");
        }
        List<Arbitrary<JsonNode>> byType = new ArrayList<>();
        for (String t : types) {
            Arbitrary<JsonNode> a = switch (t) {
                case "null" -> Arbitraries.just(Json.F.nullNode());
                case "boolean" -> Arbitraries.of(false, true).map(b -> (JsonNode) Json.F.booleanNode(b));
                case "integer" -> ScalarArbitraries.integers(all);
                case "number" -> ScalarArbitraries.numbers(all);
                case "string" -> ScalarArbitraries.strings(all);
                case "array" -> arrays(all, depth);
                case "object" -> objects(all, depth);
                default -> null;
            };
            if (a != null) {
                byType.add(a);
            }
        }
        if (byType.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(byType.size() == 1 ? byType.get(0) : Arbitraries.oneOf(byType));
    }

    private static JsonNode withoutBranches(JsonNode s) {
        if (!s.isObject() || !(s.has("if") || s.has("anyOf") || s.has("oneOf") || s.has("not") || s.has("$ref") || s.has("allOf"))) {
            return s;
        }
        ObjectNode c = ((ObjectNode) s).deepCopy();
        c.remove(List.of("if", "then", "else", "anyOf", "oneOf", "not", "$ref", "allOf"));
        return c;
    }

    private static Set<String> implied(List<JsonNode> all) {
        Set<String> t = new LinkedHashSet<>();
        for (JsonNode s : all) {
            if (s.has("properties") || s.has("required") || s.has("additionalProperties") || s.has("patternProperties")) {
                t.add("object");
            }
            if (s.has("items") || s.has("minItems")) {
                t.add("array");
            }
            if (s.has("pattern") || s.has("format") || s.has("minLength") || s.has("contentEncoding")) {
                t.add("string");
            }
            if (s.has("minimum") || s.has("maximum")) {
                t.add("number");
            }
        }
        return t;
    }

    private Arbitrary<JsonNode> arrays(List<JsonNode> all, int depth) {
        List<JsonNode> items = new ArrayList<>();
        int min = 0;
        int max = depth >= maxDepth ? 0 : 3;
        for (JsonNode s : all) {
            if (s.has("items") && !s.get("items").isArray()) {
                items.add(s.get("items"));
            }
            if (s.has("minItems")) {
                min = Math.max(min, s.get("minItems").asInt());
            }
            if (s.has("maxItems")) {
                max = Math.min(max, s.get("maxItems").asInt());
            }
        }
        max = Math.max(min, max);
        Arbitrary<JsonNode> item = items.isEmpty() ? anyJson(depth + 1) : Arbitraries.lazy(() -> of(items, depth + 1));
        return item.list().ofMinSize(min).ofMaxSize(max).map(l -> {
            ArrayNode a = Json.F.arrayNode();
            l.forEach(a::add);
            return (JsonNode) a;
        });
    }

    private Arbitrary<JsonNode> objects(List<JsonNode> all, int depth) {
        // the candidate names: every declared property that every closed schema of the conjunction admits
        LinkedHashMap<String, List<JsonNode>> props = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode s : all) {
            if (s.get("properties") instanceof ObjectNode p) {
                p.propertyNames().forEach(n -> props.putIfAbsent(n, new ArrayList<>()));
            }
            if (s.get("required") instanceof ArrayNode r) {
                r.forEach(x -> required.add(x.asString()));
            }
        }
        required.forEach(n -> props.putIfAbsent(n, new ArrayList<>()));
        List<String> names = new ArrayList<>(props.keySet());
        for (String n : names) {
            for (JsonNode s : all) {
                Optional<List<JsonNode>> applies = schemasFor(s, n);
                if (applies.isEmpty()) {
                    props.remove(n);
                    break;
                }
                props.get(n).addAll(applies.get());
            }
        }
        if (!props.keySet().containsAll(required)) {
            return Arbitraries.<JsonNode>just(Json.F.nullNode()).filter(x -> false); // cannot satisfy: no values
        }
        List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> fields = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> e : props.entrySet()) {
            String name = e.getKey();
            List<JsonNode> conj = e.getValue();
            Arbitrary<Map.Entry<String, JsonNode>> entry = Arbitraries.lazy(() -> of(conj, depth + 1)).map(v -> Map.entry(name, v));
            if (required.contains(name)) {
                fields.add(entry.map(Optional::of));
            } else if (depth < maxDepth) {
                // present or absent, half and half, shrinking to absent (optional(), not a flatMap on a coin, whose
                // value jqwik regenerates, nested objects and all, each time it is asked for)
                fields.add(entry.optional(0.5));
            }
        }
        if (fields.isEmpty()) {
            return Arbitraries.just(Json.F.objectNode());
        }
        return Combinators.combine(fields).as(list -> {
            ObjectNode o = Json.F.objectNode();
            for (Optional<Map.Entry<String, JsonNode>> f : list) {
                f.ifPresent(x -> o.set(x.getKey(), x.getValue()));
            }
            return (JsonNode) o;
        });
    }

    /**
     * The schemas one object schema applies to a property: its {@code properties} entry, else the matching
     * {@code patternProperties}, else {@code additionalProperties}; empty when it forbids the name.
     */
    static Optional<List<JsonNode>> schemasFor(JsonNode s, String name) {
        List<JsonNode> out = new ArrayList<>();
        if (s.get("properties") instanceof ObjectNode p && p.has(name)) {
            out.add(p.get(name));
        }
        boolean patterned = false;
        if (s.get("patternProperties") instanceof ObjectNode pp) {
            for (Map.Entry<String, JsonNode> e : pp.properties()) {
                if (Json.finds(e.getKey(), name)) {
                    out.add(e.getValue());
                    patterned = true;
                }
            }
        }
        if (out.isEmpty() && !patterned && s.has("additionalProperties")) {
            JsonNode add = s.get("additionalProperties");
            if (add.isBoolean() && !add.asBoolean()) {
                return Optional.empty();
            }
            out.add(add);
        }
        for (JsonNode x : out) {
            if (x.isBoolean() && !x.asBoolean()) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** Any JSON value, nested up to the generator's depth (built once per depth). */
    Arbitrary<JsonNode> anyJson(int depth) {
        return anyJson.computeIfAbsent(depth, this::buildAnyJson);
    }

    private Arbitrary<JsonNode> buildAnyJson(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.just(Json.F.nullNode()),
                Arbitraries.of(false, true).map(b -> (JsonNode) Json.F.booleanNode(b)),
                Arbitraries.longs().map(l -> (JsonNode) Json.F.numberNode(l)),
                Arbitraries.doubles().map(d -> (JsonNode) Json.F.numberNode(d)),
                ScalarArbitraries.text().map(s -> (JsonNode) Json.F.stringNode(s)));
        if (depth >= maxDepth) {
            return scalar;
        }
        Arbitrary<JsonNode> array = Arbitraries.lazy(() -> anyJson(depth + 1)).list().ofMaxSize(3).map(l -> {
            ArrayNode a = Json.F.arrayNode();
            l.forEach(a::add);
            return (JsonNode) a;
        });
        // keys as fixtures have them, and the ones JSON pointers must escape ('/' and '~') or that look like annotations
        Arbitrary<String> keys = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('a', 'c').withChars("/~.@ é0").ofMaxLength(5)));
        Arbitrary<JsonNode> object = Arbitraries.maps(keys,
                Arbitraries.lazy(() -> anyJson(depth + 1))).ofMaxSize(3).map(m -> {
                    ObjectNode o = Json.F.objectNode();
                    m.forEach(o::set);
                    return (JsonNode) o;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(1, object));
    }
}
