package org.graphlint.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts one defect into a valid payload. The payload is walked once alongside its schema to learn which flat schemas
 * govern each value (branches decided as a validator decides them); a candidate defect is kept only when, by
 * {@link Eval}, the changed value breaks exactly the one keyword the defect is about, and no enclosing
 * {@code if}/{@code anyOf}/{@code oneOf} decision changes.
 *
 * <p>The kind is chosen first, evenly among the kinds the payload can carry, then a site where that kind fits: a site
 * is offered for a kind only when a fixed probe defect of that kind is kept there, so few generated candidates are
 * thrown away and rejections do not tilt the mix towards the kinds that fit everywhere.
 *
 * <p>Checking a candidate costs the path from the root to the changed value, not the payload: the values beside that
 * path and their decisions do not change, the ancestors keep the schemas they were reached with, and an ancestor whose
 * flat schemas hold no branch keyword cannot decide differently. Per-schema facts are kept by schema node, and the
 * last payloads' walks and verdicts are kept too, because jqwik's {@code flatMap} asks its mapper again for every
 * {@code value()} of a generated or shrunk payload.
 */
final class Defects {
    private static final int RECENT = 16;
    private final JsonNode root;
    private final Eval eval;
    private final SchemaArbitraries gen;
    /** Later versions' schemas, for {@link DefectKind#LATER_VERSION_PROPERTY}. */
    private final List<JsonNode> later;
    private final DefectCandidates candidates;
    /** A flat schema's own keywords, by schema node. */
    private final Map<JsonNode, JsonNode> locals = new IdentityHashMap<>();
    /** A flat schema's own keywords less a defect's rule, by schema node and rule. */
    private final Map<JsonNode, Map<String, JsonNode>> withouts = new IdentityHashMap<>();
    /** The plans of the last payloads asked for (by payload and kinds). */
    private final Map<List<Object>, Optional<Arbitrary<InvalidPayload>>> recent = lru(RECENT);

    Defects(JsonNode root, SchemaArbitraries gen, List<JsonNode> later) {
        this.root = root;
        this.eval = gen.eval();
        this.gen = gen;
        this.later = later;
        this.candidates = new DefectCandidates(gen, later);
    }

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * A value of the payload: where it is, the schemas it was reached with ({@code conj}), and the flat schemas it is
     * checked against ({@code flat}; null under an undecidable branch); {@code decisive} when a flat schema holds a
     * branch keyword, so a changed value could change the flat schemas.
     */
    record Site(String ptr, JsonNode value, List<JsonNode> conj, List<JsonNode> flat, boolean decisive) {
    }

    /** Every value of a payload, by pointer, with the schemas governing it. */
    Map<String, Site> walk(JsonNode payload) {
        Map<String, Site> out = new LinkedHashMap<>();
        walk(List.of(root), payload, "", out);
        return out;
    }

