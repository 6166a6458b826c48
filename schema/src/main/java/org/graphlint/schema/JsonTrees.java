package org.graphlint.schema;

import java.util.ArrayList;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON trees without an {@link ObjectMapper} where a run does not need one: building a mapper initializes most of
 * Jackson's databind (date formats, type factory, configuration) at about 60 ms of CPU, which a run that only reads
 * trees (the embedded catalog's blobs, a fixture's body) need not pay. {@link #read} builds the tree a mapper's
 * {@code readTree} builds, from the parser's tokens; {@link #mapper()} is the shared mapper, built on first use, for
 * everything else (writing, wording syntax errors).
 */
public final class JsonTrees {

    /** The node factory of a default mapper (and of every tree {@link #read} builds). */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }

    /** A default mapper, shared, made on first use. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /**
     * The tree of one JSON value, built straight from the parser's tokens: the nodes a default mapper's
     * {@code readTree} builds (same node factory, same number node classes: int, long, BigInteger, double), without a
     * deserialization context per call. Null at the end of input, for a duplicate property name, or for a token JSON
     * text does not give (a caller then takes a mapper's path, which words the problem). Not recursive: nesting is
     * bounded by the parser's depth limit.
     */
    public static JsonNode read(JsonParser p) {
        JsonNodeFactory f = NODES;
        ArrayList<ContainerNode<?>> open = new ArrayList<>();
        String name = null;
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            JsonNode value;
            switch (t) {
                case PROPERTY_NAME -> {
                    name = p.currentName();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    ContainerNode<?> done = open.remove(open.size() - 1);
                    if (open.isEmpty()) {
                        return done;
                    }
                    continue;
                }
                case START_OBJECT -> value = f.objectNode();
                case START_ARRAY -> value = f.arrayNode();
                case VALUE_STRING -> value = f.stringNode(p.getString());
                case VALUE_NUMBER_INT -> value = switch (p.getNumberType()) {
                    case INT -> f.numberNode(p.getIntValue());
                    case LONG -> f.numberNode(p.getLongValue());
                    default -> f.numberNode(p.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> {
                    JsonParser.NumberTypeFP fp = p.getNumberTypeFP();
                    if (fp != JsonParser.NumberTypeFP.UNKNOWN && fp != JsonParser.NumberTypeFP.DOUBLE64) {
                        return null; // not from JSON text: a mapper decides
                    }
                    value = f.numberNode(p.getDoubleValue());
                }
                case VALUE_TRUE -> value = f.booleanNode(true);
                case VALUE_FALSE -> value = f.booleanNode(false);
                case VALUE_NULL -> value = f.nullNode();
                default -> {
                    return null;
                }
            }
            if (open.isEmpty()) {
                if (!(value instanceof ContainerNode<?> c)) {
                    return value; // a scalar document
                }
                open.add(c);
                continue;
            }
            ContainerNode<?> parent = open.get(open.size() - 1);
            if (parent instanceof ObjectNode o) {
                if (o.putIfAbsent(name, value) != null) {
                    return null; // a duplicate name
                }
            } else {
                ((ArrayNode) parent).add(value);
            }
            if (value instanceof ContainerNode<?> c) {
                open.add(c);
            }
        }
        return null;
    }
}
