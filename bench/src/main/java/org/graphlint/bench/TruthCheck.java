package org.graphlint.bench;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 3;

    private TruthCheck() {
    }

    // ---- the CSDL ------------------------------------------------------------------------------------------------

    record Prop(String name, String type, boolean collection, boolean nullable) {
    }

    static final class Type {
        final String name;
        /** Namespace-qualified name: microsoft.graph.identity, microsoft.graph.externalConnectors.identity. */
        String qualified;
        final String kind; // entity, complex, enum
        String base;
        boolean isAbstract;
        boolean flags;
        final List<Prop> props = new ArrayList<>();
        final List<String> navs = new ArrayList<>();
        final List<String> members = new ArrayList<>();
        final List<String> derived = new ArrayList<>();

        Type(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    static String simple(String qualified) {
        int i = qualified.lastIndexOf('.');
        return i < 0 ? qualified : qualified.substring(i + 1);
    }

    /** A type reference, qualified: the alias graph. is microsoft.graph. */
    static String qualify(String ref) {
        return ref.startsWith("graph.") ? "microsoft." + ref : ref;
    }

    /**
     * Types by qualified name, and each type of the main namespace (and, where the main namespace has none of that
     * name, of a sub-namespace) also by its simple name.
     */
    static Type lookup(Map<String, Type> types, String ref) {
        if (ref == null) {
            return null;
        }
        Type t = types.get(qualify(ref));
        return t != null ? t : types.get(ref);
    }

    static Map<String, Type> readCsdl(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(file.toFile());
        Map<String, Type> types = new LinkedHashMap<>();
        NodeList schemas = d.getElementsByTagName("Schema");
        for (int si = 0; si < schemas.getLength(); si++) {
            Element schema = (Element) schemas.item(si);
            String ns = schema.getAttribute("Namespace");
            String alias = schema.getAttribute("Alias");
            for (String tag : List.of("EntityType", "ComplexType", "EnumType")) {
                NodeList list = schema.getElementsByTagName(tag);
                for (int i = 0; i < list.getLength(); i++) {
                    Element e = (Element) list.item(i);
                    String kind = tag.equals("EntityType") ? "entity" : tag.equals("ComplexType") ? "complex" : "enum";
                    Type t = new Type(e.getAttribute("Name"), kind);
                    t.qualified = ns + "." + t.name;
                    t.base = e.hasAttribute("BaseType") ? qualifyIn(e.getAttribute("BaseType"), ns, alias) : null;
                    t.isAbstract = "true".equals(e.getAttribute("Abstract"));
                    t.flags = "true".equals(e.getAttribute("IsFlags"));
                    NodeList ps = e.getChildNodes();
                    for (int k = 0; k < ps.getLength(); k++) {
                        if (!(ps.item(k) instanceof Element c)) {
                            continue;
                        }
                        switch (c.getTagName()) {
                            case "Property" -> {
                                String ty = c.getAttribute("Type");
                                boolean coll = ty.startsWith("Collection(");
                                if (coll) {
                                    ty = ty.substring(11, ty.length() - 1);
                                }
                                if (!ty.startsWith("Edm.")) {
                                    ty = qualifyIn(ty, ns, alias);
                                }
                                t.props.add(new Prop(c.getAttribute("Name"), ty, coll, !"false".equals(c.getAttribute("Nullable"))));
                            }
                            case "NavigationProperty" -> t.navs.add(c.getAttribute("Name"));
                            case "Member" -> t.members.add(c.getAttribute("Name"));
                            default -> {
                            }
                        }
                    }
                    types.put(t.qualified, t);
                }
            }
        }
        // simple names: the main namespace first
        Map<String, Type> simpleNames = new LinkedHashMap<>();
        for (Type t : types.values()) {
            if (t.qualified.equals("microsoft.graph." + t.name)) {
                simpleNames.put(t.name, t);
            }
        }
        for (Type t : types.values()) {
            simpleNames.putIfAbsent(t.name, t);
        }
        for (Type t : types.values()) {
            Type b = lookup(types, t.base);
            if (b != null) {
                b.derived.add(t.qualified);
            }
        }
        types.putAll(simpleNames);
        return types;
    }

    static String qualifyIn(String ref, String ns, String alias) {
        if (!alias.isEmpty() && ref.startsWith(alias + ".")) {
            return ns + ref.substring(alias.length());
        }
        return ref;
    }

    /** Structural properties with inherited ones, base first. */
    static List<Prop> allProps(Map<String, Type> types, Type t) {
        List<Type> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Type x = t; x != null && seen.add(x.name); x = lookup(types, x.base)) {
            chain.add(0, x);
        }
        List<Prop> out = new ArrayList<>();
        for (Type x : chain) {
            out.addAll(x.props);
        }
        return out;
    }

    static Set<String> allNavs(Map<String, Type> types, Type t) {
        Set<String> out = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Type x = t; x != null && seen.add(x.name); x = lookup(types, x.base)) {
            out.addAll(x.navs);
        }
        return out;
    }

    // ---- payloads --------------------------------------------------------------------------------------------------

    static JsonNode value(Map<String, Type> types, String type, boolean last, int depth) {
        switch (type) {
            case "Edm.String": return F.stringNode("text");
            case "Edm.Boolean": return F.booleanNode(true);
            case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64": return F.numberNode(1);
            case "Edm.Single", "Edm.Double", "Edm.Decimal": return F.numberNode(1.5);
            case "Edm.DateTimeOffset": return F.stringNode("2021-08-27T10:00:00Z");
            case "Edm.Date": return F.stringNode("2021-08-27");
            case "Edm.TimeOfDay": return F.stringNode("10:30:00");
            case "Edm.Duration": return F.stringNode("PT1H30M");
            case "Edm.Guid": return F.stringNode("00000000-0000-0000-0000-000000000001");
            case "Edm.Binary": return F.stringNode("AAEC");
            case "Edm.Untyped", "Edm.Json": return F.objectNode();
            default: break;
        }
        if (type.startsWith("Edm.")) {
            return null; // Stream, Geography: not sent in JSON bodies
        }
        Type t = lookup(types, type);
        if (t == null) {
            return null;
        }
        if (t.kind.equals("enum")) {
            return t.members.isEmpty() ? null : F.stringNode(last ? t.members.get(t.members.size() - 1) : t.members.get(0));
        }
        if (depth >= MAX_DEPTH) {
            return null;
        }
        Type concrete = t;
        if (t.isAbstract) {
            concrete = firstConcrete(types, t, last);
            if (concrete == null) {
                return null;
            }
        }
        return object(types, concrete, last, depth + 1, concrete != t);
    }

    static Type firstConcrete(Map<String, Type> types, Type t, boolean last) {
        List<String> d = new ArrayList<>(t.derived);
        if (last) {
            java.util.Collections.reverse(d);
        }
        for (String n : d) {
            Type x = lookup(types, n);
            if (x != null && !x.isAbstract) {
                return x;
            }
            Type deeper = x == null ? null : firstConcrete(types, x, last);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    static ObjectNode object(Map<String, Type> types, Type t, boolean last, int depth, boolean withType) {
        ObjectNode o = F.objectNode();
        if (withType) {
            o.put("@odata.type", "#" + t.qualified);
        }
        for (Prop p : allProps(types, t)) {
            JsonNode v = value(types, p.type(), last, depth);
            if (v == null) {
                continue;
            }
            if (p.collection()) {
                ArrayNode a = F.arrayNode();
                a.add(v);
                o.set(p.name(), a);
            } else {
                o.set(p.name(), v);
            }
        }
        return o;
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
            List<Rejection> rejections = new ArrayList<>();
            Set<String> rejectedPayloads = new HashSet<>();
            Set<String> defectPayloads = new HashSet<>();
            for (Map.Entry<String, String> d : documented.entrySet()) {
                Type t = types.get(d.getKey());
                ObjectNode payload = object(types, t, last, 0, true);
                SchemaVersion v = cat.select(d.getValue(), OperationKind.RESOURCE, "latest").orElseThrow();
                List<Error> errors = Schemas.validate(v.schema(), payload);
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

        // ---- agreement of every resource schema with the CSDL type of the same name
        int names = 0;
        int exact = 0;
        int caseOnly = 0;
        int absent = 0;
        int typed = 0;
        int typeAgree = 0;
        int typedEither = 0;
        int enums = 0;
        int enumExact = 0;
        int enumMissing = 0;
        int enumExtra = 0;
        int schemasCompared = 0;
        int schemasWithoutType = 0;
        List<String> absentNames = new ArrayList<>();
        List<String> typeDisagree = new ArrayList<>();
        List<String> enumDiffs = new ArrayList<>();
        List<String> enumDocGaps = new ArrayList<>();
        List<String> enumsPages = rawByFile.keySet().stream().filter(f -> f.endsWith("/enums.md") || f.equals("enums.md")).sorted().toList();
        for (String e : cat.entities()) {
            if (!cat.operationKinds(e).contains(OperationKind.RESOURCE)) {
                continue;
            }
            Type t = types.get(e);
            if (t == null) {
                schemasWithoutType++;
                continue;
            }
            schemasCompared++;
            JsonNode schema = cat.select(e, OperationKind.RESOURCE, "latest").orElseThrow().schema();
            Map<String, Prop> byName = new HashMap<>();
            Map<String, String> lower = new HashMap<>();
            for (Prop p : allProps(types, t)) {
                byName.put(p.name(), p);
                lower.put(p.name().toLowerCase(Locale.ROOT), p.name());
            }
            for (String n : allNavs(types, t)) {
                lower.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
            }
            Set<String> navs = allNavs(types, t);
            for (Map.Entry<String, JsonNode> pe : schema.path("properties").properties()) {
                String pn = pe.getKey();
                if (pn.startsWith("@")) {
                    continue;
                }
                names++;
                Prop p = byName.get(pn);
                if (p != null || navs.contains(pn)) {
                    exact++;
                } else if (lower.containsKey(pn.toLowerCase(Locale.ROOT))) {
                    caseOnly++;
                    absentNames.add(e + "." + pn + " (CSDL: " + lower.get(pn.toLowerCase(Locale.ROOT)) + ")");
                    continue;
                } else {
                    absent++;
                    absentNames.add(e + "." + pn);
                    continue;
                }
                if (p == null) {
                    continue;
                }
                JsonNode ps = resolve(schema, pe.getValue());
                String want = jsonType(types, p);
                String got = schemaType(schema, ps);
                if (want != null && got != null) {
                    typed++;
                    boolean agree = false;
                    for (String g : got.split("\\|")) {
                        agree |= want.equals(g) || (want.equals("number") && g.equals("integer"));
                    }
                    if (got.contains("|")) {
                        typedEither++;
                    }
                    if (agree) {
                        typeAgree++;
                    } else {
                        typeDisagree.add(e + "." + pn + ": CSDL " + p.type() + (p.collection() ? "[]" : "") + ", schema " + got);
                    }
                }
                Type et = lookup(types, p.type());
                if (et != null && et.kind.equals("enum")) {
                    JsonNode item = p.collection() ? resolve(schema, ps.path("items")) : ps;
                    Set<String> have = new java.util.LinkedHashSet<>();
                    enumValues(schema, item, have);
                    if (have.isEmpty()) {
                        continue; // open string: not an enum list
                    }
                    enums++;
                    Set<String> missing = new java.util.TreeSet<>(et.members);
                    missing.removeAll(have);
                    Set<String> extra = new java.util.TreeSet<>(have);
                    et.members.forEach(extra::remove);
                    if (missing.isEmpty() && extra.isEmpty()) {
                        enumExact++;
                    } else {
                        if (!missing.isEmpty()) {
                            enumMissing++;
                        }
                        if (!extra.isEmpty()) {
                            enumExtra++;
                        }
                        // the docs that could show a member: on the pages of the type and its bases, of the enum
                        // type, and enums.md, the enum's own section (a heading naming it, to the next heading) and
                        // the property's table rows (the description cell lists the values). A missing member absent
                        // from all of them, or an extra member one of them lists, is the docs'; else graphlint's.
                        List<String> docFiles = new ArrayList<>();
                        Set<String> seenTypes = new HashSet<>();
                        for (Type x = t; x != null && seenTypes.add(x.name); x = lookup(types, x.base)) {
                            docFiles.addAll(pagesByType.getOrDefault(x.name.toLowerCase(Locale.ROOT), List.of()));
                        }
                        docFiles.addAll(pagesByType.getOrDefault(et.name.toLowerCase(Locale.ROOT), List.of()));
                        docFiles.addAll(enumsPages);
                        StringBuilder evidence = new StringBuilder();
                        for (String f : new java.util.LinkedHashSet<>(docFiles)) {
                            evidence.append(enumEvidence(rawByFile.get(f), et.name, pn));
                        }
                        String ev = evidence.toString();
                        Set<String> ours = new java.util.TreeSet<>();
                        missing.stream().filter(m -> containsWord(ev, m)).forEach(ours::add);
                        extra.stream().filter(m -> !containsWord(ev, m)).forEach(ours::add);
                        String line = e + "." + pn + ": missing " + missing + ", extra " + extra;
                        List<String> pageNames = new java.util.LinkedHashSet<>(docFiles).stream()
                                .map(f -> f.substring(f.lastIndexOf('/') + 1)).toList();
                        if (ours.isEmpty()) {
                            enumDocGaps.add(line + " (" + (missing.isEmpty() ? "" : "the missing shown by none of")
                                    + (missing.isEmpty() || extra.isEmpty() ? "" : ", ") + (extra.isEmpty() ? "" : "the extra listed by")
                                    + " " + pageNames + ")");
                        } else {
                            enumDiffs.add(line + " (graphlint's: " + ours + ")");
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n== agreement: %d resource schemas compared with the CSDL type of the same name (%d have none) ==%n",
                schemasCompared, schemasWithoutType);
        System.out.printf(Locale.ROOT, "property names: %d, exact %d (%.1f %%), case-only %d, absent %d%n", names, exact, pct(exact, names), caseOnly, absent);
        System.out.printf(Locale.ROOT, "JSON types: %d compared, agree %d (%.1f %%); %d of them one of two types (if/then/else:"
                + " agree when the CSDL's is either)%n", typed, typeAgree, pct(typeAgree, typed), typedEither);
        System.out.printf(Locale.ROOT, "enum lists: %d, exact %d (%.1f %%), missing members %d, extra members %d%n", enums, enumExact,
                pct(enumExact, enums), enumMissing, enumExtra);
        System.out.println("names not exact (first " + list + "): " + absentNames.stream().limit(list).toList());
        System.out.println("types disagreeing (first " + list + "): " + typeDisagree.stream().limit(list).toList());
        System.out.printf(Locale.ROOT, "enum lists not exact: %d doc gaps (every missing member absent from the pages of the"
                + " type, its bases, its enum type and enums.md), %d graphlint's; exact or doc gap %.1f %%%n", enumDocGaps.size(),
                enumDiffs.size(), pct(enumExact + enumDocGaps.size(), enums));
        System.out.println("enum lists not exact, graphlint's (first " + list + "): " + enumDiffs.stream().limit(list).toList());
        System.out.println("enum lists not exact, doc gaps (first " + list + "): " + enumDocGaps.stream().limit(list).toList());
    }

    static double pct(int a, int b) {
        return b == 0 ? 100.0 : 100.0 * a / b;
    }

    /** Follows a local $ref and the {@code if null else X} wrapper the builder writes for nullable references. */
    static JsonNode resolve(JsonNode root, JsonNode s) {
        for (int i = 0; i < 8 && s != null; i++) {
            if (s.has("$ref") && s.get("$ref").asString().startsWith("#/")) {
                s = root.at(s.get("$ref").asString().substring(1));
            } else if (s.has("else") && s.has("if") && s.path("if").path("type").asString("").equals("null")) {
                s = s.get("else");
            } else {
                return s;
            }
        }
        return s;
    }

    /**
     * The JSON type a schema accepts (besides null); for a value of one of two types, written {@code if string then A
     * else B} (a number that may be a special or decimal string, a string the JSON representation shows as a boolean),
     * both, as "string|number".
     */
    static String schemaType(JsonNode root, JsonNode s) {
        JsonNode t = s.get("type");
        if (t == null && s.has("if") && s.has("else") && !s.path("if").path("type").asString("").equals("null")) {
            String a = s.path("then").has("type") ? schemaType(root, s.get("then")) : s.path("if").path("type").asString(null);
            String b = schemaType(root, resolve(root, s.get("else")));
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return a.equals(b) ? a : a + "|" + b;
        }
        if (t == null) {
            return s.has("properties") ? "object" : null;
        }
        if (t.isString()) {
            return t.asString();
        }
        for (JsonNode x : t) {
            if (!x.asString().equals("null")) {
                return x.asString();
            }
        }
        return null;
    }

    static void enumValues(JsonNode root, JsonNode s, Set<String> out) {
        s = resolve(root, s);
        if (s == null) {
            return;
        }
        JsonNode list = s.has("enum") ? s.get("enum") : s.get("x-graphlint-members");
        if (list != null) {
            list.forEach(x -> {
                if (x.isString()) {
                    out.add(x.asString());
                }
            });
        }
    }

    static String jsonType(Map<String, Type> types, Prop p) {
        if (p.collection()) {
            return "array";
        }
        String t = p.type();
        switch (t) {
            case "Edm.Boolean": return "boolean";
            case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64": return "integer";
            case "Edm.Single", "Edm.Double", "Edm.Decimal": return "number";
            case "Edm.Untyped", "Edm.Json", "Edm.Stream": return null;
            default: break;
        }
        if (t.startsWith("Edm.Geography")) {
            return null;
        }
        if (t.startsWith("Edm.")) {
            return "string";
        }
        Type x = lookup(types, t);
        if (x == null) {
            return null;
        }
        return x.kind.equals("enum") ? "string" : "object";
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

    static String documentText(String raw) {
        String t = raw;
        if (t.startsWith("---")) {
            int end = t.indexOf("\n---", 3);
            if (end > 0) {
                t = t.substring(end + 4);
            }
        }
        return t.replaceAll("(?s)<!--.*?-->", " ");
    }

    /**
     * True when a page names a property as the docs name properties: a table's name cell ({@code |name|}, an English
     * span {@code >name<}), a JSON key ({@code "name":}), code ({@code `name`}) or bold ({@code **name**}); a word of a
     * sentence ("reviewers can act on it") documents no property.
     */
    static boolean mentionsProperty(String raw, String w) {
        if (raw == null || w == null || w.isEmpty()) {
            return false;
        }
        int i = raw.indexOf(w);
        while (i >= 0) {
            int end = i + w.length();
            char before = i == 0 ? '\n' : raw.charAt(i - 1);
            char after = end >= raw.length() ? '\n' : raw.charAt(end);
            boolean word = !Character.isLetterOrDigit(before) && !Character.isLetterOrDigit(after);
            if (word && ((before == '"' && after == '"') || (before == '>' && after == '<') || (before == '`' && after == '`')
                    || (before == '*' && after == '*') || cellStart(raw, i) && cellEnd(raw, end))) {
                return true;
            }
            i = raw.indexOf(w, i + 1);
        }
        return false;
    }

    private static boolean cellStart(String raw, int i) {
        int k = i - 1;
        while (k >= 0 && (raw.charAt(k) == ' ' || raw.charAt(k) == '\t')) {
            k--;
        }
        return k < 0 || raw.charAt(k) == '|' || raw.charAt(k) == '\n';
    }

    private static boolean cellEnd(String raw, int end) {
        int k = end;
        while (k < raw.length() && (raw.charAt(k) == ' ' || raw.charAt(k) == '\t')) {
            k++;
        }
        return k < raw.length() && raw.charAt(k) == '|';
    }

    /**
     * What a page says about one enum of one property: the section under each heading that names the enum type (to
     * the next heading) and the table rows that name the property.
     */
    static String enumEvidence(String raw, String enumType, String property) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean inSection = false;
        String lowerEnum = enumType.toLowerCase(Locale.ROOT);
        for (String line : raw.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#")) {
                inSection = l.toLowerCase(Locale.ROOT).contains(lowerEnum);
            }
            if (inSection || (l.startsWith("|") && containsWord(l, property))) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static boolean containsWord(String raw, String w) {
        if (raw == null || w == null || w.isEmpty()) {
            return false;
        }
        int i = raw.indexOf(w);
        while (i >= 0) {
            boolean before = i == 0 || !Character.isLetterOrDigit(raw.charAt(i - 1));
            int end = i + w.length();
            boolean after = end >= raw.length() || !Character.isLetterOrDigit(raw.charAt(end));
            if (before && after) {
                return true;
            }
            i = raw.indexOf(w, i + 1);
        }
        return false;
    }

    /** The CSDL type of the object at a pointer of a generated payload. */
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
