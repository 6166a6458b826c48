package org.graphlint.parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns row drafts into property rows: English names, types and enum values. Rows with an sxs span pair take them
 * from the English span. Other rows (plain pages) are recovered from the page's own JSON, which is always English:
 * the visible cell when it already is a JSON key ({@code verbatim}), a key equal to it ignoring case
 * ({@code example-key}), or the one key left between two recovered neighbours ({@code row-order}). A row that none of
 * these settles keeps its visible text and gets a diagnostic: a name is never invented.
 */
final class NameRecovery {
    private static final Set<String> PRIMITIVES = Set.of("String", "Boolean", "Int16", "Int32", "Int64", "Byte", "SByte",
            "Single", "Double", "Decimal", "DateTimeOffset", "Date", "TimeOfDay", "Duration", "Guid", "Binary", "Stream", "Json");
    private static final String[] COLLECTION_WORDS = {"collection", "коллекция", "коллекции", "coleção", "colección", "コレクション", "集合"};

    private final List<RowDraft> drafts;
    private final List<Example> examples;
    private final List<Diagnostic> diags;
    /** Key lists of the page's JSON objects that describe the entity, each in document order. */
    private final List<List<String>> keyLists = new ArrayList<>();
    private final Map<String, String> keysByLower = new HashMap<>();
    private final Map<String, JsonNode> valueByKey = new HashMap<>();

    /** True on an sxs page: a name cell without spans there was never translated, so its text is the English. */
    private final boolean sxsPage;

    /** Reference-style link definitions of the page, label (lower case) to target. */
    private final Map<String, String> linkRefs;

    NameRecovery(List<RowDraft> drafts, List<Example> examples, List<Diagnostic> diags, boolean sxsPage) {
        this(drafts, examples, diags, sxsPage, Map.of());
    }

    NameRecovery(List<RowDraft> drafts, List<Example> examples, List<Diagnostic> diags, boolean sxsPage,
            Map<String, String> linkRefs) {
        this.linkRefs = linkRefs;
        this.sxsPage = sxsPage;
        this.drafts = drafts;
        this.examples = examples;
        this.diags = diags;
    }

