package org.graphlint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graphlint.parser.Example;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.JsonNode;

/**
 * Rows of a type page whose table and JSON representation disagree (one value or a collection; a string or a boolean
 * or number): both are accepted. Decided per page, once; the note on each is said once per build.
 */
final class ShapeDisagreements {

    /**
     * Rows whose table and the same page's JSON representation disagree on one value or a collection ("string
     * collection" in the table, {@code "availability": "string"} in the JSON of presence): the docs say both, so both
     * shapes are accepted. Keyed by identity: the decision depends only on the row's own page.
     */
    private final Set<PropertyRow> eitherShape = java.util.Collections.newSetFromMap(
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>()));
    /** String rows whose JSON representation shows a boolean or a number instead: that JSON type is accepted too. */
    private final Map<PropertyRow, String> eitherKind = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** The notes on each row's shape disagreements, the same String objects every time (said once: {@link SchemaBuilder#finish}). */
    private final Map<PropertyRow, List<String>> shapeNotes = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** Pages whose shape disagreements are decided, by identity of their page model. */
    private final Set<org.graphlint.parser.PageModel> shapesDecided = java.util.Collections.newSetFromMap(
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>()));
    /** Every shape note, by identity. */
    private final Set<String> allShapeNotes = java.util.Collections.newSetFromMap(
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>()));
    /** Shape notes already said by a finished build. */
    private final Set<String> shapeNotesSaid = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** The shape notes of the page's rows (each said once per builder, by the first build that {@link SchemaBuilder#finish}es). */
    void mark(PageFacts page, List<String> notes) {
        decide(page);
        for (PropertyRow r : page.propertyRows()) {
            List<String> n = shapeNotes.get(r);
            if (n != null) {
                notes.addAll(n);
            }
        }
    }

    /** Decides the page's shape disagreements (once per page model). */
    void decide(PageFacts page) {
        if (!shapesDecided.add(page.page())) {
            return;
        }
        Map<String, Boolean> arrays = new java.util.HashMap<>();
        Map<String, JsonNode> shownValues = new java.util.HashMap<>();
        for (Example e : page.page().examples()) {
            if (e.kind() == Example.Kind.REPRESENTATION && e.body() != null && e.body().isObject()) {
                for (Map.Entry<String, JsonNode> f : e.body().properties()) {
                    if (!f.getValue().isNull()) {
                        arrays.putIfAbsent(f.getKey(), f.getValue().isArray());
                        shownValues.putIfAbsent(f.getKey(), f.getValue());
                    }
                }
            }
        }
        if (arrays.isEmpty()) {
            return;
        }
        for (PropertyRow r : page.propertyRows()) {
            List<String> notes = new ArrayList<>(2);
            JsonNode shown = shownValues.get(r.name());
            if (shown != null && !r.collection() && (shown.isBoolean() || shown.isNumber())
                    && GraphTypes.primitive(r.type()).orElse(null) == GraphTypes.Primitive.STRING && !r.name().isEmpty()
                    && !eitherKind.containsKey(r)) {
                // textColumn.allowMultipleLines: "string" in the table, true in the JSON representation
                eitherKind.put(r, shown.isBoolean() ? "boolean" : "number");
                notes.add(page.file() + ":" + r.line() + ": '" + r.name() + "' is a string in the table but a "
                        + eitherKind.get(r) + " in the JSON representation: both accepted");
            }
            Boolean array = arrays.get(r.name());
            if (array != null && array != r.collection() && !eitherShape.contains(r)) {
                eitherShape.add(r);
                notes.add(page.file() + ":" + r.line() + ": '" + r.name() + "' is " + (r.collection() ? "a collection" : "one value")
                        + " in the table but " + (array ? "an array" : "one value") + " in the JSON representation: both accepted");
            }
            if (!notes.isEmpty()) {
                shapeNotes.put(r, List.copyOf(notes));
                allShapeNotes.addAll(notes);
            }
        }
    }

    /** The other JSON type a string row also accepts, or null. */
    String alsoKind(PropertyRow r) {
        return eitherKind.get(r);
    }

    /** True when the row accepts one value and an array of them. */
    boolean eitherShape(PropertyRow r) {
        return eitherShape.contains(r);
    }

    /** False for a shape note an earlier finished build said (each is said once). */
    synchronized boolean say(String note) {
        return !allShapeNotes.contains(note) || shapeNotesSaid.add(note);
    }
}
