package org.graphlint.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A conjunction of schemas expanded into its alternatives: {@code $ref} and {@code allOf} followed, each combination
 * of {@code anyOf}/{@code oneOf} members and {@code if}/{@code then}/{@code else} branches one alternative with the
 * flat schemas a value must satisfy and those it must not.
 */
final class Alternatives {

    /** One alternative of a conjunction: the flat schemas a value must satisfy, and those it must not. */
    record Alternative(List<JsonNode> all, List<JsonNode> none) {
    }

    private Alternatives() {
    }

    /**
     * Whether an alternative asks for the impossible in the shape a derived-type switch makes: a property required to
     * be X by one schema ({@code {"required": [n], "properties": {n: X}}}, a base type dispatching to a derived one)
     * and to be {@code not X} by another (the derived type's own "another @odata.type" branch), or a schema the value
     * must both satisfy and not satisfy.
     */
    static boolean contradictory(Alternative a) {
        java.util.Map<String, List<JsonNode>> must = new java.util.HashMap<>();
        java.util.Map<String, List<JsonNode>> mustNot = new java.util.HashMap<>();
        for (JsonNode s : a.all()) {
            if (!(s.get("properties") instanceof ObjectNode props)) {
                continue;
            }
            java.util.Set<String> required = new java.util.HashSet<>();
            if (s.get("required") instanceof ArrayNode req) {
                req.forEach(r -> required.add(r.asString()));
            }
            for (var e : props.properties()) {
                JsonNode p = e.getValue();
                if (p.isObject() && p.size() == 1 && p.has("not")) {
                    mustNot.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(p.get("not"));
                } else if (required.contains(e.getKey())) {
                    must.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(p);
                }
            }
        }
        for (var e : must.entrySet()) {
            List<JsonNode> no = mustNot.get(e.getKey());
            if (no != null && e.getValue().stream().anyMatch(no::contains)) {
                return true;
            }
        }
        return a.none().stream().anyMatch(a.all()::contains);
    }

    /** Whether a conjunction combines constraints generation does not honour by construction (so values are checked). */
    static boolean needsCheck(List<JsonNode> all) {
        int patterns = 0;
        for (JsonNode s : all) {
            patterns += s.has("pattern") ? 1 : 0;
            if (s.has("minLength") || s.has("maxLength") || s.has("exclusiveMinimum") || s.has("exclusiveMaximum")
                    || s.has("multipleOf") || s.has("uniqueItems")) {
                return true;
            }
        }
        return patterns > 1;
    }

    /** Flattens $ref, allOf and the branch keywords ({@code anyOf}, {@code oneOf}, {@code if}) into alternatives. */
    static List<Alternative> expand(Eval eval, List<JsonNode> conjunction) {
        List<Alternative> out = new ArrayList<>();
        expand(eval, new ArrayList<>(), new ArrayList<>(), new java.util.ArrayDeque<>(conjunction), out, 0);
        return out;
    }

