package org.graphlint.bench;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.PageReadException;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.CatalogBuilder;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.PageFacts;
import org.graphlint.schema.PageRef;
import org.graphlint.schema.SchemaVersion;
import org.graphlint.schema.Schemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.graphlint.bench.Csdl.*;
import static org.graphlint.bench.CsdlPayloads.*;
import static org.graphlint.bench.DocText.*;
import static org.graphlint.bench.Agreement.*;
/**
 * The truth check of issue 9 (run by {@code scripts/truth-check.sh}, never by the unit tests): builds the v1.0 catalog
 * of a docs snapshot, generates from the service's CSDL a correct payload for every entity type the docs document (every
 * structural property, inherited ones included, values of the right type, nested complex values a few levels deep,
 * abstract types replaced by a derived type with its {@code @odata.type}; the first enum member in one run, the last
 * in the other), validates each against graphlint's resource schema of that type and sorts every rejection into a
 * <b>doc gap</b> (the property or value appears nowhere in the pages of the type and its base types, for a nested
 * value nowhere in the docs) or a <b>graphlint defect</b>. Then compares every resource schema with the CSDL type of
 * the same name: property names, JSON types, enum lists.
 *
 * <p>The CSDL is a measuring stick only: nothing here feeds a schema.
 *
 * <p>Usage: {@code TruthCheck --csdl FILE [--list N] SNAPSHOT_ROOT} where SNAPSHOT_ROOT holds {@code v1.0/} (api,
 * resources).
 */
public final class TruthCheck {

    private TruthCheck() {
    }

    // ---- the run ---------------------------------------------------------------------------------------------------

    record Rejection(String entity, String pointer, String keyword, String subject, String cause, boolean docGap, String where) {
    }

