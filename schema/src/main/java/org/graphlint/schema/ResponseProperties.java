package org.graphlint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graphlint.parser.Example;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Properties the docs' response examples show for a type beyond its tables: accepted, marked inferred (not for an open
 * type, whose examples show custom data: those are accepted with a warning as any property of an open type is).
 */
final class ResponseProperties {

    private ResponseProperties() {
    }

    /**
     * Properties the page's response examples show for the entity but its tables do not list (typically inherited from
     * a base type, whose page the type page only links): accepted, with the JSON type of the example value, marked
     * inferred.
     */
    static void addResponseProperties(SchemaBuilder.Context cx, ObjectNode body) {
        addResponseProperties(cx, body, cx.top, null);
    }

    /**
     * The same from another page's responses (a method page of a resource page's entity); {@code entity}, when given,
     * skips responses whose {@code @odata.type} names another type.
     */
    static void addResponseProperties(SchemaBuilder.Context cx, ObjectNode body, PageFacts page, String entity) {
        JsonNode props = body.get("properties");
        if (!(props instanceof ObjectNode po)) {
            return;
        }
        if (body.has(SchemaBuilder.OPEN_TYPE)) {
            // an open type's examples show custom data (an open extension's companyName, dealValue), not properties:
            // what they show beyond the tables is accepted as the open type's extra properties are (a warning)
            return;
        }
        for (Example e : PageFacts.withoutMediaContent(PageFacts.ownExamples(page.page()))) {
            if (e.kind() != Example.Kind.RESPONSE || e.body() == null || !e.body().isObject()) {
                continue;
            }
            // the response's metadata comment names its type in English ("@odata.type": "microsoft.graph.offerShiftRequest")
            String declared = e.declaredType() == null ? null : PageFacts.stripNamespace(e.declaredType());
            if (entity != null && declared != null && !declared.equalsIgnoreCase(entity)) {
                continue;
            }
            boolean declaredEntity = entity != null && declared != null;
            if (entity != null) {
                // an explicit @odata.type of the body (or its first item) naming another type wins over the comment
                // (a list of threatAssessmentRequest showing a mailAssessmentRequest)
                java.util.Optional<String> t = PageFacts.odataType(e.body());
                JsonNode first = e.body().get("value") instanceof ArrayNode a && !a.isEmpty() ? a.get(0) : null;
                if (t.isEmpty() && first != null) {
                    t = PageFacts.odataType(first);
                }
                if (t.isPresent() && !t.get().equalsIgnoreCase(entity)) {
                    continue;
                }
            }
            List<JsonNode> objects = new ArrayList<>();
            if (e.body().get("value") instanceof ArrayNode arr) {
                arr.forEach(objects::add);
            } else if (entity != null && e.body().get("value") instanceof ObjectNode one) {
                objects.add(one); // a list response written with one object for the array
            } else {
                objects.add(e.body());
            }
            for (JsonNode o : objects) {
                if (!o.isObject()) {
                    continue;
                }
                java.util.Optional<String> own = PageFacts.odataType(o);
                if (entity != null && own.isPresent() && !own.get().equalsIgnoreCase(entity)) {
                    continue; // an item of a derived type: its properties are its type's
                }
                if (entity != null && !declaredEntity) {
                    // another page's response may show something else (a user's mailboxSettings on a user page, a
                    // channel's messages): it is this entity only when most of its keys are the entity's documented ones
                    int known = 0;
                    int unknown = 0;
                    for (String k : o.propertyNames()) {
                        if (!k.contains("@") && !InferredSchemas.NEUTRAL_KEYS.contains(k)) {
                            if (po.has(k)) {
                                known++;
                            } else {
                                unknown++;
                            }
                        }
                    }
                    if (known <= unknown) {
                        continue;
                    }
                }
                for (Map.Entry<String, JsonNode> f : o.properties()) {
                    String k = f.getKey();
                    if (k.contains("@") || po.has(k) || k.isBlank() || hasIgnoringCase(po, k)) {
                        // a documented property spelt otherwise in an example ("Manufacturer" in device-list's
                        // response, "manufacturer" in device's table) is that property, not another
                        continue;
                    }
                    ObjectNode s = SchemaNodes.withNull(InferredSchemas.widen(InferredSchemas.inferValue(f.getValue())));
                    s.put(SchemaBuilder.INFERRED, true);
                    po.set(k, s);
                    cx.notes.add(page.file() + ": property '" + k + "' is in the response example but in no table: "
                            + "accepted as inferred");
                }
            }
        }
    }

    static boolean hasIgnoringCase(ObjectNode props, String name) {
        for (String n : props.propertyNames()) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
