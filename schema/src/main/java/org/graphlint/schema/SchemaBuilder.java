package org.graphlint.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.graphlint.parser.EnumMember;
import org.graphlint.parser.Example;
import org.graphlint.parser.PageKind;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one page (with the other pages of the build for its linked types) into a JSON Schema, draft 2020-12.
 * Thread-safe: every call builds into fresh nodes.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>Unknown properties are errors ({@code additionalProperties: false}) in every object built from a docs table;
 *       {@code @odata.*} control annotations ({@code @odata.type}, {@code @odata.context}, {@code x@odata.bind}, ...) are
 *       allowed. At the top level {@code @odata.type}, when present, must name the entity.</li>
 *   <li>Null: every property that is not a collection and not the key ({@code id}) accepts {@code null} (OData
 *       properties are nullable unless declared otherwise; PATCH with null clears a value; services return null for unset
 *       values), except where the description says "not nullable". Collections never accept null (OData collections are
 *       empty, never null).</li>
 *   <li>Read-only properties ({@code id}, {@code createdDateTime}, {@code lastModifiedDateTime}, anything described
 *       "Read-only") are marked {@code readOnly: true} and allowed in create and update bodies (the docs list them in the
 *       request body tables and the service ignores them): {@code readOnly} is an annotation a validator may turn into a
 *       warning.</li>
 *   <li>Required: in create, a property whose description says "Required." (and that is not read-only); in update and
 *       resource, none.</li>
 *   <li>A complex or entity type becomes a {@code $ref} into {@code $defs}, built from the linked page when the build
 *       has it; otherwise from the values the page's own examples give that property, marked
 *       {@code "x-graphlint-inferred": true}, with additional properties allowed (an example shows some properties,
 *       not all).</li>
 * </ul>
 */
public final class SchemaBuilder {

    public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    public static final String INFERRED = "x-graphlint-inferred";
    /**
     * Annotations allowed on every object: OData control information ({@code @odata.context},
     * {@code manager@odata.bind}) and Graph instance annotations ({@code @microsoft.graph.conflictBehavior}).
     */
    public static final String ODATA_ANNOTATION_PATTERN = "^[A-Za-z0-9_.]*@(odata|microsoft\\.graph)\\.[A-Za-z]+$";
    /** {@code @odata.type} of a nested object: any Graph type (derived types are allowed). */
    public static final String ODATA_TYPE_PATTERN = "^#?[Mm]icrosoft\\.[Gg]raph\\.[A-Za-z0-9_.]+$";

    /**
     * {@code @odata.type} naming a given type: {@code #microsoft.graph.vppToken}, with or without {@code #}, the
     * namespace in any usual capitalization, sub-namespaces allowed ({@code microsoft.graph.ediscovery.legalHold}).
     */
    public static String odataTypePattern(String type) {
        return odataTypePattern(type, List.of());
    }

