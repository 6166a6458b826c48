package org.graphlint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.graphlint.parser.Identifiers;

/**
 * The names pages give their types and entities, settled across the whole build before any schema is built: a type
 * page's name as the docs' links spell it, a method page's entity as a type page documents it (or none, where the
 * title's word is no type).
 */
final class EntityNames {

    private EntityNames() {
    }

    /**
     * Method pages name their entity from a title or an example ("Update conversationthread"); where a resource page
     * documents the same type with another capitalization, its spelling wins, so both land in one entity.
     */
    static List<PageFacts> canonicalEntityNames(List<PageFacts> pageFacts) {
        Map<String, String> renamed = new java.util.HashMap<>();
        List<PageFacts> facts = typeNamesAsLinked(pageFacts, renamed);
        Map<String, String> canonical = new java.util.HashMap<>();
        for (PageFacts p : facts) {
            if (p.operation() == OperationKind.RESOURCE && p.kind() == org.graphlint.parser.PageKind.RESOURCE) {
                canonical.putIfAbsent(p.apiVersion() + ":" + p.entity().toLowerCase(Locale.ROOT), p.entity());
            }
        }
        Set<String> types = new java.util.HashSet<>();
        for (PageFacts p : facts) {
            if (p.typeName() != null) {
                types.add(p.typeName().toLowerCase(Locale.ROOT));
            }
        }
        List<PageFacts> out = new ArrayList<>(facts.size());
        for (PageFacts p : facts) {
            String was = p.entity() == null ? null : renamed.get(p.apiVersion() + ":" + p.entity().toLowerCase(Locale.ROOT));
            if (was != null && !types.contains(p.entity().toLowerCase(Locale.ROOT))) {
                p = p.withEntity(was); // "Create userFlow" of the page titled "UserFlow resource type", now identityUserFlow
            }
            if (p.entity() != null && p.kind() == org.graphlint.parser.PageKind.METHOD && p.operation() != OperationKind.RESOURCE
                    && !types.contains(p.entity().toLowerCase(Locale.ROOT))) {
                // (creates and updates only: a GET page's response may be a list of the type's relatives, "Get member
                // groups" declaring directoryObject, and its title word says nothing about the body)
                // "Create Chart", "Create TableRow", "Create Outlook category": a title word no page documents as a
                // type; the response's metadata comment names the type in English ("microsoft.graph.workbookChart")
                String declared = declaredResponseType(p);
                if (declared != null && types.contains(declared.toLowerCase(Locale.ROOT))) {
                    p = p.withEntity(declared);
                } else {
                    // "Update Localized organizationalbrandingproperties": a capitalized word before the type's name
                    String next = titleWordAfter(p, p.entity());
                    if (next != null && Character.isUpperCase(p.entity().charAt(0)) && types.contains(next.toLowerCase(Locale.ROOT))) {
                        p = p.withEntity(next);
                    }
                }
            }
            if (p.entity() != null && p.kind() == org.graphlint.parser.PageKind.METHOD
                    && p.entity().equals(p.entity().toLowerCase(Locale.ROOT)) && !types.contains(p.entity())
                    && !slugNames(p, p.entity())) {
                // "Create and send a notification", "Add app to team", "Create or replace an activity": a word of the
                // title that no page documents as a type and the page's own name (notifications-post) does not
                // name either; the page makes no entity
                p = p.withEntity(null);
            }
            if (p.entity() != null) {
                String c = canonical.get(p.apiVersion() + ":" + p.entity().toLowerCase(Locale.ROOT));
                if (c != null && !c.equals(p.entity())) {
                    p = p.withEntity(c);
                }
            }
            out.add(p);
        }
        return out;
    }

    /** The type the metadata comment of the page's first own response names, without namespace; null when none does. */
    static String declaredResponseType(PageFacts p) {
        for (org.graphlint.parser.Example e : PageFacts.ownExamples(p.page())) {
            if (e.kind() == org.graphlint.parser.Example.Kind.RESPONSE && e.declaredType() != null) {
                String t = PageFacts.stripNamespace(e.declaredType());
                return Identifiers.isName(t) ? t : null;
            }
        }
        return null;
    }

