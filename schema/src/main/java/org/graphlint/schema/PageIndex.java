package org.graphlint.schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.graphlint.parser.Identifiers;
import org.graphlint.parser.PageKind;

/**
 * Finds the type page (enum, complex type, resource) a property row links to, in the set of pages a build reads: by
 * the link's slug, else by the type's name, in the same API version. When several versions of the linked page exist
 * (the history folders), the one that stood at the referencing page's date is taken: the newest not after it, same
 * locale preferred; failing that, the oldest one.
 */
public final class PageIndex {
    private final Map<String, List<PageFacts>> bySlug = new HashMap<>();
    private final Map<String, List<PageFacts>> byType = new HashMap<>();
    /** Type pages by {@link #key}: the versions of one type page. */
    private final Map<String, List<PageFacts>> byKey = new HashMap<>();
    /** Pages holding a table of enum members under a heading anchor ({@code enums.md#chattype-values}), by api:anchor. */
    private final Map<String, List<PageFacts>> byFragment = new HashMap<>();
    /** Base type page key to the keys of the type pages that say they inherit from it. */
    private final Map<String, java.util.Set<String>> derived = new HashMap<>();

    /** Method pages (create, update, get) by api:entity, lower case. */
    private final Map<String, List<PageFacts>> methodsByEntity = new HashMap<>();
    /** Every type page (resource, complex type, enum), in the order given. */
    private final List<PageFacts> typePages = new ArrayList<>();
    /**
     * How the docs' documented request paths spell a segment that follows a segment of a type
     * ({@code /teams/{id}/schedule/openShifts}, {@code /users/{id}/calendars}: after {@code schedule}, after
     * {@code user}s and a key), by api:type:segment in lower case, each spelling with its count.
     */
    private final Map<String, Map<String, Integer>> pathSpellings = new HashMap<>();

    public PageIndex(List<PageFacts> pages) {
        // each page's paths split on every core (a whole snapshot's ~13,000 paths were the index's largest part in a
        // profile)
        this(pages, countOnEveryCore(pages));
    }

    private static PathCounts countOnEveryCore(List<PageFacts> pages) {
        PathCounts counts = new PathCounts();
        pages.parallelStream().forEach(counts::add);
        return counts;
    }

