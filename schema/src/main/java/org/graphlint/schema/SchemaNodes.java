package org.graphlint.schema;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small JSON Schema shapes the builder composes: one value or null, a string or another JSON type. */
final class SchemaNodes {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SchemaNodes() {
    }

    /**
     * A string as {@code string} says, or any value of the JSON type {@code other}: as if/then/else rather than a union
     * type, which ajv's strict mode refuses for two non-null types. Annotations stay at the top.
     */
    static ObjectNode stringOr(ObjectNode string, String other) {
        ObjectNode out = F.objectNode();
        ObjectNode then = F.objectNode();
        for (Map.Entry<String, JsonNode> e : string.properties()) {
            boolean annotation = e.getKey().startsWith("x-") || e.getKey().equals("description") || e.getKey().equals("title")
                    || e.getKey().equals("readOnly") || e.getKey().equals("deprecated");
            (annotation ? out : then).set(e.getKey(), e.getValue().deepCopy());
        }
        out.putObject("if").put("type", "string");
        out.set("then", then);
        out.putObject("else").put("type", other);
        return out;
    }

    /** Adds null to a schema: to its type (and enum), or by {@code if null else X} for a $ref. */
    static ObjectNode withNull(ObjectNode s) {
        JsonNode type = s.get("type");
        if (type != null && type.isString()) {
            ObjectNode c = s.deepCopy();
            c.putArray("type").add(type.asString()).add("null");
            moveAfterType(c);
            if (c.get("enum") instanceof ArrayNode e) {
                e.addNull();
            }
            return c;
        }
        if (type != null && type.isArray()) {
            ObjectNode c = s.deepCopy();
            ((ArrayNode) c.get("type")).add("null");
            if (c.get("enum") instanceof ArrayNode e) {
                e.addNull();
            }
            return c;
        }
        if (s.isEmpty() || (s.size() == 1 && s.has(SchemaBuilder.INFERRED))) {
            return s; // any value, null included
        }
        // null, or else the schema: unlike anyOf, a wrong non-null value reports only the schema's own errors
        ObjectNode c = F.objectNode();
        c.putObject("if").put("type", "null");
        c.set("else", s);
        return c;
    }

    static void moveAfterType(ObjectNode c) {
        // keep "type" first for readability: rebuild in order
        ObjectNode copy = c.deepCopy();
        c.removeAll();
        c.set("type", copy.get("type"));
        copy.properties().forEach(e -> {
            if (!e.getKey().equals("type")) {
                c.set(e.getKey(), e.getValue());
            }
        });
    }
}
