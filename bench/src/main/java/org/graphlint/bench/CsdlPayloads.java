package org.graphlint.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.graphlint.bench.Csdl.*;

/** Correct payloads generated from the CSDL: every structural property, values of the right type, nested a few levels. */
final class CsdlPayloads {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final int MAX_DEPTH = 3;

    private CsdlPayloads() {
    }

    // ---- payloads --------------------------------------------------------------------------------------------------

    static JsonNode value(Map<String, Type> types, String type, boolean last, int depth) {
        switch (type) {
            case "Edm.String": return F.stringNode("text");
            case "Edm.Boolean": return F.booleanNode(true);
            case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64": return F.numberNode(1);
            case "Edm.Single", "Edm.Double", "Edm.Decimal": return F.numberNode(1.5);
            case "Edm.DateTimeOffset": return F.stringNode("2021-08-27T10:00:00Z");
            case "Edm.Date": return F.stringNode("2021-08-27");
            case "Edm.TimeOfDay": return F.stringNode("10:30:00");
            case "Edm.Duration": return F.stringNode("PT1H30M");
            case "Edm.Guid": return F.stringNode("00000000-0000-0000-0000-000000000001");
            case "Edm.Binary": return F.stringNode("AAEC");
            case "Edm.Untyped", "Edm.Json": return F.objectNode();
            default: break;
        }
        if (type.startsWith("Edm.")) {
            return null; // Stream, Geography: not sent in JSON bodies
        }
        Type t = lookup(types, type);
        if (t == null) {
            return null;
        }
        if (t.kind.equals("enum")) {
            return t.members.isEmpty() ? null : F.stringNode(last ? t.members.get(t.members.size() - 1) : t.members.get(0));
        }
        if (depth >= MAX_DEPTH) {
            return null;
        }
        Type concrete = t;
        if (t.isAbstract) {
            concrete = firstConcrete(types, t, last);
            if (concrete == null) {
                return null;
            }
        }
        return object(types, concrete, last, depth + 1, concrete != t);
    }

    static Type firstConcrete(Map<String, Type> types, Type t, boolean last) {
        List<String> d = new ArrayList<>(t.derived);
        if (last) {
            java.util.Collections.reverse(d);
        }
        for (String n : d) {
            Type x = lookup(types, n);
            if (x != null && !x.isAbstract) {
                return x;
            }
            Type deeper = x == null ? null : firstConcrete(types, x, last);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    static ObjectNode object(Map<String, Type> types, Type t, boolean last, int depth, boolean withType) {
        ObjectNode o = F.objectNode();
        if (withType) {
            o.put("@odata.type", "#" + t.qualified);
        }
        for (Prop p : allProps(types, t)) {
            JsonNode v = value(types, p.type(), last, depth);
            if (v == null) {
                continue;
            }
            if (p.collection()) {
                ArrayNode a = F.arrayNode();
                a.add(v);
                o.set(p.name(), a);
            } else {
                o.set(p.name(), v);
            }
        }
        return o;
    }
}
