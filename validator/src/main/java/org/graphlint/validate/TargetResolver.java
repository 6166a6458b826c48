package org.graphlint.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import tools.jackson.databind.JsonNode;

/**
 * Which schema version a body is checked against: from an entity, operation and selector, or from what the body and
 * its file say ({@code @odata.type}, {@code $schema}, the file name), and which API version of the catalog a request
 * URL names. Thread-safe; look-ups and routers are cached.
 */
final class TargetResolver {

    /** A schema version found, or the input finding (position 1:1, no file name) that says why there is none. */
    sealed interface Resolution permits Found, Missing {
    }

    record Found(Target target) implements Resolution {
    }

    record Missing(Finding why) implements Resolution {
    }

    /** The most target look-ups kept: selectors are caller strings (any date is one), so the cache is bounded. */
    static final int MAX_CACHED_TARGETS = 1024;

    private record Key(String apiVersion, String entity, OperationKind operation, String selector) {
    }

    private final Catalog catalog;
    private final ConcurrentHashMap<Key, Found> targets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RequestRouter> routers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, String>> entityNames = new ConcurrentHashMap<>();

    TargetResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A target, or why there is none. Found targets are cached (at most {@link #MAX_CACHED_TARGETS}); failed look-ups
     * are not, as their keys are whatever a caller sent (5,000 unknown 100 KB names once held 1 GB).
     */
    Resolution resolve(Catalog cat, String entity, OperationKind op, String selector) {
        Key key = new Key(cat.apiVersion(), entity, op, selector);
        Found hit = targets.get(key);
        if (hit != null) {
            return hit;
        }
        Resolution r = lookUp(cat, entity, op, selector);
        if (r instanceof Found found) {
            if (targets.size() >= MAX_CACHED_TARGETS) {
                targets.clear();
            }
            targets.putIfAbsent(key, found);
        }
        return r;
    }

    int cachedTargets() {
        return targets.size();
    }

    private static Resolution lookUp(Catalog cat, String entity, OperationKind op, String selector) {
        if (!cat.entities().contains(entity)) {
            List<String> near = Suggest.nearest(entity, cat.entities());
            return missing("unknown-entity", "no schemas for entity '" + RequestChecks.printable(HttpFile.abbreviate(entity))
                    + "' in the " + cat.apiVersion() + " catalog" + (near.isEmpty() ? "; known: "
                    + Suggest.list(cat.entities(), 12) : "; did you mean " + Suggest.orList(near) + "?"));
        }
        List<SchemaVersion> vs = cat.versions(entity, op);
        if (vs.isEmpty()) {
            return missing("unknown-operation", "entity '" + entity + "' has no " + op.id() + " schema; it has: "
                    + kinds(cat, entity));
        }
        Optional<SchemaVersion> v;
        try {
            v = cat.select(entity, op, selector);
        } catch (IllegalArgumentException e) {
            return missing("version", e.getMessage());
        }
        if (v.isEmpty()) {
            return missing("version", "no " + entity + " " + op.id() + " schema version matches '"
                    + RequestChecks.printable(HttpFile.abbreviate(selector)) + "': versions are " + ids(vs)
                    + " (a date selects the newest version not after it)");
        }
        return new Found(new Target(v.get(), selector, cat.apiVersion()));
    }

    private static Missing missing(String rule, String message) {
        return new Missing(SourceText.input(1, 1, rule, message));
    }

    private static String kinds(Catalog cat, String entity) {
        List<String> l = new ArrayList<>();
        cat.operationKinds(entity).forEach(k -> l.add(k.id()));
        return String.join(", ", l);
    }

    private static String orIds(Set<OperationKind> kinds) {
        List<String> l = new ArrayList<>();
        kinds.forEach(k -> l.add(k.id()));
        return l.size() < 2 ? String.join("", l)
                : String.join(", ", l.subList(0, l.size() - 1)) + " or " + l.get(l.size() - 1);
    }

    private static String ids(List<SchemaVersion> vs) {
        List<String> l = new ArrayList<>();
        vs.forEach(v -> l.add(v.id()));
        return String.join(", ", l);
    }

    /**
     * The target of a body: the options' entity and operation, else the hints (a request's documented operation, the
     * operation word of a file name), else {@code $schema}, {@code @odata.type} or an entity named in the file name.
     */
    Resolution choose(Catalog cat, JsonNode node, String entityHint, OperationKind opHint, ValidateOptions o) {
        String fileName = Routing.isFileName(entityHint) ? Routing.fileNameOf(entityHint) : null;
        String entity = o.entity() != null ? o.entity() : fileName != null ? null : entityHint;
        OperationKind schemaOp = null;
        if (entity == null) {
            String[] attached = Routing.attachedSchema(node);
            if (attached != null && cat.entities().contains(attached[0])) {
                entity = attached[0];
                schemaOp = OperationKind.fromId(attached[1]);
            }
        }
        String odataType = null;
        if (entity == null && node.isObject()) {
            JsonNode ot = node.get("@odata.type");
            if (ot != null && ot.isString()) {
                odataType = ot.asString();
                entity = cat.entityForOdataType(odataType).orElse(null);
            }
        }
        if (entity == null && odataType == null && fileName != null) {
            entity = Routing.entityInName(fileName, entityNames(cat));
        }
        if (entity == null) {
            if (cat.entities().size() == 1 && odataType == null) {
                entity = cat.entities().iterator().next();
            } else {
                List<String> near = odataType == null ? List.of()
                        : Suggest.nearest(Routing.typeName(odataType), cat.entities());
                return missing("ambiguous-target", (odataType != null
                        ? "@odata.type '" + odataType + "' names no entity of the " + cat.apiVersion() + " catalog"
                        + (near.isEmpty() ? "" : " (did you mean " + Suggest.orList(near) + "?)")
                        : "cannot tell which entity this body is for (no request line, no @odata.type, no entity name in the file name)")
                        + ": add --entity NAME (" + Suggest.list(cat.entities(), 8) + ")");
            }
        }
        OperationKind op = o.operation() != null ? o.operation() : opHint != null ? opHint : schemaOp;
        if (op == null) {
            Set<OperationKind> kinds = cat.operationKinds(entity);
            if (kinds.size() == 1) {
                op = kinds.iterator().next();
            } else if (kinds.isEmpty()) {
                return resolve(cat, entity, OperationKind.CREATE, o.selector());
            } else {
                return missing("ambiguous-target", "cannot tell whether this " + entity + " body is for " + orIds(kinds)
                        + ": add --operation create|update|resource, name the file like `x-create.json`, or use a .http fixture");
            }
        }
        return resolve(cat, entity, op, o.selector());
    }

    /** Lower-case entity name to entity, for one API version (built on first use). */
    private Map<String, String> entityNames(Catalog cat) {
        return entityNames.computeIfAbsent(cat.apiVersion(), k -> {
            Map<String, String> m = new HashMap<>();
            for (String e : cat.entities()) {
                m.put(e.toLowerCase(Locale.ROOT), e);
            }
            return m;
        });
    }

    /** The catalog of the API version a request URL names, when the catalog has it; else the default one. */
    Catalog catalogFor(String url) {
        String api = RequestRouter.apiVersionOf(url);
        return api != null && !api.equals(catalog.apiVersion()) && catalog.apiVersions().contains(api)
                ? catalog.forApiVersion(api) : catalog;
    }

    /** The request router of one API version of the catalog (built on first use). */
    RequestRouter router(Catalog cat) {
        return routers.computeIfAbsent(cat.apiVersion(), k -> RequestRouter.of(cat));
    }

    private static final String[] OPERATION_WORDS = {"create", "update", "resource"};

    /**
     * The operation a JSON fixture's file name states as a word ({@code create-valid.json},
     * {@code vppToken-update-2021.json}, {@code token.resource.json}); null when it states none or several. Words are
     * separated by {@code -}, {@code _} and {@code .}, compared in any ASCII case; scanned by hand (this runs for every
     * fixture of a run: a regular expression's matcher and a lower-cased copy of the name were most of its cost).
     */
    static OperationKind operationInName(String name) {
        if (name == null) {
            return null;
        }
        int n = name.length();
        int i = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1;
        OperationKind found = null;
        while (i <= n) {
            int end = i;
            while (end < n && !isNameSeparator(name.charAt(end))) {
                end++;
            }
            for (String w : OPERATION_WORDS) {
                if (end - i == w.length() && asciiEqualsIgnoreCase(name, i, w)) {
                    OperationKind k = OperationKind.fromId(w);
                    if (found != null && found != k) {
                        return null;
                    }
                    found = k;
                }
            }
            i = end + 1;
        }
        return found;
    }

    private static boolean isNameSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    /** {@code s[from, from + lowerWord.length())} equals {@code lowerWord} with ASCII upper-case letters lowered. */
    private static boolean asciiEqualsIgnoreCase(String s, int from, String lowerWord) {
        for (int j = 0; j < lowerWord.length(); j++) {
            char c = s.charAt(from + j);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerWord.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}
