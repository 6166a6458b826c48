package org.graphlint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.graphlint.parser.EnumMember;
import org.graphlint.parser.Example;
import org.graphlint.parser.Identifiers;
import org.graphlint.parser.PageKind;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema of one value of a property row's type: a primitive, an enum, a {@code $ref} to a linked type's entry in
 * the schema's {@code $defs} (built once per schema, with the types derived from it, and shared by the schemas that
 * resolve it alike), or, for a type the build has no
 * page for, what the page's examples show. The other half of the builder's recursive core: a linked type's entry is an
 * object built by {@link ObjectSchemas}.
 */
final class ValueSchemas {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final PageIndex index;
    private final TypeRows typeRows;
    private final ObjectSchemas objects;
    private final SharedDefs sharedDefs;

    ValueSchemas(PageIndex index, TypeRows typeRows, ObjectSchemas objects) {
        this.index = index;
        this.typeRows = typeRows;
        this.objects = objects;
        this.sharedDefs = new SharedDefs();
    }

    /** The schema of one value of the row's type (an item, for a collection). */
    ObjectNode valueSchema(SchemaBuilder.Context cx, PropertyRow r) {
        String type = r.type() == null ? "" : r.type().strip();
        Optional<GraphTypes.Primitive> prim = GraphTypes.primitive(type);
        if (prim.isPresent() && r.typeLink() == null) {
            // A String documented with "Possible values" stays a string: the list is advisory there.
            return GraphTypes.schema(prim.get());
        }
        if (r.typeLink() != null && r.typeLink().contains("#")) {
            // a section of a page of many enums (enums.md#channelmembershiptype-values), or of this page
            List<EnumMember> members = index.fragmentMembers(cx.top, r.typeLink());
            if (!members.isEmpty()) {
                return EnumSchemas.enumSchema(cx, r, members);
            }
        }
        Optional<PageFacts> linked = index.find(cx.top, r.typeLink(), type.isEmpty() ? null : type);
        if (linked.isPresent() && r.typeLink() != null && r.typeLink().contains("#") && linked.get().typeName() != null
                && !linked.get().typeName().equalsIgnoreCase(type)) {
            // a section of a page about something else (enums.md#chattype-values): not this type's own page
            linked = Optional.empty();
        }
        if (linked.isPresent() && linked.get().typeName() != null && Identifiers.isName(type)
                && !linked.get().typeName().equalsIgnoreCase(type) && prim.isEmpty()) {
            // the link goes to another type's page than the one it names ("[invitationParticipantInfo](participantinfo.md)"
            // on call.md, whose JSON says invitationParticipantInfo): the named type's own page, when the build has it
            Optional<PageFacts> named = index.find(cx.top, null, type);
            if (named.isPresent() && named.get().typeName() != null && named.get().typeName().equalsIgnoreCase(type)) {
                linked = named;
            }
        }
        if (prim.isPresent() && (linked.isEmpty() || linked.get().kind() != PageKind.ENUM)) {
            // a primitive linked to a page about it ([DateTimeOffset](../resources/timestamp.md)): the primitive
            return GraphTypes.schema(prim.get());
        }
        if (linked.isPresent()) {
            PageFacts lp = linked.get();
            if (lp.kind() == PageKind.ENUM) {
                boolean anchored = r.typeLink() != null && r.typeLink().contains("#");
                if (anchored) {
                    // a fragment the page does not have: the members of the whole page are not this enum's
                    return EnumSchemas.enumSchema(cx, r, List.of());
                }
                return EnumSchemas.enumSchema(cx, r, lp.page().enumMembers());
            }
            List<PropertyRow> rows = typeRows.of(cx.top, lp, false, cx.notes);
            if (!rows.isEmpty() || (hasEmptyRepresentation(lp) && index.descendants(cx.top, lp).isEmpty())) {
                // a type without properties ("This resource type has no properties", JSON representation {}: the
                // accessAction of an itemActivity) is an object with none: its presence is the information. (An empty
                // base that other types derive from, mobileAppAssignmentSettings, stays as before: inferred, open.)
                String defName = defName(lp.typeName() != null ? lp.typeName() : type);
                ensureDef(cx, lp, rows, defName);
                return F.objectNode().put("$ref", "#/$defs/" + defName);
            }
        }
        if (prim.isEmpty() && Identifiers.isName(type)) {
            // an enum named without a link (teamworkTagType): its section on a shared enum page
            List<EnumMember> members = index.fragmentMembers(cx.top, "#" + type.toLowerCase(Locale.ROOT) + "-values");
            if (!members.isEmpty()) {
                return EnumSchemas.enumSchema(cx, r, members);
            }
        }
        if (!r.enumValues().isEmpty()) {
            return EnumSchemas.enumSchema(cx, r, List.of());
        }
        if (prim.isPresent()) {
            return GraphTypes.schema(prim.get());
        }
        // A complex type whose page the build does not have: infer it from the page's examples.
        List<JsonNode> values = exampleValues(cx.top, r.name());
        String defName = defName(type.isEmpty() ? r.name() : type);
        if (values.isEmpty()) {
            String after = ":" + r.line() + ": type '" + type + "' of '" + r.name()
                    + "' has no page in this build and no example value: any value accepted";
            SharedDefs.readsNoTopValues(r.name(), cx.notes.size(), after);
            cx.notes.add(cx.top.file() + after);
            return F.objectNode().put(SchemaBuilder.INFERRED, true);
        }
        SharedDefs.readsTopPage();
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode v : values) {
            if (v.isArray()) {
                v.forEach(items::add);
            } else {
                items.add(v);
            }
        }
        if (items.stream().allMatch(JsonNode::isObject) && !items.isEmpty()) {
            if (!cx.defs.containsKey(defName)) {
                cx.notes.add(cx.top.file() + ":" + r.line() + ": type '" + type + "' of '" + r.name()
                        + "' inferred from the page's examples");
                cx.defs.put(defName, InferredSchemas.inferObject(cx, items, null));
            }
            return F.objectNode().put("$ref", "#/$defs/" + defName);
        }
        ObjectNode s = InferredSchemas.inferValue(items.isEmpty() ? values.get(0) : items.get(0));
        s.put(SchemaBuilder.INFERRED, true);
        return s;
    }

    /** The values the page's own examples give a property, anywhere in their bodies. */
    static List<JsonNode> exampleValues(PageFacts page, String name) {
        List<JsonNode> values = new ArrayList<>();
        for (Example e : PageFacts.ownExamples(page.page())) {
            EnumSchemas.collectValues(e.body(), name, values, 0);
        }
        return values;
    }

    /** True for a type page whose JSON representation is an object without properties ({@code {}}). */
    private static boolean hasEmptyRepresentation(PageFacts lp) {
        if (lp.kind() == PageKind.ENUM) {
            return false;
        }
        boolean any = false;
        for (Example e : lp.page().examples()) {
            if (e.kind() == Example.Kind.REPRESENTATION) {
                if (e.body() == null || !e.body().isObject()) {
                    return false;
                }
                for (String k : e.body().propertyNames()) {
                    if (!k.startsWith("@")) {
                        return false;
                    }
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * Builds the $defs entry of a linked type once per schema (a placeholder keeps the order and stops cycles), and once
     * for every schema that resolves it the same way ({@link SharedDefs}): a shared entry's object is reused and what
     * building it did to the schema (notes, the entries it asked for) is replayed.
     */
    private void ensureDef(SchemaBuilder.Context cx, PageFacts lp, List<PropertyRow> rows, String defName) {
        SharedDefs.Frame parent = SharedDefs.current();
        if (parent != null) {
            parent.child(lp, rows, defName, cx.notes);
        }
        define(cx, lp, rows, defName);
        if (parent != null) {
            parent.resume(cx.notes);
        }
    }

    private void define(SchemaBuilder.Context cx, PageFacts lp, List<PropertyRow> rows, String defName) {
        if (cx.defs.containsKey(defName) || !cx.building.add(defName)) {
            return;
        }
        cx.defs.put(defName, F.objectNode());
        ObjectNode def;
        SharedDefs.Entry shared = shares(cx) ? sharedDefs.find(cx.top, lp, rows, defName) : null;
        if (shared != null) {
            for (Object e : shared.events) {
                if (e instanceof SharedDefs.Child c) {
                    define(cx, c.linked(), c.rows(), c.defName());
                } else if (e instanceof SharedDefs.TopNote t) {
                    cx.notes.add(cx.top.file() + t.afterFile());
                } else {
                    cx.notes.add((String) e);
                }
            }
            def = shared.def;
        } else if (shares(cx)) {
            SharedDefs.Frame f = SharedDefs.begin(cx.notes.size());
            try {
                def = objectFromLinked(cx, lp, rows, defName);
            } finally {
                SharedDefs.end(f, cx.notes);
            }
            sharedDefs.keep(cx.top, lp, defName, f, def, rows);
        } else {
            def = objectFromLinked(cx, lp, rows, defName);
        }
        cx.defs.put(defName, def);
        cx.building.remove(defName);
    }

    private boolean shares(SchemaBuilder.Context cx) {
        return sharedDefs.shares(cx.top);
    }

    private ObjectNode objectFromLinked(SchemaBuilder.Context cx, PageFacts lp, List<PropertyRow> rows, String defName) {
        // Links of the linked page resolve like the top page's: same API version, at the top page's date and locale.
        ObjectNode o = objects.objectFrom(cx, rows, List.of(), defName, false, OperationKind.RESOURCE);
        addDerivedTypes(cx, lp, o);
        return o;
    }

    /** The most derived types one nested base type dispatches to; more are left open (and noted). */
    static final int MAX_DERIVED = 200;

    /**
     * Polymorphism: a value of a base (or abstract) type may be of any type that inherits from it, and then says so in
     * {@code @odata.type}. For every such type the docs describe ("Inherits from [base](base.md)" on its page), a value
     * whose {@code @odata.type} names it is checked against that type's own schema, closed, with its inherited
     * properties. (The base type's own closure already stands aside when {@code @odata.type} names another type.)
     */
    private void addDerivedTypes(SchemaBuilder.Context cx, PageFacts lp, ObjectNode o) {
        List<PageFacts> desc = index.descendants(cx.top, lp);
        if (desc.isEmpty()) {
            return;
        }
        if (desc.size() > MAX_DERIVED) {
            cx.notes.add(lp.file() + ": " + desc.size() + " types inherit from '" + lp.typeName() + "'; values naming one of them"
                    + " in @odata.type are left open beyond the first " + MAX_DERIVED);
            desc = desc.subList(0, MAX_DERIVED);
        }
        ArrayNode all = F.arrayNode();
        for (PageFacts d : desc) {
            if (d.typeName() == null || d.kind() == PageKind.ENUM) {
                continue;
            }
            List<PropertyRow> rows = typeRows.of(cx.top, d, false, cx.notes);
            if (rows.isEmpty()) {
                continue;
            }
            String dn = defName(d.typeName());
            ensureDef(cx, d, rows, dn);
            ObjectNode branch = all.addObject();
            ObjectNode cond = branch.putObject("if");
            cond.putArray("required").add("@odata.type");
            cond.putObject("properties").putObject("@odata.type").put("type", "string")
                    .put("pattern", SchemaBuilder.odataTypePattern(d.typeName()));
            branch.putObject("then").put("$ref", "#/$defs/" + dn);
        }
        if (!all.isEmpty()) {
            o.set("allOf", all);
        }
    }

    private static final java.util.regex.Pattern NOT_DEF_NAME_CHAR = java.util.regex.Pattern.compile("[^A-Za-z0-9_.-]");

    static String defName(String type) {
        String s = NOT_DEF_NAME_CHAR.matcher(PageFacts.stripNamespace(type)).replaceAll("");
        return s.isEmpty() ? "type" : s;
    }
}
