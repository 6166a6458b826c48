package org.graphlint.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objects built from a docs table's property rows: which rows are properties, and each property's schema around its
 * value's ({@link ValueSchemas}): null allowed, read-only, required in creates, one value or an array, closed to
 * unknown properties unless {@code @odata.type} names another (derived) type. One half of the builder's recursive
 * core: a value of a linked type is an object built here again, into the schema's {@code $defs}.
 */
final class ObjectSchemas {
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

    private final ShapeDisagreements shapes;
    private final ValueSchemas values;
    private final PageIndex index;

    ObjectSchemas(PageIndex index, ShapeDisagreements shapes, TypeRows typeRows) {
        this.shapes = shapes;
        this.index = index;
        // the two halves call each other: the value half keeps this one only to call it back, never during construction
        this.values = new ValueSchemas(index, typeRows, this);
    }

    /**
     * An object of the rows (then the extra rows, the entity's resource page's, in a method page's body): at the top of
     * a schema ({@code topLevel}) closed, its {@code @odata.type} the type's (or the types the page's examples send);
     * nested (a linked type's {@code $defs} entry), closed unless {@code @odata.type} names another type.
     */
    ObjectNode objectFrom(SchemaBuilder.Context cx, List<PropertyRow> rows, List<PropertyRow> extra, String typeName,
            boolean topLevel, OperationKind op) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        ObjectNode odataType = props.putObject("@odata.type").put("type", "string");
        if (topLevel && typeName != null) {
            odataType.put("pattern", SchemaBuilder.odataTypePattern(typeName, cx.exampleTypes));
        } else {
            odataType.put("pattern", SchemaBuilder.ODATA_TYPE_PATTERN);
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
            if ("Relationships".equalsIgnoreCase(r.section())) {
                // a navigation property is addressed in request paths: where the docs' paths agree on another letter
                // case than the table (schedule's "openshifts", "/schedule/openShifts"), the paths' is the identifier
                String spelled = index.navigationSpelling(cx.top.apiVersion(), typeName, name);
                if (!spelled.equals(name)) {
                    cx.notes.add(cx.top.file() + ":" + r.line() + ": relationship '" + name + "' written '" + spelled
                            + "' as the documented request paths write it");
                    name = spelled;
                }
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
            boolean mayRequire = fromTable && topLevel && op == OperationKind.CREATE && r.description() != null
                    && r.description().contains("Required") && REQUIRED.matcher(r.description()).find();
            if (topLevel && cx.sent != null && !cx.sent.contains(name) && !mayRequire) {
                props.put(name, true); // no checked body sends it (SchemaBuilder.buildForBodies): not built
                continue;
            }
            ObjectNode ps = propertySchema(cx, r);
            props.set(name, ps);
            if (mayRequire && !ps.path("readOnly").asBoolean(false)) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            ArrayNode req = o.putArray("required");
            required.forEach(req::add);
        }
        String open = typeName == null ? null : openTypeOf(cx.top, typeName);
        if (topLevel || typeName == null) {
            o.putObject("patternProperties").putObject(SchemaBuilder.ODATA_ANNOTATION_PATTERN);
            o.put("additionalProperties", false);
            if (open != null) {
                o.put(SchemaBuilder.OPEN_TYPE, open);
            }
        } else {
            // A nested object may be of a derived type (its @odata.type names another type), whose own properties
            // this page does not list: unknown properties are errors unless @odata.type names some other type.
            ObjectNode cond = o.putObject("if");
            cond.putArray("required").add("@odata.type");
            cond.putObject("properties").putObject("@odata.type").putObject("not").put("type", "string")
                    .put("pattern", SchemaBuilder.odataTypePattern(typeName));
            ObjectNode closed = o.putObject("else");
            ObjectNode names = closed.putObject("properties");
            props.propertyNames().forEach(n -> names.put(n, true));
            closed.putObject("patternProperties").putObject(SchemaBuilder.ODATA_ANNOTATION_PATTERN);
            closed.put("additionalProperties", false);
            if (open != null) {
                closed.put(SchemaBuilder.OPEN_TYPE, open);
            }
        }
        return o;
    }

    /**
     * The name of the open type a type is or inherits from ({@code "openType": true} in its page's resource block, as
     * on {@code user}, {@code openTypeExtension}, {@code directoryObject}), or null: the service accepts properties
     * beyond such a type's documented ones (an extension's custom data, a directory extension's
     * {@code extension_<app>_<name>}), so the validator reports them as warnings, not errors.
     */
    private String openTypeOf(PageFacts from, String typeName) {
        for (PageFacts p : index.withBases(from, typeName)) {
            if (p.page().openType()) {
                return p.typeName() == null ? typeName : p.typeName();
            }
        }
        return null;
    }

    private ObjectNode propertySchema(SchemaBuilder.Context cx, PropertyRow r) {
        boolean relationship = "Relationships".equalsIgnoreCase(r.section())
                || (TypeRows.REPRESENTATION_ONLY.equals(r.section()) && isEntityType(cx.top, r.type()));
        // A navigation property (expanded in responses, deep-inserted in creates) is checked shallowly: an object of
        // the linked entity type whose own properties are not checked here. A property only the JSON representation
        // shows, typed there as an entity ({"@odata.type": "microsoft.graph.calendar"} on user), is one too: checked
        // deeply it pulled user's whole graph of entities (186 $defs, 640 KB) into user's update schema.
        ObjectNode s = relationship ? shallowEntity(r) : values.valueSchema(cx, r);
        if (TypeRows.REPRESENTATION_ONLY.equals(r.section()) && !s.has(SchemaBuilder.INFERRED)) {
            s = s.deepCopy(); // a linked type's schema may be shared
            s.put(SchemaBuilder.INFERRED, true); // in no table: documented by the JSON only
        }
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

    /** Whether a type is an entity (its page, or a base's, declares a {@code keyProperty}): a navigation target. */
    private boolean isEntityType(PageFacts from, String type) {
        return type != null && !type.isBlank() && index.withBases(from, PageFacts.stripNamespace(type.strip())).stream()
                .anyMatch(p -> p.page().declaredKey() != null);
    }

    private static ObjectNode shallowEntity(PropertyRow r) {
        ObjectNode s = F.objectNode();
        s.put("type", "object");
        if (r.type() != null && !r.type().isBlank()) {
            s.put("x-graphlint-entity", PageFacts.stripNamespace(r.type()));
        }
        return s;
    }

    /** A property name: an identifier, or an annotated one ({@code manager@odata.bind}). */
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_@][A-Za-z0-9_]*(?:@[A-Za-z0-9_.]+)?");
}
