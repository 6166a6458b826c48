package org.graphlint.lint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of a page's request schema that examples with given top-level keys can reach: the root's {@code properties}
 * cut to those keys, and its {@code $defs} cut to the definitions a {@code $ref} of what is left names, transitively.
 * networknt builds a schema object for every definition of a schema it compiles, reached or not, and a method page's
 * schema defines every type its entity's properties use; an example sends a few of them.
 *
 * <p>Validation is the same: a key the examples do not send is never looked up in {@code properties} ({@code required},
 * {@code additionalProperties} and the rest read the instance's keys and the kept ones), and a definition no kept
 * {@code $ref} names is never evaluated. Only plain {@code #/$defs/NAME} references are followed: a schema with any other
 * reference ({@code #}, a pointer into {@code properties}, an {@code $id}, {@code $dynamicRef}) is used whole. Member
 * order is kept, so errors come in the same order.
 */
final class Reachable {
    private static final String DEFS = "#/$defs/";

    private Reachable() {
    }

    /** {@code schema} cut to what examples with these top-level keys can reach, or {@code schema} itself. */
    static JsonNode part(JsonNode schema, Set<String> keys) {
        if (!(schema instanceof ObjectNode root) || !(root.get("properties") instanceof ObjectNode props)
                || !(root.get("$defs") instanceof ObjectNode defs)) {
            return schema;
        }
        ObjectNode keptProps = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> p : props.properties()) {
            if (keys.contains(p.getKey())) {
                keptProps.set(p.getKey(), p.getValue());
            }
        }
        Set<String> reached = new LinkedHashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        for (Map.Entry<String, JsonNode> m : root.properties()) {
            switch (m.getKey()) {
                case "$defs" -> { }
                case "properties" -> todo.push(keptProps);
                default -> todo.push(m.getValue());
            }
        }
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isObject()) {
                for (Map.Entry<String, JsonNode> m : n.properties()) {
                    String k = m.getKey();
                    if (k.equals("$ref")) {
                        String name = defName(m.getValue());
                        if (name == null || !defs.has(name)) {
                            return schema; // a reference this cut does not follow: the whole schema
                        }
                        if (reached.add(name)) {
                            todo.push(defs.get(name));
                        }
                    } else if (k.equals("$id") || k.equals("$anchor") || k.equals("$dynamicRef") || k.equals("$dynamicAnchor")
                            || k.equals("$recursiveRef") || k.equals("$recursiveAnchor")) {
                        return schema;
                    }
                    todo.push(m.getValue());
                }
            } else if (n.isArray()) {
                for (JsonNode c : n) {
                    todo.push(c);
                }
            }
        }
        ObjectNode keptDefs = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> d : defs.properties()) {
            if (reached.contains(d.getKey())) {
                keptDefs.set(d.getKey(), d.getValue());
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> m : root.properties()) {
            out.set(m.getKey(), switch (m.getKey()) {
                case "$defs" -> keptDefs;
                case "properties" -> keptProps;
                default -> m.getValue();
            });
        }
        return out;
    }

    /** NAME of a {@code "#/$defs/NAME"} reference with no further pointer or escape, else null. */
    private static String defName(JsonNode ref) {
        if (ref == null || !ref.isString()) {
            return null;
        }
        String r = ref.asString();
        if (!r.startsWith(DEFS)) {
            return null;
        }
        String name = r.substring(DEFS.length());
        return name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('~') >= 0 || name.indexOf('%') >= 0 ? null : name;
    }
}
