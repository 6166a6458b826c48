package org.graphlint.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Schemas inferred from the values the docs' examples show, where no table documents a type. */
final class InferredSchemas {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private InferredSchemas() {
    }

    /** An object schema inferred from example objects: their keys and value types, additional properties allowed. */
    static ObjectNode inferObject(SchemaBuilder.Context cx, List<JsonNode> objects, String typeName) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        o.put(SchemaBuilder.INFERRED, true);
        ObjectNode props = o.putObject("properties");
        ObjectNode ot = props.putObject("@odata.type").put("type", "string");
        if (typeName != null) {
            ot.put("pattern", SchemaBuilder.odataTypePattern(typeName));
        } else {
            ot.put("pattern", SchemaBuilder.ODATA_TYPE_PATTERN);
        }
        for (JsonNode obj : objects) {
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                if (e.getKey().contains("@odata.") || props.has(e.getKey())) {
                    continue;
                }
                props.set(e.getKey(), SchemaNodes.withNull(inferValue(e.getValue())));
            }
        }
        return o;
    }

    /** Keys every kind of entity has (key, audit): they say nothing about which entity a response shows. */
    static final Set<String> NEUTRAL_KEYS = Set.of("id", "createdDateTime", "lastModifiedDateTime", "createdBy",
            "lastModifiedBy", "deletedDateTime", "eTag", "version");

    /** An integer in an example may be any number (a Double written 1): the inferred type says number. */
    static ObjectNode widen(ObjectNode s) {
        if ("integer".equals(s.path("type").asString(""))) {
            s.put("type", "number");
        }
        return s;
    }

    static ObjectNode inferValue(JsonNode v) {
        ObjectNode s = F.objectNode();
        if (v.isString()) {
            s.put("type", "string");
        } else if (v.isBoolean()) {
            s.put("type", "boolean");
        } else if (v.isIntegralNumber()) {
            s.put("type", "integer");
        } else if (v.isNumber()) {
            s.put("type", "number");
        } else if (v.isArray()) {
            s.put("type", "array");
        } else if (v.isObject()) {
            s.put("type", "object");
        }
        return s;
    }
}
