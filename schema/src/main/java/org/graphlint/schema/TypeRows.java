package org.graphlint.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.graphlint.parser.Example;
import org.graphlint.parser.Identifiers;
import org.graphlint.parser.PageKind;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.JsonNode;

/** The property rows of a type: its own, its partial pages', and its base types' up the chain. */
final class TypeRows {
    private final PageIndex index;
    private final ShapeDisagreements shapes;

    TypeRows(PageIndex index, ShapeDisagreements shapes) {
        this.index = index;
        this.shapes = shapes;
    }

    /**
     * A type's rows with those of its base types: the page's Properties (and, when asked, Relationships), then its base
     * type's ("Inherits from [entity](entity.md)"), and so on up the chain, each base as it stood when {@code from}
     * was written. A chain that comes back to a type already seen stops there (and the build notes it); a row whose
     * name an earlier (more derived) page has is left to that page.
     */
    List<PropertyRow> of(PageFacts from, PageFacts type, boolean relationships, List<String> notes) {
        List<PropertyRow> out = new ArrayList<>(type.propertyRows());
        if (relationships && type.kind() == PageKind.RESOURCE) {
            out.addAll(type.relationshipRows());
        }
        for (PageFacts sibling : index.siblings(from, type)) {
            // the type's partial pages in other areas (intune-devices-user beside user)
            out.addAll(sibling.propertyRows());
            if (relationships && sibling.kind() == PageKind.RESOURCE) {
                out.addAll(sibling.relationshipRows());
            }
        }
        Set<String> seen = new HashSet<>();
        seen.add(type.file());
        List<PageFacts> chain = new ArrayList<>();
        chain.add(type);
        PageFacts t = type;
        for (int depth = 0; depth < 32; depth++) {
            Optional<PageFacts> b = index.base(from, t);
            if (b.isEmpty()) {
                break;
            }
            if (!seen.add(b.get().file())) {
                notes.add(type.file() + ": the base types of '" + type.typeName() + "' come back to " + b.get().file()
                        + ": inheritance cycle, stopped there");
                break;
            }
            t = b.get();
            chain.add(t);
            out.addAll(t.propertyRows());
            if (relationships && t.kind() == PageKind.RESOURCE) {
                out.addAll(t.relationshipRows());
            }
        }
        // A property the docs show only in a type's JSON representation is documented too (often the inherited id),
        // and so is the key the type's resource block declares ("keyProperty": "id")
        Set<String> names = new HashSet<>();
        out.forEach(r -> names.add(r.name()));
        for (PageFacts page : chain) {
            String key = page.page().declaredKey();
            if (key != null && names.add(key)) {
                out.add(new PropertyRow(key, key, org.graphlint.parser.NameSource.VERBATIM, "String",
                        org.graphlint.parser.TypeSource.VERBATIM, false, null,
                        "The key of " + page.typeName() + " (the page's resource block). Read-only.", List.of(), "Properties", 0));
            }
        }
        for (PageFacts page : chain) {
            shapes.mark(page, notes);
        }
        spellAsTheJsonDoes(type, out, names, notes);
        for (PageFacts page : chain) {
            for (Example e : page.page().examples()) {
                if (e.kind() != Example.Kind.REPRESENTATION || e.body() == null || !e.body().isObject()) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> f : e.body().properties()) {
                    String k = f.getKey();
                    if (k.contains("@") || !Identifiers.isName(k) || !names.add(k)) {
                        continue;
                    }
                    String shown = shownType(f.getValue());
                    out.add(new PropertyRow(k, k, org.graphlint.parser.NameSource.VERBATIM, shown == null ? "" : shown,
                            shown == null ? org.graphlint.parser.TypeSource.UNRESOLVED : org.graphlint.parser.TypeSource.VERBATIM,
                            f.getValue().isArray(), null,
                            "In the JSON representation of " + page.file() + " only.", List.of(), REPRESENTATION_ONLY, e.line()));
                }
            }
        }
        return out;
    }

    /**
     * The section of a row only the JSON representation shows: its property is accepted (typed as the JSON shows) and
     * marked inferred like a response example's, since no table documents it (the lint's example-property-undocumented).
     */
    static final String REPRESENTATION_ONLY = "JSON representation";

    /** Type names a JSON representation writes as a property's value ({@code "prop": "String"}). */
    private static final Set<String> SHOWN_PRIMITIVES = Set.of("String", "Boolean", "Int16", "Int32", "Int64", "Double",
            "Single", "Decimal", "Byte", "Guid", "DateTimeOffset", "Date", "TimeOfDay", "Duration", "Binary");

    /**
     * The type a JSON representation shows for a property: {@code "String"}, {@code "Int32"}, {@code ["String"]},
     * {@code {"@odata.type": "microsoft.graph.identitySet"}} (the type's name, found among the type pages as a table's
     * unlinked type name is); null when it shows a value rather than a type (the build then infers from the value).
     */
    static String shownType(JsonNode v) {
        JsonNode one = v != null && v.isArray() ? (v.isEmpty() ? null : v.get(0)) : v;
        if (one == null) {
            return null;
        }
        if (one.isString()) {
            String t = one.asString().strip();
            if (t.regionMatches(true, 0, "Edm.", 0, 4)) {
                t = t.substring(4);
            }
            return SHOWN_PRIMITIVES.contains(t) ? t : null;
        }
        if (one.isObject() && one.size() == 1 && one.get("@odata.type") != null && one.get("@odata.type").isString()) {
            String t = PageFacts.stripNamespace(one.get("@odata.type").asString());
            return Identifiers.isName(t) ? t : null;
        }
        return null;
    }

    /**
     * A table row whose name differs from a key of the type page's own JSON representation only in letter case
     * ({@code printerID} in printUsageByPrinter's table, {@code "printerId"} in its JSON) takes the JSON's spelling: the
     * JSON is the English identifier as payloads write it. The table's spelling stays only where the JSON has no such
     * key or both spellings.
     */
    private static void spellAsTheJsonDoes(PageFacts type, List<PropertyRow> rows, Set<String> names, List<String> notes) {
        Map<String, String> jsonByLower = new java.util.HashMap<>();
        for (Example e : type.page().examples()) {
            if (e.kind() == Example.Kind.REPRESENTATION && e.body() != null && e.body().isObject()) {
                for (String k : e.body().propertyNames()) {
                    if (!k.contains("@") && Identifiers.isName(k)) {
                        jsonByLower.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), k);
                    }
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            PropertyRow r = rows.get(i);
            String json = jsonByLower.get(r.name().toLowerCase(java.util.Locale.ROOT));
            if (json == null || json.equals(r.name()) || names.contains(json)) {
                continue;
            }
            rows.set(i, new PropertyRow(json, r.localizedName(), r.nameSource(), r.type(), r.typeSource(), r.collection(),
                    r.typeLink(), r.description(), r.enumValues(), r.section(), r.line()));
            names.remove(r.name());
            names.add(json);
            notes.add(type.file() + ":" + r.line() + ": property '" + r.name() + "' is spelt '" + json
                    + "' in the page's JSON representation: the JSON's spelling taken");
        }
    }
}