    public static void main(String[] args) throws Exception {
        Path csdl = null;
        int list = 10;
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--csdl" -> csdl = Path.of(args[++i]);
                case "--list" -> list = Integer.parseInt(args[++i]);
                default -> roots.add(Path.of(args[i]));
            }
        }
        if (csdl == null || roots.size() != 1) {
            System.err.println("usage: TruthCheck --csdl FILE [--list N] SNAPSHOT_ROOT (the folder holding v1.0/)");
            System.exit(2);
        }
        Path root = roots.get(0);
        Map<String, Type> types = readCsdl(csdl);

        // pages: v1.0 only, file names relative to the root (v1.0/resources/x.md)
        List<Path> files;
        try (Stream<Path> s = Files.walk(root.resolve("v1.0"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        long t0 = System.nanoTime();
        List<CatalogBuilder.Input> inputs = new ArrayList<>();
        for (Path f : files) {
            try {
                inputs.add(new CatalogBuilder.Input(PageParser.parse(f), root.relativize(f).toString().replace('\\', '/')));
            } catch (PageReadException e) {
                System.out.println("unreadable: " + e.getMessage());
            }
        }
        long t1 = System.nanoTime();
        CatalogBuilder.Result built = CatalogBuilder.build(inputs);
        long t2 = System.nanoTime();
        Catalog cat = built.catalog().forApiVersion("v1.0");
        System.out.printf(Locale.ROOT, "%s: %d v1.0 pages, parse %.1f s, build %.1f s, %d resource schemas%n", root, files.size(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, cat.entities().stream().filter(e -> cat.operationKinds(e).contains(OperationKind.RESOURCE)).count());

        // what the docs say, for the doc-gap test: each type page's raw text by type name, and every word of the docs
        Map<String, List<String>> pagesByType = new HashMap<>();
        Map<String, String> rawByFile = new HashMap<>();
        // with the metadata comments, whose "baseType" states a type's base in English
        Map<String, String> fullByFile = new HashMap<>();
        Map<String, PageModel> modelByFile = new HashMap<>();
        Set<String> docWords = new HashSet<>();
        Pattern word = Pattern.compile("[A-Za-z_@][A-Za-z0-9_.@]*");
        for (CatalogBuilder.Input in : inputs) {
            // what a page documents: its text, tables and JSON, not its front matter (description: ...) nor the
            // metadata comments (<!-- { "blockType": ..., "description": ... } -->)
            String full = Files.readString(root.resolve(in.file()), StandardCharsets.UTF_8);
            String raw = documentText(full);
            rawByFile.put(in.file(), raw);
            fullByFile.put(in.file(), full);
            modelByFile.put(in.file(), in.page());
            Matcher m = word.matcher(raw);
            while (m.find()) {
                docWords.add(m.group());
            }
            PageFacts pf = PageFacts.of(in.page(), in.file());
            if (pf.typeName() != null) {
                pagesByType.computeIfAbsent(pf.typeName().toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(in.file());
            }
        }

        // ---- payload runs
        Map<String, String> documented = new TreeMap<>(); // CSDL entity name -> catalog entity name
        int caseOnlyEntities = 0;
        Map<String, String> catalogByLower = new HashMap<>();
        for (String e : cat.entities()) {
            if (cat.operationKinds(e).contains(OperationKind.RESOURCE)) {
                catalogByLower.putIfAbsent(e.toLowerCase(Locale.ROOT), e);
            }
        }
        for (Type t : new java.util.LinkedHashSet<>(types.values())) {
            if (t.kind.equals("entity") && types.get(t.name) == t) {
                String c = catalogByLower.get(t.name.toLowerCase(Locale.ROOT));
                if (c != null) {
                    documented.put(t.name, c);
                    if (!c.equals(t.name)) {
                        caseOnlyEntities++;
                    }
                }
            }
        }
        long entityTypes = types.values().stream().filter(t -> t.kind.equals("entity")).map(t -> t.qualified).distinct().count();
        System.out.printf(Locale.ROOT, "CSDL: %d entity types; documented by a resource schema: %d (%d of them only ignoring case)%n",
                entityTypes, documented.size(), caseOnlyEntities);
        for (boolean last : new boolean[] {false, true}) {
            int accepted = 0;
            int openTypeWarnings = 0;
            List<Rejection> rejections = new ArrayList<>();
            Set<String> rejectedPayloads = new HashSet<>();
            Set<String> defectPayloads = new HashSet<>();
            for (Map.Entry<String, String> d : documented.entrySet()) {
                Type t = types.get(d.getKey());
                ObjectNode payload = object(types, t, last, 0, true);
                SchemaVersion v = cat.select(d.getValue(), OperationKind.RESOURCE, "latest").orElseThrow();
                List<Error> errors = Schemas.validate(v.schema(), payload);
                int before = errors.size();
                errors = withoutOpenTypeWarnings(v.schema(), errors);
                openTypeWarnings += before - errors.size();
                if (errors.isEmpty()) {
                    accepted++;
                    continue;
                }
                rejectedPayloads.add(t.name);
                Set<String> seen = new HashSet<>();
                for (Error e : errors) {
                    Rejection r = classify(types, t, payload, e, pagesByType, rawByFile, fullByFile, modelByFile, docWords, v);
                    if (r != null && seen.add(r.pointer() + " " + r.subject())) {
                        rejections.add(r);
                        if (!r.docGap()) {
                            defectPayloads.add(t.name);
                        }
                    }
                }
            }
            int n = documented.size();
            long gaps = rejections.stream().filter(Rejection::docGap).count();
            System.out.printf(Locale.ROOT, "%n== run: %s enum member ==%npayloads: %d, accepted %d (%.1f %%), rejected %d"
                    + " (%d with a graphlint defect, %d with doc gaps only)%nrejections: %d doc gaps, %d graphlint defects%n",
                    last ? "last" : "first", n, accepted, 100.0 * accepted / n, n - accepted, defectPayloads.size(),
                    rejectedPayloads.size() - defectPayloads.size(), gaps, rejections.size() - gaps);
            System.out.printf(Locale.ROOT, "open-type warnings (an open type's undocumented property: a warning, as the validator"
                    + " reports it, not a rejection): %d%n", openTypeWarnings);
            Map<String, Integer> byCause = new TreeMap<>();
            for (Rejection r : rejections) {
                byCause.merge((r.docGap() ? "doc gap: " : "graphlint defect: ") + r.cause(), 1, Integer::sum);
            }
            byCause.forEach((k, c) -> System.out.printf(Locale.ROOT, "  %5d  %s%n", c, k));
            for (boolean gap : new boolean[] {false, true}) {
                System.out.println(gap ? "doc gaps (first " + list + "):" : "graphlint defects (first " + list + "):");
                rejections.stream().filter(r -> r.docGap() == gap).limit(list).forEach(r -> System.out.printf(Locale.ROOT,
                        "  %s %s [%s] %s — %s%n", r.entity(), r.pointer(), r.keyword(), r.subject(), r.where()));
            }
        }

        Agreement.print(cat, types, pagesByType, rawByFile, list);
    }

    /**
     * The errors the validator reports as errors: an unknown property of an open type ({@code x-graphlint-open-type} on
     * the object holding {@code additionalProperties}) that is not a near miss of a documented name is the warning
     * {@code open-type-property} (the service accepts custom data there), so it rejects nothing.
     */
    static List<Error> withoutOpenTypeWarnings(JsonNode schema, List<Error> errors) {
        List<Error> kept = new ArrayList<>();
        for (Error e : errors) {
            if (!"additionalProperties".equals(e.getKeyword())
                    || org.graphlint.validate.UnknownProperty.of(schema, e).openTypeWarning() == null) {
                kept.add(e);
            }
        }
        return kept;
    }

    // ---- classification --------------------------------------------------------------------------------------------

    static String pointer(NodePath p) {
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.getNameCount(); i++) {
            sb.append('/').append(p.getElement(i));
        }
        return sb.toString();
    }

    /**
     * Which property (or value) a rejection is about, on which type, and whether the docs document it. For an unknown
     * property the subject is its name, for an enum or format error the value; the type is the CSDL type at the
     * pointer (following the generated payload).
     */
    static Rejection classify(Map<String, Type> types, Type top, JsonNode payload, Error e, Map<String, List<String>> pagesByType,
            Map<String, String> rawByFile, Map<String, String> fullByFile, Map<String, PageModel> modelByFile, Set<String> docWords,
            SchemaVersion v) {
        String kw = e.getKeyword() == null ? "schema" : e.getKeyword();
        if (kw.equals("if") || kw.equals("then") || kw.equals("else") || kw.equals("allOf") || kw.equals("anyOf")) {
            return null; // the branch errors are reported on their own
        }
        String ptr = pointer(e.getInstanceLocation());
        String subject;
        String prop;
        String containerPtr;
        if (kw.equals("additionalProperties") || kw.equals("unevaluatedProperties")) {
            prop = e.getProperty() != null ? e.getProperty() : String.valueOf(e.getArguments()[0]);
            subject = prop;
            containerPtr = ptr;
            ptr = ptr + "/" + prop;
        } else {
            String[] seg = ptr.split("/");
            int k = seg.length - 1;
            while (k > 0 && seg[k].matches("\\d+")) {
                k--;
            }
            prop = k > 0 ? seg[k] : "";
            containerPtr = k > 0 ? ptr.substring(0, ptr.lastIndexOf("/" + prop)) : "";
            JsonNode val = payload.at(ptr);
            subject = val.isString() ? val.asString() : val.toString();
        }
        Type owner = typeAt(types, top, payload, containerPtr);
        boolean nested = !containerPtr.isEmpty();
        String cause0 = switch (kw) {
            case "additionalProperties", "unevaluatedProperties" -> "unknown property";
            case "enum" -> "enum value";
            case "pattern" -> prop.equals("@odata.type") ? "@odata.type" : "pattern";
            case "type" -> "type";
            case "format" -> "format";
            default -> kw;
        };
        String cause = cause0;
        boolean documentedSomewhere;
        String where;
        String lookFor = kw.equals("enum") || kw.equals("pattern") || kw.equals("format") || kw.equals("type") ? subject : prop;
        Type propType = null;
        if (owner != null) {
            for (Prop x : allProps(types, owner)) {
                if (x.name().equals(prop)) {
                    propType = lookup(types, x.type());
                }
            }
        }
        boolean valueRule = kw.equals("type") || kw.equals("format") || kw.equals("enum") || kw.equals("pattern");
        boolean serviceEnum = propType != null && propType.kind.equals("enum");
        if (prop.equals("@odata.type")) {
            documentedSomewhere = true; // the type's own name: graphlint's to accept
            where = "page(s) " + v.pages().stream().map(PageRef::file).distinct().limit(2).toList();
        } else if (valueRule && !serviceEnum && !kw.equals("type")) {
            // the docs give the property a format or a list of values where the service has a plain string
            // (Guid for String, an enum for String): the docs do not document the value the service accepts
            documentedSomewhere = false;
            cause = "docs type the value otherwise (" + kw + ")";
            where = "the docs' type of " + prop + " is narrower than the service's " + (propType == null ? "?" : propType.name);
        } else if (kw.equals("type")) {
            // the docs give the property another JSON type than the service: a defect, unless the JSON representation of
            // the type's own page shows the value with the JSON type graphlint took (group.licenseProcessingState
            // "string" where the service has an object): then the docs say it twice, and say it otherwise
            Type subjectType = nested ? owner : top;
            String shown = null;
            String shownIn = null;
            JsonNode value = payload.at(ptr);
            if (subjectType != null) {
                for (String f : pagesByType.getOrDefault(subjectType.name.toLowerCase(Locale.ROOT), List.of())) {
                    PageModel m = modelByFile.get(f);
                    for (org.graphlint.parser.Example ex : m == null ? List.<org.graphlint.parser.Example>of() : m.examples()) {
                        if (ex.kind() == org.graphlint.parser.Example.Kind.REPRESENTATION && ex.body() != null
                                && ex.body().get(prop) != null && !ex.body().get(prop).isNull() && shown == null) {
                            shown = jsonKind(ex.body().get(prop));
                            shownIn = f;
                        }
                    }
                }
            }
            if (shown != null && !shown.equals(jsonKind(value))) {
                documentedSomewhere = false;
                cause = "docs type the value otherwise (type)";
                where = "the JSON representation in " + shownIn + " shows " + prop + " as " + shown + ", the service sends "
                        + jsonKind(value);
            } else {
                documentedSomewhere = true;
                cause = "JSON type differs from the service";
                where = "page(s) " + v.pages().stream().map(PageRef::file).distinct().limit(2).toList();
            }
        } else if (!nested || (owner != null && pagesByType.containsKey(owner.name.toLowerCase(Locale.ROOT)))) {
            // a property or value: the pages of its type and that type's bases (a nested object's type where the docs
            // have a page for it; for a value also its enum type's page); a nested property or value of a type without
            // a page: anywhere in the docs
            // The service's base chain, as far as the docs state it: a type's pages name its base ("Inherits from
            // [entity](entity.md)", or "baseType" in the resource block); past a link the docs never state, a property
            // of the base is not documented for this type (graphlint cannot know the type inherits it).
            Type subjectType = nested ? owner : top;
            List<String> files = new ArrayList<>();
            List<String> unstatedFiles = new ArrayList<>();
            String unstated = null;
            Set<String> seen = new HashSet<>();
            for (Type x = subjectType; x != null && seen.add(x.name); x = lookup(types, x.base)) {
                List<String> pages = pagesByType.getOrDefault(x.name.toLowerCase(Locale.ROOT), List.of());
                (unstated == null ? files : unstatedFiles).addAll(pages);
                Type b = lookup(types, x.base);
                if (unstated == null && b != null && !pages.isEmpty()
                        && pages.stream().noneMatch(f -> containsWord(fullByFile.get(f), b.name))) {
                    unstated = x.name + " -> " + b.name;
                }
            }
            if (valueRule && propType != null) {
                // a value: also the enum type's own page
                files.addAll(pagesByType.getOrDefault(propType.name.toLowerCase(Locale.ROOT), List.of()));
            }
            documentedSomewhere = false;
            for (String f : files) {
                if (valueRule ? containsWord(rawByFile.get(f), lookFor) : mentionsProperty(rawByFile.get(f), lookFor)) {
                    documentedSomewhere = true;
                    break;
                }
            }
            where = "pages of " + subjectType.name + " and its bases: " + (files.isEmpty() ? "none" : files.stream().limit(3).toList());
            if (!documentedSomewhere && unstated != null
                    && unstatedFiles.stream().anyMatch(f -> mentionsProperty(rawByFile.get(f), lookFor))) {
                cause = cause + ", on a base the docs never name (" + unstated + ")";
                where = where + "; on " + unstatedFiles.stream().limit(2).toList() + ", a base the type's pages never state";
            }
        } else {
            documentedSomewhere = docWords.contains(lookFor);
            where = (owner == null ? "?" : owner.name) + ": " + (documentedSomewhere ? "in the docs" : "nowhere in the docs");
        }
        return new Rejection(top.name, ptr, kw, subject, cause + (nested ? " (nested)" : ""), !documentedSomewhere, where);
    }

    /** The JSON kind of a value: string, number, boolean, object, array or null. */
    static String jsonKind(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        return v.isString() ? "string" : v.isNumber() ? "number" : v.isBoolean() ? "boolean" : v.isArray() ? "array" : "object";
    }

    static Type typeAt(Map<String, Type> types, Type top, JsonNode payload, String ptr) {
        Type t = top;
        if (ptr.isEmpty()) {
            return t;
        }
        String[] seg = ptr.substring(1).split("/");
        StringBuilder at = new StringBuilder();
        for (String s : seg) {
            at.append('/').append(s);
            if (s.matches("\\d+")) {
                continue;
            }
            Prop p = null;
            for (Prop x : allProps(types, t)) {
                if (x.name().equals(s)) {
                    p = x;
                }
            }
            if (p == null) {
                return null;
            }
            JsonNode node = payload.at(at.toString());
            if (node.isArray() && node.size() > 0) {
                node = node.get(0);
            }
            JsonNode ot = node.get("@odata.type");
            t = ot != null ? lookup(types, ot.asString().substring(1)) : lookup(types, p.type());
            if (t == null) {
                return null;
            }
        }
        return t;
    }
}