    /** The same, for the type or any of the others (derived types a page's examples send to the same operation). */
    public static String odataTypePattern(String type, java.util.Collection<String> others) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(type.replaceAll("[^A-Za-z0-9_]", ""));
        for (String o : others) {
            names.add(o.replaceAll("[^A-Za-z0-9_]", ""));
        }
        names.remove("");
        String alt = names.size() == 1 ? names.iterator().next() : "(" + String.join("|", names) + ")";
        return "^#?[Mm]icrosoft\\.[Gg]raph\\.([A-Za-z0-9_]+\\.)*" + alt + "$";
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern NOT_NULLABLE = Pattern.compile("\\bnot nullable\\b|\\bnon-nullable\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern READ_ONLY = Pattern.compile("\\bread-?only\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIRED = Pattern.compile("(^|[.:;]\\s*)Required\\b");
    private static final Set<String> AUDIT = Set.of("id", "createddatetime", "lastmodifieddatetime");

    /**
     * True when the text holds the lower-case ASCII word in any case (at least wherever a case-insensitive regular
     * expression would find it): a cheap test before one.
     */
    static boolean containsIgnoreCase(String text, String lowerAsciiWord) {
        char first = lowerAsciiWord.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        int last = text.length() - lowerAsciiWord.length();
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == firstUpper) && text.regionMatches(true, i + 1, lowerAsciiWord, 1, lowerAsciiWord.length() - 1)) {
                return true;
            }
        }
        return false;
    }

    private final PageIndex index;
    private final ShapeDisagreements shapes = new ShapeDisagreements();
    private final TypeRows typeRows;

    public SchemaBuilder(PageIndex index) {
        this.index = index;
        this.typeRows = new TypeRows(index, shapes);
        // Shape disagreements are a property of each type page alone: decided for every page up front, so that no
        // schema depends on which page happened to be built first (the builds may run in parallel).
        for (PageFacts page : index.typePages()) {
            shapes.decide(page);
        }
    }

    /** A page's schema with what the builder noticed. */
    public record Built(PageFacts page, String entity, OperationKind operation, ObjectNode schema, List<String> notes) {
    }

    /**
     * The schema of a page: a create/update method page gives its request body schema; a resource page the entity as
     * returned; any other method page with a request body table (actions) the body of that request (operation null).
     * Empty for pages with nothing to build from.
     */
    public Optional<Built> build(PageFacts p) {
        return finish(draft(p));
    }

    /**
     * The schema of a page with notes not yet settled: a note on a shape disagreement is said once per build, by the
     * first page (in the order {@link #finish} is called) whose schema met it. Thread-safe; {@link #finish} the drafts
     * in page order.
     */
    Optional<Built> draft(PageFacts p) {
        List<String> notes = new ArrayList<>();
        PageKind kind = p.kind();
        List<PropertyRow> rows;
        List<PropertyRow> extra = List.of();
        OperationKind op = p.operation();
        String entity = p.entity();
        if (kind == PageKind.METHOD) {
            if (op == OperationKind.RESOURCE) {
                return Optional.empty();
            }
            rows = p.requestBodyRows();
            if (entity != null) {
                // The body is a JSON representation of the entity: the table lists the properties the page calls out
                // (often only the required ones, "and any other writable property"), the entity's resource page the rest.
                Optional<PageFacts> res = index.find(p, null, entity);
                if (res.isPresent() && res.get().kind() == PageKind.RESOURCE) {
                    // deep insert (POST a team with its channels): relationships too, in creates
                    extra = typeRows.of(p, res.get(), op == OperationKind.CREATE, notes);
                    if (rows.isEmpty()) {
                        notes.add(p.file() + ": no request body table: properties taken from " + res.get().file());
                    }
                }
            }
            if (rows.isEmpty() && extra.isEmpty() && !hasRequestBody(p)) {
                return Optional.empty();
            }
        } else if (kind == PageKind.RESOURCE || kind == PageKind.COMPLEX_TYPE) {
            rows = typeRows.of(p, p, kind == PageKind.RESOURCE, notes);
            if (entity == null) {
                entity = p.typeName();
            }
            if (rows.isEmpty()) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        Context cx = new Context(p, op == null ? OperationKind.CREATE : op, notes);
        ObjectNode schema = F.objectNode();
        schema.put("$schema", DRAFT);
        if (entity != null) {
            schema.put("title", entity + (op == null ? "" : " " + op.id()));
        }
        ObjectNode body = rows.isEmpty() && extra.isEmpty() ? InferredSchemas.inferObject(cx, requestBodies(p), entity)
                : objectFrom(cx, rows, extra, entity, true, op);
        if (kind == PageKind.METHOD && (op == OperationKind.CREATE || op == OperationKind.UPDATE)) {
            ResponseProperties.addResponseProperties(cx, body);
        }
        if (kind == PageKind.RESOURCE && entity != null) {
            // the entity as the docs' own responses show it (get, list, create, update pages)
            for (PageFacts m : index.methodPages(p, entity)) {
                ResponseProperties.addResponseProperties(cx, body, m, entity);
            }
        }
        schema.setAll(body);
        if (!cx.defs.isEmpty()) {
            ObjectNode defs = schema.putObject("$defs");
            cx.defs.forEach(defs::set);
        }
        return Optional.of(new Built(p, entity, op, schema, List.copyOf(notes)));
    }

    /** Settles a draft's notes: a shape note an earlier finished build said is left out. Call in page order. */
    synchronized Optional<Built> finish(Optional<Built> draft) {
        if (draft.isEmpty()) {
            return draft;
        }
        Built b = draft.get();
        List<String> notes = new ArrayList<>(b.notes().size());
        for (String n : b.notes()) {
            if (shapes.say(n)) {
                notes.add(n);
            }
        }
        return Optional.of(new Built(b.page(), b.entity(), b.operation(), b.schema(), List.copyOf(notes)));
    }

    private static boolean hasRequestBody(PageFacts p) {
        return !requestBodies(p).isEmpty();
    }

    private static List<JsonNode> requestBodies(PageFacts p) {
        List<JsonNode> out = new ArrayList<>();
        for (Example e : PageFacts.ownExamples(p.page())) {
            if (e.kind() == Example.Kind.REQUEST && e.body() != null && e.body().isObject()) {
                out.add(e.body());
            }
        }
        return out;
    }

    /** Per-schema state: the top page, the $defs built so far, the notes. */
    static final class Context {
        final PageFacts top;
        final OperationKind op;
        final List<String> notes;
        final Map<String, ObjectNode> defs = new LinkedHashMap<>();
        final Set<String> building = new HashSet<>();
        /** Types the page's own request examples name at the top (derived types sent to the same operation), sorted. */
        final Set<String> exampleTypes = new java.util.TreeSet<>();

        Context(PageFacts top, OperationKind op, List<String> notes) {
            this.top = top;
            this.op = op;
            this.notes = notes;
            if (top.page().kind() == PageKind.METHOD) {
                for (Example e : PageFacts.ownExamples(top.page())) {
                    if (e.kind() == Example.Kind.REQUEST) {
                        PageFacts.odataType(e.body()).ifPresent(exampleTypes::add);
                    }
                }
            }
        }
    }

    private ObjectNode objectFrom(Context cx, List<PropertyRow> rows, List<PropertyRow> extra, String typeName,
            boolean topLevel, OperationKind op) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        ObjectNode odataType = props.putObject("@odata.type").put("type", "string");
        if (topLevel && typeName != null) {
            odataType.put("pattern", odataTypePattern(typeName, cx.exampleTypes));
        } else {
            odataType.put("pattern", ODATA_TYPE_PATTERN);
        }
        List<String> required = new ArrayList<>();
        Map<String, PropertyRow> seen = new LinkedHashMap<>();
        List<PropertyRow> all = new ArrayList<>(rows);
        all.addAll(extra);
        boolean camelRows = all.stream().anyMatch(r -> r.nameSource().recovered() && !r.name().isBlank()
                && Character.isLowerCase(r.name().strip().charAt(0)));
        for (int i = 0; i < all.size(); i++) {
            PropertyRow r = all.get(i);
            boolean fromTable = i < rows.size();
            if (!r.nameSource().recovered()) {
                cx.notes.add(cx.top.file() + ":" + r.line() + ": property '" + r.name()
                        + "' skipped: its English name could not be recovered");
                continue;
            }
            String name = r.name().strip();
            if (!PROPERTY_NAME.matcher(name).matches()) {
                // "file/localizations" (a path), "**Onboarding**" rows, phrases
                cx.notes.add(cx.top.file() + ":" + r.line() + ": property '" + name + "' skipped: not an identifier");
                continue;
            }
            if (Character.isUpperCase(name.charAt(0)) && camelRows) {
                // Graph properties are camelCase: PascalCase rows beside them describe the JSON inside one string
                // property (Version, ApplicationPolicies of a policy's definition) or are headings, not properties
                cx.notes.add(cx.top.file() + ":" + r.line() + ": property '" + name
                        + "' skipped: a PascalCase name among camelCase properties is not a property of this type");
                continue;
            }
            PropertyRow prev = seen.get(name);
            if (prev != null) {
                // the same property twice: keep the first, widen its enum with the second's values
                if (fromTable && !r.enumValues().isEmpty() && props.get(name) instanceof ObjectNode ps && ps.has("enum")) {
                    EnumSchemas.addEnumValues((ArrayNode) ps.get("enum"), r.enumValues());
                }
                continue;
            }
            seen.put(name, r);
            ObjectNode ps = propertySchema(cx, r);
            props.set(name, ps);
            if (fromTable && topLevel && op == OperationKind.CREATE && r.description() != null
                    && r.description().contains("Required") && REQUIRED.matcher(r.description()).find() && !ps.path("readOnly").asBoolean(false)) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            ArrayNode req = o.putArray("required");
            required.forEach(req::add);
        }
        if (topLevel || typeName == null) {
            o.putObject("patternProperties").putObject(ODATA_ANNOTATION_PATTERN);
            o.put("additionalProperties", false);
        } else {
            // A nested object may be of a derived type (its @odata.type names another type), whose own properties
            // this page does not list: unknown properties are errors unless @odata.type names some other type.
            ObjectNode cond = o.putObject("if");
            cond.putArray("required").add("@odata.type");
            cond.putObject("properties").putObject("@odata.type").putObject("not").put("type", "string")
                    .put("pattern", odataTypePattern(typeName));
            ObjectNode closed = o.putObject("else");
            ObjectNode names = closed.putObject("properties");
            props.propertyNames().forEach(n -> names.put(n, true));
            closed.putObject("patternProperties").putObject(ODATA_ANNOTATION_PATTERN);
            closed.put("additionalProperties", false);
        }
        return o;
    }

    private ObjectNode propertySchema(Context cx, PropertyRow r) {
        boolean relationship = "Relationships".equalsIgnoreCase(r.section());
        // A navigation property (expanded in responses, deep-inserted in creates) is checked shallowly: an object of
        // the linked entity type whose own properties are not checked here.
        ObjectNode s = relationship ? shallowEntity(r) : valueSchema(cx, r);
        String alsoKind = shapes.alsoKind(r);
        if (alsoKind != null && "string".equals(s.path("type").asString(null)) && !s.has("enum") && !s.has("pattern")
                && !s.has("format")) {
            s = SchemaNodes.stringOr(s, alsoKind);
        }
        String lname = r.name().toLowerCase(Locale.ROOT);
        String desc = r.description() == null ? "" : r.description();
        // (the words looked for first: most descriptions have neither, and the case-insensitive search is slow)
        boolean readOnly = AUDIT.contains(lname)
                || (containsIgnoreCase(desc, "only") && containsIgnoreCase(desc, "read") && READ_ONLY.matcher(desc).find());
        boolean nullable = !r.collection() && !lname.equals("id")
                && !(containsIgnoreCase(desc, "nullable") && NOT_NULLABLE.matcher(desc).find());
        ObjectNode out;
        if (shapes.eitherShape(r)) {
            // one value or an array of them (the page says both); a single value is nullable as any other
            out = F.objectNode();
            out.putObject("if").put("type", "array");
            ObjectNode arr = out.putObject("then");
            arr.put("type", "array");
            arr.set("items", s);
            out.set("else", SchemaNodes.withNull(s));
        } else if (r.collection()) {
            out = F.objectNode();
            out.put("type", "array");
            out.set("items", s);
        } else {
            out = s;
        }
        if (nullable && !shapes.eitherShape(r)) {
            out = SchemaNodes.withNull(out);
        }
        ObjectNode result = F.objectNode();
        if (!desc.isBlank()) {
            result.put("description", desc);
        }
        result.setAll(out);
        if (readOnly) {
            result.put("readOnly", true);
        }
        return result;
    }

    private static ObjectNode shallowEntity(PropertyRow r) {
        ObjectNode s = F.objectNode();
        s.put("type", "object");
        if (r.type() != null && !r.type().isBlank()) {
            s.put("x-graphlint-entity", PageFacts.stripNamespace(r.type()));
        }
        return s;
    }

    /** The schema of one value of the row's type (an item, for a collection). */
    private ObjectNode valueSchema(Context cx, PropertyRow r) {
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
        if (linked.isPresent() && linked.get().typeName() != null && !type.isEmpty() && IDENTIFIER.matcher(type).matches()
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
        if (prim.isEmpty() && !type.isEmpty() && IDENTIFIER.matcher(type).matches()) {
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
        List<JsonNode> values = new ArrayList<>();
        for (Example e : PageFacts.ownExamples(cx.top.page())) {
            EnumSchemas.collectValues(e.body(), r.name(), values, 0);
        }
        String defName = defName(type.isEmpty() ? r.name() : type);
        if (values.isEmpty()) {
            cx.notes.add(cx.top.file() + ":" + r.line() + ": type '" + type + "' of '" + r.name()
                    + "' has no page in this build and no example value: any value accepted");
            return F.objectNode().put(INFERRED, true);
        }
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
        s.put(INFERRED, true);
        return s;
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

    /** Builds the $defs entry of a linked type once (a placeholder keeps the order and stops cycles). */
    private void ensureDef(Context cx, PageFacts lp, List<PropertyRow> rows, String defName) {
        if (!cx.defs.containsKey(defName) && cx.building.add(defName)) {
            cx.defs.put(defName, F.objectNode());
            ObjectNode def = objectFromLinked(cx, lp, rows, defName);
            cx.defs.put(defName, def);
            cx.building.remove(defName);
        }
    }

    private ObjectNode objectFromLinked(Context cx, PageFacts lp, List<PropertyRow> rows, String defName) {
        // Links of the linked page resolve like the top page's: same API version, at the top page's date and locale.
        ObjectNode o = objectFrom(cx, rows, List.of(), defName, false, OperationKind.RESOURCE);
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
    private void addDerivedTypes(Context cx, PageFacts lp, ObjectNode o) {
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
                    .put("pattern", odataTypePattern(d.typeName()));
            branch.putObject("then").put("$ref", "#/$defs/" + dn);
        }
        if (!all.isEmpty()) {
            o.set("allOf", all);
        }
    }

    static String defName(String type) {
        String s = PageFacts.stripNamespace(type).replaceAll("[^A-Za-z0-9_.-]", "");
        return s.isEmpty() ? "type" : s;
    }

    /** Flag enums: their members combine, written {@code "a,b"} (OData: comma-separated, spaces allowed). */
    public static final String FLAGS = "x-graphlint-flags";
    /** The documented members of a flag enum (its schema has a pattern, not an {@code enum} list). */
    public static final String MEMBERS = "x-graphlint-members";

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A property name: an identifier, or an annotated one ({@code manager@odata.bind}). */
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_@][A-Za-z0-9_]*(?:@[A-Za-z0-9_.]+)?");

}
