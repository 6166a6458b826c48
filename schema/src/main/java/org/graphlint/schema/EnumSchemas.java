package org.graphlint.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.graphlint.parser.EnumMember;
import org.graphlint.parser.Example;
import org.graphlint.parser.Identifiers;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Enum schemas: members from English evidence only, flag enums as comma-separated combinations. */
final class EnumSchemas {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EnumSchemas() {
    }

    /**
     * An enum: the union of the members of the enum's own page (or section) and the values the row documents. Only
     * English evidence makes a value: a member the enum page gives in English, and on a plain page a row value only
     * where the page's JSON gives the property that value or it is a camel-case identifier no translation makes. When
     * a documented value cannot be trusted, or nothing is known, the enum is left open (a string) and a note says so:
     * a translated word never becomes a schema value, and an incomplete list would reject correct payloads.
     */
    static ObjectNode enumSchema(SchemaBuilder.Context cx, PropertyRow r, List<EnumMember> members) {
        List<String> described = describedValues(cx, r, members);
        if (!described.isEmpty()) {
            cx.notes.add(cx.top.file() + ":" + r.line() + ": the enum section taken for '" + r.name() + "' lists "
                    + members.stream().map(EnumMember::name).toList() + ", none of which the row or the page's JSON shows;"
                    + " the row's own values " + described + " taken instead");
            r = new PropertyRow(r.name(), r.localizedName(), r.nameSource(), r.type(), r.typeSource(), r.collection(),
                    r.typeLink(), r.description(), described, r.section(), r.line());
            members = List.of();
        }
        LinkedHashSet<String> values = new LinkedHashSet<>();
        boolean untrusted = false;
        for (EnumMember m : members) {
            if (m.name() == null || m.name().isBlank()) {
                continue;
            }
            if (!m.nameSource().recovered() || !Identifiers.isName(m.name().strip())) {
                untrusted = true;
                continue;
            }
            values.add(m.name().strip());
        }
        boolean plain = cx.top.page().format() == org.graphlint.parser.PageFormat.PLAIN;
        Set<String> shown = plain ? exampleStrings(cx, r.name()) : Set.of();
        for (String v : r.enumValues()) {
            String t = v.strip();
            boolean english = Identifiers.isName(t)
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
            String alt = "(" + String.join("|", values.stream().map(EnumSchemas::regexQuote).toList()) + ")";
            s.put("pattern", "^" + alt + "(\\s*,\\s*" + alt + ")*$");
            s.put(SchemaBuilder.FLAGS, true);
            ArrayNode e = s.putArray(SchemaBuilder.MEMBERS);
            values.forEach(e::add);
            return s;
        }
        ArrayNode e = s.putArray("enum");
        values.forEach(e::add);
        return s;
    }

    private static final java.util.regex.Pattern SUPPORTED_VALUES = java.util.regex.Pattern.compile(
            "(?i)\\b(?:supported|possible|allowed) values (?:are|include)\\s*:?\\s*"
                    + "([A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*(?:and\\s+|or\\s+)?[A-Za-z_][A-Za-z0-9_]*)*)");

    /**
     * The values a row's own description lists ("The supported values are: created, updated, deleted.") when the enum
     * section it was given is another enum's: none of the section's members is among them or among the values the
     * page's JSON gives the property, while the JSON gives one of them (changeNotification's changeType resolved to
     * enums.md's "changeType values", which holds countryLookupMethodType's clientIpAddress, authenticatorAppGps).
     * Empty otherwise: the section stands.
     */
    static List<String> describedValues(SchemaBuilder.Context cx, PropertyRow r, List<EnumMember> members) {
        if (members.isEmpty() || !r.enumValues().isEmpty() || r.description() == null) {
            return List.of();
        }
        java.util.regex.Matcher m = SUPPORTED_VALUES.matcher(r.description());
        if (!m.find()) {
            return List.of();
        }
        List<String> described = new ArrayList<>();
        for (String v : m.group(1).split("\\s*,\\s*")) {
            String t = v.replaceFirst("(?i)^(and|or)\\s+", "").strip();
            if (Identifiers.isName(t)) {
                described.add(t);
            }
        }
        Set<String> shown = exampleStrings(cx, r.name());
        Set<String> lower = new HashSet<>();
        described.forEach(d -> lower.add(d.toLowerCase(java.util.Locale.ROOT)));
        shown.forEach(d -> lower.add(d.toLowerCase(java.util.Locale.ROOT)));
        boolean sectionShown = members.stream().anyMatch(x -> x.name() != null && lower.contains(x.name().strip().toLowerCase(java.util.Locale.ROOT)));
        boolean jsonAgrees = shown.stream().anyMatch(described::contains);
        return sectionShown || !jsonAgrees ? List.of() : described;
    }

    static boolean isCamel(String v) {
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

    private static final java.util.regex.Pattern NOT_NAME_CHAR = java.util.regex.Pattern.compile("[^A-Za-z0-9_]");

    static String regexQuote(String v) {
        return NOT_NAME_CHAR.matcher(v).replaceAll("\\\\$0");
    }

    /** String values the page's own JSON gives a property (English evidence on a plain page). */
    static Set<String> exampleStrings(SchemaBuilder.Context cx, String name) {
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

    static void addEnumValues(ArrayNode e, List<String> values) {
        Set<String> have = new HashSet<>();
        e.forEach(v -> have.add(v.asString()));
        for (String v : values) {
            if (have.add(v)) {
                e.add(v);
            }
        }
    }

    static void collectValues(JsonNode node, String name, List<JsonNode> out, int depth) {
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
}
