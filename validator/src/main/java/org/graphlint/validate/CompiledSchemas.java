package org.graphlint.validate;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import tools.jackson.databind.JsonNode;

/**
 * The compiled forms of a catalog's schema versions, each made once and then shared: networknt's {@link Schema} and
 * graphlint's {@link QuickCheck} pre-check. Thread-safe.
 */
final class CompiledSchemas {

    /** Cache key of one schema version of one API version. */
    record Key(String apiVersion, String entity, OperationKind operation, String versionId) {

        static Key of(String api, SchemaVersion v) {
            return new Key(api, v.entity(), v.operation(), v.id());
        }

        static Key of(Target t) {
            return of(t.apiVersion(), t.version());
        }

        /** The schema's location for networknt: {@code urn:graphlint:beta:vppToken:create:2019-07-31}. */
        String urn() {
            return "urn:graphlint:" + (apiVersion + '/' + entity + '/' + operation.id() + '/' + versionId).replace('/', ':');
        }
    }

    /** networknt's registry, made on first use: a run whose bodies the pre-check proves valid never needs it. */
    private volatile SchemaRegistry registry;
    private final ConcurrentHashMap<Key, Schema> compiled = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, QuickCheck> quick = new ConcurrentHashMap<>();

    private SchemaRegistry registry() {
        SchemaRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    r = Formats.registry();
                    registry = r;
                }
            }
        }
        return r;
    }

    /** The compiled networknt schema of a schema version (compiled once, then cached). */
    Schema schema(String api, SchemaVersion v) {
        Key key = Key.of(api, v);
        Schema s = compiled.get(key);
        if (s == null) {
            s = compiled.computeIfAbsent(key, k -> {
                String badType = invalidType(v.schema(), "");
                if (badType != null) {
                    // networknt compiles an unknown type name and then words every value as "expected unknown".
                    throw new SchemaFaultException("the schema " + Catalog.schemaFile(api, v) + " cannot be used: "
                            + badType + "; fix the catalog", null);
                }
                try {
                    Schema c = registry().getSchema(SchemaLocation.of(k.urn()), v.schema());
                    c.initializeValidators();
                    return c;
                } catch (RuntimeException e) {
                    throw schemaFault(api, v, e);
                }
            });
        }
        return s;
    }

    /** The pre-check of a target's schema (compiled once, then cached); see {@link QuickCheck}. */
    QuickCheck quickCheck(Target t) {
        Key key = Key.of(t);
        QuickCheck q = quick.get(key);
        if (q == null) {
            q = quick.computeIfAbsent(key, k -> QuickCheck.compile(t.version().schema(), CompiledPatterns.INSTANCE));
        }
        return q;
    }

    /** Unmodifiable view for tests. */
    Map<Key, Schema> compiledCache() {
        return Collections.unmodifiableMap(compiled);
    }

    private static final Set<String> JSON_TYPES = Set.of("null", "boolean", "object", "array", "number", "string",
            "integer");
    /** Keywords whose value is one subschema. */
    private static final Set<String> ONE_SCHEMA = Set.of("items", "additionalProperties", "unevaluatedProperties",
            "unevaluatedItems", "not", "if", "then", "else", "contains", "propertyNames", "additionalItems");
    /** Keywords whose value is a list of subschemas. */
    private static final Set<String> SCHEMA_LIST = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    /** Keywords whose value maps names to subschemas. */
    private static final Set<String> SCHEMA_MAP = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas");

    /**
     * Where a schema names a type JSON Schema does not have ({@code "type": "strang"}), worded with its JSON pointer;
     * null when every {@code type} is one of the seven.
     */
    static String invalidType(JsonNode schema, String at) {
        if (schema == null || !schema.isObject()) {
            return null;
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            List<JsonNode> names = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(names::add);
            } else {
                names.add(type);
            }
            for (JsonNode n : names) {
                if (!n.isString() || !JSON_TYPES.contains(n.asString())) {
                    return "at " + (at.isEmpty() ? "the root" : at) + ", \"type\" is " + org.graphlint.parser.Text.cut(n.toString(), 60)
                            + ", which is not a JSON Schema type (null, boolean, object, array, number, string or integer)";
                }
            }
        }
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            String k = e.getKey();
            JsonNode x = e.getValue();
            String here = at + "/" + FindingExplainer.escape(k);
            String found = null;
            if (ONE_SCHEMA.contains(k)) {
                found = invalidType(x, here);
            } else if (SCHEMA_LIST.contains(k) && x.isArray()) {
                for (int i = 0; i < x.size() && found == null; i++) {
                    found = invalidType(x.get(i), here + "/" + i);
                }
            } else if (SCHEMA_MAP.contains(k) && x.isObject()) {
                for (Map.Entry<String, JsonNode> p : x.properties()) {
                    found = invalidType(p.getValue(), here + "/" + FindingExplainer.escape(p.getKey()));
                    if (found != null) {
                        break;
                    }
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }


    /** A schema of the catalog that cannot be used; the message is one line naming the schema file and the fault. */
    static final class SchemaFaultException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SchemaFaultException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static SchemaFaultException schemaFault(String api, SchemaVersion v, Throwable e) {
        if (e instanceof SchemaFaultException f) {
            return f;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why;
        if (root instanceof java.util.regex.PatternSyntaxException p) {
            why = "an invalid pattern `" + p.getPattern() + "` (" + p.getDescription() + ")";
        } else if (root instanceof IOException || String.valueOf(e.getMessage()).matches("(?s).*(https?:|file:).*")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("((?:https?|file):[^\\s,;)]+)")
                    .matcher(String.valueOf(root.getMessage()) + " " + e.getMessage());
            why = "a $ref to " + (m.find() ? m.group(1) : "another document")
                    + ", which graphlint does not fetch (a catalog must be self-contained)";
        } else {
            why = org.graphlint.parser.Text.oneLine(root);
        }
        return new SchemaFaultException("the schema " + Catalog.schemaFile(api, v) + " cannot be used: " + why, e);
    }
}