    private static void expand(Eval eval, List<JsonNode> all, List<JsonNode> none, java.util.ArrayDeque<JsonNode> queue, List<Alternative> out, int steps) {
        while (!queue.isEmpty()) {
            if (steps++ > 500) {
                throw new IllegalArgumentException("schema too deeply combined (a $ref cycle without an object between?)");
            }
            JsonNode s = queue.poll();
            if (s == null || (s.isBoolean() && s.asBoolean())) {
                continue;
            }
            if (s.isBoolean()) {
                return; // false: no value
            }
            all.add(s);
            if (s.has("not")) {
                none.add(s.get("not"));
            }
            if (s.has("$ref")) {
                JsonNode t = eval.resolve(s.get("$ref").asString());
                if (t == null) {
                    throw new IllegalArgumentException("unresolvable $ref " + s.get("$ref") + " (only local refs are followed)");
                }
                queue.add(t);
            }
            if (s.get("allOf") instanceof ArrayNode allOf) {
                allOf.forEach(queue::add);
            }
            // branches: each option adds schemas the value must satisfy and schemas it must not
            List<List<List<JsonNode>>> options = new ArrayList<>();
            options.add(List.of(List.of(), List.of()));
            if (s.get("anyOf") instanceof ArrayNode any) {
                options = cross(options, members(any, false));
            }
            if (s.get("oneOf") instanceof ArrayNode one) {
                options = cross(options, members(one, true));
            }
            if (s.has("if")) {
                List<JsonNode> then = new ArrayList<>();
                then.add(s.get("if"));
                if (s.has("then")) {
                    then.add(s.get("then"));
                }
                List<JsonNode> otherwise = new ArrayList<>();
                if (s.has("else")) {
                    otherwise.add(s.get("else"));
                }
                // "not if", said positively where it can be, so the else branch is generated rather than filtered
                Optional<JsonNode> positive = negation(s.get("if"));
                positive.ifPresent(otherwise::add);
                List<JsonNode> notIf = positive.isPresent() ? List.of() : List.of(s.get("if"));
                options = cross(options, List.of(List.of(then, List.of()), List.of(otherwise, notIf)));
            }
            if (options.size() > 1 || !options.get(0).get(0).isEmpty()) {
                for (List<List<JsonNode>> o : options) {
                    java.util.ArrayDeque<JsonNode> q = new java.util.ArrayDeque<>(queue);
                    q.addAll(o.get(0));
                    List<JsonNode> n = new ArrayList<>(none);
                    n.addAll(o.get(1));
                    expand(eval, new ArrayList<>(all), n, q, out, steps);
                }
                return;
            }
        }
        out.add(new Alternative(all, none));
    }

    /**
     * A schema equal to {@code not s}, for the shape graphlint's schemas give a derived-type switch:
     * {@code {"required": [n], "properties": {n: {"not": X}}}} (n present and not X) is negated by
     * {@code {"properties": {n: X}}} (n absent, or X). Without it, the else branch of a complex type (its own
     * {@code @odata.type} or none) was generated from the property's generic pattern and then filtered by the negated
     * {@code if}, which kept only the values without {@code @odata.type}. The base type's side of the same switch,
     * {@code {"required": [n], "properties": {n: X}}}, is negated likewise by {@code {"properties": {n: {"not": X}}}}.
     */
    static Optional<JsonNode> negation(JsonNode s) {
        if (s == null || !s.isObject() || s.size() != 2 || !(s.get("required") instanceof ArrayNode req) || req.size() != 1
                || !(s.get("properties") instanceof ObjectNode props) || props.size() != 1) {
            return Optional.empty();
        }
        String n = req.get(0).asString();
        JsonNode p = props.get(n);
        if (p == null || !p.isObject() || p.size() != 1) {
            return Optional.empty();
        }
        ObjectNode out = Json.F.objectNode();
        if (p.has("not")) {
            out.putObject("properties").set(n, p.get("not"));
        } else {
            // a base type's dispatch to a derived one, {"required": [n], "properties": {n: X}} (n present and X), is
            // negated by {"properties": {n: {"not": X}}} (n absent, or not X): the base branch is then generated with
            // any @odata.type but the derived one's, instead of being filtered down to values without @odata.type
            out.putObject("properties").putObject(n).set("not", p);
        }
        return Optional.of(out);
    }

    private static List<List<List<JsonNode>>> members(ArrayNode ms, boolean exactlyOne) {
        List<List<List<JsonNode>>> out = new ArrayList<>();
        for (int m = 0; m < ms.size(); m++) {
            List<JsonNode> not = new ArrayList<>();
            if (exactlyOne) {
                for (int o = 0; o < ms.size(); o++) {
                    if (o != m) {
                        not.add(ms.get(o));
                    }
                }
            }
            out.add(List.of(List.of(ms.get(m)), not));
        }
        return out;
    }

    private static List<List<List<JsonNode>>> cross(List<List<List<JsonNode>>> a, List<List<List<JsonNode>>> b) {
        List<List<List<JsonNode>>> out = new ArrayList<>();
        for (List<List<JsonNode>> x : a) {
            for (List<List<JsonNode>> y : b) {
                List<JsonNode> add = new ArrayList<>(x.get(0));
                add.addAll(y.get(0));
                List<JsonNode> not = new ArrayList<>(x.get(1));
                not.addAll(y.get(1));
                out.add(List.of(add, not));
            }
        }
        return out;
    }

}
