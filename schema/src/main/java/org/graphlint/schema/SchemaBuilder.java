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

    public SchemaBuilder(PageIndex index) {
        this.index = index;
        // Shape disagreements are a property of each type page alone: decided for every page up front, so that no
        // schema depends on which page happened to be built first (the builds may run in parallel).
        for (PageFacts page : index.typePages()) {
            shapeDisagreements(page);
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
                    extra = typeRows(p, res.get(), op == OperationKind.CREATE, notes);
                    if (rows.isEmpty()) {
                        notes.add(p.file() + ": no request body table: properties taken from " + res.get().file());
                    }
                }
            }
            if (rows.isEmpty() && extra.isEmpty() && !hasRequestBody(p)) {
                return Optional.empty();
            }
        } else if (kind == PageKind.RESOURCE || kind == PageKind.COMPLEX_TYPE) {
            rows = typeRows(p, p, kind == PageKind.RESOURCE, notes);
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
        ObjectNode body = rows.isEmpty() && extra.isEmpty() ? inferObject(cx, requestBodies(p), entity)
                : objectFrom(cx, rows, extra, entity, true, op);
        if (kind == PageKind.METHOD && (op == OperationKind.CREATE || op == OperationKind.UPDATE)) {
            addResponseProperties(cx, body);
        }
        if (kind == PageKind.RESOURCE && entity != null) {
            // the entity as the docs' own responses show it (get, list, create, update pages)
            for (PageFacts m : index.methodPages(p, entity)) {
                addResponseProperties(cx, body, m, entity);
            }
        }
        schema.setAll(body);
        if (!cx.defs.isEmpty()) {
            ObjectNode defs = schema.putObject("$defs");
            cx.defs.forEach(defs::set);
        }
        return Optional.of(new Built(p, entity, op, schema, List.copyOf(notes)));
    }

    /**
     * A type's rows with those of its base types: the page's Properties (and, when asked, Relationships), then its base
     * type's ("Inherits from [entity](entity.md)"), and so on up the chain, each base as it stood when {@code from}
     * was written. A chain that comes back to a type already seen stops there (and the build notes it); a row whose
     * name an earlier (more derived) page has is left to that page.
     */
    List<PropertyRow> typeRows(PageFacts from, PageFacts type, boolean relationships, List<String> notes) {
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
            markShapeDisagreements(page, notes);
        }
        for (PageFacts page : chain) {
            for (Example e : page.page().examples()) {
                if (e.kind() != Example.Kind.REPRESENTATION || e.body() == null || !e.body().isObject()) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> f : e.body().properties()) {
                    String k = f.getKey();
                    if (k.contains("@") || !IDENTIFIER.matcher(k).matches() || !names.add(k)) {
                        continue;
                    }
                    out.add(new PropertyRow(k, k, org.graphlint.parser.NameSource.VERBATIM, "",
                            org.graphlint.parser.TypeSource.UNRESOLVED, f.getValue().isArray(), null,
                            "In the JSON representation of " + page.file() + " only.", List.of(), "Properties", e.line()));
                }
            }
        }
        return out;
    }

    /**
     * Rows whose table and the same page's JSON representation disagree on one value or a collection ("string
     * collection" in the table, {@code "availability": "string"} in the JSON of presence): the docs say both, so both
     * shapes are accepted. Keyed by identity: the decision depends only on the row's own page.
     */
    private final Set<PropertyRow> eitherShape = java.util.Collections.newSetFromMap(
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>()));
    /** String rows whose JSON representation shows a boolean or a number instead: that JSON type is accepted too. */
    private final Map<PropertyRow, String> eitherKind = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** The notes on each row's shape disagreements, the same String objects every time (said once: {@link #finish}). */
    private final Map<PropertyRow, List<String>> shapeNotes = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** Pages whose shape disagreements are decided, by identity of their page model. */
    private final Set<org.graphlint.parser.PageModel> shapesDecided = java.util.Collections.newSetFromMap(
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>()));
    /** Every shape note, by identity. */
    private final Set<String> allShapeNotes = java.util.Collections.newSetFromMap(
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>()));
    /** Shape notes already said by a finished build. */
    private final Set<String> shapeNotesSaid = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** The shape notes of the page's rows (each said once per builder, by the first build that {@link #finish}es). */
    private void markShapeDisagreements(PageFacts page, List<String> notes) {
        shapeDisagreements(page);
        for (PropertyRow r : page.propertyRows()) {
            List<String> n = shapeNotes.get(r);
            if (n != null) {
                notes.addAll(n);
            }
        }
    }

    /** Decides the page's shape disagreements (once per page model). */
    private void shapeDisagreements(PageFacts page) {
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

    /** Settles a draft's notes: a shape note an earlier finished build said is left out. Call in page order. */
    synchronized Optional<Built> finish(Optional<Built> draft) {
        if (draft.isEmpty()) {
            return draft;
        }
        Built b = draft.get();
        List<String> notes = new ArrayList<>(b.notes().size());
        for (String n : b.notes()) {
            if (!allShapeNotes.contains(n) || shapeNotesSaid.add(n)) {
                notes.add(n);
            }
        }
        return Optional.of(new Built(b.page(), b.entity(), b.operation(), b.schema(), List.copyOf(notes)));
    }

    /**
     * Properties the page's response examples show for the entity but its tables do not list (typically inherited from
     * a base type, whose page the type page only links): accepted, with the JSON type of the example value, marked
     * inferred.
     */
    private static void addResponseProperties(Context cx, ObjectNode body) {
        addResponseProperties(cx, body, cx.top, null);
    }

    /**
     * The same from another page's responses (a method page of a resource page's entity); {@code entity}, when given,
     * skips responses whose {@code @odata.type} names another type.
     */
    private static void addResponseProperties(Context cx, ObjectNode body, PageFacts page, String entity) {
        JsonNode props = body.get("properties");
        if (!(props instanceof ObjectNode po)) {
            return;
        }
        for (Example e : PageFacts.ownExamples(page.page())) {
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
                        if (!k.contains("@") && !NEUTRAL_KEYS.contains(k)) {
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
                    ObjectNode s = withNull(widen(inferValue(f.getValue())));
                    s.put(INFERRED, true);
                    po.set(k, s);
                    cx.notes.add(page.file() + ": property '" + k + "' is in the response example but in no table: "
                            + "accepted as inferred");
                }
            }
        }
    }

    private static boolean hasIgnoringCase(ObjectNode props, String name) {
        for (String n : props.propertyNames()) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
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
    private static final class Context {
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
                    addEnumValues((ArrayNode) ps.get("enum"), r.enumValues());
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
        String alsoKind = eitherKind.get(r);
        if (alsoKind != null && "string".equals(s.path("type").asString(null)) && !s.has("enum") && !s.has("pattern")
                && !s.has("format")) {
            s = stringOr(s, alsoKind);
        }
        String lname = r.name().toLowerCase(Locale.ROOT);
        String desc = r.description() == null ? "" : r.description();
        // (the words looked for first: most descriptions have neither, and the case-insensitive search is slow)
        boolean readOnly = AUDIT.contains(lname)
                || (containsIgnoreCase(desc, "only") && containsIgnoreCase(desc, "read") && READ_ONLY.matcher(desc).find());
        boolean nullable = !r.collection() && !lname.equals("id")
                && !(containsIgnoreCase(desc, "nullable") && NOT_NULLABLE.matcher(desc).find());
        ObjectNode out;
        if (eitherShape.contains(r)) {
            // one value or an array of them (the page says both); a single value is nullable as any other
            out = F.objectNode();
            out.putObject("if").put("type", "array");
            ObjectNode arr = out.putObject("then");
            arr.put("type", "array");
            arr.set("items", s);
            out.set("else", withNull(s));
        } else if (r.collection()) {
            out = F.objectNode();
            out.put("type", "array");
            out.set("items", s);
        } else {
            out = s;
        }
        if (nullable && !eitherShape.contains(r)) {
            out = withNull(out);
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

    /**
     * A string as {@code string} says, or any value of the JSON type {@code other}: as if/then/else rather than a union
     * type, which ajv's strict mode refuses for two non-null types. Annotations stay at the top.
     */
    static ObjectNode stringOr(ObjectNode string, String other) {
        ObjectNode out = F.objectNode();
        ObjectNode then = F.objectNode();
        for (Map.Entry<String, JsonNode> e : string.properties()) {
            boolean annotation = e.getKey().startsWith("x-") || e.getKey().equals("description") || e.getKey().equals("title")
                    || e.getKey().equals("readOnly") || e.getKey().equals("deprecated");
            (annotation ? out : then).set(e.getKey(), e.getValue().deepCopy());
        }
        out.putObject("if").put("type", "string");
        out.set("then", then);
        out.putObject("else").put("type", other);
        return out;
    }

    /** Adds null to a schema: to its type (and enum), or by {@code if null else X} for a $ref. */
    static ObjectNode withNull(ObjectNode s) {
        JsonNode type = s.get("type");
        if (type != null && type.isString()) {
            ObjectNode c = s.deepCopy();
            c.putArray("type").add(type.asString()).add("null");
            moveAfterType(c);
            if (c.get("enum") instanceof ArrayNode e) {
                e.addNull();
            }
            return c;
        }
        if (type != null && type.isArray()) {
            ObjectNode c = s.deepCopy();
            ((ArrayNode) c.get("type")).add("null");
            if (c.get("enum") instanceof ArrayNode e) {
                e.addNull();
            }
            return c;
        }
        if (s.isEmpty() || (s.size() == 1 && s.has(INFERRED))) {
            return s; // any value, null included
        }
        // null, or else the schema: unlike anyOf, a wrong non-null value reports only the schema's own errors
        ObjectNode c = F.objectNode();
        c.putObject("if").put("type", "null");
        c.set("else", s);
        return c;
    }

    private static void moveAfterType(ObjectNode c) {
        // keep "type" first for readability: rebuild in order
        ObjectNode copy = c.deepCopy();
        c.removeAll();
        c.set("type", copy.get("type"));
        copy.properties().forEach(e -> {
            if (!e.getKey().equals("type")) {
                c.set(e.getKey(), e.getValue());
            }
        });
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
                return enumSchema(cx, r, members);
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
                    return enumSchema(cx, r, List.of());
                }
                return enumSchema(cx, r, lp.page().enumMembers());
            }
            List<PropertyRow> rows = typeRows(cx.top, lp, false, cx.notes);
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
                return enumSchema(cx, r, members);
            }
        }
        if (!r.enumValues().isEmpty()) {
            return enumSchema(cx, r, List.of());
        }
        if (prim.isPresent()) {
            return GraphTypes.schema(prim.get());
        }
        // A complex type whose page the build does not have: infer it from the page's examples.
        List<JsonNode> values = new ArrayList<>();
        for (Example e : PageFacts.ownExamples(cx.top.page())) {
            collectValues(e.body(), r.name(), values, 0);
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
                cx.defs.put(defName, inferObject(cx, items, null));
            }
            return F.objectNode().put("$ref", "#/$defs/" + defName);
        }
        ObjectNode s = inferValue(items.isEmpty() ? values.get(0) : items.get(0));
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
            List<PropertyRow> rows = typeRows(cx.top, d, false, cx.notes);
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

    /**
     * An enum: the union of the members of the enum's own page (or section) and the values the row documents. Only
     * English evidence makes a value: a member the enum page gives in English, and on a plain page a row value only
     * where the page's JSON gives the property that value or it is a camel-case identifier no translation makes. When
     * a documented value cannot be trusted, or nothing is known, the enum is left open (a string) and a note says so:
     * a translated word never becomes a schema value, and an incomplete list would reject correct payloads.
     */
    private ObjectNode enumSchema(Context cx, PropertyRow r, List<EnumMember> members) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        boolean untrusted = false;
        for (EnumMember m : members) {
            if (m.name() == null || m.name().isBlank()) {
                continue;
            }
            if (!m.nameSource().recovered() || !IDENTIFIER.matcher(m.name().strip()).matches()) {
                untrusted = true;
                continue;
            }
            values.add(m.name().strip());
        }
        boolean plain = cx.top.page().format() == org.graphlint.parser.PageFormat.PLAIN;
        Set<String> shown = plain ? exampleStrings(cx, r.name()) : Set.of();
        for (String v : r.enumValues()) {
            String t = v.strip();
            boolean english = IDENTIFIER.matcher(t).matches()
                    && (!plain || shown.contains(t) || values.contains(t) || isCamel(t));
            if (english) {
                values.add(t);
            } else if (!values.contains(t)) {
                untrusted = true;
            }
        }
        if (untrusted || values.isEmpty()) {
            cx.notes.add(cx.top.file() + ":" + r.line() + ": values of '" + r.name() + "' ("
                    + (values.isEmpty() ? "none documented" : "some not in English") + "): enum left open, any string accepted");
            return GraphTypes.schema(GraphTypes.Primitive.STRING);
        }
        ObjectNode s = F.objectNode();
        s.put("type", "string");
        if (isFlags(members)) {
            String alt = "(" + String.join("|", values.stream().map(SchemaBuilder::regexQuote).toList()) + ")";
            s.put("pattern", "^" + alt + "(\\s*,\\s*" + alt + ")*$");
            s.put(FLAGS, true);
            ArrayNode e = s.putArray(MEMBERS);
            values.forEach(e::add);
            return s;
        }
        ArrayNode e = s.putArray("enum");
        values.forEach(e::add);
        return s;
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A property name: an identifier, or an annotated one ({@code manager@odata.bind}). */
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_@][A-Za-z0-9_]*(?:@[A-Za-z0-9_.]+)?");

    private static boolean isCamel(String v) {
        for (int i = 1; i < v.length(); i++) {
            if (Character.isUpperCase(v.charAt(i))) {
                return Character.isLowerCase(v.charAt(0));
            }
        }
        return false;
    }

    /**
     * A flag enum (members combine): its page says "flags", or its non-zero values are three or more distinct powers of
     * two (1, 2, 4, ...), as the docs write flag enums such as windowsArchitecture.
     */
    static boolean isFlags(List<EnumMember> members) {
        int powers = 0;
        Set<Integer> seen = new HashSet<>();
        boolean allPowers = true;
        for (EnumMember m : members) {
            if (m.description() != null && mentionsFlags(m.description())) {
                return true;
            }
            Integer v = m.value();
            if (v == null) {
                allPowers = false;
            } else if (v != 0) {
                if (Integer.bitCount(v) == 1 && v > 0 && seen.add(v)) {
                    powers++;
                } else {
                    allPowers = false;
                }
            }
        }
        return allPowers && powers >= 3;
    }

    /** "No flags set." — the word "flags" (not "flagged"), without a regular expression per member. */
    static boolean mentionsFlags(String d) {
        int i = d.indexOf("flags");
        while (i >= 0) {
            boolean before = i == 0 || !Character.isLetter(d.charAt(i - 1));
            boolean after = i + 5 >= d.length() || !Character.isLetter(d.charAt(i + 5));
            if (before && after) {
                return true;
            }
            i = d.indexOf("flags", i + 1);
        }
        return false;
    }

    private static String regexQuote(String v) {
        return v.replaceAll("[^A-Za-z0-9_]", "\\\\$0");
    }

    /** String values the page's own JSON gives a property (English evidence on a plain page). */
    private static Set<String> exampleStrings(Context cx, String name) {
        List<JsonNode> values = new ArrayList<>();
        for (Example e : cx.top.page().examples()) {
            collectValues(e.body(), name, values, 0);
        }
        Set<String> out = new HashSet<>();
        for (JsonNode v : values) {
            if (v.isString()) {
                out.add(v.asString());
            } else if (v.isArray()) {
                v.forEach(x -> {
                    if (x.isString()) {
                        out.add(x.asString());
                    }
                });
            }
        }
        return out;
    }

    private static void addEnumValues(ArrayNode e, List<String> values) {
        Set<String> have = new HashSet<>();
        e.forEach(v -> have.add(v.asString()));
        for (String v : values) {
            if (have.add(v)) {
                e.add(v);
            }
        }
    }

    private static void collectValues(JsonNode node, String name, List<JsonNode> out, int depth) {
        if (node == null || depth > 64) {
            return;
        }
        if (node.isObject()) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull()) {
                out.add(v);
            }
            for (JsonNode c : node) {
                collectValues(c, name, out, depth + 1);
            }
        } else if (node.isArray()) {
            for (JsonNode c : node) {
                collectValues(c, name, out, depth + 1);
            }
        }
    }

    /** An object schema inferred from example objects: their keys and value types, additional properties allowed. */
    private ObjectNode inferObject(Context cx, List<JsonNode> objects, String typeName) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        o.put(INFERRED, true);
        ObjectNode props = o.putObject("properties");
        ObjectNode ot = props.putObject("@odata.type").put("type", "string");
        if (typeName != null) {
            ot.put("pattern", odataTypePattern(typeName));
        } else {
            ot.put("pattern", ODATA_TYPE_PATTERN);
        }
        for (JsonNode obj : objects) {
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                if (e.getKey().contains("@odata.") || props.has(e.getKey())) {
                    continue;
                }
                props.set(e.getKey(), withNull(inferValue(e.getValue())));
            }
        }
        return o;
    }

    /** Keys every kind of entity has (key, audit): they say nothing about which entity a response shows. */
    private static final Set<String> NEUTRAL_KEYS = Set.of("id", "createdDateTime", "lastModifiedDateTime", "createdBy",
            "lastModifiedBy", "deletedDateTime", "eTag", "version");

    /** An integer in an example may be any number (a Double written 1): the inferred type says number. */
    private static ObjectNode widen(ObjectNode s) {
        if ("integer".equals(s.path("type").asString(""))) {
            s.put("type", "number");
        }
        return s;
    }

    private static ObjectNode inferValue(JsonNode v) {
        ObjectNode s = F.objectNode();
        if (v.isString()) {
            s.put("type", "string");
        } else if (v.isBoolean()) {
            s.put("type", "boolean");
        } else if (v.isIntegralNumber()) {
            s.put("type", "integer");
        } else if (v.isNumber()) {
            s.put("type", "number");
        } else if (v.isArray()) {
            s.put("type", "array");
        } else if (v.isObject()) {
            s.put("type", "object");
        }
        return s;
    }
}
