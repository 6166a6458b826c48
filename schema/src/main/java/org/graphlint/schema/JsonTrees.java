package org.graphlint.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
     *
     * <p>An object's properties are gathered on a stack shared by the whole document and its map made at the object's
     * end, at its size: a map grown one property at a time reallocates its table two or three times for a typical
     * Graph body of 20-60 properties, and over 10,000 fixtures that garbage was a twentieth of a run's allocation.
     */
    public static JsonNode read(JsonParser p) {
        JsonNodeFactory f = NODES;
        // Pending properties of the open objects, innermost last.
        ArrayList<String> names = new ArrayList<>();
        ArrayList<JsonNode> values = new ArrayList<>();
        // Per open container: its array node (null for an object), where its properties start in names/values (an
        // object), and where it goes in its parent's pending values (-1: appended to a parent array, or the root).
        ArrayNode[] arrays = new ArrayNode[16];
        int[] starts = new int[16];
        int[] slots = new int[16];
        int depth = 0;
        String name = null;
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            JsonNode value;
            switch (t) {
                case PROPERTY_NAME -> {
                    name = p.currentName();
                    continue;
                }
                case START_OBJECT, START_ARRAY -> {
                    int slot = -1;
                    if (depth > 0 && arrays[depth - 1] == null) {
                        names.add(name);
                        values.add(null); // filled when this container ends
                        slot = values.size() - 1;
                    }
                    if (depth == arrays.length) {
                        arrays = Arrays.copyOf(arrays, depth * 2);
                        starts = Arrays.copyOf(starts, depth * 2);
                        slots = Arrays.copyOf(slots, depth * 2);
                    }
                    arrays[depth] = t == JsonToken.START_ARRAY ? f.arrayNode() : null;
                    starts[depth] = names.size();
                    slots[depth] = slot;
                    depth++;
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    ContainerNode<?> done;
                    if (arrays[depth] != null) {
                        done = arrays[depth];
                        arrays[depth] = null;
                    } else {
                        int from = starts[depth];
                        int n = names.size() - from;
                        LinkedHashMap<String, JsonNode> m = new LinkedHashMap<>(n < 12 ? 16 : (int) (n / 0.75f) + 1);
                        for (int i = from; i < from + n; i++) {
                            if (m.putIfAbsent(names.get(i), values.get(i)) != null) {
                                return null; // a duplicate name
                            }
                        }
                        names.subList(from, names.size()).clear();
                        values.subList(from, values.size()).clear();
                        done = new ObjectNode(f, m);
                    }
                    if (depth == 0) {
                        return done;
                    }
                    if (slots[depth] >= 0) {
                        values.set(slots[depth], done);
                    } else {
                        arrays[depth - 1].add(done);
                    }
                    continue;
                }
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
            if (depth == 0) {
                return value; // a scalar document
            }
            if (arrays[depth - 1] != null) {
                arrays[depth - 1].add(value);
            } else {
                names.add(name);
                values.add(value);
            }
        }
        return null;
    }
}