    /**
     * The index of these pages, whose documented paths a caller has counted already ({@link PathCounts#add} of every
     * page): {@code lint} counts each page's while the page is parsed, on every core, rather than all of them between
     * its passes, on a pool started for that.
     */
    public PageIndex(List<PageFacts> pages, PathCounts paths) {
        paths.counts.forEach((key, spellings) -> pathSpellings.put(key, new HashMap<>(spellings)));
        for (PageFacts p : pages) {
            PageKind k = p.kind();
            if (k == PageKind.METHOD && p.entity() != null) {
                methodsByEntity.computeIfAbsent(p.apiVersion() + ":" + p.entity().toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(p);
            }
            if (k != PageKind.RESOURCE && k != PageKind.COMPLEX_TYPE && k != PageKind.ENUM) {
                continue;
            }
            typePages.add(p);
            if (p.slug() != null) {
                bySlug.computeIfAbsent(p.apiVersion() + ":" + p.slug(), x -> new ArrayList<>()).add(p);
            }
            if (p.typeName() != null) {
                byType.computeIfAbsent(p.apiVersion() + ":" + p.typeName().toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(p);
            }
            java.util.Set<String> groups = new java.util.HashSet<>();
            for (org.graphlint.parser.EnumMember m : p.page().enumMembers()) {
                if (!m.group().isEmpty() && groups.add(m.group())) {
                    byFragment.computeIfAbsent(p.apiVersion() + ":" + m.group(), x -> new ArrayList<>()).add(p);
                }
            }
            String pageKey = key(p);
            if (pageKey != null) {
                byKey.computeIfAbsent(pageKey, x -> new ArrayList<>()).add(p);
            }
        }
        for (List<PageFacts> versions : byKey.values()) {
            for (PageFacts p : versions) {
                Optional<PageFacts> b = base(p, p);
                if (b.isPresent()) {
                    String bk = key(b.get());
                    String pk = key(p);
                    if (bk != null && !bk.equals(pk)) {
                        derived.computeIfAbsent(bk, x -> new java.util.LinkedHashSet<>()).add(pk);
                    }
                }
            }
        }
    }

    /** A name after a type's in a documented path: its {@link #pathSpellings} key (api:type:name in lower case), as spelled. */
    private record Spelling(String key, String spelling) {
    }

    /**
     * The names the documented request paths of a build's pages give after a type's, counted: fed page by page, from
     * any thread, then given to the index. The counts are sums, so the order the pages come in does not matter (and
     * {@link #navigationSpelling} breaks ties by the names themselves).
     */
    public static final class PathCounts {
        private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ConcurrentHashMap<String, Integer>> counts =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** Counts the names after a type's in the page's documented paths. Thread-safe. */
        public void add(PageFacts p) {
            for (Spelling s : pathSpellingsOf(p)) {
                counts.computeIfAbsent(s.key(), x -> new java.util.concurrent.ConcurrentHashMap<>()).merge(s.spelling(), 1, Integer::sum);
            }
        }
    }

    /** Each name after a type's in the router's normal form ({@link PathTemplate#segments}) of a page's documented paths. */
    private static List<Spelling> pathSpellingsOf(PageFacts p) {
        List<Spelling> out = new ArrayList<>(0);
        for (org.graphlint.parser.Operation o : p.page().operations()) {
            String[] segs = PathTemplate.segments(o.path());
            if (segs == null) {
                continue;
            }
            for (int i = 1; i < segs.length; i++) {
                String seg = segs[i];
                if (!Identifiers.isName(seg)) {
                    continue;
                }
                String prev = segs[i - 1];
                String type;
                if (Identifiers.isName(prev)) {
                    type = prev; // a single-valued navigation: /schedule/openShifts
                } else if (i >= 2 && prev.equals(PathTemplate.ANY) && segs[i - 2].endsWith("s")
                        && Identifiers.isName(segs[i - 2])) {
                    type = segs[i - 2].substring(0, segs[i - 2].length() - 1); // an item of a collection: /users/{id}/calendars
                } else {
                    continue;
                }
                out.add(new Spelling(p.apiVersion() + ":" + type.toLowerCase(Locale.ROOT) + ":" + seg.toLowerCase(Locale.ROOT), seg));
            }
        }
        return out;
    }

    /**
     * The spelling the docs' request paths give a navigation property of a type whose table writes it all in lower
     * case, when the paths write it with capitals more often than as the table does (schedule's Relationships table
     * says {@code openshifts}, nine documented paths {@code /schedule/openShifts}, one {@code /schedule/openshifts});
     * otherwise the name as given. A table's camelCase name is kept: the paths are no better evidence than the table
     * (user's {@code calendarGroups}, often {@code /me/calendargroups} in paths).
     */
    String navigationSpelling(String api, String typeName, String name) {
        if (typeName == null || name == null || !name.equals(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        Map<String, Integer> seen = pathSpellings.get(api + ":" + typeName.toLowerCase(Locale.ROOT) + ":"
                + name.toLowerCase(Locale.ROOT));
        if (seen == null) {
            return name;
        }
        String best = name;
        int bestCount = seen.getOrDefault(name, 0);
        for (Map.Entry<String, Integer> e : seen.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && !best.equals(name) && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** Every type page of the build (resource, complex type, enum), in the order given. */
    List<PageFacts> typePages() {
        return java.util.Collections.unmodifiableList(typePages);
    }

    /**
     * The members of the enum a fragment link names ({@code enums.md#channelmembershiptype-values}, or
     * {@code #calendarroletype-values} on the same page): the member table under that heading, on the linked page when
     * the link names one and the build has it with that heading, else on any page of the API version that has it,
     * as it stood when {@code from} was written. Empty when no page has the fragment.
     */
    public List<org.graphlint.parser.EnumMember> fragmentMembers(PageFacts from, String link) {
        if (link == null) {
            return List.of();
        }
        int hash = link.indexOf('#');
        if (hash < 0 || hash == link.length() - 1) {
            return List.of();
        }
        String frag = link.substring(hash + 1).strip().toLowerCase(Locale.ROOT);
        List<PageFacts> pages = byFragment.get(from.apiVersion() + ":" + frag);
        if (pages == null || pages.isEmpty()) {
            return List.of();
        }
        Optional<String> slug = hash > 0 ? slugOfLink(link.substring(0, hash)) : Optional.empty();
        if (slug.isPresent()) {
            List<PageFacts> same = pages.stream().filter(p -> slug.get().equals(p.slug())).toList();
            if (!same.isEmpty()) {
                pages = same;
            }
        }
        PageFacts p = pickAt(pages, from.page().lastHandoff(), from.page().locale());
        List<org.graphlint.parser.EnumMember> out = p.page().enumMembers().stream().filter(m -> m.group().equals(frag)).toList();
        if (hash == 0) {
            // a section of this page ("#allowinvitesfrom-values" on authorizationpolicy.md) that the API version's
            // other pages list too (enums.md's "allowInvitesFrom values" adds unknownFutureValue): every member the
            // docs list under that heading, this page's first
            Map<String, List<PageFacts>> bySlugHere = new java.util.TreeMap<>();
            for (PageFacts o : pages) {
                if (!Objects.equals(o.slug(), p.slug()) && o.slug() != null) {
                    bySlugHere.computeIfAbsent(o.slug(), x -> new ArrayList<>()).add(o);
                }
            }
            if (!bySlugHere.isEmpty() && Objects.equals(p.slug(), from.slug())) {
                List<org.graphlint.parser.EnumMember> all = new ArrayList<>(out);
                java.util.Set<String> seen = new java.util.HashSet<>();
                out.forEach(m -> seen.add(m.name()));
                for (List<PageFacts> versions : bySlugHere.values()) {
                    PageFacts o = pickAt(versions, from.page().lastHandoff(), from.page().locale());
                    for (org.graphlint.parser.EnumMember m : o.page().enumMembers()) {
                        if (m.group().equals(frag) && seen.add(m.name())) {
                            all.add(m);
                        }
                    }
                }
                out = List.copyOf(all);
            }
        }
        return out;
    }

    /**
     * The other pages that document the same type under other slugs (Intune keeps partial pages of {@code user},
     * {@code deviceManagement}, {@code organization}, each with the properties of its area), one per slug, as they
     * stood when {@code from} was written.
     */
    public List<PageFacts> siblings(PageFacts from, PageFacts typePage) {
        if (typePage.typeName() == null) {
            return List.of();
        }
        List<PageFacts> all = byType.get(typePage.apiVersion() + ":" + typePage.typeName().toLowerCase(Locale.ROOT));
        if (all == null || all.size() < 2) {
            return List.of();
        }
        Map<String, List<PageFacts>> bySlugHere = new java.util.TreeMap<>();
        for (PageFacts p : all) {
            if (!Objects.equals(p.slug(), typePage.slug()) && p.slug() != null && p.kind() != PageKind.ENUM) {
                bySlugHere.computeIfAbsent(p.slug(), x -> new ArrayList<>()).add(p);
            }
        }
        List<PageFacts> out = new ArrayList<>();
        for (List<PageFacts> versions : bySlugHere.values()) {
            out.add(pickAt(versions, from.page().lastHandoff(), from.page().locale()));
        }
        return out;
    }

    /** The method pages (one per slug, as they stood when {@code from} was written) whose body or response is the entity. */
    public List<PageFacts> methodPages(PageFacts from, String entity) {
        List<PageFacts> all = methodsByEntity.get(from.apiVersion() + ":" + entity.toLowerCase(Locale.ROOT));
        if (all == null) {
            return List.of();
        }
        Map<String, List<PageFacts>> bySlugHere = new java.util.TreeMap<>();
        for (PageFacts p : all) {
            bySlugHere.computeIfAbsent(String.valueOf(p.slug()), x -> new ArrayList<>()).add(p);
        }
        List<PageFacts> out = new ArrayList<>();
        for (List<PageFacts> versions : bySlugHere.values()) {
            out.add(pickAt(versions, from.page().lastHandoff(), from.page().locale()));
        }
        return out;
    }

    /** What identifies one type page across its versions: API version and slug, or the type name without a slug. */
    static String key(PageFacts p) {
        if (p.slug() != null) {
            return p.apiVersion() + ":" + p.slug();
        }
        return p.typeName() == null ? null : p.apiVersion() + ":type:" + p.typeName().toLowerCase(Locale.ROOT);
    }

    /**
     * The type page for a type name and its base types' pages up the chain, as they stood when {@code from} was
     * written; stops where the chain comes back to a page already listed. Empty when the build has no page of the type.
     */
    public List<PageFacts> withBases(PageFacts from, String typeName) {
        List<PageFacts> out = new ArrayList<>();
        Set<PageFacts> listed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Optional<PageFacts> p = find(from, null, typeName); p.isPresent() && listed.add(p.get()); p = base(from, p.get())) {
            out.add(p.get());
        }
        return out;
    }

    /**
     * The page of the type a type page says it inherits from, as it stood when {@code from} was written; empty when the
     * page names none or the build does not have it.
     */
    public Optional<PageFacts> base(PageFacts from, PageFacts typePage) {
        org.graphlint.parser.BaseType b = typePage.page().baseType();
        if (b == null) {
            return Optional.empty();
        }
        String name = b.name() == null ? null : b.name().strip();
        boolean identifier = Identifiers.isDottedName(name);
        Optional<PageFacts> found = find(from, b.link(), identifier ? PageFacts.stripNamespace(name) : null);
        if (found.isPresent() && found.get().kind() == PageKind.ENUM) {
            return Optional.empty();
        }
        return found;
    }

    /**
     * The type pages that inherit from a type page, directly or not (each once, nearest first), as they stood when
     * {@code from} was written.
     */
    public List<PageFacts> descendants(PageFacts from, PageFacts typePage) {
        String start = key(typePage);
        List<PageFacts> out = new ArrayList<>();
        if (start == null) {
            return out;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        seen.add(start);
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            for (String d : derived.getOrDefault(queue.poll(), java.util.Set.of())) {
                if (seen.add(d)) {
                    queue.add(d);
                    out.add(pickAt(byKey.get(d), from.page().lastHandoff(), from.page().locale()));
                }
            }
        }
        return out;
    }

    /** The slug a link names: {@code ../resources/intune-onboarding-vpptokenstate.md} is {@code resources/intune-onboarding-vpptokenstate}. */
    static Optional<String> slugOfLink(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        String l = link.strip();
        int cut = l.length();
        for (char c : new char[] {'?', '#', ' '}) {
            int i = l.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        l = l.substring(0, cut);
        if (l.endsWith(".md")) {
            l = l.substring(0, l.length() - 3);
        }
        String[] parts = l.split("/");
        if (parts.length == 0 || parts[parts.length - 1].isEmpty()) {
            return Optional.empty();
        }
        String name = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        String dir = parts.length >= 2 ? parts[parts.length - 2].toLowerCase(Locale.ROOT) : "resources";
        if (!dir.equals("api") && !dir.equals("resources")) {
            dir = "resources";
        }
        return Optional.of(dir + "/" + name);
    }

    /** The type page for a link or type name, as it stood when {@code from} was written. */
    public Optional<PageFacts> find(PageFacts from, String link, String typeName) {
        List<PageFacts> candidates = null;
        Optional<String> slug = slugOfLink(link);
        if (slug.isPresent()) {
            candidates = bySlug.get(from.apiVersion() + ":" + slug.get());
        }
        if ((candidates == null || candidates.isEmpty()) && typeName != null) {
            candidates = primary(byType.get(from.apiVersion() + ":" + typeName.toLowerCase(Locale.ROOT)), typeName);
        }
        if (candidates == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(pickAt(candidates, from.page().lastHandoff(), from.page().locale()));
    }

    /**
     * Of several pages documenting a type by name, the type's own page ({@code resources/user}), not the partial
     * pages other areas keep for it ({@code resources/intune-shared-user}); failing that, the pages of the slug with the
     * most properties.
     */
    static List<PageFacts> primary(List<PageFacts> candidates, String typeName) {
        if (candidates == null || candidates.size() < 2) {
            return candidates;
        }
        String own = "resources/" + typeName.toLowerCase(Locale.ROOT);
        List<PageFacts> exact = candidates.stream().filter(c -> own.equals(c.slug())).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        Map<String, Integer> rows = new HashMap<>();
        for (PageFacts c : candidates) {
            rows.merge(String.valueOf(c.slug()), c.propertyRows().size(), Math::max);
        }
        String best = rows.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).get().getKey();
        return candidates.stream().filter(c -> best.equals(String.valueOf(c.slug()))).toList();
    }

    static PageFacts pickAt(List<PageFacts> candidates, LocalDate date, String locale) {
        PageFacts best = null;
        for (PageFacts c : candidates) {
            if (better(c, best, date, locale)) {
                best = c;
            }
        }
        if (candidates.size() > 1) {
            SharedDefs.picked(candidates, best); // the choice may depend on the date: a shared $defs entry relies on it
        }
        return best;
    }

    /** Candidate order: not after the date beats after it; then same locale; then newer (or, after the date, older). */
    private static boolean better(PageFacts c, PageFacts best, LocalDate date, String locale) {
        if (best == null) {
            return true;
        }
        LocalDate cd = c.page().lastHandoff();
        LocalDate bd = best.page().lastHandoff();
        boolean cBefore = date == null || (cd != null && !cd.isAfter(date));
        boolean bBefore = date == null || (bd != null && !bd.isAfter(date));
        if (cBefore != bBefore) {
            return cBefore;
        }
        if (cBefore) {
            // newest not after the date; same locale breaks ties and wins within the same day
            int cmp = compareDates(cd, bd);
            boolean cLoc = Objects.equals(c.page().locale(), locale);
            boolean bLoc = Objects.equals(best.page().locale(), locale);
            if (cLoc != bLoc) {
                return cLoc;
            }
            if (cmp != 0) {
                return cmp > 0;
            }
        } else {
            int cmp = compareDates(cd, bd);
            if (cmp != 0) {
                return cmp < 0;
            }
        }
        return c.file().compareTo(best.file()) < 0;
    }

    private static int compareDates(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