    /** The word of the page's English title after the given one, when it is an identifier; null otherwise. */
    static String titleWordAfter(PageFacts p, String word) {
        String en = p.page().title() == null ? null : p.page().title().english();
        if (en == null) {
            return null;
        }
        String[] words = en.strip().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals(word)) {
                return Identifiers.isName(words[i + 1]) ? words[i + 1] : null;
            }
        }
        return null;
    }

    /** True when a segment of the page's slug ({@code api/widget-create}) is the word (or its plural). */
    static boolean slugNames(PageFacts p, String word) {
        if (p.slug() == null) {
            return true; // a flat folder of pages: nothing to contradict the title
        }
        for (String seg : p.slug().substring(p.slug().indexOf('/') + 1).split("-")) {
            if (seg.equalsIgnoreCase(word) || seg.equalsIgnoreCase(word + "s")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A type page's title may spell its type otherwise than the type is used ("BaseItem resource type" for
     * {@code baseItem}, "timecard" for {@code timeCard}): the spelling wins that the docs' own property rows and
     * "Inherits from" sentences use when they link to the page, where it differs from the title only in case. A
     * type the page's own resource block declares keeps its spelling.
     */
    static List<PageFacts> typeNamesAsLinked(List<PageFacts> facts) {
        return typeNamesAsLinked(facts, new java.util.HashMap<>());
    }

    /** The same, putting each capitalized name given up into {@code renamed} (api:old name in lower case to the new). */
    static List<PageFacts> typeNamesAsLinked(List<PageFacts> facts, Map<String, String> renames) {
        Map<String, Map<String, Integer>> votes = new java.util.HashMap<>();
        for (PageFacts p : facts) {
            for (org.graphlint.parser.PropertyRow r : p.page().properties()) {
                if (r.typeLink() != null && r.type() != null) {
                    vote(votes, p.apiVersion(), r.typeLink(), PageFacts.stripNamespace(r.type()));
                }
            }
            org.graphlint.parser.BaseType b = p.page().baseType();
            if (b != null && b.link() != null && b.name() != null) {
                vote(votes, p.apiVersion(), b.link(), b.name().strip());
            }
            if (p.page().declaredType() != null && p.slug() != null) {
                // what the same page declares in any API version (beta's contract.md declares "Contract", v1.0's "contract")
                String d = PageFacts.stripNamespace(p.page().declaredType());
                if (Identifiers.isLowerName(d)) {
                    votes.computeIfAbsent("*:" + p.slug(), x -> new java.util.HashMap<>()).merge(d, 1, Integer::sum);
                }
            }
        }
        List<PageFacts> out = new ArrayList<>(facts.size());
        for (PageFacts p : facts) {
            // a capitalized name (title "UserFlow resource type", or a block declaring "microsoft.graph.Contract") is
            // not the identifier the docs use: Graph type identifiers start lower case
            boolean upper = p.typeName() != null && Character.isUpperCase(p.typeName().charAt(0));
            boolean declared = p.page().declaredType() != null && !upper
                    && PageFacts.stripNamespace(p.page().declaredType()).equals(p.typeName());
            // a lower camel-case name with an inner capital (driveItem) is already the identifier; links written
            // [DriveItem](driveitem.md) in running text do not change it
            boolean camel = p.typeName() != null && Character.isLowerCase(p.typeName().charAt(0))
                    && !p.typeName().equals(p.typeName().toLowerCase(Locale.ROOT));
            if (p.typeName() != null && p.slug() != null && !declared && !camel) {
                Map<String, Integer> v = votes.get(p.apiVersion() + ":" + p.slug());
                String renamed = null;
                if (upper) {
                    renamed = linkedIdentifier(p, votes.getOrDefault("*:" + p.slug(), Map.of()));
                }
                if (renamed != null) {
                    renames.put(p.apiVersion() + ":" + p.typeName().toLowerCase(Locale.ROOT), renamed);
                    p = p.withTypeName(renamed);
                } else if (v != null) {
                    String best = null;
                    int n = 0;
                    for (Map.Entry<String, Integer> e : v.entrySet()) {
                        // Graph type identifiers start lower case: such a spelling beats any count of others
                        boolean lower = Character.isLowerCase(e.getKey().charAt(0));
                        boolean bestLower = best != null && Character.isLowerCase(best.charAt(0));
                        if (e.getKey().equalsIgnoreCase(p.typeName()) && (best == null || (lower && !bestLower)
                                || (lower == bestLower && (e.getValue() > n || (e.getValue() == n && e.getKey().compareTo(best) < 0))))) {
                            best = e.getKey();
                            n = e.getValue();
                        }
                    }
                    if (best != null && !best.equals(p.typeName())) {
                        p = p.withTypeName(best);
                    }
                }
            }
            out.add(p);
        }
        return out;
    }

    /**
     * For a capitalized type name, the lower camel-case spelling that links to the page use, or the page declares, in
     * any API version, that is the page's file name
     * ({@code [identityUserFlow](identityuserflow.md)} for "UserFlow resource type"), else the name in the singular
     * ({@code [dimension](dynamics-dimension.md)} for "Dimensions resource type"); the most used, then the first in
     * alphabetical order. Without such a link, a single capitalized word that the file name is or ends with, in lower
     * case. Null otherwise.
     */
    private static String linkedIdentifier(PageFacts p, Map<String, Integer> votes) {
        String file = p.slug().substring(p.slug().lastIndexOf('/') + 1);
        String name = p.typeName();
        String singular = name.length() > 1 && name.endsWith("s") ? name.substring(0, name.length() - 1) : null;
        for (String want : java.util.Arrays.asList(file, singular)) {
            if (want == null) {
                continue;
            }
            String best = null;
            int n = 0;
            for (Map.Entry<String, Integer> e : votes.entrySet()) {
                String k = e.getKey();
                if (Character.isLowerCase(k.charAt(0)) && k.equalsIgnoreCase(want)
                        && (best == null || e.getValue() > n || (e.getValue() == n && k.compareTo(best) < 0))) {
                    best = k;
                    n = e.getValue();
                }
            }
            if (best != null) {
                return best;
            }
        }
        // no link spells it: a single capitalized word the file name ends with ("Dimensions" on dynamics-dimension.md)
        // is that word in lower case
        if (name.substring(1).equals(name.substring(1).toLowerCase(Locale.ROOT))) {
            for (String w : java.util.Arrays.asList(name, singular)) {
                String lw = w == null ? null : w.toLowerCase(Locale.ROOT);
                if (lw != null && (file.equals(lw) || file.endsWith("-" + lw))) {
                    return lw;
                }
            }
        }
        return null;
    }

    private static void vote(Map<String, Map<String, Integer>> votes, String api, String link, String name) {
        if (!Identifiers.isName(name) || link.startsWith("#") || link.contains("://")) {
            return;
        }
        PageIndex.slugOfLink(link).ifPresent(slug -> {
            votes.computeIfAbsent(api + ":" + slug, x -> new java.util.HashMap<>()).merge(name, 1, Integer::sum);
            // and for the page in any API version (a capitalized title is renamed from these: see linkedIdentifier)
            votes.computeIfAbsent("*:" + slug, x -> new java.util.HashMap<>()).merge(name, 1, Integer::sum);
        });
    }
}
