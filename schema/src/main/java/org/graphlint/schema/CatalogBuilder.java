package org.graphlint.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.graphlint.parser.Operation;
import org.graphlint.parser.PageModel;

/**
 * Builds a {@link Catalog} from parsed pages: one schema per page (create/update method pages and resource pages), pages
 * with the same schema (annotations aside) collapsed into one schema version per API version, entity and operation,
 * whose id is the earliest {@code lastHandoff} among them. The names of types and entities are settled first
 * ({@link EntityNames}), the versions of each entity and operation last ({@link VersionTimelines}).
 */
public final class CatalogBuilder {

    /** The result of a build: the catalog and what the builder noticed. */
    public record Result(Catalog catalog, List<String> notes, int pages, int schemas) {
    }

    private CatalogBuilder() {
    }

    /** A page and its file relative to the build root. */
    public record Input(PageModel page, String file) {
    }

    public static Result build(List<Input> inputs) {
        PageFacts[] facts = new PageFacts[inputs.size()];
        EveryCore.run("graphlint-build", inputs.size(), i -> facts[i] = PageFacts.of(inputs.get(i).page(), inputs.get(i).file()));
        PhaseTimes.mark("facts");
        return buildFacts(java.util.Arrays.asList(facts));
    }

    /** One version timeline: an API version's entity and operation. */
    record Key(String api, String entity, OperationKind op) {
    }

    public static Result buildFacts(List<PageFacts> pageFacts) {
        List<PageFacts> facts = EntityNames.canonicalEntityNames(pageFacts);
        PhaseTimes.mark("names");
        PageIndex index = new PageIndex(facts);
        PhaseTimes.mark("index");
        SchemaBuilder builder = new SchemaBuilder(index);
        List<String> notes = new ArrayList<>();
        Map<Key, List<SchemaBuilder.Built>> byKey = new TreeMap<>(Comparator.comparing(Key::api)
                .thenComparing(Key::entity).thenComparing(Key::op));
        Map<String, Set<DocumentedOperation>> operations = new TreeMap<>();
        int schemas = 0;
        // The schemas are built on every core (each page's schema depends only on the index), then taken in page
        // order: notes and versions come out as from one thread.
        @SuppressWarnings("unchecked")
        Optional<SchemaBuilder.Built>[] drafts = new Optional[facts.size()];
        EveryCore.run("graphlint-build", facts.size(), i -> {
            PageFacts p = facts.get(i);
            if (p.entity() != null && p.operation() != null && p.page().lastHandoff() != null) {
                drafts[i] = builder.draft(p);
            }
        });
        PhaseTimes.mark("drafts");
        for (int i = 0; i < facts.size(); i++) {
            PageFacts p = facts.get(i);
            if (p.entity() == null || p.operation() == null) {
                continue;
            }
            for (Operation o : p.page().operations()) {
                if (o.method() != null && o.path() != null) {
                    String path = pathTemplate(o.path());
                    if (!isTemplate(path)) {
                        // "** Entity URI for microsoft.management.services.api.vulnerableManagedDevice not found": the
                        // docs generator's placeholder, no path (and no "did you mean" a user could follow)
                        notes.add(p.file() + ": request path '" + o.path().strip() + "' is not a path: not routed");
                        continue;
                    }
                    operations.computeIfAbsent(p.apiVersion(), x -> new LinkedHashSet<>()).add(new DocumentedOperation(
                            o.method().toUpperCase(Locale.ROOT), path, p.entity(), p.operation()));
                }
            }
            if (p.page().lastHandoff() == null) {
                notes.add(p.file() + ": no ms.lasthandoff date: not part of any schema version");
                continue;
            }
            var built = builder.finish(drafts[i]);
            if (built.isEmpty()) {
                continue;
            }
            schemas++;
            notes.addAll(built.get().notes());
            byKey.computeIfAbsent(new Key(p.apiVersion(), p.entity(), p.operation()), k -> new ArrayList<>()).add(built.get());
        }
        PhaseTimes.mark("finish");
        Map<String, List<SchemaVersion>> versionsByApi = new LinkedHashMap<>();
        List<Map.Entry<Key, List<SchemaBuilder.Built>>> keys = new ArrayList<>(byKey.entrySet());
        for (Map.Entry<Key, List<SchemaBuilder.Built>> e : keys) {
            e.setValue(VersionTimelines.primaryFamily(e.getKey(), e.getValue(), notes));
        }
        // each key's versions (structures compared, changes diffed) on every core, then taken in key order
        @SuppressWarnings("unchecked")
        List<SchemaVersion>[] versions = new List[keys.size()];
        java.util.stream.IntStream.range(0, keys.size()).parallel()
                .forEach(i -> versions[i] = VersionTimelines.versions(keys.get(i).getKey(), keys.get(i).getValue()));
        for (int i = 0; i < keys.size(); i++) {
            versionsByApi.computeIfAbsent(keys.get(i).getKey().api(), x -> new ArrayList<>()).addAll(versions[i]);
        }
        Map<String, Catalog> byApi = new LinkedHashMap<>();
        Set<String> apis = new java.util.TreeSet<>(versionsByApi.keySet());
        apis.addAll(operations.keySet());
        for (String api : apis) {
            List<SchemaVersion> vs = versionsByApi.getOrDefault(api, List.of());
            Map<String, String> types = new LinkedHashMap<>();
            for (SchemaVersion v : vs) {
                types.put("microsoft.graph." + v.entity(), v.entity());
            }
            byApi.put(api, Catalog.of(api, vs, new ArrayList<>(operations.getOrDefault(api, Set.of())), types));
        }
        PhaseTimes.mark("versions");
        return new Result(Catalog.of(byApi, Catalog.DEFAULT_API_VERSION), List.copyOf(notes), facts.size(), schemas);
    }

    /**
     * A documented path as a template from the root: "print/printers/{id}/jobs" and "~/onPremisesPublishingProfiles/..."
     * (the service root written as in OData) as "/print/printers/{id}/jobs" and "/onPremisesPublishingProfiles/...".
     */
    /**
     * A path template has no {@code **}: what the docs' generator wrote where it could not make a path
     * ({@code ** Entity URI for … not found}). Spaces alone say nothing: {@code /users/{id | userPrincipalName}}.
     */
    static boolean isTemplate(String path) {
        return !path.contains("**");
    }

    static String pathTemplate(String documented) {
        String path = documented.strip();
        if (path.startsWith("~/")) {
            path = path.substring(1);
        }
        return path.startsWith("/") ? path : "/" + path;
    }
}

