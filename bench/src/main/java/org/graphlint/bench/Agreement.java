package org.graphlint.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import tools.jackson.databind.JsonNode;

import static org.graphlint.bench.Csdl.*;
import static org.graphlint.bench.DocText.*;

/** The name, JSON type and enum-list agreement of every resource schema with the CSDL type of the same name. */
final class Agreement {
    private Agreement() {
    }

    static void print(Catalog cat, Map<String, Type> types, Map<String, List<String>> pagesByType, Map<String, String> rawByFile,
            int list) {
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
        System.out.printf(Locale.ROOT, "property names: %d, exact %d (%.2f %%), case-only %d, absent %d%n", names, exact, pct(exact, names), caseOnly, absent);
        System.out.printf(Locale.ROOT, "JSON types: %d compared, agree %d (%.2f %%); %d of them one of two types (if/then/else:"
                + " agree when the CSDL's is either)%n", typed, typeAgree, pct(typeAgree, typed), typedEither);
        System.out.printf(Locale.ROOT, "enum lists: %d, exact %d (%.2f %%), missing members %d, extra members %d%n", enums, enumExact,
                pct(enumExact, enums), enumMissing, enumExtra);
        System.out.println("names not exact (first " + list + "): " + absentNames.stream().limit(list).toList());
        System.out.println("types disagreeing (first " + list + "): " + typeDisagree.stream().limit(list).toList());
        System.out.printf(Locale.ROOT, "enum lists not exact: %d the docs' (each missing member shown by no section of the enum"
                + " and no row of the property on the pages of the type, its bases, its enum type and enums.md; each extra"
                + " member listed there), %d graphlint's; exact or the docs' %.1f %%%n", enumDocGaps.size(),
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
}