    List<PropertyRow> resolve() {
        boolean needsKeys = drafts.stream().anyMatch(d -> !d.paired() || !d.type().paired());
        if (needsKeys) {
            collectKeys();
        }
        int n = drafts.size();
        String[] names = new String[n];
        NameSource[] sources = new NameSource[n];
        for (int i = 0; i < n; i++) {
            RowDraft d = drafts.get(i);
            if (d.paired()) {
                names[i] = d.englishName();
                sources[i] = NameSource.SXS;
                continue;
            }
            String v = d.visibleName();
            String lowerHit = keysByLower.get(v.toLowerCase(Locale.ROOT));
            if (Identifiers.isGraphIdentifier(v) && valueByKey.containsKey(v)) {
                names[i] = v;
                sources[i] = NameSource.VERBATIM;
            } else if (lowerHit != null) {
                names[i] = lowerHit;
                sources[i] = NameSource.EXAMPLE_KEY;
            } else if (Identifiers.isGraphIdentifier(v) && (isLowerCamel(v) || sxsPage)) {
                // camelCase with an inner capital is an identifier no translation produces; on an sxs page an
                // unpaired cell is the untranslated English
                names[i] = v;
                sources[i] = NameSource.VERBATIM;
            }
        }
        byRowOrder(names, sources);
        List<PropertyRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RowDraft d = drafts.get(i);
            if (sources[i] == null) {
                names[i] = d.visibleName();
                sources[i] = NameSource.UNRESOLVED;
                diags.add(Diagnostic.warning("name-unresolved", d.line(), "could not recover the English name of property '"
                        + Text.abbreviate(d.visibleName()) + "' (not a key of the page's JSON, no unique row-order match); kept the visible text"));
            }
            out.add(row(d, names[i], sources[i]));
        }
        return out;
    }

    static boolean isLowerCamel(String v) {
        if (!Character.isLowerCase(v.charAt(0))) {
            return false;
        }
        for (int i = 1; i < v.length(); i++) {
            if (Character.isUpperCase(v.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private void collectKeys() {
        for (Example ex : examples) {
            JsonNode body = ex.body();
            if (body == null) {
                continue;
            }
            JsonNode obj = body;
            if (obj.isObject() && obj.has("value") && obj.get("value").isArray() && obj.get("value").size() > 0
                    && obj.get("value").get(0).isObject()) {
                obj = obj.get("value").get(0);
            } else if (obj.isArray() && obj.size() > 0 && obj.get(0).isObject()) {
                obj = obj.get(0);
            }
            if (!obj.isObject()) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (var e : obj.properties()) {
                String k = e.getKey();
                if (k.startsWith("@")) {
                    continue;
                }
                keys.add(k);
                keysByLower.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
                valueByKey.putIfAbsent(k, e.getValue());
            }
            if (!keys.isEmpty()) {
                keyLists.add(keys);
            }
        }
    }

    /**
     * For each gap of unresolved rows between two resolved neighbours (or the table ends), the keys of one JSON object
     * between the neighbours' keys that no row has taken: when their number equals the number of rows in the gap, they
     * are assigned in order. Every key list that can decide must agree, else the rows stay unresolved.
     */
    private void byRowOrder(String[] names, NameSource[] sources) {
        int n = names.length;
        if (keyLists.isEmpty()) {
            return;
        }
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (sources[i] != null) {
                taken.add(names[i]);
            }
        }
        int i = 0;
        while (i < n) {
            if (sources[i] != null) {
                i++;
                continue;
            }
            int gapStart = i;
            while (i < n && sources[i] == null) {
                i++;
            }
            int gapEnd = i; // exclusive
            String before = gapStart > 0 ? names[gapStart - 1] : null;
            String after = gapEnd < n ? names[gapEnd] : null;
            List<String> decided = null;
            boolean conflict = false;
            for (List<String> keys : keyLists) {
                int lo = before == null ? -1 : keys.indexOf(before);
                int hi = after == null ? keys.size() : keys.indexOf(after);
                if ((before != null && lo < 0) || (after != null && hi < 0) || lo >= hi) {
                    continue;
                }
                List<String> free = new ArrayList<>();
                for (int k = lo + 1; k < hi; k++) {
                    if (!taken.contains(keys.get(k))) {
                        free.add(keys.get(k));
                    }
                }
                if (free.size() != gapEnd - gapStart) {
                    continue;
                }
                if (decided == null) {
                    decided = free;
                } else if (!decided.equals(free)) {
                    conflict = true;
                }
            }
            if (decided != null && !conflict) {
                for (int k = gapStart; k < gapEnd; k++) {
                    names[k] = decided.get(k - gapStart);
                    sources[k] = NameSource.ROW_ORDER;
                    taken.add(names[k]);
                }
            }
        }
    }

    private PropertyRow row(RowDraft d, String name, NameSource source) {
        Bilingual t = d.type();
        String typeMd = t.paired() ? t.english() : t.localized();
        String link = InlineText.firstLinkTarget(typeMd);
        if (link == null && typeMd.indexOf("][") >= 0) {
            String label = InlineText.firstReferenceLabel(typeMd);
            link = label == null ? null : linkRefs.get(label);
        }
        String typeText = InlineText.toText(typeMd);
        String type;
        TypeSource typeSource;
        boolean collection;
        if (t.paired()) {
            collection = hasCollectionWord(typeText);
            String linkText = InlineText.firstLinkText(typeMd);
            String base = withoutCollection(linkText != null && !linkText.isBlank() ? linkText : typeText);
            type = base;
            typeSource = TypeSource.SXS;
        } else {
            collection = hasCollectionWord(typeText);
            String linkText = InlineText.firstLinkText(typeMd);
            String fromLink = linkText == null ? null : identifierIn(withoutCollection(linkText));
            String bare = withoutCollection(typeText);
            LocalizedTypes.Match word = LocalizedTypes.lookup(typeText);
            if (fromLink != null) {
                type = fromLink;
                typeSource = TypeSource.LINK;
            } else if (PRIMITIVES.contains(bare) || bare.startsWith("Edm.") || (Identifiers.isGraphIdentifier(bare) && Character.isLowerCase(bare.charAt(0)))) {
                type = bare;
                typeSource = TypeSource.VERBATIM;
            } else if (word != null) {
                type = word.type();
                collection |= word.collection();
                typeSource = TypeSource.LOCALIZED_WORD;
            } else if (link == null && source.recovered() && valueByKey.containsKey(name) && inferred(valueByKey.get(name)) != null
                    && EnumLists.find(d.description().localized(), false).isEmpty()) {
                // Only for unlinked types without listed values: a linked type or an enum also shows a string value.
                JsonNode v = valueByKey.get(name);
                collection = v.isArray();
                type = inferred(v);
                typeSource = TypeSource.EXAMPLE_VALUE;
            } else {
                type = typeText;
                typeSource = TypeSource.UNRESOLVED;
                diags.add(Diagnostic.warning("type-unresolved", d.line(), "could not recover the English type of property '"
                        + Text.abbreviate(name) + "' from '" + Text.abbreviate(typeText) + "'; kept the visible text"));
            }
        }
        Bilingual desc = d.description();
        String descMd = desc.paired() ? desc.english() : desc.localized();
        List<List<String>> lists = EnumLists.find(descMd, desc.paired());
        LinkedHashSet<String> union = new LinkedHashSet<>();
        for (List<String> l : lists) {
            union.addAll(l);
        }
        for (int k = 1; k < lists.size(); k++) {
            if (!new HashSet<>(lists.get(k)).equals(new HashSet<>(lists.get(0)))) {
                diags.add(Diagnostic.warning("enum-lists-disagree", d.line(), "the description of '" + name
                        + "' lists its possible values more than once and the lists disagree: " + lists.get(0) + " vs " + lists.get(k)
                        + "; the union is used"));
                break;
            }
        }
        return new PropertyRow(name, d.visibleName(), source, type, typeSource, collection, link, InlineText.toText(descMd),
                List.copyOf(union), d.section(), d.line());
    }

    /** The Graph type a JSON example value implies, or null when it implies none (null, objects). */
    private static String inferred(JsonNode v) {
        JsonNode x = v.isArray() ? (v.size() > 0 ? v.get(0) : null) : v;
        if (x == null) {
            return null;
        }
        if (x.isBoolean()) {
            return "Boolean";
        }
        if (x.isIntegralNumber()) {
            return "Int32";
        }
        if (x.isNumber()) {
            return "Double";
        }
        if (x.isString()) {
            String s = x.asString();
            if (s.length() >= 20 && s.charAt(4) == '-' && s.charAt(10) == 'T') {
                return "DateTimeOffset";
            }
            return "String";
        }
        return null;
    }

    static boolean hasCollectionWord(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        for (String w : COLLECTION_WORDS) {
            if (collectionWordAt(l, w, 0) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the word stands on its own in {@code l} (lower case), from {@code from}; -1 when it does not. "collection" inside
     * an identifier ({@code siteCollection}, {@code teamsAppCollection}) is part of a type's name, not the word.
     */
    static int collectionWordAt(String l, String w, int from) {
        int at = l.indexOf(w, from);
        while (at >= 0) {
            int end = at + w.length();
            boolean before = at == 0 || !isWordChar(l.charAt(at - 1));
            boolean after = end >= l.length() || !isWordChar(l.charAt(end));
            if (before && after) {
                return at;
            }
            at = l.indexOf(w, at + 1);
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        // CJK words are written without spaces (文字列コレクション): only letters of alphabetic scripts join a word
        return c < 0x3000 && (Character.isLetterOrDigit(c) || c == '_');
    }

    static String withoutCollection(String s) {
        String t = s.strip();
        String l = t.toLowerCase(Locale.ROOT);
        if (l.startsWith("collection(") && t.endsWith(")")) {
            return t.substring("collection(".length(), t.length() - 1).strip();
        }
        for (String w : COLLECTION_WORDS) {
            int at = collectionWordAt(l, w, 0);
            if (at >= 0) {
                t = (t.substring(0, at) + t.substring(at + w.length())).strip();
                l = t.toLowerCase(Locale.ROOT);
            }
        }
        if (l.startsWith("of ")) {
            t = t.substring(3).strip();
        }
        return t;
    }

    private static String identifierIn(String s) {
        for (String part : s.split("\\s+")) {
            if (Identifiers.isGraphIdentifier(part)) {
                return part;
            }
        }
        return null;
    }
}
