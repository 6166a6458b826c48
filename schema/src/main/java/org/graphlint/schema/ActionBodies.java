package org.graphlint.schema;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request-body schemas of actions and functions ({@code POST /me/sendMail}): the "Request body" parameter table of an
 * action page ({@code Parameter | Type | Description}: {@code message} (message), {@code saveToSentItems} (Boolean)),
 * which the page parser leaves aside (it reads property tables). Side-by-side pages only: names and types come from the
 * English spans, never from translated text; a page whose table cannot be read that way gets no schema (its requests are
 * then reported as not checked, never checked against something else).
 *
 * <p>A parameter of a primitive type gets that type's schema (nullable, as every Graph value); one of an entity or
 * complex type gets the catalog's resource schema of that type when there is one, else any value (marked
 * {@code x-graphlint-inferred}, its documented type in {@code x-graphlint-type}): its name is still checked. Unknown parameters
 * are errors ({@code additionalProperties: false}); none is marked required (the docs' "Required." is not reliable
 * enough to fail a payload on).
 */
final class ActionBodies {

    private ActionBodies() {
    }

    /** One parameter row: English name, English type, collection or not. */
    record Param(String name, String type, boolean collection, String linkTarget) {
    }

    private static final Pattern REQUEST_BODY = Pattern.compile("(?im)^#{2,3} .*(?:name=\"request-body\"|>Request body<)");
    private static final Pattern NEXT_SECTION = Pattern.compile("(?m)^#{1,2} ");
    private static final Pattern SXS = Pattern.compile("<span class=\"sxs-lookup\"><span data-stu-id=\"[^\"]*\">(.*?)</span></span>");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)]*)\\)");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    /** The parameter table of a page's "Request body" section; empty when there is none readable. */
    static List<Param> parameters(String text) {
        Matcher m = REQUEST_BODY.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        int start = m.end();
        Matcher next = NEXT_SECTION.matcher(text);
        int end = next.find(start) ? next.start() : text.length();
        String[] lines = text.substring(start, end).split("\r?\n");
        List<Param> out = new ArrayList<>();
        boolean inTable = false;
        int typeCol = 1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            List<String> cells = cells(l);
            if (!inTable) {
                if (cells.isEmpty()) {
                    continue;
                }
                String h = english(cells.get(0)).toLowerCase(Locale.ROOT);
                if (!(h.equals("parameter") || h.equals("parameters") || h.equals("name") || h.equals("property"))) {
                    return List.of();
                }
                for (int c = 1; c < cells.size(); c++) {
                    if (english(cells.get(c)).equalsIgnoreCase("type")) {
                        typeCol = c;
                    }
                }
                inTable = true;
                i++; // the |:---|:---| line
                continue;
            }
            if (cells.size() <= typeCol) {
                continue;
            }
            String name = english(cells.get(0));
            String type = english(cells.get(typeCol));
            if (name.isEmpty() || type.isEmpty() || !name.matches("[A-Za-z_@][A-Za-z0-9_.@-]*")) {
                return List.of(); // a row we cannot read: no schema rather than a wrong one
            }
            Matcher link = LINK.matcher(cells.get(typeCol));
            String target = link.find() ? link.group(1) : null;
            boolean coll = false;
            String t = type;
            Matcher cm = Pattern.compile("(?i)^collection\\s*\\(\\s*(.+?)\\s*\\)$").matcher(t);
            if (cm.matches()) {
                t = cm.group(1);
                coll = true;
            } else if (t.toLowerCase(Locale.ROOT).endsWith(" collection")) {
                t = t.substring(0, t.length() - " collection".length()).strip();
                coll = true;
            }
            out.add(new Param(name, t, coll, target));
        }
        return out;
    }

    private static List<String> cells(String row) {
        String r = row.strip();
        if (r.startsWith("|")) {
            r = r.substring(1);
        }
        if (r.endsWith("|")) {
            r = r.substring(0, r.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String c : r.split("\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    /** The English text of a cell: its sxs-lookup spans, else the cell itself when it has no spans at all. */
    static String english(String cell) {
        Matcher m = SXS.matcher(cell);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(m.group(1));
        }
        String s = sb.length() > 0 ? sb.toString() : cell.contains("data-ttu-id") ? "" : cell;
        s = TAGS.matcher(s).replaceAll("");
        s = s.replace("[", "").replace("]", "").replace("`", "").replace("*", "").replace("\\", "");
        s = LINK.matcher(s).replaceAll("");
        s = s.replaceAll("\\(\\.\\./[^)]*\\)", "");
        return s.strip();
    }

    /**
     * The schema of an action's body; empty when a parameter's type is neither a primitive nor a type of the catalog
     * (a name we cannot trust).
     */
    static Optional<ObjectNode> schema(List<Param> params, Catalog apiCatalog, Map<String, String> lowerEntities) {
        ObjectNode s = Catalog.JSON.createObjectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        ObjectNode defs = Catalog.JSON.createObjectNode();
        for (Param p : params) {
            ObjectNode one;
            Optional<GraphTypes.Primitive> prim = GraphTypes.primitive(p.type());
            if (prim.isPresent()) {
                one = GraphTypes.schema(prim.get());
            } else {
                String entity = typeOf(p, lowerEntities);
                if (entity == null) {
                    // a complex type, enum or entity without a resource schema in the catalog (call-answer's
                    // mediaConfig): any value, marked inferred; the parameter's name is still checked, and so are the
                    // others'
                    one = Catalog.JSON.createObjectNode();
                    one.put(SchemaBuilder.INFERRED, true);
                    one.put("x-graphlint-type", p.type());
                    props.set(p.name(), p.collection() ? collectionOf(one) : one);
                    continue;
                }
                one = Catalog.JSON.createObjectNode();
                List<SchemaVersion> vs = apiCatalog.versions(entity, OperationKind.RESOURCE);
                if (vs.isEmpty()) {
                    one.put("type", "object");
                } else {
                    JsonNode res = vs.get(vs.size() - 1).tree(); // deep-copied below
                    ObjectNode root = ((ObjectNode) res).deepCopy();
                    root.remove("$schema");
                    root.remove("$id");
                    JsonNode inner = root.remove("$defs");
                    if (inner != null) {
                        inner.properties().forEach(e -> defs.set(e.getKey(), e.getValue()));
                    }
                    defs.set(entity, root);
                    one.put("$ref", "#/$defs/" + entity);
                }
            }
            ObjectNode withNull;
            if (p.collection()) {
                withNull = Catalog.JSON.createObjectNode(); // collections are never null (OData), as the builder has it
                withNull.put("type", "array");
                withNull.set("items", one);
            } else if (one.path("type").isString() && !one.has("if")) {
                withNull = one;
                String t = one.get("type").asString();
                withNull.putArray("type").add(t).add("null");
            } else {
                withNull = Catalog.JSON.createObjectNode(); // the builder's nullable form: one error message, not two
                withNull.putObject("if").put("type", "null");
                withNull.set("else", one);
            }
            props.set(p.name(), withNull);
        }
        s.putObject("patternProperties").putObject("^@odata\\.").put("type", "string");
        s.put("additionalProperties", false);
        if (!defs.isEmpty()) {
            s.set("$defs", defs);
        }
        return Optional.of(s);
    }

    private static ObjectNode collectionOf(ObjectNode item) {
        ObjectNode a = Catalog.JSON.createObjectNode();
        a.put("type", "array");
        a.set("items", item);
        return a;
    }

    private static String typeOf(Param p, Map<String, String> lowerEntities) {
        if (p.linkTarget() != null) {
            String t = p.linkTarget();
            t = t.substring(t.lastIndexOf('/') + 1);
            if (t.endsWith(".md")) {
                t = t.substring(0, t.length() - 3);
            }
            String e = lowerEntities.get(t.toLowerCase(Locale.ROOT));
            if (e != null) {
                return e;
            }
        }
        String t = p.type();
        if (t.regionMatches(true, 0, "microsoft.graph.", 0, 16)) {
            t = t.substring(16);
        }
        return lowerEntities.get(t.toLowerCase(Locale.ROOT));
    }

    /** A page of an action with its body schema. */
    record Built(String api, String action, ObjectNode schema, PageRef page) {
    }

    /**
     * Schema versions of the actions the catalog routes ({@link OperationKind#ACTION} operations): pages with the same
     * schema collapse into one version, whose id is their earliest {@code ms.lasthandoff}.
     */
    static List<SchemaVersion> versions(List<Built> built) {
        Map<String, Map<String, List<Built>>> byAction = new TreeMap<>();
        for (Built b : built) {
            byAction.computeIfAbsent(b.api() + "\u0000" + b.action(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(b.schema().toString(), k -> new ArrayList<>()).add(b);
        }
        List<SchemaVersion> out = new ArrayList<>();
        for (Map<String, List<Built>> bySchema : byAction.values()) {
            Map<String, SchemaVersion> byId = new TreeMap<>();
            for (List<Built> same : bySchema.values()) {
                List<PageRef> pages = new ArrayList<>();
                LocalDate first = null;
                for (Built b : same) {
                    pages.add(b.page());
                    LocalDate d = b.page().lastHandoff();
                    if (d != null && (first == null || d.isBefore(first))) {
                        first = d;
                    }
                }
                if (first == null) {
                    continue;
                }
                pages.sort(java.util.Comparator.comparing((PageRef r) -> r.lastHandoff()).thenComparing(PageRef::file));
                String id = first.toString();
                if (!byId.containsKey(id)) {
                    Built b0 = same.get(0);
                    byId.put(id, new SchemaVersion(b0.action(), OperationKind.ACTION, id, CatalogWriter.withId(
                            CatalogWriter.schemaId(b0.api(), b0.action(), OperationKind.ACTION, id), b0.schema()), pages, List.of()));
                }
            }
            out.addAll(byId.values());
        }
        return out;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
