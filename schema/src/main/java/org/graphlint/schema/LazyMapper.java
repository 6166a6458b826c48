package org.graphlint.schema;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema module's JSON mapper ({@link Catalog#JSON}), built only when a caller needs one: new nodes come from the
 * node factory and parsers from a plain factory, so reading the embedded catalog builds no mapper at all (see
 * {@link JsonTrees}). The methods are the mapper's, with the mapper's behaviour.
 */
final class LazyMapper {

    private static final tools.jackson.core.json.JsonFactory FACTORY = new tools.jackson.core.json.JsonFactory();

    ObjectNode createObjectNode() {
        return JsonTrees.NODES.objectNode();
    }

    ArrayNode createArrayNode() {
        return JsonTrees.NODES.arrayNode();
    }

    JsonParser createParser(byte[] bytes) {
        return FACTORY.createParser(bytes);
    }

    JsonNode readTree(byte[] bytes) {
        return JsonTrees.mapper().readTree(bytes);
    }

    JsonNode readTree(String text) {
        return JsonTrees.mapper().readTree(text);
    }

    byte[] writeValueAsBytes(Object value) {
        return JsonTrees.mapper().writeValueAsBytes(value);
    }

    ObjectWriter writerWithDefaultPrettyPrinter() {
        return JsonTrees.mapper().writerWithDefaultPrettyPrinter();
    }
}