    private void walk(List<JsonNode> conj, JsonNode v, String ptr, Map<String, Site> out) {
        List<JsonNode> flat = effective(conj, v);
        out.put(ptr, new Site(ptr, v, conj, flat, flat != null && flat.stream().anyMatch(Defects::branches)));
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

    private static boolean branches(JsonNode s) {
        return s.has("if") || s.has("anyOf") || s.has("oneOf");
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


    /**
     * Every defect of the given kinds this payload can carry, as an arbitrary over them (empty when none fits): a kind
     * first, evenly among those that fit somewhere, then a site where it fits, then the defect.
     */
    Optional<Arbitrary<InvalidPayload>> defects(JsonNode payload, Set<DefectKind> kinds) {
        List<Object> key = List.of(payload, kinds);
        synchronized (this) {
            Optional<Arbitrary<InvalidPayload>> known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        Optional<Arbitrary<InvalidPayload>> plan = plan(payload, kinds);
        synchronized (this) {
            recent.put(key, plan);
        }
        return plan;
    }

    private Optional<Arbitrary<InvalidPayload>> plan(JsonNode payload, Set<DefectKind> kinds) {
        Map<String, Site> sites = walk(payload);
        // verdicts on this payload's candidates: jqwik regenerates the same candidates for every value() asked for
        Map<DefectCandidates.Candidate, Optional<InvalidPayload>> verdicts = Collections.synchronizedMap(lru(256));
        // a kept verdict hands out a copy: a test may change the payload it was given
        Function<DefectCandidates.Candidate, Optional<InvalidPayload>> check = c -> verdicts.computeIfAbsent(c, x -> apply(payload, sites, x))
                .map(d -> new InvalidPayload(d.payload().deepCopy(), d.kind(), d.rule(), d.pointer(), d.detail()));
        List<Arbitrary<InvalidPayload>> byKind = new ArrayList<>();
        for (DefectKind k : kinds) {
            List<Arbitrary<DefectCandidates.Candidate>> ofKind = new ArrayList<>();
            for (Site site : sites.values()) {
                if (site.flat() != null) {
                    candidates.of(k, site.ptr(), site.value(), site.flat())
                            .filter(o -> check.apply(o.probe()).isPresent())
                            .ifPresent(o -> ofKind.add(o.candidates()));
                }
            }
            if (!ofKind.isEmpty()) {
                Arbitrary<DefectCandidates.Candidate> any = ofKind.size() == 1 ? ofKind.get(0) : Arbitraries.oneOf(ofKind);
                // a rejected candidate is retried within its kind, so the mix of kinds stays even
                byKind.add(any.map(check).filter(Optional::isPresent).map(Optional::get));
            }
        }
        if (byKind.isEmpty()) {
            return Optional.empty();
        }
        // no edge cases: jqwik mixes a union of the kinds' edge cases into generation, and the unknown names' many
        // (string edge cases times JSON values) made two thirds of all defects unknown properties
        return Optional.of((byKind.size() == 1 ? byKind.get(0) : Arbitraries.oneOf(byKind)).withoutEdgeCases());
    }

    private Optional<InvalidPayload> apply(JsonNode payload, Map<String, Site> sites, DefectCandidates.Candidate c) {
        JsonNode mutated = replace(payload, c.site(), c.newValue());
        // every enclosing branch decision stays as it was: each ancestor, changed below, keeps its flat schemas (and so
        // passes on the same schemas to the next one down the path)
        String ptr = c.site();
        for (int i = ptr.indexOf('/'); i >= 0; i = ptr.indexOf('/', i + 1)) {
            Site up = sites.get(ptr.substring(0, i));
            if (up.decisive() && !sameSchemas(up.flat(), effective(up.conj(), mutated.at(up.ptr())))) {
                return Optional.empty();
            }
        }
        Site site = sites.get(ptr);
        List<JsonNode> siteFlat = effective(site.conj(), c.newValue());
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
    private boolean breaksOnly(List<JsonNode> flat, DefectCandidates.Candidate c) {
        JsonNode v = c.newValue();
        boolean broken = false;
        for (JsonNode s : flat) {
            if (eval.matches(local(s), v)) {
                continue;
            }
            if (!eval.matches(without(s, c.rule()), v)) {
                return false; // it breaks something else as well
            }
            broken = true;
        }
        return broken;
    }

    private synchronized JsonNode without(JsonNode s, String rule) {
        return withouts.computeIfAbsent(s, x -> new HashMap<>()).computeIfAbsent(rule, r -> {
            ObjectNode without = ((ObjectNode) local(s)).deepCopy();
            switch (r) {
                case "additionalProperties" -> without.remove("additionalProperties");
                case "minimum", "maximum" -> without.remove(List.of("minimum", "maximum"));
                default -> without.remove(r);
            }
            return without;
        });
    }

    /** A flat schema's own keywords (branches and references are separate flat schemas already). */
    private synchronized JsonNode local(JsonNode s) {
        return locals.computeIfAbsent(s, Defects::localOf);
    }

    private static JsonNode localOf(JsonNode s) {
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

    /**
     * The kinds of defect the schema has a place for, read from the schema alone (every schema reachable from the root):
     * a closed object, a typed value without an enum, a string enum, a known format or a pattern, an integer bound, a
     * property only a later version declares at the top. A payload may still lack the place (an optional property).
     */
    Set<DefectKind> possibleKinds() {
        Set<DefectKind> out = EnumSet.noneOf(DefectKind.class);
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<JsonNode> q = new ArrayDeque<>(List.of(root));
        while (!q.isEmpty()) {
            JsonNode s = q.poll();
            if (!s.isObject() || !seen.add(s)) {
                continue;
            }
            if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()) {
                out.add(DefectKind.UNKNOWN_PROPERTY);
            }
            if (s.has("type") && !s.has("enum") && !s.has("const")) {
                out.add(DefectKind.WRONG_TYPE);
            }
            List<String> values = new ArrayList<>();
            DefectCandidates.collectEnum(s, values);
            if (!values.isEmpty()) {
                out.add(DefectKind.OUTSIDE_ENUM);
            }
            if ((s.has("format") && Formats.known(s.get("format").asString())) || s.has("pattern")) {
                out.add(DefectKind.MALFORMED_FORMAT);
            }
            if (s.path("minimum").isIntegralNumber() || s.path("maximum").isIntegralNumber()) {
                out.add(DefectKind.OUT_OF_RANGE);
            }
            if (s.has("$ref") && eval.resolve(s.get("$ref").asString()) != null) {
                q.add(eval.resolve(s.get("$ref").asString()));
            }
            for (String k : List.of("items", "additionalProperties", "if", "then", "else", "not")) {
                if (s.has(k)) {
                    q.add(s.get(k));
                }
            }
            for (String k : List.of("properties", "patternProperties")) {
                if (s.get(k) instanceof ObjectNode ps) {
                    ps.properties().forEach(e -> q.add(e.getValue()));
                }
            }
            for (String k : List.of("allOf", "anyOf", "oneOf")) {
                if (s.get(k) instanceof ArrayNode ms) {
                    ms.forEach(q::add);
                }
            }
        }
        List<JsonNode> top = effective(List.of(root), Json.F.objectNode());
        if (top != null && DefectCandidates.closed(top)) {
            for (JsonNode l : later) {
                if (l.get("properties") instanceof ObjectNode lp && lp.propertyNames().stream().anyMatch(n -> !DefectCandidates.admitted(top, n))) {
                    out.add(DefectKind.LATER_VERSION_PROPERTY);
                }
            }
        }
        return out;
    }
}
