package org.graphlint.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.graphlint.parser.Example;
import org.graphlint.parser.PageKind;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.JsonNode;
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
     * On a closed object of an open type (or one derived from it): the open type's name. Its unknown properties are
     * still reported, as warnings: the service accepts properties beyond an open type's documented ones.
     */
    public static final String OPEN_TYPE = "x-graphlint-open-type";
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
    private static final Pattern NOT_NAME_CHAR = Pattern.compile("[^A-Za-z0-9_]");

    public static String odataTypePattern(String type) {
        return odataTypePattern(type, List.of());
    }

    /** The same, for the type or any of the others (derived types a page's examples send to the same operation). */
    public static String odataTypePattern(String type, java.util.Collection<String> others) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(NOT_NAME_CHAR.matcher(type).replaceAll(""));
        for (String o : others) {
            names.add(NOT_NAME_CHAR.matcher(o).replaceAll(""));
        }
        names.remove("");
        String alt = names.size() == 1 ? names.iterator().next() : "(" + String.join("|", names) + ")";
        return "^#?[Mm]icrosoft\\.[Gg]raph\\.([A-Za-z0-9_]+\\.)*" + alt + "$";
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final PageIndex index;
    private final ShapeDisagreements shapes = new ShapeDisagreements();
    private final TypeRows typeRows;
    private final ObjectSchemas objects;

    public SchemaBuilder(PageIndex index) {
        this.index = index;
        this.typeRows = new TypeRows(index, shapes);
        this.objects = new ObjectSchemas(index, shapes, typeRows);
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
     * A method page's schema for checking these request bodies and no others: {@link #build}'s, except that a top-level
     * property none of the bodies sends is {@code true} instead of its schema, unless a create may require it. Its name
     * stays in {@code properties}, in its place, so that unknown properties, {@code required} and the properties the
     * responses add are decided as in the whole schema; and a subschema of {@code properties} applies only to a
     * property a body has. So each of these bodies is valid, or fails with the same errors, against this schema as
     * against the whole one, while the linked types of the properties no body sends are not built (a page's entity
     * may have a hundred properties and $defs behind them, its examples send three). Thread-safe. Its notes are not
     * settled ({@link #finish}): not for a catalog.
     */
    public Optional<Built> buildForBodies(PageFacts p, Collection<JsonNode> bodies) {
        Set<String> sent = new HashSet<>();
        for (JsonNode b : bodies) {
            if (b != null && b.isObject()) {
                sent.addAll(b.propertyNames());
            }
        }
        return draft(p, sent);
    }

    /**
     * The schema of a page with notes not yet settled: a note on a shape disagreement is said once per build, by the
     * first page (in the order {@link #finish} is called) whose schema met it. Thread-safe; {@link #finish} the drafts
     * in page order.
     */
    Optional<Built> draft(PageFacts p) {
        return draft(p, null);
    }

    /** {@link #draft(PageFacts)}, the top-level properties outside {@code sent} left unbuilt (null: none left). */
    private Optional<Built> draft(PageFacts p, Set<String> sent) {
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
        Context cx = new Context(p, op == null ? OperationKind.CREATE : op, notes, sent);
        ObjectNode schema = F.objectNode();
        schema.put("$schema", DRAFT);
        if (entity != null) {
            schema.put("title", entity + (op == null ? "" : " " + op.id()));
        }
        ObjectNode body = rows.isEmpty() && extra.isEmpty() ? InferredSchemas.inferObject(cx, requestBodies(p), entity)
                : objects.objectFrom(cx, rows, extra, entity, true, op);
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
        /** The top-level properties to build, those some checked body sends ({@link #buildForBodies}); null: all. */
        final Set<String> sent;

        Context(PageFacts top, OperationKind op, List<String> notes, Set<String> sent) {
            this.top = top;
            this.op = op;
            this.notes = notes;
            this.sent = sent;
            if (top.page().kind() == PageKind.METHOD) {
                for (Example e : PageFacts.ownExamples(top.page())) {
                    if (e.kind() == Example.Kind.REQUEST) {
                        PageFacts.odataType(e.body()).ifPresent(exampleTypes::add);
                    }
                }
            }
        }
    }

    /** Flag enums: their members combine, written {@code "a,b"} (OData: comma-separated, spaces allowed). */
    public static final String FLAGS = "x-graphlint-flags";
    /** The documented members of a flag enum (its schema has a pattern, not an {@code enum} list). */
    public static final String MEMBERS = "x-graphlint-members";

}

